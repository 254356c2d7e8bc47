import Synchronization

/// An immutable snapshot of one file's bytes at one version, as agents see it.
///
/// Derived facts (line index, a parsed module) are computed once per snapshot and cached, so every
/// agent that looks at the same version shares one parse.
public struct Document: Sendable {
    /// The file, relative to the project root.
    public let path: ProjectPath
    /// The whole file, BOM included.
    public let bytes: [UInt8]
    /// Increases by one with every change the workspace accepts.
    public let version: Int
    private let cache: DocumentCache

    public init(path: ProjectPath, bytes: [UInt8], version: Int) {
        self.path = path
        self.bytes = bytes
        self.version = version
        self.cache = DocumentCache()
    }

    /// Line starts and the file's conventions, computed on first use.
    public var lines: LineIndex { cached(LineIndex.self) { LineIndex(bytes) } }

    /// True when the file starts with the UTF-8 byte order mark.
    public var hasBOM: Bool { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF }

    /// The line ending to use for inserted lines: the file's first, or `\n`.
    public var lineEnding: [UInt8] { lines.dominantLineEnding }

    /// Text of the document as a Swift string (for agents that must; hot paths stay on bytes).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Returns the value cached for `key`, computing it once per snapshot.
    ///
    /// Two tasks may race to compute the same value; both results are equal, one wins.
    public func cached<Value: Sendable>(_ key: Value.Type, _ compute: () -> Value) -> Value {
        cached(ObjectIdentifier(key), compute)
    }

    /// Like `cached(_:_:)` with an explicit key, for several values of one type.
    public func cached<Value: Sendable>(_ key: ObjectIdentifier, _ compute: () -> Value) -> Value {
        if let hit = cache.storage.withLock({ $0[key] }) as? Value { return hit }
        let value = compute()
        cache.storage.withLock { $0[key] = value }
        return value
    }
}

/// Per-snapshot memo of derived values; a class so copies of a `Document` share it.
final class DocumentCache: Sendable {
    let storage = Mutex<[ObjectIdentifier: any Sendable]>([:])
}

/// Byte offsets of line starts, for converting between byte offsets and line/column at the edges.
public struct LineIndex: Sendable {
    /// Offset of the first byte of each line; `lineStarts[0]` is 0 (the BOM belongs to line 1).
    public let lineStarts: [Int]
    public let byteCount: Int
    /// The first line ending found (`\r\n`, `\n` or `\r`), or `\n` when the file has none.
    public let dominantLineEnding: [UInt8]
    /// 3 when the file starts with a UTF-8 BOM, else 0: line 1's text starts after it.
    public let bomLength: Int

    public init(_ bytes: [UInt8]) {
        bomLength = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        var ending: [UInt8]? = nil
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                if ending == nil { ending = [0x0A] }
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A {
                    if ending == nil { ending = [0x0D, 0x0A] }
                    index += 1
                } else if ending == nil {
                    ending = [0x0D]
                }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        byteCount = count
        dominantLineEnding = ending ?? [0x0A]
    }

    /// Number of lines; a final line ending starts an empty last line.
    public var lineCount: Int { lineStarts.count }

    /// 0-based line containing `offset`.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Byte range of 1-based `line` without its line ending (and, on line 1, without the BOM), or
    /// nil when out of range.
    public func contentRange(ofLine line: Int, in bytes: [UInt8]) -> TextRange? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = line == 1 ? bomLength : lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : byteCount
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return TextRange(start: start, end: end)
    }

    /// Byte range of 1-based `line` including its line ending (on line 1, without the BOM).
    public func fullRange(ofLine line: Int) -> TextRange? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let end = line < lineStarts.count ? lineStarts[line] : byteCount
        return TextRange(start: line == 1 ? bomLength : lineStarts[line - 1], end: end)
    }

    /// Byte offset of a 1-based line and 1-based character column, or nil when outside the file.
    ///
    /// Columns count Unicode scalars, as ruff and editors do; a column one past the end of the line is allowed.
    public func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        guard let range = contentRange(ofLine: line, in: bytes), column >= 1 else { return nil }
        var offset = range.start
        var remaining = column - 1
        while remaining > 0 {
            guard offset < range.end else { return nil }
            offset += utf8SequenceLength(bytes[offset])
            remaining -= 1
        }
        return min(offset, range.end)
    }

    /// 1-based line and 1-based character column of a byte offset (line 1's columns after the BOM).
    public func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let line = self.line(containing: offset)
        var column = 1
        var index = line == 0 ? min(bomLength, max(offset, 0)) : lineStarts[line]
        while index < offset, index < bytes.count {
            index += utf8SequenceLength(bytes[index])
            column += 1
        }
        return (line + 1, column)
    }
}

@inline(__always)
func utf8SequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0..<0x80: 1
    case 0xC0..<0xE0: 2
    case 0xE0..<0xF0: 3
    case 0xF0...0xFF: 4
    default: 1
    }
}
