/// Identifies one node in a `SyntaxTree` (an index into its node array). `.none` is "no node".
public struct NodeID: Hashable, Sendable, Comparable {
    /// Index into `SyntaxTree.nodes`; -1 for none.
    public let raw: Int32
    /// Wraps a raw index.
    public init(_ raw: Int32) { self.raw = raw }
    /// The absent node (an optional field that is None).
    public static let none = NodeID(-1)
    /// True unless this is `.none`.
    public var exists: Bool { raw >= 0 }
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
}

/// The class of an AST node, one case per CPython `ast` node class that occupies a node record.
/// Operators and expression contexts are not nodes here: they are stored in `NodeRecord.aux`.
public enum NodeKind: UInt8, Sendable, CaseIterable {
    case module
    // Statements.
    case functionDef, asyncFunctionDef, classDef, returnStmt, delete, assign, typeAlias, augAssign
    case annAssign, forStmt, asyncFor, whileStmt, ifStmt, with, asyncWith, match, raise, tryStmt
    case tryStar, assert, importStmt, importFrom, global, nonlocal, expr, pass, breakStmt, continueStmt
    // Expressions.
    case boolOp, namedExpr, binOp, unaryOp, lambda, ifExp, dict, set, listComp, setComp, dictComp
    case generatorExp, await, yield, yieldFrom, compare, call, formattedValue, joinedStr, constant
    case attribute, `subscript`, starred, name, list, tuple, slice
    // Other.
    case comprehension, exceptHandler, arguments, arg, keyword, alias, withItem, matchCase
    // Patterns.
    case matchValue, matchSingleton, matchSequence, matchMapping, matchClass, matchStar, matchAs, matchOr
    // Type parameters.
    case typeVar, paramSpec, typeVarTuple

    /// CPython's class name (`ast.FunctionDef.__name__`).
    public var pythonName: String { NodeSchema.table[Int(rawValue)].name }
    /// True for statement kinds.
    public var isStatement: Bool { rawValue >= NodeKind.functionDef.rawValue && rawValue <= NodeKind.continueStmt.rawValue }
    /// True for expression kinds.
    public var isExpression: Bool { rawValue >= NodeKind.boolOp.rawValue && rawValue <= NodeKind.slice.rawValue }
    /// True for match pattern kinds.
    public var isPattern: Bool { rawValue >= NodeKind.matchValue.rawValue && rawValue <= NodeKind.matchOr.rawValue }
    /// True when CPython gives nodes of this kind a position (lineno, col_offset, ...).
    public var hasPosition: Bool { NodeSchema.table[Int(rawValue)].positioned }
}

/// Expression context (`ast.Load` / `Store` / `Del`), stored in `NodeRecord.aux` of Name, Attribute,
/// Subscript, Starred, List and Tuple.
public enum ExprContext: UInt8, Sendable { case load, store, del }

/// Boolean operators (`BoolOp.op`).
public enum BoolOperator: UInt8, Sendable { case and, or }
/// Binary operators (`BinOp.op`, `AugAssign.op`), in CPython's class order.
public enum BinaryOperator: UInt8, Sendable {
    case add, sub, mult, matMult, div, mod, pow, lShift, rShift, bitOr, bitXor, bitAnd, floorDiv
    static let names = ["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"]
}
/// Unary operators (`UnaryOp.op`).
public enum UnaryOperator: UInt8, Sendable {
    case invert, not, uAdd, uSub
    static let names = ["Invert", "Not", "UAdd", "USub"]
}
/// Comparison operators (`Compare.ops`).
public enum CompareOperator: UInt8, Sendable {
    case eq, notEq, lt, ltE, gt, gtE, `is`, isNot, `in`, notIn
    static let names = ["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"]
}

/// What a `Constant` (or `MatchSingleton`) holds; the value itself is decoded from the source on demand.
public enum ConstantKind: Int32, Sendable {
    case none, `true`, `false`, ellipsis, int, float, complex
    /// A str from one or more adjacent plain string tokens (slots b...c are their token indices).
    case str
    /// A bytes value from one or more adjacent bytes tokens.
    case bytes
    /// A str already decoded into `SyntaxTree.strings` (merged f-string text).
    case decodedStr
}

