import BatchFixCore
import PythonSyntax

/// A token-level map of a file's import statements and of every place a name could be used,
/// for deciding conservatively which imports are unused and how to remove one exactly.
struct ImportScan {
    /// One imported name: `import a.b as c` or `from m import n as c`.
    struct Alias {
        /// Token indices of the alias's first and last token (`a` ... `c`).
        var firstToken: Int
        var lastToken: Int
        /// Bytes of the alias.
        var range: TextRange
        /// The name it binds (`c`, or `a` for `import a.b`).
        var boundName: String
        /// `a.b` or `m.n`, for messages.
        var qualifiedName: String
        /// The module the import loads (`a.b`, or `m` for `from m import n`), for `allowed-unused-imports`.
        var module: String
        /// What it imports, to recognise an identical import (F811).
        var identity: String
        var isFuture: Bool
        /// `import x as x` / `from m import x as x`: an explicit re-export.
        var isExplicitReexport: Bool
    }

    /// One `import` / `from ... import` statement.
    struct Statement {
        var aliases: [Alias] = []
        /// Token indices of `import`/`from` and of the statement's last token.
        var firstToken: Int
        var lastToken: Int
        /// The token that ends it: NEWLINE, `;` or the end marker.
        var terminator: Int
        /// True when it follows a `;` on its line.
        var afterSemicolon: Bool
        /// False for imports we never fix (guarded, class-level, inline bodies, star imports).
        var fixable: Bool
        /// True when it is the only statement of an indented block.
        var onlyStatementInBlock: Bool
        /// The indented block it sits in (0: the module's top level).
        var block: Int = 0
        /// The function or class body it binds in (0: the module).
        var scope: Int = 0
        /// What sorting needs: `import m [as a]` per alias, or `from <dots>m import ...`.
        var sortable: [ImportStatement] = []
        /// A parenthesised `from` import ending in a comma: isort keeps it one name a line.
        var magicTrailingComma = false
        /// `from mod import *`: the module (with its leading dots).
        var starModule: String? = nil
        var isStarImport: Bool { starModule != nil }
    }

    let source: [UInt8]
    let tokens: [Token]
    private(set) var statements: [Statement] = []
    /// True when the file reaches names dynamically (`globals()`, `eval`, a computed `__all__`, ...);
    /// then no module-level import is provably unused (RELIABILITY U21, U04-U07).
    private(set) var dynamicNameAccess = false
    /// Token ranges of function and class bodies, by `Statement.scope`.
    private(set) var scopeTokenRanges: [Int: Range<Int>] = [:]
    /// Token indices of NAME tokens that may be uses (not inside import statements, not attributes).
    private var useTokens: [Int] = []
    /// Hashes of the names used as names, and of every word in strings and `# type:` comments:
    /// hashed straight from the source bytes, no string per token. A collision only keeps an import.
    private var usedNameHashes: Set<UInt64> = []
    private var wordHashes: Set<UInt64> = []
    /// Token indices of the name `__all__`.
    private var allTokens: [Int] = []

    enum BlockKind { case tryBody, importErrorHandler, guardedOther, classBody, functionBody, other }

    init(_ parse: ParseResult) {
        source = parse.source
        tokens = parse.tokens
        nameHashes = ImportScan.hashNames(source, tokens)
        for index in tokens.indices where nameHashes[index] == ImportScan.needsNormalising {
            nameHashes[index] = ImportScan.hash(PythonLiteral.normalizeIdentifier(source[tokens[index].range]))
        }
        scan()
    }

    /// `hash(of:)` of every NAME token (0 for other tokens), computed in one pass over the bytes.
    private var nameHashes: [UInt64]
    /// Marks a name with non-ASCII bytes, hashed from its NFKC form afterwards.
    private static let needsNormalising: UInt64 = 1

    private static func hashNames(_ source: [UInt8], _ tokens: [Token]) -> [UInt64] {
        source.withUnsafeBufferPointer { bytes in
            tokens.map { token -> UInt64 in
                guard token.kind == .name else { return 0 }
                var hasher = FNV1a()
                for offset in Int(token.start)..<Int(token.end) {
                    let byte = bytes[offset]
                    if byte >= 0x80 { return needsNormalising }
                    hasher.add(byte)
                }
                return hasher.value
            }
        }
    }

