// MARK: - Generic navigation

extension ParseResult {
    /// The `Module` node.
    public var module: NodeID { tree.root }

    /// The node class of `id`.
    public func kind(_ id: NodeID) -> NodeKind { tree[id].kind }

    /// The byte range of `id` (CPython's positions; nodes without a position span their parts).
    public func range(_ id: NodeID) -> Range<Int> {
        let r = tree[id]
        return Int(r.start)..<Int(r.end)
    }

    /// CPython's (lineno, col_offset, end_lineno, end_col_offset) of `id`; columns in UTF-8 bytes.
    public func position(_ id: NodeID) -> (line: Int, column: Int, endLine: Int, endColumn: Int) {
        let r = tree[id]
        let s = sourceMap.location(of: Int(r.start)), e = sourceMap.location(of: Int(r.end))
        return (s.line, s.column, e.line, e.column)
    }

    /// The source text of a byte range.
    public func text(_ range: Range<Int>) -> String { String(decoding: source[range], as: UTF8.self) }

    /// The source text of a node.
    public func text(_ id: NodeID) -> String { text(range(id)) }

    /// True when the expression was written inside (redundant) parentheses.
    public func isParenthesized(_ id: NodeID) -> Bool { tree[id].flags & 1 != 0 }

    /// Direct child nodes, in CPython's `_fields` order (absent optional children skipped).
    public func children(_ id: NodeID) -> [NodeID] {
        let r = tree[id]
        var out: [NodeID] = []
        for field in NodeSchema.table[Int(r.kind.rawValue)].fields {
            let v = r.slot(field.slot)
            switch field.type {
            case .node, .optNode: if v >= 0 { out.append(NodeID(v)) }
            case .nodeList: for item in tree.listSlice(v) where item >= 0 { out.append(NodeID(item)) }
            default: break
            }
        }
        return out
    }

    /// Visits `from` (default: the module) and every node below it, pre-order in field order.
    /// Return false from `visit` to skip a node's children. Iterative: no recursion limit.
    public func walk(from: NodeID? = nil, _ visit: (NodeID) -> Bool) {
        guard let start = from ?? (tree.root.exists ? tree.root : nil) else { return }
        var stack = [start]
        while let id = stack.popLast() {
            if visit(id) { stack.append(contentsOf: children(id).reversed()) }
        }
    }

    /// Every node of `kind`, in source (pre-order) order.
    public func nodes(of kind: NodeKind) -> [NodeID] {
        var out: [NodeID] = []
        walk { id in
            if self.kind(id) == kind { out.append(id) }
            return true
        }
        return out
    }

    /// The child in field `name` (CPython's field name, e.g. "value", "func", "returns").
    public func child(_ id: NodeID, _ name: String) -> NodeID? {
        let r = tree[id]
        guard let f = NodeSchema.table[Int(r.kind.rawValue)].fields.first(where: { $0.name == name }),
              f.type == .node || f.type == .optNode else { return nil }
        let v = r.slot(f.slot)
        return v >= 0 ? NodeID(v) : nil
    }

    /// The node list in field `name` (e.g. "body", "orelse", "handlers", "elts"); `.none` marks a
    /// None entry (`Dict.keys` for `**x`, `arguments.kw_defaults`). Empty if there is no such field.
    public func list(_ id: NodeID, _ name: String) -> [NodeID] {
        let r = tree[id]
        guard let f = NodeSchema.table[Int(r.kind.rawValue)].fields.first(where: { $0.name == name }),
              f.type == .nodeList else { return [] }
        return tree.listSlice(r.slot(f.slot)).map { NodeID($0) }
    }

    /// All statement lists of a node, by field name (`body`, `orelse`, `finalbody`, and for `Try` the
    /// handlers' bodies are reached through `handlers`). Module, defs, classes, compound statements,
    /// `ExceptHandler` and `match_case` have them.
    public func blocks(_ id: NodeID) -> [(field: String, statements: [NodeID])] {
        let r = tree[id]
        var out: [(String, [NodeID])] = []
        for field in NodeSchema.table[Int(r.kind.rawValue)].fields
        where field.type == .nodeList && ["body", "orelse", "finalbody"].contains(field.name) {
            out.append((field.name, tree.listSlice(r.slot(field.slot)).map { NodeID($0) }))
        }
        return out
    }