/// One node, stored by value in `SyntaxTree.nodes`. The meaning of slots `a`...`g` depends on
/// `kind` (see `NodeSchema`); child lists are ids into `SyntaxTree.lists`.
public struct NodeRecord: Sendable {
    /// The node class.
    public var kind: NodeKind
    /// Operator or expression context, where the node has one.
    public var aux: UInt8
    /// Bit 0: the expression was written inside parentheses.
    public var flags: UInt8
    /// Byte offset where the node starts (CPython's lineno/col_offset).
    public var start: Int32
    /// Byte offset just past the node (CPython's end_lineno/end_col_offset).
    public var end: Int32
    /// Field slots, meaning per `kind` (child ids, list ids, identifier offsets, token indices, ints);
    /// -1 is "none". Prefer the accessors on `ParseResult`.
    public var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1, d: Int32 = -1, e: Int32 = -1, f: Int32 = -1, g: Int32 = -1

    init(_ kind: NodeKind, _ start: Int32, _ end: Int32, aux: UInt8 = 0) {
        self.kind = kind; self.aux = aux; self.flags = 0; self.start = start; self.end = end
    }

    @inline(__always) func slot(_ i: Int) -> Int32 {
        switch i { case 0: a; case 1: b; case 2: c; case 3: d; case 4: e; case 5: f; default: g }
    }
}

/// Node storage: an arena of `NodeRecord`s addressed by `NodeID`, plus list storage.
public struct SyntaxTree: Sendable {
    /// All nodes; `NodeID.raw` indexes this array.
    public internal(set) var nodes: [NodeRecord] = []
    /// List id → (start, count) into `listItems`. List 0 is the empty list.
    var listRanges: [(start: Int32, count: Int32)] = [(0, 0)]
    /// Flat storage of list items (node ids, token indices or operator codes depending on the field).
    var listItems: [Int32] = []
    /// Decoded str values for merged f-string text (`ConstantKind.decodedStr`).
    var strings: [[UInt32]] = []
    /// The `Module` node (or `.none` before parsing).
    public internal(set) var root: NodeID = .none

    init() {}

    @inline(__always) mutating func add(_ record: NodeRecord) -> Int32 {
        nodes.append(record)
        return Int32(nodes.count - 1)
    }

    mutating func makeList(_ items: ArraySlice<Int32>) -> Int32 {
        if items.isEmpty { return 0 }
        let start = Int32(listItems.count)
        listItems.append(contentsOf: items)
        listRanges.append((start, Int32(items.count)))
        return Int32(listRanges.count - 1)
    }

    /// The raw items of list `id`.
    @inline(__always) func listSlice(_ id: Int32) -> ArraySlice<Int32> {
        if id <= 0 { return listItems[0..<0] }
        let r = listRanges[Int(id)]
        return listItems[Int(r.start)..<Int(r.start + r.count)]
    }

    /// The record of `id`.
    @inline(__always) public subscript(_ id: NodeID) -> NodeRecord { nodes[Int(id.raw)] }
}

// MARK: - Schema

/// How a field of a node kind is stored and printed.
enum FieldType {
    case node, optNode, nodeList       // nodeList items may be -1 (printed as None: Dict.keys, kw_defaults)
    case ident, optIdent, identList    // byte offsets of identifier tokens
    case dotted                        // slots s, s+1: byte range of a dotted name (alias.name, ImportFrom.module)
    case value                         // Constant / MatchSingleton value: kind in slot s, data in s+1, s+2
    case strKind                       // Constant.kind: slot s is 1 for "u"
    case ctx, boolOp, binOp, unaryOp   // stored in aux
    case cmpOps                        // list of CompareOperator raw values
    case int                           // plain integer in slot
    case noneValue, emptyList          // type_comment, type_ignores
}