    /// A token's text; names NFKC-normalised as Python compares them (`ﬁle` is `file`, U31).
    func text(_ index: Int) -> String {
        tokens[index].kind == .name ? PythonLiteral.normalizeIdentifier(source[tokens[index].range])
            : String(decoding: source[tokens[index].range], as: UTF8.self)
    }
    private func isName(_ index: Int, _ word: String) -> Bool { tokens[index].kind == .name && hash(of: index) == ImportScan.hash(word) && text(index) == word }

    /// FNV-1a of a name token, from its bytes (ASCII) or its NFKC-normalised text (anything else),
    /// so it equals `ImportScan.hash(name)` of the same identifier however it is spelled.
    private func hash(of index: Int) -> UInt64 {
        tokens[index].kind == .name ? nameHashes[index] : ImportScan.hash(source[tokens[index].range])
    }

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 { FNV1a.hash(bytes) }

    static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    private static let dynamicAccessHashes: [UInt64: String] = Dictionary(uniqueKeysWithValues: dynamicAccessNames.map { (hash($0), $0) })
    private static let getattrHash = hash("__getattr__")
    private static let allHash = hash("__all__")

    // MARK: - Scanning

    private mutating func scan() {
        var blocks: [(kind: BlockKind, tryID: Int?, block: Int, scope: Int)] = []
        var scopeStarts: [Int: Int] = [:]
        var nextBlockID = 1
        var guardedTries: Set<Int> = []
        var lastTryAtDepth: [Int: Int] = [:]
        var guardedIfChain: [Int: Bool] = [:]
        var inlineBodyColon: Int? = nil
        // The body on a header's line (`if x: a; b`), until its NEWLINE: its block id and kind.
        var inline: (block: Int, kind: BlockKind)? = nil
        var pendingBlock: (kind: BlockKind, tryID: Int?)?
        var nextTryID = 0
        var statementStart = true
        var afterSemicolon = false
        var previousSignificant = -1
        var candidates: [(Statement, [Int])] = []
        var depth = 0
        var index = 0
        let count = tokens.count
        while index < count {
            let token = tokens[index]
            switch token.kind {
            case .comment:
                let body = source[token.range]
                if containsTypeColon(body) { collectWords(body, into: &wordHashes) }
                index += 1
                continue
            case .nl:
                index += 1
                continue
            case .indent:
                let opened = pendingBlock ?? (.other, nil)
                let scope = opened.kind == .classBody || opened.kind == .functionBody ? nextBlockID : (blocks.last?.scope ?? 0)
                blocks.append((opened.kind, opened.tryID, nextBlockID, scope))
                if scope == nextBlockID { scopeStarts[scope] = index }
                nextBlockID += 1
                pendingBlock = nil
                statementStart = true
                index += 1
                continue
            case .dedent:
                let closed = blocks.popLast()
                if let closed, closed.kind == .tryBody, let id = closed.tryID { lastTryAtDepth[blocks.count] = id }
                if let closed, closed.scope == closed.block, let start = scopeStarts[closed.block] { scopeTokenRanges[closed.block] = start..<index }
                statementStart = true
                index += 1
                continue
            case .newline:
                statementStart = true
                afterSemicolon = false
                inline = nil
                previousSignificant = index
                index += 1
                continue
            case .string, .fstringMiddle:
                collectWords(source[token.range], into: &wordHashes)
            default:
                break
            }
            if statementStart {
                statementStart = false
                if token.kind == .kwImport || token.kind == .kwFrom {
                    let inlineBody = inline != nil
                    let enclosingTries = blocks.compactMap { $0.kind == .tryBody ? $0.tryID : nil }
                    // Class bodies bind attributes (used as `self.x`), so imports directly in one are kept;
                    // a method's own imports are ordinary locals.
                    let innermostScope = blocks.last { $0.kind == .classBody || $0.kind == .functionBody }
                    // `if x: import os` (same line as its header): judged like an indented body of
                    // an ordinary block; inline bodies of def/class/try/except/guarded blocks are kept.
                    let inlineKind = inline?.kind ?? .other
                    let unsafeInline = inlineBody && inlineKind != .other && inlineKind != .functionBody
                    let unsafeContext = unsafeInline || innermostScope?.kind == .classBody
                        || blocks.contains { $0.kind == .importErrorHandler || $0.kind == .guardedOther }
                    if var statement = parseImport(at: index, afterSemicolon: afterSemicolon) {
                        statement.fixable = !unsafeContext && statement.fixable
                        statement.onlyStatementInBlock = inlineBody ? isOnlyStatementInline(statement) : isOnlyStatementInBlock(statement)
                        // An inline body is a block of its own (no F811 against the enclosing block).
                        statement.block = inline?.block ?? blocks.last?.block ?? 0
                        // `def f(): import os` binds in f's own scope.
                        statement.scope = inlineBody && inlineKind == .functionBody ? inline!.block : blocks.last?.scope ?? 0
                        candidates.append((statement, enclosingTries))
                        previousSignificant = statement.lastToken
                        index = statement.terminator
                        continue
                    }
                } else if var header = blockHeader(at: index) {
                    // A body on the header's line (`if x: import os`) starts a statement after the `:`.
                    inlineBodyColon = headerColon(from: index)
                    // `elif`/`else` of a version- or platform-dependent `if` are just as dependent (U16).
                    switch token.kind {
                    case .kwIf: guardedIfChain[blocks.count] = header == .guardedOther
                    case .kwElif, .kwElse:
                        if guardedIfChain[blocks.count] == true { header = .guardedOther }
                        if token.kind == .kwElse { guardedIfChain[blocks.count] = nil }
                    default: guardedIfChain[blocks.count] = nil
                    }
                    if header == .tryBody {
                        pendingBlock = (.tryBody, nextTryID)
                        nextTryID += 1
                    } else {
                        pendingBlock = (header, nil)
                    }
                    if token.kind == .kwExcept, let tryID = lastTryAtDepth[blocks.count], handlerCatchesImportError(at: index) {
                        guardedTries.insert(tryID)
                    }
                }
            }
            switch token.kind {
            case .lpar, .lsqb, .lbrace: depth += 1
            case .rpar, .rsqb, .rbrace: depth = max(0, depth - 1)
            case .semi where depth == 0:
                statementStart = true
                afterSemicolon = true
            case .colon where index == inlineBodyColon:
                inlineBodyColon = nil
                if index + 1 < count, tokens[index + 1].kind != .newline, tokens[index + 1].kind != .comment {
                    statementStart = true
                    inline = (-2 - index, pendingBlock?.kind ?? .other)
                }
            case .name:
                let isAttribute = previousSignificant >= 0 && tokens[previousSignificant].kind == .dot
                let nameHash = hash(of: index)
                if nameHash == ImportScan.allHash, text(index) == "__all__" { allTokens.append(index) }
                if !isAttribute {
                    useTokens.append(index)
                    usedNameHashes.insert(nameHash)
                    if let word = ImportScan.dynamicAccessHashes[nameHash], text(index) == word {
                        // `vars(x)` reads x's attributes; only a bare `vars()` reads the namespace.
                        let bareVars = index + 2 < count && tokens[index + 1].kind == .lpar && tokens[index + 2].kind == .rpar
                        if word != "vars" || bareVars { dynamicNameAccess = true }
                    }
                    // A module-level `def __getattr__` can hand out any name.
                    if nameHash == ImportScan.getattrHash, text(index) == "__getattr__", blocks.isEmpty,
                       previousSignificant >= 0, tokens[previousSignificant].kind == .kwDef {
                        dynamicNameAccess = true
                    }
                }
            default:
                break
            }
            previousSignificant = index
            index += 1
        }
        if hasComputedAll() { dynamicNameAccess = true }
        for (statement, tries) in candidates {
            var statement = statement
            if tries.contains(where: { guardedTries.contains($0) }) { statement.fixable = false }
            statements.append(statement)
        }
    }

