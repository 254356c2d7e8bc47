/// Recursive-descent parser for the Python 3.13 grammar, building CPython's AST in a `SyntaxTree`.
///
/// One grammar area per `Parser+Topic.swift` file; each production's doc comment quotes the rule of
/// CPython's `Grammar/python.gram` it implements. The parser stops at the first error: every loop
/// checks `ok`, and every production returns -1 once an error is recorded.
struct Parser {
    let src: [UInt8]
    let toks: [Token]
    /// Index of the current (significant) token.
    var p = 0
    /// The furthest token index the parser has reached (CPython's `p->fill - 1`).
    var furthest = 0
    /// End offset of the last consumed token.
    var lastEnd: Int32 = 0
    var tree = SyntaxTree()
    /// Scratch stack for building lists without per-list allocation.
    var scratch: [Int32] = []
    var error: TokenizerError?
    let tokenizerError: TokenizerError?
    /// Index of the tokenizer's error token, if it stopped with one.
    let errorTokenIndex: Int?
    /// Current nesting depth of recursive productions (bounded: see `maxDepth`).
    var depth = 0
    static let maxDepth = 1200

    /// Stack bytes parsing may need: recursion is at most `maxDepth` levels, and at most the
    /// tokenizer's `recursionBound`; 8 KB per level (measured under 8 KB in debug builds, where
    /// frames are largest: see RobustnessTests.parserFitsItsStackBudget).
    static func stackBudget(_ tokens: TokenizeResult) -> Int {
        min(tokens.recursionBound, maxDepth) * 8192 + (256 << 10)
    }
    /// Bracket nesting of the expression being parsed (CPython's tokenizer `level`).
    var nesting = 0
    /// How many f-string format specs enclose the current replacement field.
    var specNesting = 0
    /// Set while checking "Perhaps you forgot a comma?" so the check does not recurse.
    var inCommaCheck = false
    /// Set for errors CPython never replaces by a later tokenizer error ("unexpected indent").
    var errorIsFinal = false

    init(source: [UInt8], tokens: TokenizeResult) {
        src = source
        toks = tokens.tokens
        tokenizerError = tokens.error
        errorTokenIndex = tokens.error == nil ? nil : toks.lastIndex { $0.kind == .errorToken }
        tree.nodes.reserveCapacity(toks.count)
        scratch.reserveCapacity(256)
        p = 0
        skipTrivia()
    }

    static func run(source: [UInt8], tokens: TokenizeResult) -> ParserOutcome {
        var parser = Parser(source: source, tokens: tokens)
        parser.parseModule()
        // CPython tokenizes the rest of the file after a syntax error: a tokenizer error there wins,
        // except an unclosed bracket, which wins only when the parser got past the bracket's line.
        if let tokErr = parser.tokenizerError, parser.error != tokErr, !parser.errorIsFinal {
            if tokErr.message.hasSuffix("was never closed") {
                // (Observed in CPython 3.13.0: inside an f-string only a plain "invalid syntax" is replaced.)
                let generic = parser.error?.message == "invalid syntax"
                if parser.error == nil || ((generic || !tokErr.insideFString)
                    && parser.lineNumber(parser.toks[parser.furthest].start) > parser.lineNumber(Int32(tokErr.offset))) {
                    parser.error = tokErr
                }
            } else if parser.error == nil || tokErr.raisedImmediately {
                parser.error = tokErr
            }
        }
        return ParserOutcome(tree: parser.tree, error: parser.error)
    }

    // MARK: - Token cursor

    @inline(__always) var ok: Bool { error == nil }
    @inline(__always) var kind: TokenKind { toks[p].kind }
    @inline(__always) var curStart: Int32 { toks[p].start }
    @inline(__always) var curEnd: Int32 { toks[p].end }

    @inline(__always) mutating func skipTrivia() {
        while toks[p].kind == .comment || toks[p].kind == .nl { p += 1 }
    }

    @inline(__always) mutating func advance() {
        let k = toks[p].kind
        if k == .endMarker || k == .errorToken { return }
        // Like CPython's EXTRA, node ends skip NEWLINE / INDENT / DEDENT (a compound statement ends
        // at its last real token, a trailing ';' included).
        if k != .newline && k != .indent && k != .dedent { lastEnd = toks[p].end }
        p += 1
        skipTrivia()
        if p > furthest { furthest = p }
    }