    /// The `body` statements of a block-holding node (empty if it has none).
    public func body(_ id: NodeID) -> [NodeID] { list(id, "body") }

    /// Identifier at a byte offset stored in a node, with its range.
    func identifierSpan(_ offset: Int32) -> Identifier {
        var e = Int(offset)
        while e < source.count && isIdentChar(source[e]) { e += 1 }
        if e == Int(offset) { e += 1 }  // `*`
        return Identifier(name: identifier(at: offset), range: Int(offset)..<e)
    }
}

/// An identifier as written: its (NFKC-normalised) name and the byte range of its token.
public struct Identifier: Sendable, Hashable {
    /// The name CPython sees (NFKC normalised).
    public let name: String
    /// Byte range of the identifier in the source.
    public let range: Range<Int>
}

// MARK: - Typed views

/// One `alias` of an import: `import a.b as c` / `from m import x as y`.
public struct ImportAlias: Sendable, Hashable {
    /// The alias node.
    public let node: NodeID
    /// The imported name, dotted for `import a.b` (`"*"` for a star import).
    public let name: String
    /// The `as` name, if any.
    public let asname: Identifier?
    /// The alias's range (name through asname).
    public let range: Range<Int>
    /// Byte range of the (dotted) name.
    public let nameRange: Range<Int>
    /// The name this alias binds in the importing scope: the asname, else the first component of
    /// the dotted name (for `import a.b`, `a`); nil for `*`.
    public var boundName: String? {
        if let a = asname { return a.name }
        if name == "*" { return nil }
        return String(name.prefix { $0 != "." })
    }
}

/// An `Import` or `ImportFrom` statement.
public struct ImportStatement: Sendable {
    /// The statement node.
    public let node: NodeID
    /// True for `from ... import ...`.
    public let isFrom: Bool
    /// The module of a `from` import (nil for `from . import x` and for plain imports).
    public let module: String?
    /// Number of leading dots of a relative `from` import (0 otherwise).
    public let level: Int
    /// The imported names.
    public let aliases: [ImportAlias]
}

/// A `Name` expression.
public struct NameExpression: Sendable, Hashable {
    /// The node.
    public let node: NodeID
    /// The identifier (NFKC normalised).
    public let id: String
    /// Load, Store or Del.
    public let ctx: ExprContext
    /// Byte range.
    public let range: Range<Int>
}

/// An `Attribute` expression `value.attr`.
public struct AttributeExpression: Sendable, Hashable {
    /// The node.
    public let node: NodeID
    /// The object expression.
    public let value: NodeID
    /// The attribute name and its range.
    public let attr: Identifier
    /// Load, Store or Del.
    public let ctx: ExprContext
}

/// An assignment statement of any form.
public struct AssignmentStatement: Sendable {
    /// What kind of assignment.
    public enum Form: Sendable { case assign, augmented(BinaryOperator), annotated(simple: Bool) }
    /// The statement node.
    public let node: NodeID
    /// The form.
    public let form: Form
    /// Targets (several for `a = b = c`; one otherwise).
    public let targets: [NodeID]
    /// The assigned value (nil for a bare annotation `x: int`).
    public let value: NodeID?
    /// The annotation of an annotated assignment.
    public let annotation: NodeID?
}

/// A parameter (`arg` node) of a function or lambda.
public struct Parameter: Sendable, Hashable {
    /// The arg node.
    public let node: NodeID
    /// Name and its range.
    public let name: Identifier
    /// Annotation expression, if any.
    public let annotation: NodeID?
    /// Default value, if any.
    public let defaultValue: NodeID?
    /// Which kind of parameter it is.
    public let kind: Kind
    /// Parameter kinds, in declaration order.
    public enum Kind: Sendable, Hashable { case positionalOnly, regular, varArgs, keywordOnly, varKeywords }
}

