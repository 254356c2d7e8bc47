/// A `# noqa` suppression read from one comment, with ruff's grammar.
///
/// **What it does.** Finds the first `noqa` directive in a comment's bytes: a `#`, optional
/// whitespace, `noqa` in any case, then either nothing / whitespace / `#` (a blanket directive that
/// suppresses every rule on the line) or optional whitespace, `:` and a list of codes separated by
/// commas and whitespace. Codes are uppercase ASCII letters followed by digits (`F401`, `PLC0415`)
/// and match exactly (`# noqa: F4` does not suppress F401). The directive may follow other comment
/// text (`# type: ignore # noqa: F401`); text after the codes is a free description
/// (`# noqa: F401 re-exported`).
///
/// **Why.** Suppressions must be honoured exactly as ruff honours them (RELIABILITY U24), or a fix
/// would touch lines the user protected, or leave lines ruff still reports.
///
/// **Example** (each checked against ruff 0.17.6, see `Fixtures/noqa-spellings.json`):
/// - `# noqa`, `#NOQA`, `# noqa F401` (no colon: ruff treats it as blanket), `# noqa#` → all rules.
/// - `# noqa: F401, E501`, `#noqa:F401`, `# noqa : F401`, `# noqa: E501 F401` → those codes.
/// - `# noqa:` (no codes), `# noqa: f401`, `# noqa: F401.`, `# noqanot`, `# noqa, x` → invalid:
///   they suppress nothing (ruff prints a warning).
/// - `# foo noqa`, `#: noqa` → not a directive.
/// - Only the first directive counts: `# noqa:E501 # noqa:F401` suppresses E501 only.
///
/// **Fix safety.** Reading only; nothing is edited.
public struct NoqaDirective: Equatable, Sendable {
    /// Which rules a directive covers.
    public enum Codes: Equatable, Sendable {
        /// Blanket `# noqa`: every rule.
        case all
        /// `# noqa: A1, B2`: exactly these codes, in written order.
        case only([String])
    }

    public let codes: Codes
    /// Byte range of the directive within the comment given to the parser: from its `#` to the end
    /// of `noqa` (blanket) or of the last code.
    public let range: Range<Int>
    /// Codes written joined without a separator (`F401E501`): valid but ruff warns about them.
    public let hasJoinedCodes: Bool

    public init(codes: Codes, range: Range<Int>, hasJoinedCodes: Bool = false) {
        self.codes = codes
        self.range = range
        self.hasJoinedCodes = hasJoinedCodes
    }

    /// True when this directive suppresses the rule `code` (e.g. `F401`).
    public func suppresses(_ code: String) -> Bool {
        switch codes {
        case .all: true
        case let .only(list): list.contains(code)
        }
    }
}

/// What parsing one comment for a directive found.
public enum NoqaParseResult: Equatable, Sendable {
    /// No directive in the comment.
    case none
    /// A valid directive.
    case directive(NoqaDirective)
    /// Something that starts like a directive but is malformed; it suppresses nothing.
    /// `offset` is the byte offset in the comment where the directive starts.
    case invalid(offset: Int, reason: String)

    /// The directive, when valid.
    public var directive: NoqaDirective? { if case let .directive(d) = self { d } else { nil } }
}

/// Parsers of `noqa` comments: line directives and file-level exemptions.
public enum NoqaParser {
    /// Parses the first line-level `# noqa` directive in `comment` (the comment's bytes, `#` included).
    public static func lineDirective<C: RandomAccessCollection>(in comment: C) -> NoqaParseResult where C.Element == UInt8, C.Index == Int {
        let base = comment.startIndex
        var hash = base
        while let found = nextHash(in: comment, from: hash) {
            var cursor = skipWhitespace(in: comment, from: found + 1)
            if matchesNoqa(comment, at: cursor) {
                cursor += 4
                return tail(of: comment, directiveStart: found, afterNoqa: cursor, base: base)
            }
            hash = found + 1
        }
        return .none
    }

    /// Parses a file-level exemption in an own-line comment: `# ruff: noqa`, `# flake8: noqa`
    /// (blanket) or `# ruff: noqa: F401, E501` (those codes in the whole file).
    ///
    /// `ruff` and `flake8` must be lowercase; whitespace may surround the `:`; the comment must be on a
    /// line of its own (pass `isOwnLine`): after code, ruff ignores it with a warning, and so do we.
    public static func fileExemption<C: RandomAccessCollection>(in comment: C, isOwnLine: Bool) -> NoqaParseResult where C.Element == UInt8, C.Index == Int {
        let base = comment.startIndex
        var hash = base
        while let found = nextHash(in: comment, from: hash) {
            hash = found + 1
            var cursor = skipWhitespace(in: comment, from: found + 1)
            let tool: [UInt8]
            if matches(comment, at: cursor, Array("ruff".utf8)) { tool = Array("ruff".utf8) }
            else if matches(comment, at: cursor, Array("flake8".utf8)) { tool = Array("flake8".utf8) }
            else { continue }
            cursor = skipWhitespace(in: comment, from: cursor + tool.count)
            guard cursor < comment.endIndex, comment[cursor] == UInt8(ascii: ":") else { continue }
            cursor = skipWhitespace(in: comment, from: cursor + 1)
            guard matchesNoqa(comment, at: cursor) else { continue }
            if !isOwnLine {
                return .invalid(offset: found - base, reason: "file-level suppression comments must appear on their own line")
            }
            return tail(of: comment, directiveStart: found, afterNoqa: cursor + 4, base: base)
        }
        return .none
    }

    // MARK: - Grammar after `noqa`