struct FieldSpec { let name: String; let type: FieldType; let slot: Int }
struct KindSpec { let name: String; let positioned: Bool; let fields: [FieldSpec] }

enum NodeSchema {
    static func f(_ name: String, _ type: FieldType, _ slot: Int = 0) -> FieldSpec { FieldSpec(name: name, type: type, slot: slot) }

    static let table: [KindSpec] = NodeKind.allCases.map(spec)

    static func spec(_ kind: NodeKind) -> KindSpec {
        let tc = f("type_comment", .noneValue)
        switch kind {
        case .module: return KindSpec(name: "Module", positioned: false, fields: [f("body", .nodeList, 0), f("type_ignores", .emptyList)])
        case .functionDef, .asyncFunctionDef:
            return KindSpec(name: kind == .functionDef ? "FunctionDef" : "AsyncFunctionDef", positioned: true, fields: [
                f("name", .ident, 0), f("args", .node, 1), f("body", .nodeList, 2), f("decorator_list", .nodeList, 3),
                f("returns", .optNode, 4), tc, f("type_params", .nodeList, 5)])
        case .classDef:
            return KindSpec(name: "ClassDef", positioned: true, fields: [
                f("name", .ident, 0), f("bases", .nodeList, 1), f("keywords", .nodeList, 2), f("body", .nodeList, 3),
                f("decorator_list", .nodeList, 4), f("type_params", .nodeList, 5)])
        case .returnStmt: return KindSpec(name: "Return", positioned: true, fields: [f("value", .optNode, 0)])
        case .delete: return KindSpec(name: "Delete", positioned: true, fields: [f("targets", .nodeList, 0)])
        case .assign: return KindSpec(name: "Assign", positioned: true, fields: [f("targets", .nodeList, 0), f("value", .node, 1), tc])
        case .typeAlias: return KindSpec(name: "TypeAlias", positioned: true, fields: [f("name", .node, 0), f("type_params", .nodeList, 1), f("value", .node, 2)])
        case .augAssign: return KindSpec(name: "AugAssign", positioned: true, fields: [f("target", .node, 0), f("op", .binOp), f("value", .node, 1)])
        case .annAssign: return KindSpec(name: "AnnAssign", positioned: true, fields: [f("target", .node, 0), f("annotation", .node, 1), f("value", .optNode, 2), f("simple", .int, 3)])
        case .forStmt, .asyncFor:
            return KindSpec(name: kind == .forStmt ? "For" : "AsyncFor", positioned: true, fields: [
                f("target", .node, 0), f("iter", .node, 1), f("body", .nodeList, 2), f("orelse", .nodeList, 3), tc])
        case .whileStmt: return KindSpec(name: "While", positioned: true, fields: [f("test", .node, 0), f("body", .nodeList, 1), f("orelse", .nodeList, 2)])
        case .ifStmt: return KindSpec(name: "If", positioned: true, fields: [f("test", .node, 0), f("body", .nodeList, 1), f("orelse", .nodeList, 2)])
        case .with, .asyncWith:
            return KindSpec(name: kind == .with ? "With" : "AsyncWith", positioned: true, fields: [f("items", .nodeList, 0), f("body", .nodeList, 1), tc])
        case .match: return KindSpec(name: "Match", positioned: true, fields: [f("subject", .node, 0), f("cases", .nodeList, 1)])
        case .raise: return KindSpec(name: "Raise", positioned: true, fields: [f("exc", .optNode, 0), f("cause", .optNode, 1)])
        case .tryStmt, .tryStar:
            return KindSpec(name: kind == .tryStmt ? "Try" : "TryStar", positioned: true, fields: [
                f("body", .nodeList, 0), f("handlers", .nodeList, 1), f("orelse", .nodeList, 2), f("finalbody", .nodeList, 3)])
        case .assert: return KindSpec(name: "Assert", positioned: true, fields: [f("test", .node, 0), f("msg", .optNode, 1)])
        case .importStmt: return KindSpec(name: "Import", positioned: true, fields: [f("names", .nodeList, 0)])
        case .importFrom: return KindSpec(name: "ImportFrom", positioned: true, fields: [f("module", .dotted, 0), f("names", .nodeList, 2), f("level", .int, 3)])
        case .global: return KindSpec(name: "Global", positioned: true, fields: [f("names", .identList, 0)])
        case .nonlocal: return KindSpec(name: "Nonlocal", positioned: true, fields: [f("names", .identList, 0)])
        case .expr: return KindSpec(name: "Expr", positioned: true, fields: [f("value", .node, 0)])
        case .pass: return KindSpec(name: "Pass", positioned: true, fields: [])
        case .breakStmt: return KindSpec(name: "Break", positioned: true, fields: [])
        case .continueStmt: return KindSpec(name: "Continue", positioned: true, fields: [])
        case .boolOp: return KindSpec(name: "BoolOp", positioned: true, fields: [f("op", .boolOp), f("values", .nodeList, 0)])
        case .namedExpr: return KindSpec(name: "NamedExpr", positioned: true, fields: [f("target", .node, 0), f("value", .node, 1)])
        case .binOp: return KindSpec(name: "BinOp", positioned: true, fields: [f("left", .node, 0), f("op", .binOp), f("right", .node, 1)])
        case .unaryOp: return KindSpec(name: "UnaryOp", positioned: true, fields: [f("op", .unaryOp), f("operand", .node, 0)])
        case .lambda: return KindSpec(name: "Lambda", positioned: true, fields: [f("args", .node, 0), f("body", .node, 1)])
        case .ifExp: return KindSpec(name: "IfExp", positioned: true, fields: [f("test", .node, 0), f("body", .node, 1), f("orelse", .node, 2)])
        case .dict: return KindSpec(name: "Dict", positioned: true, fields: [f("keys", .nodeList, 0), f("values", .nodeList, 1)])
        case .set: return KindSpec(name: "Set", positioned: true, fields: [f("elts", .nodeList, 0)])
        case .listComp, .setComp, .generatorExp:
            let name = kind == .listComp ? "ListComp" : kind == .setComp ? "SetComp" : "GeneratorExp"
            return KindSpec(name: name, positioned: true, fields: [f("elt", .node, 0), f("generators", .nodeList, 1)])
        case .dictComp: return KindSpec(name: "DictComp", positioned: true, fields: [f("key", .node, 0), f("value", .node, 1), f("generators", .nodeList, 2)])
        case .await: return KindSpec(name: "Await", positioned: true, fields: [f("value", .node, 0)])
        case .yield: return KindSpec(name: "Yield", positioned: true, fields: [f("value", .optNode, 0)])
        case .yieldFrom: return KindSpec(name: "YieldFrom", positioned: true, fields: [f("value", .node, 0)])
        case .compare: return KindSpec(name: "Compare", positioned: true, fields: [f("left", .node, 0), f("ops", .cmpOps, 1), f("comparators", .nodeList, 2)])
        case .call: return KindSpec(name: "Call", positioned: true, fields: [f("func", .node, 0), f("args", .nodeList, 1), f("keywords", .nodeList, 2)])
        case .formattedValue: return KindSpec(name: "FormattedValue", positioned: true, fields: [f("value", .node, 0), f("conversion", .int, 1), f("format_spec", .optNode, 2)])
        case .joinedStr: return KindSpec(name: "JoinedStr", positioned: true, fields: [f("values", .nodeList, 0)])
        case .constant: return KindSpec(name: "Constant", positioned: true, fields: [f("value", .value, 0), f("kind", .strKind, 3)])
        case .attribute: return KindSpec(name: "Attribute", positioned: true, fields: [f("value", .node, 0), f("attr", .ident, 1), f("ctx", .ctx)])
        case .subscript: return KindSpec(name: "Subscript", positioned: true, fields: [f("value", .node, 0), f("slice", .node, 1), f("ctx", .ctx)])
        case .starred: return KindSpec(name: "Starred", positioned: true, fields: [f("value", .node, 0), f("ctx", .ctx)])
        case .name: return KindSpec(name: "Name", positioned: true, fields: [f("id", .ident, 0), f("ctx", .ctx)])
        case .list: return KindSpec(name: "List", positioned: true, fields: [f("elts", .nodeList, 0), f("ctx", .ctx)])
        case .tuple: return KindSpec(name: "Tuple", positioned: true, fields: [f("elts", .nodeList, 0), f("ctx", .ctx)])
        case .slice: return KindSpec(name: "Slice", positioned: true, fields: [f("lower", .optNode, 0), f("upper", .optNode, 1), f("step", .optNode, 2)])
        case .comprehension: return KindSpec(name: "comprehension", positioned: false, fields: [f("target", .node, 0), f("iter", .node, 1), f("ifs", .nodeList, 2), f("is_async", .int, 3)])
        case .exceptHandler: return KindSpec(name: "ExceptHandler", positioned: true, fields: [f("type", .optNode, 0), f("name", .optIdent, 1), f("body", .nodeList, 2)])
        case .arguments:
            return KindSpec(name: "arguments", positioned: false, fields: [
                f("posonlyargs", .nodeList, 0), f("args", .nodeList, 1), f("vararg", .optNode, 2), f("kwonlyargs", .nodeList, 3),
                f("kw_defaults", .nodeList, 4), f("kwarg", .optNode, 5), f("defaults", .nodeList, 6)])
        case .arg: return KindSpec(name: "arg", positioned: true, fields: [f("arg", .ident, 0), f("annotation", .optNode, 1), tc])
        case .keyword: return KindSpec(name: "keyword", positioned: true, fields: [f("arg", .optIdent, 0), f("value", .node, 1)])
        case .alias: return KindSpec(name: "alias", positioned: true, fields: [f("name", .dotted, 0), f("asname", .optIdent, 2)])
        case .withItem: return KindSpec(name: "withitem", positioned: false, fields: [f("context_expr", .node, 0), f("optional_vars", .optNode, 1)])
        case .matchCase: return KindSpec(name: "match_case", positioned: false, fields: [f("pattern", .node, 0), f("guard", .optNode, 1), f("body", .nodeList, 2)])
        case .matchValue: return KindSpec(name: "MatchValue", positioned: true, fields: [f("value", .node, 0)])
        case .matchSingleton: return KindSpec(name: "MatchSingleton", positioned: true, fields: [f("value", .value, 0)])
        case .matchSequence: return KindSpec(name: "MatchSequence", positioned: true, fields: [f("patterns", .nodeList, 0)])
        case .matchMapping: return KindSpec(name: "MatchMapping", positioned: true, fields: [f("keys", .nodeList, 0), f("patterns", .nodeList, 1), f("rest", .optIdent, 2)])
        case .matchClass: return KindSpec(name: "MatchClass", positioned: true, fields: [f("cls", .node, 0), f("patterns", .nodeList, 1), f("kwd_attrs", .identList, 2), f("kwd_patterns", .nodeList, 3)])
        case .matchStar: return KindSpec(name: "MatchStar", positioned: true, fields: [f("name", .optIdent, 0)])
        case .matchAs: return KindSpec(name: "MatchAs", positioned: true, fields: [f("pattern", .optNode, 0), f("name", .optIdent, 1)])
        case .matchOr: return KindSpec(name: "MatchOr", positioned: true, fields: [f("patterns", .nodeList, 0)])
        case .typeVar: return KindSpec(name: "TypeVar", positioned: true, fields: [f("name", .ident, 0), f("bound", .optNode, 1), f("default_value", .optNode, 2)])
        case .paramSpec: return KindSpec(name: "ParamSpec", positioned: true, fields: [f("name", .ident, 0), f("default_value", .optNode, 1)])
        case .typeVarTuple: return KindSpec(name: "TypeVarTuple", positioned: true, fields: [f("name", .ident, 0), f("default_value", .optNode, 1)])
        }
    }
}
