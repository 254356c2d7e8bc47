import BatchFixCore
import PythonSyntax

/// W291 trailing whitespace, W293 whitespace on a blank line.
///
/// **What it does**: finds whitespace at the end of a line: spaces, tabs, form feeds, vertical tabs
/// and the other Unicode whitespace characters (no-break space, ideographic space, ...), as ruff
/// does. A line holding only whitespace is W293, any other W291. Lines are split at `\n`, `\r\n`
/// and a lone `\r`; a BOM does not count as content.
/// **Why**: PEP 8: "avoid trailing whitespace anywhere"; it is invisible and makes diffs noisy.
/// **Example**: `x = 1␠␠` → `x = 1`.
/// **Fix safety**: safe, except inside a multi-line string (docstrings included), where the
/// whitespace is part of the value: there the fix is unsafe (applied only with `--unsafe-fixes`),
/// as in ruff. `# noqa` is honoured, on the line or on the last line of the enclosing multi-line
/// string. Positions and ranges equal ruff 0.17.6's (`Fixtures/whitespace`).
public struct TrailingWhitespaceCheck: PythonCheck {
    public init() {}
    public var name: String { "trailing-whitespace" }
    public var codes: [String] { ["W291", "W293"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        let lines = document.lines
        let strings = MultilineStringRanges(document.python)
        let bom = document.hasBOM ? 3 : 0
        var found: [Diagnostic] = []
        for line in 1...lines.lineCount {
            guard var content = lines.contentRange(ofLine: line, in: bytes) else { continue }
            if line == 1, bom > 0, content.end >= bom { content = TextRange(start: bom, end: content.end) }
            guard !content.isEmpty else { continue }
            var start = content.end
            while start > content.start, let length = trailingWhitespaceLength(bytes, before: start, floor: content.start) {
                start -= length
            }
            guard start < content.end else { continue }
            let blank = start == content.start
            let range = TextRange(start: start, end: content.end)
            let code = blank ? "W293" : "W291"
            if document.isSuppressed(code, at: range.start) { continue }
            let insideString = strings.contains(range.start)
            found.append(Diagnostic(
                code: code, range: range,
                message: blank ? "Blank line contains whitespace" : "Trailing whitespace",
                fix: [.delete(range)], unsafeFix: insideString
            ))
        }
        return found
    }
}

/// W292 no newline at end of file.
///
/// **What it does**: finds a non-empty file (BOM aside; whitespace counts) whose last line has no line ending.
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
        // Any content after the BOM (whitespace too, as ruff) without a final line ending.
        guard bytes.count > bom, let last = bytes.last, last != 0x0A, last != 0x0D else { return [] }
        let end = bytes.count
        if document.isSuppressed("W292", at: end) { return [] }
        return [Diagnostic(
            code: "W292", range: TextRange(start: end, end: end), message: "No newline at end of file",
            fix: [.insert(document.lineEnding, at: end)]
        )]
    }
}

/// W391 blank lines at end of file (a preview rule in ruff 0.17).
///
/// **What it does**: finds two or more line endings after the last line of code (comments count as
/// code; lines of only whitespace do not), as ruff counts newline tokens at the end of the file.
/// The range runs from the end of the first of those line endings to the end of the last one: it
/// keeps the code line's own ending, and leaves whitespace after the last line ending (that is
/// W293's and W292's business). A file of only blank lines is reported too.
/// **Why**: they carry nothing and show up in diffs.
/// **Example**: `x = 1\n\n\n` → `x = 1\n`; `x = 1\n\n␠␠␠` → `x = 1\n␠␠␠`.
/// **Fix safety**: safe.
public struct TrailingBlankLinesCheck: PythonCheck {
    public init() {}
    public var name: String { "too-many-newlines-at-end-of-file" }
    public var codes: [String] { ["W391"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let bytes = document.bytes
        let bom = document.hasBOM ? 3 : 0
        // Just past the last byte that is not whitespace or a line ending.
        var lastCode = bytes.count
        while lastCode > bom, isBlankTailByte(bytes[lastCode - 1]) { lastCode -= 1 }
        // Ends of the line endings after it.
        var endings: [Int] = []
        var index = lastCode
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
                endings.append(index)
            } else if bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
                endings.append(index)
            } else {
                index += 1
            }
        }
        guard endings.count >= 2 else { return [] }
        let range = TextRange(start: endings[0], end: endings[endings.count - 1])
        if document.isSuppressed("W391", at: range.start) { return [] }
        return [Diagnostic(
            code: "W391", range: range,
            message: endings.count > 2 ? "Too many newlines at end of file" : "Extra newline at end of file",
            fix: [.delete(range)]
        )]
    }
}

/// Whitespace or a line ending, as it may trail the last code of a file.
@inline(__always)
func isBlankTailByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B || byte == 0x0A || byte == 0x0D
}

/// Length of the whitespace character (Unicode `White_Space`, as Rust's `char::is_whitespace`) that
/// ends just before `end`, or nil when the character there is not whitespace. Never reads before `floor`.
func trailingWhitespaceLength(_ bytes: [UInt8], before end: Int, floor: Int) -> Int? {
    guard end > floor else { return nil }
    let last = bytes[end - 1]
    if last < 0x80 { return last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C ? 1 : nil }
    // Find the lead byte of the multi-byte sequence (at most 4 bytes back).
    var start = end - 1
    while start > floor, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard let length = NoqaParser.whitespaceLength(bytes, at: start), start + length == end else { return nil }
    return length
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
