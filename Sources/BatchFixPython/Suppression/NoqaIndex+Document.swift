import BatchFixCore
import PythonSyntax

extension NoqaIndex {
    /// Builds the index from a parse: comment tokens, and the line groups of multi-line strings
    /// (plain and f-strings) and backslash continuations. Exact where `CommentScan` approximates
    /// (3.12 f-strings that nest their own quotes).
    public init(parse: ParseResult, lines: LineIndex) {
        let source = parse.source
        let tokens = parse.tokens
        var comments: [SourceComment] = []
        var groups: [ClosedRange<Int>] = []
        var fstringStarts: [Int] = []
        func line(_ offset: Int) -> Int { lines.line(containing: offset) + 1 }
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .comment:
                let start = Int(token.start)
                let lineStart = lines.lineStarts[lines.line(containing: start)]
                let ownLine = source[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
                    || (lineStart == 0 && start == 3 && source.starts(with: [0xEF, 0xBB, 0xBF]))
                comments.append(SourceComment(line: line(start), range: token.range, isOwnLine: ownLine))
            case .string:
                let first = line(Int(token.start)), last = line(max(Int(token.end) - 1, Int(token.start)))
                if last > first { groups.append(first...last) }
            case .fstringStart:
                fstringStarts.append(Int(token.start))
            case .fstringEnd:
                if let start = fstringStarts.popLast() {
                    let first = line(start), last = line(max(Int(token.end) - 1, start))
                    if last > first { groups.append(first...last) }
                }
            default:
                break
            }
            // A backslash continuation in the gap before the next token joins their lines.
            if index + 1 < tokens.count {
                let gapStart = Int(token.end), gapEnd = Int(tokens[index + 1].start)
                if gapEnd > gapStart + 1, source[gapStart..<gapEnd].contains(0x5C) {
                    var k = gapStart
                    while k < gapEnd - 1 {
                        if source[k] == 0x5C, source[k + 1] == 0x0A || source[k + 1] == 0x0D {
                            groups.append(line(Int(token.start))...line(gapEnd))
                            break
                        }
                        k += 1
                    }
                }
            }
        }
        self.init(comments: comments, lineGroups: NoqaIndex.merged(groups), in: source)
    }

    /// Sorts and merges overlapping line groups.
    static func merged(_ groups: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for group in groups.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, last.upperBound >= group.lowerBound {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, group.upperBound)
            } else {
                result.append(group)
            }
        }
        return result
    }
}

extension Document {
    /// The `noqa` suppressions of this snapshot (from tokens when it parses, else from a comment
    /// scan), computed once and shared by every check.
    public var noqa: NoqaIndex {
        cached(NoqaIndex.self) {
            // Most files have no directive at all: then there is nothing to index.
            guard NoqaIndex.mayContainDirective(bytes) else { return NoqaIndex(comments: [], lineGroups: [], in: bytes) }
            let parse = python
            return parse.errors.isEmpty ? NoqaIndex(parse: parse, lines: lines) : NoqaIndex(source: bytes)
        }
    }

    /// True when rule `code` is suppressed for a finding starting at byte `offset` (its line, or the
    /// last line of the multi-line string or continued line it is in), or at `parent` when given
    /// (ruff also honours a directive on the first line of the enclosing statement, e.g. for F401).
    public func isSuppressed(_ code: String, at offset: Int, parent: Int? = nil) -> Bool {
        let index = noqa
        if index.isSuppressed(code, atLine: lines.line(containing: offset) + 1) { return true }
        if let parent { return index.isSuppressed(code, atLine: lines.line(containing: parent) + 1) }
        return false
    }
}

extension NoqaIndex {
    /// False only when the bytes cannot hold a directive: no `noqa` in any letter case.
    static func mayContainDirective(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 4 else { return false }
            for index in 0...(buffer.count - 4) where buffer[index] | 0x20 == UInt8(ascii: "n") {
                if buffer[index + 1] | 0x20 == UInt8(ascii: "o"), buffer[index + 2] | 0x20 == UInt8(ascii: "q"),
                   buffer[index + 3] | 0x20 == UInt8(ascii: "a") { return true }
            }
            return false
        }
    }
}
