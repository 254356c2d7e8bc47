/// One `#` comment of a Python file: its 1-based line, its byte range (from `#` to the end of the
/// line, line ending excluded) and whether only whitespace precedes it on its line.
public struct SourceComment: Equatable, Sendable {
    public let line: Int
    public let range: Range<Int>
    public let isOwnLine: Bool

    public init(line: Int, range: Range<Int>, isOwnLine: Bool) {
        self.line = line
        self.range = range
        self.isOwnLine = isOwnLine
    }
}

/// The comments of a file and the line groups ruff treats as one line for `noqa`.
///
/// **What it does.** A byte-level scan that skips string literals (single, triple-quoted, any
/// prefix, with backslash escapes) and collects every comment, plus the line spans that ruff maps
/// to one `noqa` line: a multi-line string maps to its last line, and lines joined by a backslash
/// continuation map to the last line of the join.
///
/// **Why.** `noqa` lives in comments only: `x = "# noqa"` suppresses nothing. This scanner serves
/// until PythonSyntax's tokenizer is available; then `NoqaIndex(comments:lineGroups:in:)` is fed
/// its comment tokens instead, with the same results.
///
/// **Limits.** Python 3.12 f-strings that reuse their own quote inside a replacement field
/// (`f"{d["k"]}"`) are read as two strings; a `#` inside such a nested literal would be taken for a
/// comment. The tokenizer removes this limit.
///
/// **Example.** `import os  # noqa\ns = """a\n# not a comment\n"""` → one comment on line 1 and the
/// line group 2...4.
public struct CommentScan: Sendable {
    public let comments: [SourceComment]
    /// Line spans (1-based, inclusive) whose diagnostics use the span's last line for `noqa`.
    public let lineGroups: [ClosedRange<Int>]

    public init(_ bytes: [UInt8]) {
        var comments: [SourceComment] = []
        var groups: [ClosedRange<Int>] = []
        let count = bytes.count
        var i = 0
        var line = 1
        var onlySpaceSoFar = true
        var continuationStart: Int? = nil

        func addGroup(_ range: ClosedRange<Int>) {
            if let last = groups.last, last.upperBound >= range.lowerBound {
                groups[groups.count - 1] = min(last.lowerBound, range.lowerBound)...max(last.upperBound, range.upperBound)
            } else {
                groups.append(range)
            }
        }

        /// Advances over a line ending at `i` (if any); returns true when one was consumed.
        func newlineLength(at index: Int) -> Int {
            guard index < count else { return 0 }
            if bytes[index] == 0x0A { return 1 }
            if bytes[index] == 0x0D { return index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1 }
            return 0
        }

        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < count {
            let byte = bytes[i]
            let newline = newlineLength(at: i)
            if newline > 0 {
                if let start = continuationStart { addGroup(start...line); continuationStart = nil }
                i += newline
                line += 1
                onlySpaceSoFar = true
                continue
            }
            switch byte {
            case UInt8(ascii: "#"):
                var end = i
                while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                comments.append(SourceComment(line: line, range: i..<end, isOwnLine: onlySpaceSoFar))
                i = end
            case UInt8(ascii: "\\"):
                let after = newlineLength(at: i + 1)
                if after > 0 {
                    if continuationStart == nil { continuationStart = line }
                    i += 1 + after
                    line += 1
                    onlySpaceSoFar = false
                } else {
                    i += 1
                    onlySpaceSoFar = false
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let startLine = line
                let quote = byte
                let triple = i + 2 < count && bytes[i + 1] == quote && bytes[i + 2] == quote
                i += triple ? 3 : 1
                scanning: while i < count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\\") {
                        let after = newlineLength(at: i + 1)
                        if after > 0 { line += 1; i += 1 + after } else { i += 2 }
                        continue
                    }
                    let nl = newlineLength(at: i)
                    if nl > 0 {
                        if !triple { break scanning } // unterminated single-quoted string ends at the line end
                        line += 1
                        i += nl
                        continue
                    }
                    if b == quote {
                        if !triple { i += 1; break scanning }
                        if i + 2 < count, bytes[i + 1] == quote, bytes[i + 2] == quote { i += 3; break scanning }
                    }
                    i += 1
                }
                if line > startLine { addGroup(startLine...line) }
                onlySpaceSoFar = false
            case 0x20, 0x09, 0x0C:
                i += 1
            default:
                onlySpaceSoFar = false
                i += 1
            }
        }
        if let start = continuationStart { addGroup(start...line) }
        self.comments = comments
        self.lineGroups = groups
    }
}
