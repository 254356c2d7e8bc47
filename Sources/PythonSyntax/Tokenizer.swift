/// Byte-level tokenizer for Python 3.13 source, modelled on CPython's `Parser/tokenizer.c`.
///
/// Keeps every token: comments, non-logical newlines (NL), INDENT/DEDENT, and the 3.12 f-string
/// tokens (FSTRING_START / FSTRING_MIDDLE / FSTRING_END with the replacement fields tokenized in
/// between). Stops at the first error, which it reports with an `.errorToken` and a message.
public enum PythonTokenizer {
    /// Tokenizes `source` (UTF-8 bytes as on disk, BOM allowed).
    public static func tokenize(_ source: [UInt8]) -> TokenizeResult {
        source.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer)
            lexer.run()
            return TokenizeResult(tokens: lexer.tokens, error: lexer.error, maxBracketDepth: lexer.maxDepth,
                                  bodyStart: lexer.bodyStart, recursionBound: lexer.recursionBound())
        }
    }
}

/// The tokens of one source file and the first tokenizer error, if any.
public struct TokenizeResult: Sendable {
    /// All tokens in source order, trivia included, ending with `.endMarker`.
    public let tokens: [Token]
    /// The first error; tokenization stopped there (an `.errorToken` marks the spot).
    public let error: TokenizerError?
    /// Deepest bracket nesting seen.
    public let maxBracketDepth: Int
    /// Offset of the first byte after a UTF-8 BOM (0 without one).
    public let bodyStart: Int
    /// An upper bound on the parser's recursion depth for these tokens: twice the longest logical
    /// line in tokens, plus `elif`s and indentation levels.
    let recursionBound: Int
}

/// A tokenizer error: where it was detected and why. `offset` is the byte CPython's
/// SyntaxError would point at (for an unclosed bracket: the bracket).
public struct TokenizerError: Sendable, Hashable {
    /// Byte offset of the error.
    public let offset: Int
    /// Human-readable message, CPython's wording where possible.
    public let message: String
    /// True when the tokenizer was inside an f-string when it failed.
    public let insideFString: Bool

    init(offset: Int, message: String, insideFString: Bool = false) {
        self.offset = offset; self.message = message; self.insideFString = insideFString
    }

    /// True for errors CPython raises as soon as its tokenizer meets them (bad literals, strings,
    /// characters, brackets): such an error later in the file replaces an earlier parser error.
    /// False for indentation, line-continuation and end-of-file errors, which surface only when
    /// the parser reaches them.
    /// Errors met inside an f-string do not replace earlier ones either (CPython keeps the error
    /// from the expression part).
    public var raisedImmediately: Bool {
        !insideFString && !(message.hasPrefix("unindent does not match") || message.hasPrefix("inconsistent use of tabs")
          || message.hasPrefix("unexpected character after line continuation") || message.hasPrefix("unexpected EOF")
          || message.hasPrefix("too many levels of indentation") || message.hasSuffix("was never closed"))
    }
}

@inline(__always) func isIdentStart(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 128
}
@inline(__always) func isIdentChar(_ c: UInt8) -> Bool {
    // Bit masks of the ASCII identifier characters: 0-9 in the low half, A-Z _ a-z in the high half.
    let mask: UInt64 = c < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
    return c >= 128 || (mask >> UInt64(c & 63)) & 1 != 0
}
@inline(__always) func isDecDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

private struct FMode {
    enum Kind { case literal, field, spec }
    var kind: Kind
    var quote: UInt8
    var triple: Bool
    var raw: Bool
    /// Bracket-stack count just after this field's `{` was pushed (field / spec only).
    var depth: Int
    /// Offset of the f-string's first byte (for errors).
    var start: Int
    /// For a format spec: a nested replacement field has been seen in it.
    var hadField = false
}

private struct Lexer {
    let src: UnsafeBufferPointer<UInt8>
    let n: Int
    var pos = 0
    var tokens: [Token] = []
    var error: TokenizerError?
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var brackets: [(char: UInt8, offset: Int)] = []
    var modes: [FMode] = []
    var atLineStart = true
    var blankLine = false
    var lineHasContent = false
    var maxDepth = 0
    var bodyStart = 0

