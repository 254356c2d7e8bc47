

/// A JSON document read from bytes, where every value remembers the 1-based line it starts on: the
/// one JSON reader of the project (issue files, tool reports).
///
/// What it does: parses RFC 8259 JSON (UTF-8, optional BOM) into `ReportJSONValue`s without Foundation.
/// Why: tool reports are read at the edge of the system; an error in one must name the report and
/// the line (`report.json:12: expected ',' or ']'`), and importers must name the line of a value with
/// the wrong type. Foundation's `JSONSerialization` gives neither.
/// Example: `try ReportJSONReader.parse(Array(#"[{"code": "F401"}]"#.utf8), path: "ruff.json")`.
/// Nesting deeper than `maximumDepth` is refused instead of overflowing the stack.
public struct ReportJSONValue: Sendable {
    /// The value itself.
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        /// A number kept as its source text (`1`, `-2.5e3`); see `intValue` and `doubleValue`.
        case number(String)
        case string(String)
        case array([ReportJSONValue])
        /// Members in source order (a later duplicate key wins on lookup, as in most readers).
        case object([(key: String, value: ReportJSONValue)])
    }

    public let kind: Kind
    /// 1-based line of the value's first byte in the document.
    public let line: Int

    /// The member named `key` of an object (the last one when a key repeats), or nil.
    public subscript(key: String) -> ReportJSONValue? {
        guard case let .object(members) = kind else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    public var isNull: Bool { if case .null = kind { true } else { false } }
    public var stringValue: String? { if case let .string(text) = kind { text } else { nil } }
    public var arrayValue: [ReportJSONValue]? { if case let .array(items) = kind { items } else { nil } }
    public var objectMembers: [(key: String, value: ReportJSONValue)]? {
        if case let .object(members) = kind { members } else { nil }
    }
    public var boolValue: Bool? { if case let .bool(flag) = kind { flag } else { nil } }
    /// The number as an `Int` when it is written as an integer that fits.
    public var intValue: Int? { if case let .number(text) = kind { Int(text) } else { nil } }
    public var doubleValue: Double? { if case let .number(text) = kind { Double(text) } else { nil } }

    /// A short name of the value's type for error messages ("string", "object", ...).
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Reads JSON from bytes; see `ReportJSONValue`.
public enum ReportJSONReader {
    /// Deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    /// Parses a whole document; trailing non-space bytes are an error.
    ///
    /// - Throws: `BatchFixError.malformedInput(path:line:reason:)` naming `path` and the line.
    public static func parse(_ bytes: [UInt8], path: String) throws(BatchFixError) -> ReportJSONValue {
        var reader = Cursor(bytes: bytes, path: path)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.index = 3 }
        reader.skipSpace()
        guard reader.index < bytes.count else { throw reader.error("empty document, expected JSON") }
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count { throw reader.error("unexpected \(reader.describeCurrent()) after the JSON value") }
        return value
    }

    /// Encodes `text` as a JSON string literal (quotes included).
    public static func quote(_ text: String) -> String { JSONText.quote(text) }
}

private struct Cursor {
    let bytes: [UInt8]
    let path: String
    var index = 0
    var line = 1

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func error(_ reason: String) -> BatchFixError { .malformedInput(path: path, line: line, reason: reason) }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(BatchFixError) -> ReportJSONValue {
        guard depth < ReportJSONReader.maximumDepth else { throw error("nesting deeper than \(ReportJSONReader.maximumDepth) levels") }
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        let startLine = line
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(key: String, value: ReportJSONValue)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return ReportJSONValue(kind: .object(members), line: startLine) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a string key in object, found \(describeCurrent())")
                }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after key \(ReportJSONReader.quote(key)), found \(describeCurrent())")
                }
                index += 1
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard index < bytes.count else { throw error("unterminated object (opened on line \(startLine))") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return ReportJSONValue(kind: .object(members), line: startLine) }
                throw error("expected ',' or '}' in object, found \(describeCurrent())")
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [ReportJSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return ReportJSONValue(kind: .array(items), line: startLine) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw error("unterminated array (opened on line \(startLine))") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return ReportJSONValue(kind: .array(items), line: startLine) }
                throw error("expected ',' or ']' in array, found \(describeCurrent())")
            }
        case UInt8(ascii: "\""):
            return ReportJSONValue(kind: .string(try string()), line: startLine)
        case UInt8(ascii: "t"):
            try literal("true"); return ReportJSONValue(kind: .bool(true), line: startLine)
        case UInt8(ascii: "f"):
            try literal("false"); return ReportJSONValue(kind: .bool(false), line: startLine)
        case UInt8(ascii: "n"):
            try literal("null"); return ReportJSONValue(kind: .null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return ReportJSONValue(kind: .number(try number()), line: startLine)
        default:
            throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    mutating func literal(_ word: String) throws(BatchFixError) {
        let expected = Array(word.utf8)
        let count = expected.count
        let matches = index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        guard matches else { throw error("invalid literal, expected '\(word)'") }
        index += count
    }

    mutating func number() throws(BatchFixError) -> String {
        let start = index
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { while index < bytes.count, isDigit(bytes[index]) { index += 1 } }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digit expected after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digit expected in exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads a string literal starting at the opening quote.
    mutating func string() throws(BatchFixError) -> String {
        let startLine = line
        index += 1
        // Fast path: no escapes before the closing quote.
        var scan = index
        while scan < bytes.count, bytes[scan] != UInt8(ascii: "\""), bytes[scan] != UInt8(ascii: "\\"), bytes[scan] >= 0x20 { scan += 1 }
        if scan < bytes.count, bytes[scan] == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[index..<scan], as: UTF8.self) else { throw error("string is not valid UTF-8") }
            index = scan + 1
            return text
        }
        var out: [UInt8] = Array(bytes[index..<scan])
        index = scan
        while true {
            guard index < bytes.count else { throw ReportJSONReaderError.at(path, startLine, "unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "unterminated string (raw newline inside)" : "control character 0x\(String(byte, radix: 16)) inside a string")
            }
            if byte != UInt8(ascii: "\\") { out.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { throw error("unterminated escape in string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate \\u\(String(scalar, radix: 16)) in string")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired surrogate \\u\(String(scalar, radix: 16)) in string")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in string")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8") }
        return text
    }

    mutating func hex4() throws(BatchFixError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

private enum ReportJSONReaderError {
    static func at(_ path: String, _ line: Int, _ reason: String) -> BatchFixError { .malformedInput(path: path, line: line, reason: reason) }
}