/// A scope-creating node: function, class, lambda or comprehension.
public struct ScopeNode: Sendable {
    /// The node.
    public let node: NodeID
    /// Its kind (`.functionDef`, `.asyncFunctionDef`, `.classDef`, `.lambda`, `.listComp`, `.setComp`,
    /// `.dictComp`, `.generatorExp`).
    public let kind: NodeKind
    /// Name of a def or class.
    public let name: Identifier?
    /// Parameters of a def or lambda, in order.
    public let parameters: [Parameter]
    /// Decorator expressions.
    public let decorators: [NodeID]
    /// Base classes of a class.
    public let bases: [NodeID]
    /// Keywords of a class header (`metaclass=...`).
    public let keywords: [NodeID]
    /// PEP 695 type parameters.
    public let typeParams: [NodeID]
    /// Return annotation of a def.
    public let returns: NodeID?
    /// Body statements (defs, classes).
    public let body: [NodeID]
    /// Byte range from the first to the end of the last body statement (nil without a body).
    public let bodyRange: Range<Int>?
    /// Lambda body or comprehension element(s) (`key`, `value` for a dict comprehension).
    public let expressions: [NodeID]
    /// `comprehension` nodes of a comprehension (first one's iterable is evaluated outside).
    public let generators: [NodeID]
}

/// A constant value.
public enum ConstantValue: Sendable, Hashable {
    case none, `true`, `false`, ellipsis
    /// Integer, as its decimal text (arbitrary precision).
    case int(String)
    /// Float, as Python's repr.
    case float(String)
    /// Imaginary number, as Python's repr (`"10j"`).
    case complex(String)
    /// String, as code points (lone surrogates possible) and as a Swift string (surrogates replaced).
    case string([UInt32])
    /// Bytes.
    case bytes([UInt8])
}

extension ParseResult {
    /// `Import` / `ImportFrom` view; nil for other nodes.
    public func importStatement(_ id: NodeID) -> ImportStatement? {
        let r = tree[id]
        switch r.kind {
        case .importStmt:
            return ImportStatement(node: id, isFrom: false, module: nil, level: 0, aliases: aliases(r.a))
        case .importFrom:
            let module = r.a >= 0 ? dottedName(r.a, r.b) : nil
            return ImportStatement(node: id, isFrom: true, module: module, level: Int(r.d), aliases: aliases(r.c))
        default: return nil
        }
    }

    func aliases(_ list: Int32) -> [ImportAlias] {
        tree.listSlice(list).map { item in
            let a = tree.nodes[Int(item)]
            return ImportAlias(node: NodeID(item), name: dottedName(a.a, a.b), asname: a.c >= 0 ? identifierSpan(a.c) : nil,
                               range: Int(a.start)..<Int(a.end), nameRange: Int(a.a)..<Int(a.b))
        }
    }

    /// `Name` view; nil for other nodes.
    public func name(_ id: NodeID) -> NameExpression? {
        let r = tree[id]
        guard r.kind == .name else { return nil }
        return NameExpression(node: id, id: identifier(at: r.a), ctx: ExprContext(rawValue: r.aux) ?? .load, range: Int(r.start)..<Int(r.end))
    }

    /// `Attribute` view; nil for other nodes.
    public func attribute(_ id: NodeID) -> AttributeExpression? {
        let r = tree[id]
        guard r.kind == .attribute else { return nil }
        return AttributeExpression(node: id, value: NodeID(r.a), attr: identifierSpan(r.b), ctx: ExprContext(rawValue: r.aux) ?? .load)
    }

    /// `Assign` / `AugAssign` / `AnnAssign` view; nil for other nodes.
    public func assignment(_ id: NodeID) -> AssignmentStatement? {
        let r = tree[id]
        func opt(_ v: Int32) -> NodeID? { v >= 0 ? NodeID(v) : nil }
        switch r.kind {
        case .assign:
            return AssignmentStatement(node: id, form: .assign, targets: tree.listSlice(r.a).map { NodeID($0) }, value: opt(r.b), annotation: nil)
        case .augAssign:
            return AssignmentStatement(node: id, form: .augmented(BinaryOperator(rawValue: r.aux) ?? .add), targets: [NodeID(r.a)], value: opt(r.b), annotation: nil)
        case .annAssign:
            return AssignmentStatement(node: id, form: .annotated(simple: r.d == 1), targets: [NodeID(r.a)], value: opt(r.c), annotation: opt(r.b))
        default: return nil
        }
    }