    /// Bound on parser recursion: tokens of the longest logical line, `elif` count, deepest
    /// indentation (tracked while tokenizing).
    var longestLine = 0, lineStartToken = 0, elifCount = 0, maxIndentLevels = 0

    func recursionBound() -> Int {
        2 * max(longestLine, tokens.count - lineStartToken) + elifCount + 4 * maxIndentLevels + 16
    }

    init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        self.n = src.count
        tokens.reserveCapacity(src.count / 4 + 16)
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < n ? src[i] : 0 }

    @inline(__always) mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, flags: UInt8 = 0) {
        if kind == .newline {
            if tokens.count - lineStartToken > longestLine { longestLine = tokens.count - lineStartToken }
            lineStartToken = tokens.count
        }
        tokens.append(Token(kind: kind, flags: flags, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
    }

    mutating func fail(_ offset: Int, _ message: String) {
        // Errors found at end of input sit on the file's last line, as CPython reports them.
        let at = offset >= n && n > bodyStart ? n - 1 : offset
        if error == nil { error = TokenizerError(offset: at, message: message, insideFString: !modes.isEmpty) }
        emit(.errorToken, min(offset, n), min(offset, n))
    }

    mutating func run() {
        if n == 0 { emit(.endMarker, 0, 0); return }
        if n >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF { pos = 3; bodyStart = 3 }
        if let problem = checkEncoding() { fail(problem.offset, problem.message); emit(.endMarker, n, n); return }
        while error == nil {
            let before = tokens.count, beforePos = pos, beforeModes = modes.count, beforeKind = modes.last?.kind
            if step() { break }
            // Progress guard: every step consumes input, emits a token or changes the f-string mode.
            if tokens.count == before && pos == beforePos && modes.count == beforeModes && modes.last?.kind == beforeKind {
                fail(pos, "tokenizer made no progress"); break
            }
        }
        if error != nil { emit(.endMarker, n, n) }
    }

    /// Validates UTF-8 and any coding declaration on line 1 or 2; NUL bytes are refused.
    func checkEncoding() -> TokenizerError? {
        // Coding declaration: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on line 1, or line 2 if line 1 is a comment/blank.
        var lineStart = bodyStart
        for lineNo in 0..<2 {
            var e = lineStart
            while e < n && src[e] != 10 && src[e] != 13 { e += 1 }
            var i = lineStart
            while i < e && (src[i] == 32 || src[i] == 9 || src[i] == 12) { i += 1 }
            if i < e && src[i] == 35 {
                if let name = codingName(i, e) {
                    var hasNonASCII = false
                    for k in bodyStart..<n where src[k] >= 0x80 { hasNonASCII = true; break }
                    let lower = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
                    let utf8 = lower == "utf-8" || lower == "utf8" || lower.hasPrefix("utf-8-")
                    let asciiCompatible = ["latin-1", "iso-8859-1", "iso8859-1", "latin1", "ascii", "us-ascii", "cp1252",
                                           "iso-latin-1", "l1", "iso-8859-15", "euc-jp", "cp1251", "koi8-r"].contains(lower)
                        || lower.hasPrefix("iso-8859-") || lower.hasPrefix("latin-")
                    if !utf8 && (hasNonASCII || !asciiCompatible) {
                        return TokenizerError(offset: lineStart, message: "unsupported encoding declaration '\(name)' (only UTF-8 source is decoded)")
                    }
                    if bodyStart == 3 && !utf8 {
                        return TokenizerError(offset: lineStart, message: "encoding problem: \(name) with BOM")
                    }
                    break
                }
            } else if i < e {
                break  // line 1 is code: no declaration on line 2
            }
            if lineNo == 0 {
                if e < n && src[e] == 13 && e + 1 < n && src[e + 1] == 10 { e += 1 }
                lineStart = e + 1
                if lineStart > n { break }
            }
        }
        // UTF-8 validity and NUL bytes.
        var i = bodyStart
        let raw = UnsafeRawPointer(src.baseAddress!)
        while i < n {
            // Fast path: 8 ASCII bytes without NUL at a time.
            if i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                if w & 0x8080_8080_8080_8080 == 0 && hasZero == 0 { i += 8; continue }
            }
            let c = src[i]
            if c < 0x80 {
                if c == 0 { return TokenizerError(offset: i, message: "source code cannot contain null bytes") }
                i += 1; continue
            }
            var need = 0
            var minCode: UInt32 = 0
            var code: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; code = UInt32(c & 0x1F); minCode = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; code = UInt32(c & 0x0F); minCode = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; code = UInt32(c & 0x07); minCode = 0x10000 }
            else { return invalidUTF8(i) }
            if i + need >= n + 0 && i + need > n - 1 + 1 { return invalidUTF8(i) }
            for k in 1...need {
                guard i + k < n, src[i + k] & 0xC0 == 0x80 else { return invalidUTF8(i) }
                code = code << 6 | UInt32(src[i + k] & 0x3F)
            }
            if code < minCode || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) { return invalidUTF8(i) }
            i += need + 1
        }
        return nil
    }

    func invalidUTF8(_ i: Int) -> TokenizerError {
        let hex = String(src[i], radix: 16)
        return TokenizerError(offset: i, message: "(unicode error) 'utf-8' codec can't decode byte 0x\(hex): invalid utf-8")
    }

    func codingName(_ from: Int, _ to: Int) -> String? {
        let key: [UInt8] = Array("coding".utf8)
        var i = from
        while i + 6 < to {
            var match = true
            for k in 0..<6 where src[i + k] != key[k] { match = false; break }
            if match && (src[i + 6] == 58 || src[i + 6] == 61) {
                var j = i + 7
                while j < to && (src[j] == 32 || src[j] == 9) { j += 1 }
                let s = j
                while j < to && (isIdentChar(src[j]) && src[j] < 128 || src[j] == 45 || src[j] == 46) { j += 1 }
                if j > s { return String(decoding: UnsafeBufferPointer(rebasing: src[s..<j]), as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Main loop

    /// Produces the next token(s). Returns true after the end marker.
    mutating func step() -> Bool {
        if let mode = modes.last, mode.kind != .field {
            scanFStringText(mode)
            return false
        }
        if atLineStart && brackets.isEmpty {
            atLineStart = false
            if handleIndentation() { return false }
        }
        // Skip whitespace and line continuations.
        while pos < n {
            let c = src[pos]
            if c == 32 || c == 9 || c == 12 { pos += 1; continue }
            if c == 92 {  // backslash
                let d = at(pos + 1)
                if d == 10 { pos += 2 } else if d == 13 { pos += at(pos + 2) == 10 ? 3 : 2 } else { break }
                if pos >= n { fail(pos, "unexpected EOF while parsing"); return true }
                continue
            }
            break
        }
        if pos >= n { return finish() }
        let start = pos
        let c = src[pos]
        switch c {
        case 35:  // '#'
            while pos < n && src[pos] != 10 && src[pos] != 13 { pos += 1 }
            emit(.comment, start, pos)
        case 10, 13:
            pos += (c == 13 && at(pos + 1) == 10) ? 2 : 1
            if blankLine || !brackets.isEmpty || !lineHasContent {
                emit(.nl, start, pos)
            } else {
                emit(.newline, start, pos)
            }
            if brackets.isEmpty { atLineStart = true; lineHasContent = false }
        case 48...57:
            lineHasContent = true
            scanNumber()
        case 46 where isDecDigit(at(pos + 1)):
            lineHasContent = true
            scanNumber()
        case 34, 39:
            lineHasContent = true
            scanString(prefixStart: start, flags: [])
        case 92:
            lineHasContent = true
            fail(pos, "unexpected character after line continuation character")
        default:
            lineHasContent = true
            if isIdentStart(c) {
                scanName()
            } else {
                scanOperator()
            }
        }
        return false
    }

    /// Computes indentation at the start of a logical line; emits INDENT/DEDENT. True if it emitted.
    mutating func handleIndentation() -> Bool {
        var col = 0, altcol = 0, contCol = 0
        while pos < n {
            let c = src[pos]
            if c == 32 { col += 1; altcol += 1; pos += 1 }
            else if c == 9 { col = (col / 8 + 1) * 8; altcol += 1; pos += 1 }
            else if c == 12 { col = 0; altcol = 0; pos += 1 }
            else if c == 92 {
                let d = at(pos + 1)
                guard d == 10 || d == 13 else { break }
                contCol = contCol != 0 ? contCol : col
                pos += (d == 13 && at(pos + 2) == 10) ? 3 : 2
                if pos >= n { fail(pos, "unexpected EOF while parsing"); return true }
            } else { break }
        }
        let c = at(pos)
        // CPython's string input always ends in a newline: whitespace at EOF is a blank line.
        blankLine = pos >= n || c == 35 || c == 10 || c == 13
        if blankLine { return false }
        if contCol != 0 { col = contCol; altcol = contCol }
        let top = indents[indents.count - 1]
        if col == top {
            if altcol != altIndents[altIndents.count - 1] { fail(pos, "inconsistent use of tabs and spaces in indentation"); return true }
        } else if col > top {
            if pos >= n { return false }
            if indents.count >= 100 { fail(pos, "too many levels of indentation"); return true }
            if altcol <= altIndents[altIndents.count - 1] { fail(pos, "inconsistent use of tabs and spaces in indentation"); return true }
            indents.append(col); altIndents.append(altcol)
            if indents.count > maxIndentLevels { maxIndentLevels = indents.count }
            var s = pos
            while s > 0 && src[s - 1] != 10 && src[s - 1] != 13 { s -= 1 }
            emit(.indent, s, pos)
            return true
        } else {
            var emitted = false
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast(); altIndents.removeLast()
                emit(.dedent, pos, pos)
                emitted = true
            }
            if col != indents[indents.count - 1] { fail(pos, "unindent does not match any outer indentation level"); return true }
            if altcol != altIndents[altIndents.count - 1] { fail(pos, "inconsistent use of tabs and spaces in indentation"); return true }
            return emitted
        }
        return false
    }

    mutating func finish() -> Bool {
        if let open = brackets.last {
            // Inside an f-string's literal text the string is unterminated; inside a
            // replacement field or its format spec (or ordinary brackets) the bracket was never closed.
            if let m = modes.last, m.kind == .literal {
                fail(m.start, m.triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal")
            } else {
                fail(open.offset, "'\(Character(UnicodeScalar(open.char)))' was never closed")
            }
            return true
        }
        if lineHasContent && !blankLine { emit(.newline, n, n) }
        lineHasContent = false
        while indents.count > 1 { indents.removeLast(); altIndents.removeLast(); emit(.dedent, n, n) }
        emit(.endMarker, n, n)
        return true
    }

    // MARK: - Names, numbers, operators

    mutating func scanName() {
        let start = pos
        // A string prefix? (Only names starting with r, b, u or f can be one.)
        let first = src[pos] | 0x20
        var p = pos
        var flags: StringFlags = []
        var valid = true
        while (first == 114 || first == 98 || first == 117 || first == 102) && p < n && p - start < 3 {
            let c = src[p] | 0x20
            if c == 114 /* r */ { if flags.contains(.raw) { valid = false }; flags.insert(.raw) }
            else if c == 98 /* b */ { if flags.contains(.bytes) { valid = false }; flags.insert(.bytes) }
            else if c == 117 /* u */ { if !flags.isEmpty { valid = false }; flags.insert(.unicode) }
            else if c == 102 /* f */ { if flags.contains(.format) { valid = false }; flags.insert(.format) }
            else { break }
            p += 1
        }
        if p > start && p < n && (src[p] == 34 || src[p] == 39) && valid
            && !(flags.contains(.unicode) && flags != .unicode)
            && !(flags.contains(.bytes) && flags.contains(.format)) {
            pos = p
            scanString(prefixStart: start, flags: flags)
            return
        }
        var ascii = true
        while pos < n && isIdentChar(src[pos]) { if src[pos] >= 128 { ascii = false }; pos += 1 }
        if !ascii, let bad = invalidIdentifierCharacter(start, pos) {
            let v = bad.scalar.value
            let hex = String(v, radix: 16, uppercase: true)
            fail(bad.offset, "invalid character '\(Character(bad.scalar))' (U+\(String(repeating: "0", count: max(0, 4 - hex.utf8.count)))\(hex))")
            return
        }
        let kind = keywordKind(start, pos)
        if kind == .kwElif { elifCount += 1 }
        emit(kind, start, pos)
    }

    /// The first character of a non-ASCII name that cannot be part of an identifier (XID rules;
    /// names that NFKC-normalise to a valid identifier are accepted, as CPython does).
    func invalidIdentifierCharacter(_ s: Int, _ e: Int) -> (offset: Int, scalar: Unicode.Scalar)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: src[s..<e]), as: UTF8.self)
        func firstInvalid(_ t: String) -> (Int, Unicode.Scalar)? {
            var offset = 0
            for (i, u) in t.unicodeScalars.enumerated() {
                let ok = i == 0 ? (u.properties.isXIDStart || u == "_") : u.properties.isXIDContinue
                if !ok { return (offset, u) }
                offset += String(u).utf8.count
            }
            return nil
        }
        guard let (offset, scalar) = firstInvalid(text) else { return nil }
        let normalized = PythonLiteral.normalizeIdentifier(ArraySlice(UnsafeBufferPointer(rebasing: src[s..<e])))
        if firstInvalid(normalized) == nil { return nil }
        return (s + offset, scalar)
    }

    func keywordKind(_ s: Int, _ e: Int) -> TokenKind {
        let len = e - s
        if len < 2 || len > 8 { return .name }
        let c0 = src[s]
        @inline(__always) func eq(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == len else { return false }
            let w = word.utf8Start
            for i in 0..<len where src[s + i] != w[i] { return false }
            return true
        }
        switch c0 {
        case 70: if eq("False") { return .kwFalse }
        case 78: if eq("None") { return .kwNone }
        case 84: if eq("True") { return .kwTrue }
        case 97:
            if eq("and") { return .kwAnd }; if eq("as") { return .kwAs }; if eq("assert") { return .kwAssert }
            if eq("async") { return .kwAsync }; if eq("await") { return .kwAwait }
        case 98: if eq("break") { return .kwBreak }
        case 99: if eq("class") { return .kwClass }; if eq("continue") { return .kwContinue }
        case 100: if eq("def") { return .kwDef }; if eq("del") { return .kwDel }
        case 101:
            if eq("elif") { return .kwElif }; if eq("else") { return .kwElse }; if eq("except") { return .kwExcept }
        case 102:
            if eq("finally") { return .kwFinally }; if eq("for") { return .kwFor }; if eq("from") { return .kwFrom }
        case 103: if eq("global") { return .kwGlobal }
        case 105:
            if eq("if") { return .kwIf }; if eq("import") { return .kwImport }; if eq("in") { return .kwIn }
            if eq("is") { return .kwIs }
        case 108: if eq("lambda") { return .kwLambda }
        case 110: if eq("nonlocal") { return .kwNonlocal }; if eq("not") { return .kwNot }
        case 111: if eq("or") { return .kwOr }
        case 112: if eq("pass") { return .kwPass }
        case 114: if eq("raise") { return .kwRaise }; if eq("return") { return .kwReturn }
        case 116: if eq("try") { return .kwTry }
        case 119: if eq("while") { return .kwWhile }; if eq("with") { return .kwWith }
        case 121: if eq("yield") { return .kwYield }
        default: break
        }
        return .name
    }

    /// Digits of one radix with single underscores between them. Returns false on a bad underscore.
    mutating func digits(_ ok: (UInt8) -> Bool) -> Bool {
        guard pos < n, ok(src[pos]) else { return false }
        while pos < n {
            if ok(src[pos]) { pos += 1 }
            else if src[pos] == 95 && pos + 1 < n && ok(src[pos + 1]) { pos += 2 }
            else { break }
        }
        return true
    }

    mutating func scanNumber() {
        let start = pos
        let c = src[pos]
        if c == 48 && pos + 1 < n && (src[pos + 1] | 0x20 == 120 || src[pos + 1] | 0x20 == 111 || src[pos + 1] | 0x20 == 98) {
            let r = src[pos + 1] | 0x20
            pos += 2
            if at(pos) == 95 { pos += 1 }
            let ok: (UInt8) -> Bool = r == 120 ? { isDecDigit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
                : r == 111 ? { $0 >= 48 && $0 <= 55 } : { $0 == 48 || $0 == 49 }
            if !digits(ok) || at(pos) == 95 || isDecDigit(at(pos)) {
                let kind = r == 120 ? "hexadecimal" : r == 111 ? "octal" : "binary"
                fail(start, "invalid \(kind) literal"); return
            }
            return finishNumber(start)
        }
        var isFloat = false
        if c == 46 {
            pos += 1
            _ = digits(isDecDigit)
            isFloat = true
        } else {
            _ = digits(isDecDigit)
            if at(pos) == 95 { fail(start, "invalid decimal literal"); return }
            if at(pos) == 46 {
                pos += 1
                isFloat = true
                if isDecDigit(at(pos)) { _ = digits(isDecDigit) }
                if at(pos) == 95 { fail(start, "invalid decimal literal"); return }
            }
        }
        if at(pos) | 0x20 == 101 {  // exponent
            let save = pos
            pos += 1
            if at(pos) == 43 || at(pos) == 45 { pos += 1 }
            if !digits(isDecDigit) {
                pos = save
                return finishNumber(start)
            }
            if at(pos) == 95 { fail(start, "invalid decimal literal"); return }
            isFloat = true
        }
        if at(pos) | 0x20 == 106 { pos += 1; return finishNumber(start) }
        if !isFloat && src[start] == 48 {
            // Leading zeros: only all-zero integers are allowed.
            for i in start..<pos where src[i] != 48 && src[i] != 95 {
                fail(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"); return
            }
        }
        finishNumber(start)
    }

    mutating func finishNumber(_ start: Int) {
        // CPython 3.13 allows a keyword right after a number (with a warning); other letters are an error.
        if pos < n && isIdentStart(src[pos]) {
            var e = pos
            while e < n && isIdentChar(src[e]) { e += 1 }
            let k = keywordKind(pos, e)
            let allowed: Set<TokenKind> = [.kwAnd, .kwElse, .kwFor, .kwIf, .kwIn, .kwIs, .kwNot, .kwOr]
            if !allowed.contains(k) {
                fail(start, "invalid decimal literal"); return
            }
        }
        emit(.number, start, pos)
    }

    mutating func scanOperator() {
        let s = pos
        let c = src[pos]
        let d = at(pos + 1)
        let e = at(pos + 2)
        var kind: TokenKind
        var len = 1
        switch c {
        case 40: kind = .lpar
        case 41: kind = .rpar
        case 91: kind = .lsqb
        case 93: kind = .rsqb
        case 123: kind = .lbrace
        case 125: kind = .rbrace
        case 58:
            // At the top of an f-string field, ':' always starts the format spec (`f"{x:=10}"`).
            let fieldTop = modes.last.map { $0.kind == .field && $0.depth == brackets.count } ?? false
            if d == 61 && !fieldTop { kind = .colonEqual; len = 2 } else { kind = .colon }
        case 44: kind = .comma
        case 59: kind = .semi
        case 43: if d == 61 { kind = .plusEqual; len = 2 } else { kind = .plus }
        case 45:
            if d == 61 { kind = .minEqual; len = 2 } else if d == 62 { kind = .rarrow; len = 2 } else { kind = .minus }
        case 42:
            if d == 42 { if e == 61 { kind = .doubleStarEqual; len = 3 } else { kind = .doubleStar; len = 2 } }
            else if d == 61 { kind = .starEqual; len = 2 } else { kind = .star }
        case 47:
            if d == 47 { if e == 61 { kind = .doubleSlashEqual; len = 3 } else { kind = .doubleSlash; len = 2 } }
            else if d == 61 { kind = .slashEqual; len = 2 } else { kind = .slash }
        case 124: if d == 61 { kind = .vbarEqual; len = 2 } else { kind = .vbar }
        case 38: if d == 61 { kind = .amperEqual; len = 2 } else { kind = .amper }
        case 60:
            if d == 60 { if e == 61 { kind = .leftShiftEqual; len = 3 } else { kind = .leftShift; len = 2 } }
            else if d == 61 { kind = .lessEqual; len = 2 } else if d == 62 { kind = .notEqual; len = 2 } else { kind = .less }
        case 62:
            if d == 62 { if e == 61 { kind = .rightShiftEqual; len = 3 } else { kind = .rightShift; len = 2 } }
            else if d == 61 { kind = .greaterEqual; len = 2 } else { kind = .greater }
        case 61: if d == 61 { kind = .eqEqual; len = 2 } else { kind = .equal }
        case 46: if d == 46 && e == 46 { kind = .ellipsis; len = 3 } else { kind = .dot }
        case 37: if d == 61 { kind = .percentEqual; len = 2 } else { kind = .percent }
        case 126: kind = .tilde
        case 94: if d == 61 { kind = .circumflexEqual; len = 2 } else { kind = .circumflex }
        case 64: if d == 61 { kind = .atEqual; len = 2 } else { kind = .at }
        case 33: if d == 61 { kind = .notEqual; len = 2 } else { kind = .exclamation }
        case 36, 63, 96:  // $ ? `
            pos += 1
            emit(.unknownOperator, s, pos)
            return
        default:
            if c < 32 || c == 127 {
                fail(s, "invalid non-printable character U+\(hex4(c))")
            } else {
                fail(s, "invalid character '\(Character(UnicodeScalar(c)))' (U+\(hex4(c)))")
            }
            return
        }
        // `<>` is only valid with barry_as_FLUFL.
        if kind == .notEqual && c == 60 { kind = .less; len = 1 }
        pos += len
        switch kind {
        case .lpar, .lsqb, .lbrace:
            brackets.append((c, s))
            if brackets.count > maxDepth { maxDepth = brackets.count }
            if brackets.count >= 200 { fail(s, "too many nested parentheses"); return }
        case .rpar, .rsqb, .rbrace:
            guard let open = brackets.last else { fail(s, "unmatched '\(Character(UnicodeScalar(c)))'"); return }
            let expected: UInt8 = open.char == 40 ? 41 : open.char == 91 ? 93 : 125
            if expected != c {
                fail(s, "closing parenthesis '\(Character(UnicodeScalar(c)))' does not match opening parenthesis '\(Character(UnicodeScalar(open.char)))'")
                return
            }
            if let m = modes.last, m.kind == .field, m.depth == brackets.count {
                modes.removeLast()
            }
            brackets.removeLast()
        case .colon:
            if let m = modes.last, m.kind == .field, m.depth == brackets.count {
                modes[modes.count - 1].kind = .spec
            }
        default: break
        }
        emit(kind, s, pos)
    }

    // MARK: - Strings

    /// Scans a string starting at the quote at `pos` (the prefix, if any, is at `prefixStart..<pos`).
    mutating func scanString(prefixStart: Int, flags: StringFlags) {
        var flags = flags
        let quote = src[pos]
        let triple = at(pos + 1) == quote && at(pos + 2) == quote
        if triple { flags.insert(.triple) }
        let raw = flags.contains(.raw)
        pos += triple ? 3 : 1
        if flags.contains(.format) {
            emit(.fstringStart, prefixStart, pos, flags: flags.rawValue)
            modes.append(FMode(kind: .literal, quote: quote, triple: triple, raw: raw, depth: 0, start: prefixStart))
            return
        }
        while true {
            guard pos < n else {
                fail(prefixStart, triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
                return
            }
            let c = src[pos]
            if c == quote {
                if !triple { pos += 1; break }
                if at(pos + 1) == quote && at(pos + 2) == quote { pos += 3; break }
                pos += 1
            } else if c == 92 {
                pos += 1
                if pos < n {
                    if src[pos] == 13 && at(pos + 1) == 10 { pos += 2 } else { pos += 1 }
                }
            } else if (c == 10 || c == 13) && !triple {
                fail(prefixStart, "unterminated string literal")
                return
            } else {
                pos += 1
            }
        }
        _ = raw
        emit(.string, prefixStart, pos, flags: flags.rawValue)
    }

    /// Scans literal text of an f-string (or of a format spec) up to a field, the end quote, or `}`.
    mutating func scanFStringText(_ mode: FMode) {
        let s = pos
        let qlen = mode.triple ? 3 : 1
        func unterminated(_ lexer: inout Lexer) {
            lexer.fail(mode.start, mode.triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal")
        }
        while true {
            guard pos < n else {
                // End of input inside a format spec: the field's '{' was never closed (CPython).
                if mode.kind == .spec, let open = brackets.last {
                    fail(open.offset, "'{' was never closed")
                } else {
                    unterminated(&self)
                }
                return
            }
            let c = src[pos]
            if c == mode.quote && (!mode.triple || (at(pos + 1) == c && at(pos + 2) == c)) {
                if mode.kind == .spec {
                    // The field never closed. Like CPython, end the f-string here (the parser then
                    // reports "expecting '}'"); the field's '{' stays open.
                    if pos > s { emit(.fstringMiddle, s, pos) }
                    emit(.fstringEnd, pos, pos + qlen)
                    pos += qlen
                    modes.removeLast()
                    if modes.last?.kind == .literal { modes.removeLast() }
                    return
                }
                if pos > s { emit(.fstringMiddle, s, pos) }
                emit(.fstringEnd, pos, pos + qlen)
                pos += qlen
                modes.removeLast()
                return
            }
            if (c == 10 || c == 13) && !mode.triple {
                if mode.kind == .spec && !mode.hadField {
                    // CPython 3.13.0: a newline ends a single-quoted f-string's format spec; the field
                    // continues in regular mode (`f"{x:ab<newline>}"` has the spec "ab").
                    if pos > s { emit(.fstringMiddle, s, pos) }
                    modes[modes.count - 1].kind = .field
                } else {
                    unterminated(&self)
                }
                return
            }
            if c == 92 {
                let d = at(pos + 1)
                if mode.raw {
                    pos += (d == mode.quote || d == 92) ? 2 : 1
                } else if d == 78 && at(pos + 2) == 123 && mode.kind == .literal {
                    pos += 3
                    while pos < n && src[pos] != 125 && src[pos] != mode.quote && src[pos] != 10 { pos += 1 }
                    if pos < n && src[pos] == 125 { pos += 1 }
                } else if d == 123 || d == 125 {
                    pos += 1
                } else if d == 13 && at(pos + 2) == 10 {
                    pos += 3
                } else {
                    pos += pos + 1 < n ? 2 : 1
                }
                continue
            }
            if c == 123 {
                if at(pos + 1) == 123 && mode.kind == .literal { pos += 2; continue }
                if pos > s { emit(.fstringMiddle, s, pos) }
                if mode.kind == .spec { modes[modes.count - 1].hadField = true }
                brackets.append((123, pos))
                if brackets.count > maxDepth { maxDepth = brackets.count }
                emit(.lbrace, pos, pos + 1)
                pos += 1
                if brackets.count >= 200 { fail(pos - 1, "too many nested parentheses"); return }
                var field = mode
                field.kind = .field
                field.depth = brackets.count
                field.hadField = false
                modes.append(field)
                return
            }
            if c == 125 {
                if at(pos + 1) == 125 && mode.kind == .literal { pos += 2; continue }
                if mode.kind == .literal { fail(pos, "f-string: single '}' is not allowed"); return }
                if pos > s { emit(.fstringMiddle, s, pos) }
                emit(.rbrace, pos, pos + 1)
                pos += 1
                brackets.removeLast()
                modes.removeLast()
                return
            }
            pos += 1
        }
    }
}

/// Four upper-case hex digits (for U+XXXX in messages).
func hex4(_ value: UInt8) -> String {
    let h = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - h.utf8.count) + h
}
