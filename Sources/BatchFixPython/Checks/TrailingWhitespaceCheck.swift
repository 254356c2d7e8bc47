import BatchFixCore
import PythonSyntax

/// W291 trailing whitespace, W293 whitespace on a blank line.
///
/// **What it does**: finds spaces, tabs and form feeds at the end of a line.
/// **Why**: PEP 8: "avoid trailing whitespace anywhere"; it is invisible and makes diffs noisy.
/// **Example**: `x = 1␠␠` → `x = 1`.
/// **Fix safety**: safe, except inside a multi-line string, where the whitespace is part of the
/// value: there the fix is unsafe (applied only with `--unsafe-fixes`), as in ruff.
public struct TrailingWhitespaceCheck: PythonCheck {
    public init() {}
    public var name: String { "trailing-whitespace" }
    public var codes: [String] { ["W291", "W293"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        let lines = document.lines
        let strings = MultilineStringRanges(document.python)
        var found: [Diagnostic] = []
        for line in 1...lines.lineCount {
            guard var content = lines.contentRange(ofLine: line, in: bytes) else { continue }
            // The BOM is not part of the first line.
            if line == 1, document.hasBOM { content = TextRange(start: min(3, content.end), end: content.end) }
            guard !content.isEmpty else { continue }
            var start = content.end
            while start > content.start {
                let width = trailingWhitespaceWidth(bytes, before: start, floor: content.start)
                guard width > 0 else { break }
                start -= width
            }
            guard start < content.end else { continue }
            let blank = start == content.start
            let range = TextRange(start: start, end: content.end)
            let insideString = strings.contains(range.start)
            found.append(Diagnostic(
                code: blank ? "W293" : "W291", range: range,
                message: blank ? "Blank line contains whitespace" : "Trailing whitespace",
                fix: [.delete(range)], unsafeFix: insideString
            ))
        }
        return found
    }
}

/// W292 no newline at end of file.
///
/// **What it does**: finds a non-empty file whose last line has no line ending.
/// **Why**: POSIX tools and diffs expect every line to end with a newline.
/// **Example**: `x = 1` (EOF) → `x = 1\n`.
/// **Fix safety**: safe; the file's own line ending (`\r\n` in CRLF files) is added.
public struct MissingFinalNewlineCheck: PythonCheck {
    public init() {}
    public var name: String { "missing-newline-at-end-of-file" }
    public var codes: [String] { ["W292"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        let bom = document.hasBOM ? 3 : 0
        guard bytes.count > bom, let last = bytes.last, last != 0x0A, last != 0x0D else { return [] }
        // A file of only whitespace is W391's business (or nothing), not a missing newline.
        guard bytes[bom...].contains(where: { !isTrailingWhitespace($0) }) else { return [] }
        let end = bytes.count
        return [Diagnostic(
            code: "W292", range: TextRange(start: end, end: end), message: "No newline at end of file",
            fix: [.insert(document.lineEnding, at: end)]
        )]
    }
}

/// W391 blank lines at end of file.
///
/// **What it does**: finds empty (or whitespace-only) lines after the last line of code.
/// **Why**: they carry nothing and show up in diffs.
/// **Example**: `x = 1\n\n\n` → `x = 1\n`.
/// **Fix safety**: safe; one line ending is kept after the last line of code.
public struct TrailingBlankLinesCheck: PythonCheck {
    public init() {}
    public var name: String { "too-many-newlines-at-end-of-file" }
    public var codes: [String] { ["W391"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        let bom = document.hasBOM ? 3 : 0
        // Last byte that is not whitespace or a line ending.
        var lastCode = bytes.count
        while lastCode > bom, isTrailingWhitespace(bytes[lastCode - 1]) || bytes[lastCode - 1] == 0x0A || bytes[lastCode - 1] == 0x0D {
            lastCode -= 1
        }
        guard lastCode > bom else { return blankFileTail(bytes, from: bom) }
        // Keep the line's own ending; everything after it is blank lines.
        var keepEnd = lastCode
        while keepEnd < bytes.count, isTrailingWhitespace(bytes[keepEnd]) { keepEnd += 1 }
        guard keepEnd < bytes.count else { return [] }
        if bytes[keepEnd] == 0x0D, keepEnd + 1 < bytes.count, bytes[keepEnd + 1] == 0x0A { keepEnd += 2 } else { keepEnd += 1 }
        guard keepEnd < bytes.count else { return [] }
        // The blank tail must not sit inside a string (e.g. an unterminated-looking triple quote is a parse error anyway).
        let range = TextRange(start: keepEnd, end: bytes.count)
        let blankLines = LineEndingCount.count(in: bytes[keepEnd...])
        return [Diagnostic(
            code: "W391", range: range,
            message: blankLines > 1 ? "Too many newlines at end of file" : "Blank line at end of file",
            fix: [.delete(range)]
        )]
    }
}

extension TrailingBlankLinesCheck {
    /// A file with no code: everything after its first line ending goes (ruff: `\n\n\n` → `\n`);
    /// whitespace on the first line is W293's.
    private func blankFileTail(_ bytes: [UInt8], from start: Int) -> [Diagnostic] {
        var keepEnd = start
        while keepEnd < bytes.count, bytes[keepEnd] != 0x0A, bytes[keepEnd] != 0x0D { keepEnd += 1 }
        guard keepEnd < bytes.count else { return [] }
        if bytes[keepEnd] == 0x0D, keepEnd + 1 < bytes.count, bytes[keepEnd + 1] == 0x0A { keepEnd += 2 } else { keepEnd += 1 }
        guard keepEnd < bytes.count else { return [] }
        let range = TextRange(start: keepEnd, end: bytes.count)
        let blankLines = LineEndingCount.count(in: bytes[keepEnd...])
        return [Diagnostic(
            code: "W391", range: range,
            message: blankLines > 1 ? "Too many newlines at end of file" : "Blank line at end of file",
            fix: [.delete(range)]
        )]
    }
}

/// Byte length of the whitespace character ending just before `end` (0 if none), as ruff's
/// `trim_end` sees whitespace: ASCII space, tab, vertical tab, form feed, and Unicode white space
/// (no-break space, U+2000...U+200A, ideographic space, ...).
func trailingWhitespaceWidth(_ bytes: [UInt8], before end: Int, floor: Int) -> Int {
    let last = bytes[end - 1]
    if last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C { return 1 }
    if end - 2 >= floor, bytes[end - 2] == 0xC2, last == 0x85 || last == 0xA0 { return 2 }
    guard end - 3 >= floor else { return 0 }
    let (a, b, c) = (bytes[end - 3], bytes[end - 2], last)
    switch (a, b) {
    case (0xE1, 0x9A): return c == 0x80 ? 3 : 0                       // U+1680
    case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0  // U+2000-200A, 2028, 2029, 202F
    case (0xE2, 0x81): return c == 0x9F ? 3 : 0                       // U+205F
    case (0xE3, 0x80): return c == 0x80 ? 3 : 0                       // U+3000
    default: return 0
    }
}

@inline(__always)
func isTrailingWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0C }

/// Counts line endings in a byte slice (`\r\n` once).
enum LineEndingCount {
    static func count(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A { count += 1 } else if bytes[index] == 0x0D {
                count += 1
                if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return max(count, 1)
    }
}

/// Byte ranges of string tokens that span lines, where whitespace belongs to a value.
struct MultilineStringRanges {
    private var ranges: [Range<Int>] = []

    init(_ parse: ParseResult) {
        let source = parse.source
        for token in parse.tokens where token.kind == .string || token.kind == .fstringMiddle {
            let range = token.range
            if source[range].contains(where: { $0 == 0x0A || $0 == 0x0D }) { ranges.append(range) }
        }
    }

    /// True when `offset` lies inside one of the ranges.
    func contains(_ offset: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound <= offset
    }
}