    private static func tail<C: RandomAccessCollection>(of comment: C, directiveStart: Int, afterNoqa: Int, base: Int) -> NoqaParseResult where C.Element == UInt8, C.Index == Int {
        let end = comment.endIndex
        let start = directiveStart - base
        var cursor = skipWhitespace(in: comment, from: afterNoqa)
        if cursor < end, comment[cursor] == UInt8(ascii: ":") {
            cursor += 1
            var codes: [String] = []
            var joined = false
            var lastEnd = cursor
            while true {
                // Separators: whitespace and commas.
                while cursor < end, isWhitespace(comment, at: cursor) || comment[cursor] == UInt8(ascii: ",") {
                    cursor += whitespaceLength(comment, at: cursor) ?? 1
                }
                guard cursor < end, isUppercase(comment[cursor]) else { break }
                // One code, possibly followed by joined codes (`F401E501`).
                var codeStart = cursor
                var complete = false
                while true {
                    var scan = codeStart
                    while scan < end, isUppercase(comment[scan]) { scan += 1 }
                    let digitsStart = scan
                    while scan < end, isDigit(comment[scan]) { scan += 1 }
                    if scan == digitsStart {
                        // Letters without digits: after a separator this is description text
                        // (`# noqa: F401 Some text`), unless no code was read yet or it is joined.
                        if codes.isEmpty || codeStart != cursor {
                            return .invalid(offset: start, reason: "expected code to consist of uppercase letters followed by digits only (e.g. `F401`)")
                        }
                        complete = false
                        break
                    }
                    codes.append(String(decoding: comment[codeStart..<scan], as: UTF8.self))
                    lastEnd = scan
                    complete = true
                    if scan < end, isUppercase(comment[scan]) {
                        joined = true
                        codeStart = scan
                        continue
                    }
                    if scan < end, !(isWhitespace(comment, at: scan) || comment[scan] == UInt8(ascii: ",") || comment[scan] == UInt8(ascii: "#")) {
                        return .invalid(offset: start, reason: "expected code to consist of uppercase letters followed by digits only (e.g. `F401`)")
                    }
                    cursor = scan
                    break
                }
                if !complete { break }
            }
            guard !codes.isEmpty else {
                return .invalid(offset: start, reason: "expected a comma-separated list of codes (e.g., `# noqa: F401, F841`)")
            }
            return .directive(NoqaDirective(codes: .only(codes), range: start..<(lastEnd - base), hasJoinedCodes: joined))
        }
        // No colon: blanket when `noqa` ends the comment or is followed by whitespace or `#`.
        if afterNoqa == end || isWhitespace(comment, at: afterNoqa) || comment[afterNoqa] == UInt8(ascii: "#") {
            return .directive(NoqaDirective(codes: .all, range: start..<(afterNoqa - base)))
        }
        return .invalid(offset: start, reason: "expected `:` followed by a comma-separated list of codes (e.g., `# noqa: F401, F841`)")
    }

    // MARK: - Bytes

    private static func nextHash<C: RandomAccessCollection>(in comment: C, from index: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        var i = index
        while i < comment.endIndex {
            if comment[i] == UInt8(ascii: "#") { return i }
            i += 1
        }
        return nil
    }

    private static func matchesNoqa<C: RandomAccessCollection>(_ c: C, at i: Int) -> Bool where C.Element == UInt8, C.Index == Int {
        guard i + 4 <= c.endIndex else { return false }
        return c[i] | 0x20 == UInt8(ascii: "n") && c[i + 1] | 0x20 == UInt8(ascii: "o")
            && c[i + 2] | 0x20 == UInt8(ascii: "q") && c[i + 3] | 0x20 == UInt8(ascii: "a")
    }

    private static func matches<C: RandomAccessCollection>(_ c: C, at i: Int, _ word: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard i + word.count <= c.endIndex else { return false }
        for k in 0..<word.count where c[i + k] != word[k] { return false }
        return true
    }

    private static func isUppercase(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Unicode whitespace, as ruff's `char::is_whitespace` (ASCII plus NBSP and the other spaces).
    private static func isWhitespace<C: RandomAccessCollection>(_ c: C, at i: Int) -> Bool where C.Element == UInt8, C.Index == Int {
        whitespaceLength(c, at: i) != nil
    }

    /// Length in bytes of the whitespace character at `i`, or nil when it is not whitespace.
    static func whitespaceLength<C: RandomAccessCollection>(_ c: C, at i: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        guard i < c.endIndex else { return nil }
        let b = c[i]
        switch b {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2: // U+0085, U+00A0
            if i + 1 < c.endIndex, c[i + 1] == 0x85 || c[i + 1] == 0xA0 { return 2 }
            return nil
        case 0xE1: // U+1680
            if i + 2 < c.endIndex, c[i + 1] == 0x9A, c[i + 2] == 0x80 { return 3 }
            return nil
        case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
            guard i + 2 < c.endIndex else { return nil }
            let b1 = c[i + 1], b2 = c[i + 2]
            if b1 == 0x80, (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            if b1 == 0x81, b2 == 0x9F { return 3 }
            return nil
        case 0xE3: // U+3000
            if i + 2 < c.endIndex, c[i + 1] == 0x80, c[i + 2] == 0x80 { return 3 }
            return nil
        default: return nil
        }
    }

    private static func skipWhitespace<C: RandomAccessCollection>(in c: C, from index: Int) -> Int where C.Element == UInt8, C.Index == Int {
        var i = index
        while let length = whitespaceLength(c, at: i) { i += length }
        return i
    }
}