    /// Names of a `Global` / `Nonlocal` statement with their ranges; nil for other nodes.
    public func declaredNames(_ id: NodeID) -> [Identifier]? {
        let r = tree[id]
        guard r.kind == .global || r.kind == .nonlocal else { return nil }
        return tree.listSlice(r.a).map { identifierSpan($0) }
    }

    /// Targets of a `Delete` statement; nil for other nodes.
    public func deleteTargets(_ id: NodeID) -> [NodeID]? {
        tree[id].kind == .delete ? list(id, "targets") : nil
    }

    /// The value of a `Constant` (or `MatchSingleton`) node; nil for other nodes.
    public func constant(_ id: NodeID) -> ConstantValue? {
        let r = tree[id]
        guard r.kind == .constant || r.kind == .matchSingleton else { return nil }
        func tokenText() -> ArraySlice<UInt8> { let t = tokens[Int(r.b)]; return source[Int(t.start)..<Int(t.end)] }
        switch ConstantKind(rawValue: r.a) ?? .none {
        case .none: return ConstantValue.none
        case .true: return .true
        case .false: return .false
        case .ellipsis: return .ellipsis
        case .int: return .int(PythonLiteral.intDecimal(tokenText()) ?? "")
        case .float: return .float(PythonLiteral.floatRepr(tokenText()) ?? "")
        case .complex: return .complex(PythonLiteral.imaginaryRepr(tokenText()) ?? "")
        case .str, .decodedStr: return .string(stringValue(r) ?? [])
        case .bytes: return .bytes(bytesValue(r) ?? [])
        }
    }