    /// Calls that read or write the namespace by name (RELIABILITY U21).
    static let dynamicAccessNames: Set<String> = ["globals", "locals", "eval", "exec", "vars"]

    private func containsTypeColon(_ bytes: ArraySlice<UInt8>) -> Bool {
        let pattern = Array("type:".utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    /// What block a compound statement header at `index` opens, or nil when it is not one.
    private func blockHeader(at index: Int) -> BlockKind? {
        let kind = tokens[index].kind
        // Only compound statements open blocks; look at the header only for those.
        switch kind {
        case .kwTry, .kwExcept, .kwClass, .kwWith, .kwAsync, .kwIf, .kwElif, .kwDef, .kwElse, .kwFinally, .kwFor, .kwWhile: break
        case .name where text(index) == "match" || text(index) == "case": break
        default: return nil
        }
        guard let colon = headerColon(from: index) else { return nil }
        let words = Set((index..<colon).compactMap { tokens[$0].kind == .name ? text($0) : nil })
        switch kind {
        case .kwTry: return .tryBody
        case .kwExcept: return handlerCatchesImportError(at: index) ? .importErrorHandler : .other
        case .kwClass: return .classBody
        case .kwDef: return .functionBody
        case .kwAsync where index + 1 < tokens.count && tokens[index + 1].kind == .kwDef: return .functionBody
        case .kwWith, .kwAsync: return words.contains("suppress") ? .guardedOther : .other
        case .kwIf, .kwElif: return words.contains("version_info") || words.contains("platform") ? .guardedOther : .other
        default: return .other
        }
    }

    /// Index of the `:` ending a block header that starts at `index`, at bracket depth 0.
    private func headerColon(from index: Int) -> Int? {
        var depth = 0
        var lambdas = 0
        var i = index
        while i < tokens.count {
            switch tokens[i].kind {
            case .lpar, .lsqb, .lbrace: depth += 1
            case .rpar, .rsqb, .rbrace: depth -= 1
            case .kwLambda where depth == 0: lambdas += 1
            case .colon where depth == 0:
                if lambdas > 0 { lambdas -= 1 } else { return i }
            case .newline, .endMarker: return nil
            default: break
            }
            i += 1
        }
        return nil
    }

    /// True for `except:` and handlers naming ImportError, ModuleNotFoundError, Exception or BaseException.
    private func handlerCatchesImportError(at index: Int) -> Bool {
        guard let colon = headerColon(from: index) else { return false }
        if colon == index + 1 { return true }
        return (index..<colon).contains { tokens[$0].kind == .name && ["ImportError", "ModuleNotFoundError", "Exception", "BaseException"].contains(text($0)) }
    }

    /// Parses the import statement starting at `index`; nil for anything unexpected.
    private func parseImport(at index: Int, afterSemicolon: Bool) -> Statement? {
        var i = index
        func skipTrivia() { while i < tokens.count, tokens[i].kind == .nl || tokens[i].kind == .comment { i += 1 } }
        func dotted() -> (name: String, first: Int, last: Int)? {
            skipTrivia()
            guard i < tokens.count, tokens[i].kind == .name else { return nil }
            let first = i
            var name = text(i)
            i += 1
            while i + 1 < tokens.count, tokens[i].kind == .dot, tokens[i + 1].kind == .name {
                name += "." + text(i + 1)
                i += 2
            }
            return (name, first, i - 1)
        }
        func alias(first: Int, last: Int, bound: String, qualified: String, module: String, identity: String, future: Bool, explicit: Bool) -> Alias {
            Alias(firstToken: first, lastToken: last, range: TextRange(start: Int(tokens[first].start), end: Int(tokens[last].end)),
                  boundName: bound, qualifiedName: qualified, module: module, identity: identity, isFuture: future, isExplicitReexport: explicit)
        }
        var statement = Statement(firstToken: index, lastToken: index, terminator: index, afterSemicolon: afterSemicolon, fixable: true, onlyStatementInBlock: false)
        if tokens[index].kind == .kwImport {
            i = index + 1
            while true {
                guard let (module, first, last) = dotted() else { return nil }
                var lastToken = last
                var bound = String(module.prefix(while: { $0 != "." }))
                var explicit = false
                if i + 1 < tokens.count, tokens[i].kind == .kwAs, tokens[i + 1].kind == .name {
                    bound = text(i + 1)
                    explicit = bound == module
                    lastToken = i + 1
                    i += 2
                }
                statement.sortable.append(.plain(module: module, asName: lastToken == last ? nil : bound))
                statement.aliases.append(alias(first: first, last: lastToken, bound: bound, qualified: module, module: module,
                                               identity: "import \(module) as \(bound)", future: false, explicit: explicit))
                statement.lastToken = lastToken
                if i < tokens.count, tokens[i].kind == .comma { i += 1; continue }
                break
            }
        } else {
            i = index + 1
            var module = ""
            while i < tokens.count, tokens[i].kind == .dot || tokens[i].kind == .ellipsis {
                module += tokens[i].kind == .dot ? "." : "..."
                i += 1
            }
            let level = module.count
            if i < tokens.count, tokens[i].kind == .name, let dottedName = dotted() { module += dottedName.name }
            let fromModule = level == module.count ? nil : String(module.dropFirst(level))
            var members: [ImportMember] = []
            defer { statement.sortable = [.from(module: fromModule, level: level, members: members)] }
            guard i < tokens.count, tokens[i].kind == .kwImport else { return nil }
            i += 1
            if i < tokens.count, tokens[i].kind == .star {
                members = [ImportMember("*")]
                statement.lastToken = i
                statement.fixable = false
                statement.starModule = module
                i += 1
            } else {
                var parenthesized = false
                if i < tokens.count, tokens[i].kind == .lpar { parenthesized = true; i += 1 }
                while true {
                    skipTrivia()
                    if parenthesized, i < tokens.count, tokens[i].kind == .rpar { break }
                    guard i < tokens.count, tokens[i].kind == .name else { return nil }
                    let first = i
                    let name = text(i)
                    var bound = name
                    var lastToken = i
                    var explicit = false
                    i += 1
                    if i + 1 < tokens.count, tokens[i].kind == .kwAs, tokens[i + 1].kind == .name {
                        bound = text(i + 1)
                        explicit = bound == name
                        lastToken = i + 1
                        i += 2
                    }
                    members.append(ImportMember(name, as: bound == name && !explicit ? nil : bound))
                    let qualified = module.isEmpty || module.hasSuffix(".") ? module + name : module + "." + name
                    statement.aliases.append(alias(first: first, last: lastToken, bound: bound, qualified: qualified, module: module,
                                                   identity: "from \(module) import \(name) as \(bound)", future: module == "__future__", explicit: explicit))
                    statement.lastToken = lastToken
                    skipTrivia()
                    if i < tokens.count, tokens[i].kind == .comma { i += 1; continue }
                    break
                }
                skipTrivia()
                if parenthesized {
                    guard i < tokens.count, tokens[i].kind == .rpar else { return nil }
                    var beforeClose = i - 1
                    while beforeClose > index, tokens[beforeClose].kind == .nl || tokens[beforeClose].kind == .comment { beforeClose -= 1 }
                    statement.magicTrailingComma = tokens[beforeClose].kind == .comma
                    statement.lastToken = i
                    i += 1
                }
            }
        }
        // A trailing comment (`import os  # why`) sits between the statement and its NEWLINE.
        while i < tokens.count, tokens[i].kind == .comment { i += 1 }
        guard i < tokens.count, tokens[i].kind == .newline || tokens[i].kind == .semi || tokens[i].kind == .endMarker else { return nil }
        statement.terminator = i
        return statement
    }

    /// True for `if x: import os` (or `import os;`) with nothing after it on the line.
    private func isOnlyStatementInline(_ statement: Statement) -> Bool {
        guard !statement.afterSemicolon else { return false }
        var terminator = statement.terminator
        if tokens[terminator].kind == .semi {
            terminator += 1
            while terminator < tokens.count, tokens[terminator].kind == .comment { terminator += 1 }
        }
        return terminator < tokens.count && (tokens[terminator].kind == .newline || tokens[terminator].kind == .endMarker)
    }

    private func isOnlyStatementInBlock(_ statement: Statement) -> Bool {
        guard !statement.afterSemicolon else { return false }
        var terminator = statement.terminator
        if tokens[terminator].kind == .semi {
            // `import os;` then nothing else on the line.
            terminator += 1
            while terminator < tokens.count, tokens[terminator].kind == .comment { terminator += 1 }
        }
        guard terminator < tokens.count, tokens[terminator].kind == .newline else { return false }
        var before = statement.firstToken - 1
        while before >= 0, tokens[before].kind == .nl || tokens[before].kind == .comment { before -= 1 }
        guard before >= 0, tokens[before].kind == .indent else { return false }
        var after = terminator + 1
        while after < tokens.count, tokens[after].kind == .nl || tokens[after].kind == .comment { after += 1 }
        return after < tokens.count && (tokens[after].kind == .dedent || tokens[after].kind == .endMarker)
    }

    /// True when `__all__` is built from anything but string literals.
    private func hasComputedAll() -> Bool {
        for index in allTokens {
            var i = index + 1
            if i < tokens.count, tokens[i].kind == .dot { i += 2 }  // __all__.extend(...) / .append(...)
            guard i < tokens.count else { return true }
            let opener = tokens[i].kind
            guard opener == .equal || opener == .plusEqual || opener == .lpar else { continue }
            var depth = opener == .lpar ? 1 : 0
            var j = i + 1
            while j < tokens.count {
                let kind = tokens[j].kind
                if kind == .newline || kind == .semi || kind == .endMarker { break }
                if kind == .rpar || kind == .rsqb || kind == .rbrace {
                    depth -= 1
                    if depth < 0 { break }
                } else if kind == .lpar || kind == .lsqb || kind == .lbrace {
                    depth += 1
                } else if kind != .string && kind != .comma && kind != .nl && kind != .comment && kind != .plus {
                    return true
                }
                j += 1
            }
        }
        return false
    }

    private func collectWords(_ bytes: ArraySlice<UInt8>, into words: inout Set<UInt64>) {
        var hasher = FNV1a()
        var inWord = false
        for byte in bytes {
            if isWordByte(byte) {
                hasher.add(byte)
                inWord = true
            } else if inWord {
                words.insert(hasher.value)
                hasher = FNV1a()
                inWord = false
            }
        }
        if inWord { words.insert(hasher.value) }
    }

    // MARK: - Questions

    /// True when `name` is a word of some string or `# type:` comment (a possible use the AST cannot see).
    func isInStringOrTypeComment(_ name: String) -> Bool {
        wordHashes.contains(ImportScan.hash(name))
    }

    /// True when `name` appears as a non-attribute NAME token outside import statements.
    func appearsAsName(_ name: String) -> Bool {
        usedNameHashes.contains(ImportScan.hash(name))
    }

    /// Start offsets of the NAME tokens spelling `name` that may be uses (outside import statements,
    /// not attributes).
    func useOffsets(of name: String) -> [Int] {
        let key = ImportScan.hash(name)
        return useTokens.compactMap { index in
            hash(of: index) == key && text(index) == name ? Int(tokens[index].start) : nil
        }
    }

    /// True when every occurrence of `name` (as in `useOffsets(of:)`) is plainly a read — `name.x`,
    /// `name(...)`, `name[...]`, or an operand after an operator or keyword that only starts
    /// expressions — so none of them binds `name` anywhere in the file. Used as a fast path: with
    /// no other binding of the name in the file, a module-level import of it is what every one of
    /// these reads resolves to. A wrong "false" only costs the precise (semantic index) answer.
    /// Returns the token indices of those reads, or nil when some occurrence may be something else.
    func plainReads(of name: String) -> [Int]? {
        let key = ImportScan.hash(name)
        var reads: [Int] = []
        for index in useTokens where hash(of: index) == key && text(index) == name {
            if !isPlainRead(index) { return nil }
            reads.append(index)
        }
        return reads
    }

    /// Index of the nearest token before (`step` -1) or after (+1) `index` that is not a comment or NL.
    private func significant(from index: Int, step: Int) -> Int? {
        var i = index + step
        while i >= 0, i < tokens.count {
            let kind = tokens[i].kind
            if kind != .nl && kind != .comment { return i }
            i += step
        }
        return nil
    }

    private func isPlainRead(_ index: Int) -> Bool {
        guard let before = significant(from: index, step: -1), let after = significant(from: index, step: 1) else { return false }
        let previous = tokens[before].kind
        let next = tokens[after].kind
        switch previous {
        case .kwDef, .kwClass: return false
        case .name where text(before) == "type": return false
        default: break
        }
        // `name.x`, `name(...)`, `name[...]` read `name` wherever they stand (also as a target's base).
        if next == .dot || next == .lpar || next == .lsqb { return true }
        switch previous {
        case .kwAs, .star, .doubleStar, .kwGlobal, .kwNonlocal, .kwDel, .kwLambda, .kwImport, .kwFrom, .vbar: return false
        case .name where text(before) == "case": return false
        default: break
        }
        switch next {
        case .equal, .colonEqual, .plusEqual, .minEqual, .starEqual, .slashEqual, .percentEqual, .amperEqual, .vbarEqual,
             .circumflexEqual, .leftShiftEqual, .rightShiftEqual, .doubleStarEqual, .doubleSlashEqual, .atEqual:
            return false
        default: break
        }
        // `x = name` (a value, not a chained target).
        if previous == .equal, [.newline, .comma, .rpar, .rsqb, .rbrace, .semi, .endMarker].contains(next) { return true }
        // A positional argument or subscript element: `f(a, name)`, `Dict[str, name]`.
        if previous == .lpar || previous == .lsqb || previous == .comma, next == .comma || next == .rpar || next == .rsqb,
           let opener = enclosingOpener(of: index), isInsideCallOrSubscript(opener, depth: 0) {
            return true
        }
        switch previous {
        case .kwExcept, .kwReturn, .kwNot, .kwIf, .kwElif, .kwWhile, .kwAssert, .kwRaise, .kwIn, .kwIs, .kwAnd, .kwOr, .kwAwait, .kwYield,
             .eqEqual, .notEqual, .less, .greater, .lessEqual, .greaterEqual, .plus, .minus, .slash, .doubleSlash, .percent,
             .amper, .circumflex, .tilde, .leftShift, .rightShift, .at, .rarrow:
            return true
        default:
            return false
        }
    }

    /// The unmatched `(` or `[` enclosing token `index`, looking back at most 256 tokens.
    private func enclosingOpener(of index: Int) -> Int? {
        var depth = 0
        var i = index - 1
        while i >= 0, index - i <= 256 {
            switch tokens[i].kind {
            case .rpar, .rsqb, .rbrace: depth += 1
            case .lpar, .lsqb:
                if depth == 0 { return i }
                depth -= 1
            case .lbrace:
                if depth == 0 { return nil }
                depth -= 1
            case .newline, .indent, .dedent, .kwLambda, .kwFor: return nil
            default: break
            }
            i -= 1
        }
        return nil
    }

    /// True when bracket `opener` is a call's or subscript's, an `except (...)` tuple, or a display
    /// nested (a few levels) directly in one of those: no assignment target can be there.
    private func isInsideCallOrSubscript(_ opener: Int, depth: Int) -> Bool {
        if isCallOrSubscript(opener) { return true }
        guard depth < 4, let before = significant(from: opener, step: -1) else { return false }
        switch tokens[before].kind {
        case .kwExcept: return true
        case .lpar, .lsqb, .comma:
            guard let outer = enclosingOpener(of: opener) else { return false }
            return isInsideCallOrSubscript(outer, depth: depth + 1)
        default: return false
        }
    }

    /// True for the bracket of a call or subscript (`f(`, `x[`, `g()(`) or of a class's bases, not
    /// of a def's parameters, type parameters or a display.
    private func isCallOrSubscript(_ opener: Int) -> Bool {
        guard let before = significant(from: opener, step: -1) else { return false }
        switch tokens[before].kind {
        case .rpar, .rsqb: return true
        case .name:
            guard let earlier = significant(from: before, step: -1) else { return true }
            switch tokens[earlier].kind {
            case .kwDef: return false
            case .kwClass: return tokens[opener].kind == .lpar  // bases and keywords; `[` opens type parameters
            case .name: return !["type", "case", "match"].contains(text(earlier))
            default: return text(before) != "case" && text(before) != "match"
            }
        default: return false
        }
    }

    /// True when a use of `name` lies between two token indices.
    func isUsed(_ name: String, between first: Int, and last: Int) -> Bool {
        let key = ImportScan.hash(name)
        return useTokens.contains { $0 > first && $0 < last && hash(of: $0) == key && text($0) == name }
    }

    // MARK: - Removal

    /// The edits that remove alias `aliasIndex` of statement `statementIndex`, leaving valid code.
    func removal(of aliasIndex: Int, in statementIndex: Int, document: Document) -> [TextEdit]? {
        let statement = statements[statementIndex]
        let alias = statement.aliases[aliasIndex]
        if statement.aliases.count == 1 { return removalOfStatement(statement) }
        let aliasStart = Int(tokens[alias.firstToken].start)
        let lineStart = lineStartOffset(aliasStart)
        let onlyWhitespaceBefore = source[lineStart..<aliasStart].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        // The last name without a trailing comma, nothing but the line break between it and the comma
        // before it: that comma goes with it (`path,\n    sep\n)` → `path\n)`, as ruff).
        if aliasIndex == statement.aliases.count - 1, alias.lastToken + 1 < tokens.count, tokens[alias.lastToken + 1].kind != .comma {
            var comma = alias.firstToken - 1
            while comma > statement.firstToken, tokens[comma].kind == .nl { comma -= 1 }
            if tokens[comma].kind == .comma {
                return [.delete(TextRange(start: Int(tokens[comma].start), end: alias.range.end))]
            }
        }
        // Alone on its line inside parentheses: drop the whole line (with its comment).
        var after = alias.lastToken + 1
        if after < tokens.count, tokens[after].kind == .comma { after += 1 }
        if after < tokens.count, tokens[after].kind == .comment { after += 1 }
        if onlyWhitespaceBefore, after < tokens.count, tokens[after].kind == .nl {
            return [.delete(TextRange(start: lineStart, end: Int(tokens[after].end)))]
        }
        if aliasIndex + 1 < statement.aliases.count {
            let next = statement.aliases[aliasIndex + 1]
            return [.delete(TextRange(start: alias.range.start, end: Int(tokens[next.firstToken].start)))]
        }
        // The last alias: remove it with the comma before it.
        var comma = alias.firstToken - 1
        while comma > statement.firstToken, tokens[comma].kind != .comma { comma -= 1 }
        guard tokens[comma].kind == .comma else { return nil }
        return [.delete(TextRange(start: Int(tokens[comma].start), end: alias.range.end))]
    }

    private func removalOfStatement(_ statement: Statement) -> [TextEdit]? {
        let start = Int(tokens[statement.firstToken].start)
        let end = Int(tokens[statement.lastToken].end)
        if statement.onlyStatementInBlock {
            // `import os;` as the only statement: the `;` goes too.
            let replaced = tokens[statement.terminator].kind == .semi ? Int(tokens[statement.terminator].end) : end
            return [TextEdit(range: TextRange(start: start, end: replaced), replacement: "pass")]
        }
        let terminator = tokens[statement.terminator]
        if terminator.kind == .semi {
            var next = statement.terminator + 1
            while next < tokens.count, tokens[next].kind == .nl || tokens[next].kind == .comment { next += 1 }
            guard next < tokens.count else { return nil }
            if tokens[next].kind != .newline {
                // `import os; rest` → `rest`
                return [.delete(TextRange(start: start, end: Int(tokens[next].start)))]
            }
            if statement.afterSemicolon {
                // `rest; import os;` → `rest`
                var semi = statement.firstToken - 1
                while semi >= 0, tokens[semi].kind != .semi { semi -= 1 }
                guard semi >= 0 else { return nil }
                return [.delete(TextRange(start: Int(tokens[semi].start), end: Int(terminator.end)))]
            }
            // `import os;` alone on its line: the whole line, as without the `;`.
            let lineStart = lineStartOffset(start)
            guard source[lineStart..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }) else { return nil }
            return [.delete(TextRange(start: lineStart, end: Int(tokens[next].end)))]
        }
        if statement.afterSemicolon {
            // `rest; import os` → `rest`
            var semi = statement.firstToken - 1
            while semi >= 0, tokens[semi].kind != .semi { semi -= 1 }
            guard semi >= 0 else { return nil }
            return [.delete(TextRange(start: Int(tokens[semi].start), end: end))]
        }
        // Whole lines: from the line start through the line ending.
        let lineStart = lineStartOffset(start)
        guard source[lineStart..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }) else { return nil }
        let lineEnd = terminator.kind == .newline ? Int(terminator.end) : end
        return [.delete(TextRange(start: lineStart, end: lineEnd))]
    }

    /// Start of the line holding `offset`; on the first line, after the BOM (which is not part of the line).
    private func lineStartOffset(_ offset: Int) -> Int { ImportScan.lineStart(of: offset, in: source) }

    /// Start of the line holding `offset` in `source`; on the first line, after the BOM.
    static func lineStart(of offset: Int, in source: [UInt8]) -> Int {
        let floor = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = offset
        while index > floor, source[index - 1] != 0x0A, source[index - 1] != 0x0D { index -= 1 }
        return index
    }
}

extension Document {
    /// The import scan of this snapshot, computed once and shared by the checks that need it.
    var importScan: ImportScan { cached(ImportScan.self) { ImportScan(python) } }
}
