/// A half-open range of UTF-8 byte offsets into a document: the one coordinate system of BatchFix.
///
/// Line and column numbers exist only at the edges (tool reports in, reports out); everything in
/// between speaks byte offsets.
public struct TextRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
    public var asRange: Range<Int> { start..<end }

    /// True when the two ranges share at least one byte, or when an insertion sits strictly inside the other.
    public func overlaps(_ other: TextRange) -> Bool {
        if isEmpty && other.isEmpty { return start == other.start }
        if isEmpty { return start > other.start && start < other.end }
        if other.isEmpty { return other.start > start && other.start < end }
        return start < other.end && other.start < end
    }

    public var description: String { "\(start)..<\(end)" }
}
