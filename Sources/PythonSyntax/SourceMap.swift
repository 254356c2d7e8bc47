#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts byte offsets to (line, column) and back. Lines are 1-based; columns are 0-based, either in
/// UTF-8 bytes (CPython's `col_offset`) or in Unicode scalars (what editors count).
///
/// Line breaks are `\n`, `\r\n` and a lone `\r`, as CPython's tokenizer sees them. A UTF-8 BOM is not
/// part of line 1 (CPython strips it), so columns on line 1 count from after it.
public struct SourceMap: Sendable {
    /// Byte offset where each line starts (index 0 is line 1).
    public let lineStarts: [Int]
    let source: [UInt8]

    /// Builds the map for `source`.
    public init(_ source: [UInt8]) {
        self.source = source
        var starts = [source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        source.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            starts.reserveCapacity(n / 32 + 1)
            if memchr(base, 13, n) == nil {
                // Only `\n` line ends: let memchr find them.
                var i = 0
                while i < n, let hit = memchr(base + i, 10, n - i) {
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(i)
                }
                return
            }
            var i = 0
            while i < n {
                let c = buf[i]
                if c == 10 { starts.append(i + 1) }
                else if c == 13 {
                    if i + 1 < n && buf[i + 1] == 10 { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// The 1-based line containing `offset` (offsets past the end belong to the last line).
    public func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// (line, UTF-8 byte column) of `offset`, CPython's `lineno` / `col_offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let l = line(of: offset)
        return (l, max(0, offset - lineStarts[l - 1]))
    }

    /// (line, column in Unicode scalars) of `offset`, as an editor counts.
    public func characterLocation(of offset: Int) -> (line: Int, column: Int) {
        let l = line(of: offset)
        var col = 0
        var i = lineStarts[l - 1]
        let end = min(offset, source.count)
        while i < end {
            if source[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return (l, col)
    }

    /// The byte offset of (1-based line, UTF-8 byte column); nil if the line does not exist.
    public func offset(line: Int, column: Int) -> Int? {
        guard line >= 1 && line <= lineStarts.count else { return nil }
        return lineStarts[line - 1] + column
    }

    /// The byte offset of (1-based line, column in Unicode scalars); nil if the line does not exist.
    public func offset(line: Int, characterColumn: Int) -> Int? {
        guard line >= 1 && line <= lineStarts.count else { return nil }
        var i = lineStarts[line - 1]
        var col = 0
        while i < source.count && col < characterColumn {
            i += 1
            while i < source.count && source[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }
}