    /// The kind of the significant token `k` positions ahead.
    func peekKind(_ k: Int) -> TokenKind {
        var i = p, left = k
        while left > 0 {
            if toks[i].kind == .endMarker { return .endMarker }
            i += 1
            while toks[i].kind == .comment || toks[i].kind == .nl { i += 1 }
            left -= 1
        }
        return toks[i].kind
    }

    /// Consumes a token of `kind` or records an error.
    @discardableResult
    mutating func expect(_ k: TokenKind, _ what: String = "") -> Bool {
        if kind == k { advance(); return true }
        if what.isEmpty { failHere() } else { failHere("expected '\(what)'") }
        return false
    }

    @inline(__always) mutating func accept(_ k: TokenKind) -> Bool {
        if kind == k { advance(); return true }
        return false
    }

    /// True when the current token is the NAME `word` (soft keywords).
    func isSoftKeyword(_ word: StaticString) -> Bool {
        let t = toks[p]
        guard t.kind == .name, Int(t.end - t.start) == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        var i = 0
        while i < word.utf8CodeUnitCount { if src[Int(t.start) + i] != w[i] { return false }; i += 1 }
        return true
    }

    // MARK: - Errors

    /// Records the first error (at the tokenizer's error instead when the parser stands on it).
    mutating func fail(_ offset: Int32, _ message: String, final: Bool = false) {
        guard error == nil else { return }
        if toks[p].kind == .errorToken, let e = tokenizerError {
            error = e
            return
        }
        // CPython places end-of-file tokens on the last line of the file (the line of its last byte).
        let at = Int(offset) >= src.count && !src.isEmpty ? src.count - 1 : Int(offset)
        error = TokenizerError(offset: at, message: message)
        errorIsFinal = final
    }

    /// Records an error at the current token ("invalid syntax" unless told otherwise).
    mutating func failHere(_ message: String = "invalid syntax") {
        let t = toks[p]
        switch t.kind {
        case .indent: fail(t.end, "unexpected indent", final: true)
        case .dedent: fail(t.start, "unexpected unindent", final: true)
        default: fail(t.start, message)
        }
    }

    /// Enters a recursive production; false (with an error) when nesting is too deep.
    @inline(__always) mutating func enter() -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            fail(curStart, "too many nested expressions (parser depth limit)")
            return false
        }
        return true
    }
    @inline(__always) mutating func leave() { depth -= 1 }

    // MARK: - Speculation

    struct State {
        var p: Int, lastEnd: Int32, nodes: Int, lists: Int, items: Int, strings: Int, scratch: Int, depth: Int
    }

    func save() -> State {
        State(p: p, lastEnd: lastEnd, nodes: tree.nodes.count, lists: tree.listRanges.count, items: tree.listItems.count,
              strings: tree.strings.count, scratch: scratch.count, depth: depth)
    }

    mutating func restore(_ s: State) {
        p = s.p; lastEnd = s.lastEnd
        tree.nodes.removeSubrange(s.nodes...)
        tree.listRanges.removeSubrange(s.lists...)
        tree.listItems.removeSubrange(s.items...)
        tree.strings.removeSubrange(s.strings...)
        scratch.removeSubrange(s.scratch...)
        depth = s.depth
        error = nil
        errorIsFinal = false
    }

    // MARK: - Node building

    @inline(__always) mutating func node(_ kind: NodeKind, _ s: Int32, _ e: Int32, aux: UInt8 = 0,
                                         _ a: Int32 = -1, _ b: Int32 = -1, _ c: Int32 = -1, _ d: Int32 = -1) -> Int32 {
        var r = NodeRecord(kind, s, e, aux: aux)
        r.a = a; r.b = b; r.c = c; r.d = d
        return tree.add(r)
    }

    @inline(__always) mutating func finishList(_ mark: Int) -> Int32 {
        let id = tree.makeList(scratch[mark...])
        scratch.removeSubrange(mark...)
        return id
    }

    @inline(__always) func start(_ id: Int32) -> Int32 { tree.nodes[Int(id)].start }
    @inline(__always) func end(_ id: Int32) -> Int32 { tree.nodes[Int(id)].end }
    @inline(__always) func kindOf(_ id: Int32) -> NodeKind { tree.nodes[Int(id)].kind }

    mutating func markParenthesized(_ id: Int32) {
        if id >= 0 { tree.nodes[Int(id)].flags |= 1 }
    }
    func isParenthesized(_ id: Int32) -> Bool { tree.nodes[Int(id)].flags & 1 != 0 }
}