    /// The value of a str `Constant` as a Swift string (lone surrogates become U+FFFD); nil otherwise.
    public func stringValue(_ id: NodeID) -> String? {
        guard case .string(let scalars)? = constant(id) else { return nil }
        var s = String.UnicodeScalarView()
        for v in scalars { s.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        return String(s)
    }

    /// Scope view of a def, class, lambda or comprehension; nil for other nodes.
    public func scope(_ id: NodeID) -> ScopeNode? {
        let r = tree[id]
        func ids(_ list: Int32) -> [NodeID] { tree.listSlice(list).map { NodeID($0) } }
        func bodyRange(_ body: [NodeID]) -> Range<Int>? {
            guard let f = body.first, let l = body.last else { return nil }
            return range(f).lowerBound..<range(l).upperBound
        }
        switch r.kind {
        case .functionDef, .asyncFunctionDef:
            let body = ids(r.c)
            return ScopeNode(node: id, kind: r.kind, name: identifierSpan(r.a), parameters: parameters(NodeID(r.b)),
                             decorators: ids(r.d), bases: [], keywords: [], typeParams: ids(r.f),
                             returns: r.e >= 0 ? NodeID(r.e) : nil, body: body, bodyRange: bodyRange(body),
                             expressions: [], generators: [])
        case .classDef:
            let body = ids(r.d)
            return ScopeNode(node: id, kind: r.kind, name: identifierSpan(r.a), parameters: [], decorators: ids(r.e),
                             bases: ids(r.b), keywords: ids(r.c), typeParams: ids(r.f), returns: nil, body: body,
                             bodyRange: bodyRange(body), expressions: [], generators: [])
        case .lambda:
            return ScopeNode(node: id, kind: r.kind, name: nil, parameters: parameters(NodeID(r.a)), decorators: [], bases: [],
                             keywords: [], typeParams: [], returns: nil, body: [], bodyRange: nil, expressions: [NodeID(r.b)], generators: [])
        case .listComp, .setComp, .generatorExp:
            return ScopeNode(node: id, kind: r.kind, name: nil, parameters: [], decorators: [], bases: [], keywords: [],
                             typeParams: [], returns: nil, body: [], bodyRange: nil, expressions: [NodeID(r.a)], generators: ids(r.b))
        case .dictComp:
            return ScopeNode(node: id, kind: r.kind, name: nil, parameters: [], decorators: [], bases: [], keywords: [],
                             typeParams: [], returns: nil, body: [], bodyRange: nil, expressions: [NodeID(r.a), NodeID(r.b)], generators: ids(r.c))
        default: return nil
        }
    }

    /// Parameters of an `arguments` node, in declaration order, with their defaults.
    public func parameters(_ arguments: NodeID) -> [Parameter] {
        guard arguments.exists, tree[arguments].kind == .arguments else { return [] }
        let r = tree[arguments]
        var out: [Parameter] = []
        let posonly = tree.listSlice(r.a), args = tree.listSlice(r.b), defaults = Array(tree.listSlice(r.g))
        let positional = posonly.count + args.count
        func make(_ item: Int32, _ kind: Parameter.Kind, _ def: Int32) -> Parameter {
            let a = tree.nodes[Int(item)]
            return Parameter(node: NodeID(item), name: identifierSpan(a.a), annotation: a.b >= 0 ? NodeID(a.b) : nil,
                             defaultValue: def >= 0 ? NodeID(def) : nil, kind: kind)
        }
        for (i, item) in (Array(posonly) + Array(args)).enumerated() {
            let d = i - (positional - defaults.count)
            out.append(make(item, i < posonly.count ? .positionalOnly : .regular, d >= 0 ? defaults[d] : -1))
        }
        if r.c >= 0 { out.append(make(r.c, .varArgs, -1)) }
        for (item, def) in zip(tree.listSlice(r.d), tree.listSlice(r.e)) { out.append(make(item, .keywordOnly, def)) }
        if r.f >= 0 { out.append(make(r.f, .varKeywords, -1)) }
        return out
    }

    /// Name bound by an `ExceptHandler` (`except E as name`), with its range.
    public func handlerName(_ id: NodeID) -> Identifier? {
        let r = tree[id]
        guard r.kind == .exceptHandler, r.b >= 0 else { return nil }
        return identifierSpan(r.b)
    }

    /// Identifier fields of pattern and other nodes (`MatchAs.name`, `MatchStar.name`,
    /// `MatchMapping.rest`, `keyword.arg`, `TypeVar.name`, ...) by CPython field name.
    public func identifier(_ id: NodeID, _ field: String) -> Identifier? {
        let r = tree[id]
        guard let f = NodeSchema.table[Int(r.kind.rawValue)].fields.first(where: { $0.name == field }),
              f.type == .ident || f.type == .optIdent else { return nil }
        let v = r.slot(f.slot)
        return v >= 0 ? identifierSpan(v) : nil
    }

    /// The comment tokens, in order (text via `text(_:)` of their range).
    public var comments: [Token] { tokens.filter { $0.kind == .comment } }
}

// MARK: - Tokens and lines

extension ParseResult {
    /// Index in `tokens` of the token whose range contains `offset` (or that starts at it); nil when
    /// `offset` is in whitespace between tokens or out of range.
    public func tokenIndex(at offset: Int) -> Int? {
        var lo = 0, hi = tokens.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let t = tokens[mid]
            if Int(t.end) <= offset && t.end > t.start { lo = mid + 1 }
            else if Int(t.start) > offset { hi = mid - 1 }
            else {
                // Several tokens may share a start (empty DEDENT/NEWLINE at EOF): take the first real one.
                var i = mid
                while i > 0 && tokens[i - 1].start == t.start { i -= 1 }
                while i < tokens.count - 1 && tokens[i].start == tokens[i].end && Int(tokens[i].start) == offset { i += 1 }
                return Int(tokens[i].start) <= offset && offset < max(Int(tokens[i].end), Int(tokens[i].start) + 1) ? i : nil
            }
        }
        return nil
    }

    /// The byte range of whole lines covering `id`: from the start of its first line through the line
    /// break that ends its last line (what removing a statement on its own lines deletes).
    public func lineRange(_ id: NodeID) -> Range<Int> {
        let r = range(id)
        let first = sourceMap.line(of: r.lowerBound)
        let last = sourceMap.line(of: max(r.lowerBound, r.upperBound - 1))
        let start = sourceMap.lineStarts[first - 1]
        let end = last < sourceMap.lineStarts.count ? sourceMap.lineStarts[last] : source.count
        return start..<end
    }

    /// The comment tokens inside a byte range (e.g. a statement's `lineRange`).
    public func comments(in range: Range<Int>) -> [Token] {
        tokens.filter { $0.kind == .comment && range.contains(Int($0.start)) }
    }
}
