// MARK: - Errors

/// A literal whose body CPython rejects: where (byte offset within the body passed in) and why.
public struct LiteralError: Error, Sendable, Equatable {
    /// Byte offset of the offending escape or character, relative to the start of the body slice.
    public let offset: Int
    /// Human-readable reason, worded like CPython's message.
    public let message: String

    /// Creates an error at `offset` (relative to the body) with `message`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Values of Python literal tokens, computed exactly as CPython 3.13 computes them, and their
/// canonical text in the AST dump (`/work/shared/corpus/ast_dump.py`).
///
/// All inputs are UTF-8 bytes of the source (slices of the file buffer); nothing here allocates
/// per byte on the common paths.
public enum PythonLiteral {}

// MARK: - Byte constants

extension UInt8 {
    @inline(__always) fileprivate static var backslash: UInt8 { 0x5C }
    @inline(__always) fileprivate static var lf: UInt8 { 0x0A }
    @inline(__always) fileprivate static var cr: UInt8 { 0x0D }
    @inline(__always) fileprivate static var underscore: UInt8 { 0x5F }
}

/// Value of an ASCII hex digit, or nil.
@inline(__always)
private func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case 0x30...0x39: return UInt32(c &- 0x30)
    case 0x61...0x66: return UInt32(c &- 0x61 &+ 10)
    case 0x41...0x46: return UInt32(c &- 0x41 &+ 10)
    default: return nil
    }
}

@inline(__always)
private func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }

@inline(__always)
private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

/// Decodes one UTF-8 scalar starting at `i` (whose first byte is >= 0x80).
/// Returns the scalar value and its length, or nil for an invalid sequence.
@inline(__always)
private func decodeUTF8(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
    let b0 = buf[i]
    let n = buf.count
    @inline(__always) func cont(_ k: Int) -> UInt32? {
        guard i + k < n else { return nil }
        let b = buf[i + k]
        return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
    }
    switch b0 {
    case 0xC2...0xDF:
        guard let c1 = cont(1) else { return nil }
        return (UInt32(b0 & 0x1F) << 6 | c1, 2)
    case 0xE0...0xEF:
        guard let c1 = cont(1), let c2 = cont(2) else { return nil }
        let v = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
        // Overlong forms are invalid; CPython's UTF-8 source decoder also rejects surrogates.
        guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
        return (v, 3)
    case 0xF0...0xF4:
        guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
        let v = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
        guard v >= 0x10000, v <= 0x10FFFF else { return nil }
        return (v, 4)
    default:
        return nil
    }
}

// MARK: - String and bytes bodies

extension PythonLiteral {
    /// Decodes the body of a str literal (the bytes between the quotes) to code points.
    ///
    /// - `raw`: the literal has an `r` prefix: no escape processing.
    /// - `fstringPart`: the body is a literal part of an f-string: `{{` and `}}` collapse to one
    ///   brace, and a backslash before a brace stays a plain backslash.
    ///
    /// CRLF and lone CR become `\n` (CPython translates line endings before tokenizing); a
    /// backslash before a line ending removes both. Code points are returned as `UInt32`
    /// because Python strings may hold lone surrogates (`"\udc80"`).
    public static func decodeString(_ body: ArraySlice<UInt8>, raw: Bool, fstringPart: Bool) -> Result<[UInt32], LiteralError> {
        body.withUnsafeBufferPointer { buf in
            decodeStringBuffer(buf, raw: raw, fstringPart: fstringPart)
        }
    }

    private static func decodeStringBuffer(_ buf: UnsafeBufferPointer<UInt8>, raw: Bool, fstringPart: Bool) -> Result<[UInt32], LiteralError> {
        let n = buf.count
        var out: [UInt32] = []
        out.reserveCapacity(n)
        var i = 0
        while i < n {
            let b = buf[i]
            if b >= 0x80 {
                guard let (v, len) = decodeUTF8(buf, i) else {
                    return .failure(LiteralError(offset: i, message: "invalid UTF-8 in string literal"))
                }
                out.append(v)
                i += len
                continue
            }
            switch b {
            case .cr:
                out.append(0x0A)
                i += (i + 1 < n && buf[i + 1] == .lf) ? 2 : 1
            case 0x7B where fstringPart, 0x7D where fstringPart:  // { }
                out.append(UInt32(b))
                i += (i + 1 < n && buf[i + 1] == b) ? 2 : 1
            case .backslash where !raw:
                switch decodeStringEscape(buf, at: i, fstringPart: fstringPart, into: &out) {
                case .success(let next): i = next
                case .failure(let error): return .failure(error)
                }
            default:
                out.append(UInt32(b))
                i += 1
            }
        }
        return .success(out)
    }

    /// Decodes the escape whose backslash is at `start`; returns the index after it.
    /// An escape CPython does not know (`\d`, `\é`, `\{` in an f-string) appends only the
    /// backslash and returns the index of the following character, which the caller then
    /// reads as an ordinary character.
    private static func decodeStringEscape(_ buf: UnsafeBufferPointer<UInt8>, at start: Int, fstringPart: Bool,
                                           into out: inout [UInt32]) -> Result<Int, LiteralError> {
        let n = buf.count
        var i = start + 1
        guard i < n else {
            // CPython keeps a trailing backslash (only reachable in an f-string part: f"\{x}").
            out.append(0x5C)
            return .success(i)
        }
        let c = buf[i]
        i += 1
        switch c {
        case .lf: return .success(i)
        case .cr: return .success(i < n && buf[i] == .lf ? i + 1 : i)
        case 0x5C, 0x27, 0x22: out.append(UInt32(c))  // \\ \' \"
        case 0x61: out.append(0x07)  // a
        case 0x62: out.append(0x08)  // b
        case 0x66: out.append(0x0C)  // f
        case 0x6E: out.append(0x0A)  // n
        case 0x72: out.append(0x0D)  // r
        case 0x74: out.append(0x09)  // t
        case 0x76: out.append(0x0B)  // v
        case 0x30...0x37:
            var v = UInt32(c &- 0x30)
            if i < n, isOctal(buf[i]) {
                v = v << 3 | UInt32(buf[i] &- 0x30); i += 1
                if i < n, isOctal(buf[i]) { v = v << 3 | UInt32(buf[i] &- 0x30); i += 1 }
            }
            out.append(v)  // values above 0o377 are allowed in str (CPython only warns)
        case 0x78, 0x75, 0x55:  // x u U
            let count: Int
            let message: String
            switch c {
            case 0x78: count = 2; message = "truncated \\xXX escape"
            case 0x75: count = 4; message = "truncated \\uXXXX escape"
            default: count = 8; message = "truncated \\UXXXXXXXX escape"
            }
            var v: UInt32 = 0
            for _ in 0..<count {
                guard i < n, let d = hexValue(buf[i]) else {
                    return .failure(unicodeError(start, i, message))
                }
                v = v << 4 | d
                i += 1
            }
            guard v <= 0x10FFFF else { return .failure(unicodeError(start, i - 1, "illegal Unicode character")) }
            out.append(v)
        case 0x4E:  // N
            guard i < n, buf[i] == 0x7B else { return .failure(unicodeError(start, i - 1, "malformed \\N character escape")) }
            let nameStart = i + 1
            var j = nameStart
            while j < n, buf[j] != 0x7D { j += 1 }
            guard j < n, j > nameStart else {
                return .failure(unicodeError(start, min(j, n - 1), "malformed \\N character escape"))
            }
            guard let v = lookupUnicodeName(UnsafeBufferPointer(rebasing: buf[nameStart..<j])) else {
                return .failure(unicodeError(start, j, "unknown Unicode character name"))
            }
            out.append(v)
            i = j + 1
        default:
            // Unknown escape (also `\{`/`\}` in an f-string part): the backslash is kept and the
            // next character is read normally (so `\{{` collapses to `\{`).
            out.append(0x5C)
            return .success(start + 1)
        }
        return .success(i)
    }

    private static func unicodeError(_ start: Int, _ end: Int, _ reason: String) -> LiteralError {
        LiteralError(offset: start, message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end): \(reason)")
    }

    /// Decodes the body of a bytes literal (between the quotes). Only ASCII characters are
    /// allowed (also in raw bytes); escapes are those of str without `\u`, `\U`, `\N` (which stay
    /// verbatim); an octal escape above 0o377 keeps its low 8 bits, as CPython does.
    public static func decodeBytes(_ body: ArraySlice<UInt8>, raw: Bool) -> Result<[UInt8], LiteralError> {
        body.withUnsafeBufferPointer { buf in decodeBytesBuffer(buf, raw: raw) }
    }

    private static func decodeBytesBuffer(_ buf: UnsafeBufferPointer<UInt8>, raw: Bool) -> Result<[UInt8], LiteralError> {
        let n = buf.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        if let bad = buf.firstIndex(where: { $0 >= 0x80 }) {
            return .failure(LiteralError(offset: bad, message: "bytes can only contain ASCII literal characters"))
        }
        var i = 0
        while i < n {
            let b = buf[i]
            if b == .cr {
                out.append(.lf)
                i += (i + 1 < n && buf[i + 1] == .lf) ? 2 : 1
                continue
            }
            guard b == .backslash, !raw else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < n else {
                return .failure(LiteralError(offset: i, message: "(value error) Trailing \\ in string"))
            }
            let c = buf[i + 1]
            i += 2
            switch c {
            case .lf: break
            case .cr: if i < n && buf[i] == .lf { i += 1 }
            case 0x5C, 0x27, 0x22: out.append(c)
            case 0x61: out.append(0x07)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x76: out.append(0x0B)
            case 0x30...0x37:
                var v = UInt32(c &- 0x30)
                if i < n, isOctal(buf[i]) {
                    v = v << 3 | UInt32(buf[i] &- 0x30); i += 1
                    if i < n, isOctal(buf[i]) { v = v << 3 | UInt32(buf[i] &- 0x30); i += 1 }
                }
                out.append(UInt8(truncatingIfNeeded: v))
            case 0x78:
                guard i + 1 < n, let hi = hexValue(buf[i]), let lo = hexValue(buf[i + 1]) else {
                    return .failure(LiteralError(offset: i - 2, message: "(value error) invalid \\x escape at position \(i - 2)"))
                }
                out.append(UInt8(hi << 4 | lo))
                i += 2
            default:
                out.append(.backslash)
                i -= 1  // the character after the backslash is read as an ordinary one
            }
        }
        return .success(out)
    }
}

// MARK: - Numbers

extension PythonLiteral {
    /// Decimal text of an integer literal token (`1_000`, `0x_ff`, `0o17`, `0b1`, `0_0`), of any
    /// size; nil when the token is not a valid Python integer literal (`0777`, `1__0`, `1_`, `0x`)
    /// or is a decimal literal longer than CPython's 4300-digit conversion limit.
    public static func intDecimal(_ token: ArraySlice<UInt8>) -> String? {
        token.withUnsafeBufferPointer { intDecimalBuffer($0) }
    }

    private static func intDecimalBuffer(_ t: UnsafeBufferPointer<UInt8>) -> String? {
        let n = t.count
        guard n > 0 else { return nil }
        var base: UInt32 = 10
        var i = 0
        if n >= 2, t[0] == 0x30 {
            switch t[1] | 0x20 {
            case 0x78: base = 16; i = 2
            case 0x6F: base = 8; i = 2
            case 0x62: base = 2; i = 2
            default: break
            }
        }
        // Digits with single underscores between them (after a base prefix, one may lead).
        var digits: [UInt8] = []
        digits.reserveCapacity(n)
        var lastWasDigit = false
        while i < n {
            let c = t[i]
            if c == .underscore {
                // `_` must be followed by a digit; it may follow a digit or a base prefix.
                guard lastWasDigit || (base != 10 && i == 2) else { return nil }
                lastWasDigit = false
            } else {
                let d: UInt32
                switch base {
                case 16: guard let h = hexValue(c) else { return nil }; d = h
                case 10: guard isDigit(c) else { return nil }; d = UInt32(c &- 0x30)
                default:
                    guard isDigit(c) else { return nil }
                    d = UInt32(c &- 0x30)
                    guard d < base else { return nil }
                }
                digits.append(UInt8(d))
                lastWasDigit = true
            }
            i += 1
        }
        guard lastWasDigit, !digits.isEmpty else { return nil }
        if base == 10 {
            // A decimal literal may only start with 0 if it is all zeros (`0777` is an error).
            if digits[0] == 0 {
                return digits.allSatisfy { $0 == 0 } ? "0" : nil
            }
            guard digits.count <= 4300 else { return nil }
            return String(decoding: digits.map { $0 &+ 0x30 }, as: UTF8.self)
        }
        return BigDecimalDigits.convert(digits, base: base)
    }

    /// Python `repr()` of the float value of a float literal token (`1_0.5e3` → `10500.0`,
    /// `1e400` → `inf`); nil when the token is not a valid float literal.
    public static func floatRepr(_ token: ArraySlice<UInt8>) -> String? {
        guard let v = token.withUnsafeBufferPointer({ parseFloat($0, allowPlainInteger: false) }) else { return nil }
        return pythonRepr(v, addDotZero: true)
    }

    /// Python `repr()` of `complex(0, v)` for an imaginary literal token (`10j` → `10j`,
    /// `1.5J` → `1.5j`, `1e400j` → `infj`); nil when the token is not a valid imaginary literal.
    public static func imaginaryRepr(_ token: ArraySlice<UInt8>) -> String? {
        guard let last = token.last, last | 0x20 == 0x6A else { return nil }
        guard let v = token.dropLast().withUnsafeBufferPointer({ parseFloat($0, allowPlainInteger: true) }) else { return nil }
        return pythonRepr(v, addDotZero: false) + "j"
    }

    /// Validates a float literal (`digitpart`, `pointfloat`, `exponentfloat` of the Python
    /// grammar, with underscores between digits) and converts it with correct rounding.
    private static func parseFloat(_ t: UnsafeBufferPointer<UInt8>, allowPlainInteger: Bool) -> Double? {
        let n = t.count
        var clean: [UInt8] = []
        clean.reserveCapacity(n)
        var i = 0
        /// Reads `digit (_? digit)*`; returns false if none or a misplaced underscore.
        func digitPart() -> Bool {
            guard i < n, isDigit(t[i]) else { return false }
            while i < n {
                if isDigit(t[i]) {
                    clean.append(t[i]); i += 1
                } else if t[i] == .underscore, i + 1 < n, isDigit(t[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            return true
        }
        let hasInt = digitPart()
        var hasDot = false, hasFraction = false, hasExponent = false
        if i < n, t[i] == 0x2E {
            hasDot = true
            clean.append(0x2E)
            i += 1
            hasFraction = digitPart()
        }
        guard hasInt || hasFraction else { return nil }
        if i < n, t[i] | 0x20 == 0x65 {
            hasExponent = true
            clean.append(0x65)
            i += 1
            if i < n, t[i] == 0x2B || t[i] == 0x2D { clean.append(t[i]); i += 1 }
            guard digitPart() else { return nil }
        }
        guard i == n else { return nil }
        guard hasDot || hasExponent || allowPlainInteger else { return nil }
        return Double(String(decoding: clean, as: UTF8.self))
    }

    /// Python's `repr(float)` (`addDotZero`) or the float part of `repr(complex)` (no `.0`):
    /// shortest round-trip digits, fixed notation when the decimal exponent is in -4..<16.
    static func pythonRepr(_ value: Double, addDotZero: Bool) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let negative = value.sign == .minus
        // Swift's description prints the shortest round-trip digits (like Python's repr);
        // take the digits and the exponent from it and lay them out the way Python does.
        var digits: [UInt8] = []
        var pointPosition: Int?
        var sawExponent = false
        var expNegative = false
        var expValue = 0
        for c in value.magnitude.description.utf8 {
            if sawExponent {
                if c == 0x2D { expNegative = true } else if isDigit(c) { expValue = expValue * 10 + Int(c &- 0x30) }
            } else if isDigit(c) {
                digits.append(c)
            } else if c == 0x2E {
                pointPosition = digits.count
            } else if c | 0x20 == 0x65 {
                sawExponent = true
            }
        }
        // value = 0.d1d2d3... × 10^decpt
        var decpt = (pointPosition ?? digits.count) + (expNegative ? -expValue : expValue)
        // Strip leading zeros (moving the point) and trailing zeros.
        var lead = 0
        while lead < digits.count - 1, digits[lead] == 0x30 { lead += 1; decpt -= 1 }
        digits.removeFirst(lead)
        while digits.count > 1, digits.last == 0x30 { digits.removeLast() }
        if digits == [0x30] { decpt = 1 }

        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 8)
        if negative { out.append(0x2D) }
        if decpt <= -4 || decpt > 16 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(0x2E)
                out.append(contentsOf: digits[1...])
            }
            let e = decpt - 1
            out.append(0x65)
            out.append(e < 0 ? 0x2D : 0x2B)
            let mag = e.magnitude
            if mag < 10 { out.append(0x30) }
            out.append(contentsOf: String(mag).utf8)
        } else if decpt <= 0 {
            out.append(0x30); out.append(0x2E)
            out.append(contentsOf: repeatElement(0x30, count: -decpt))
            out.append(contentsOf: digits)
        } else if decpt >= digits.count {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(0x30, count: decpt - digits.count))
            if addDotZero { out.append(0x2E); out.append(0x30) }
        } else {
            out.append(contentsOf: digits[..<decpt])
            out.append(0x2E)
            out.append(contentsOf: digits[decpt...])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Arbitrary-precision conversion of a digit string in base 2, 8 or 16 to decimal text.
private enum BigDecimalDigits {
    /// `digits` are digit values (most significant first).
    static func convert(_ digits: [UInt8], base: UInt32) -> String {
        // Leading zeros do not matter; a value that fits 64 bits takes the fast path.
        let significant = digits.drop(while: { $0 == 0 })
        let bitsPerDigit = base == 16 ? 4 : base == 8 ? 3 : 1
        if significant.count * bitsPerDigit <= 64 {
            var v: UInt64 = 0
            for d in significant { v = v << UInt64(bitsPerDigit) | UInt64(d) }
            return String(v)
        }
        // Limbs in base 10^9, least significant first; multiply-and-add a chunk of digits at a time.
        let limbBase: UInt64 = 1_000_000_000
        let chunk = 27 / bitsPerDigit  // base^chunk = 2^27 < 10^9 keeps products in UInt64
        var limbs: [UInt64] = [0]
        limbs.reserveCapacity(significant.count * bitsPerDigit / 29 + 2)
        var index = significant.startIndex
        while index < significant.endIndex {
            let end = min(index + chunk, significant.endIndex)
            var add: UInt64 = 0
            var mul: UInt64 = 1
            for d in significant[index..<end] {
                add = add << UInt64(bitsPerDigit) | UInt64(d)
                mul <<= UInt64(bitsPerDigit)
            }
            var carry = add
            for k in limbs.indices {
                let x = limbs[k] * mul + carry
                limbs[k] = x % limbBase
                carry = x / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
            index = end
        }
        var text = String(limbs[limbs.count - 1])
        for k in stride(from: limbs.count - 2, through: 0, by: -1) {
            let part = String(limbs[k])
            text += String(repeating: "0", count: 9 - part.utf8.count) + part
        }
        return text
    }
}

// MARK: - Dump text

extension PythonLiteral {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Exactly `json.dumps(s, ensure_ascii=True)` for the string with these code points:
    /// `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`; other controls, DEL and non-ASCII as `\uXXXX`
    /// (lowercase hex), characters beyond the BMP as a surrogate pair, lone surrogates as is.
    public static func jsonQuote(_ codePoints: [UInt32]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(codePoints.count + 2)
        out.append(0x22)
        @inline(__always) func unicodeEscape(_ v: UInt32) {
            out.append(0x5C); out.append(0x75)
            out.append(hexDigits[Int(v >> 12 & 0xF)])
            out.append(hexDigits[Int(v >> 8 & 0xF)])
            out.append(hexDigits[Int(v >> 4 & 0xF)])
            out.append(hexDigits[Int(v & 0xF)])
        }
        for v in codePoints {
            switch v {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0x08: out.append(0x5C); out.append(0x62)
            case 0x0C: out.append(0x5C); out.append(0x66)
            case 0x20...0x7E: out.append(UInt8(v))
            case 0x10000...:
                let u = v - 0x10000
                unicodeEscape(0xD800 | (u >> 10 & 0x3FF))
                unicodeEscape(0xDC00 | (u & 0x3FF))
            default: unicodeEscape(v)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `json.dumps(text, ensure_ascii=True)` (see `jsonQuote(_: [UInt32])`).
    public static func jsonQuote(_ text: String) -> String {
        jsonQuote(text.unicodeScalars.map(\.value))
    }

    /// The dump text of a bytes value: `b'` + lowercase hex of every byte + `'`.
    public static func bytesDump(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = [0x62, 0x27]
        out.reserveCapacity(bytes.count * 2 + 3)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
        }
        out.append(0x27)
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: - Identifiers

extension PythonLiteral {
    /// The identifier as CPython stores it: pure ASCII unchanged, otherwise NFKC-normalised
    /// (PEP 3131; `ﬁ` becomes `fi`) with tables generated from CPython 3.13's `unicodedata`.
    /// Invalid UTF-8 is decoded with replacement characters (the tokenizer rejects it first).
    public static func normalizeIdentifier(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 < 0x80 }) { return text }
        var scalars = String.UnicodeScalarView()
        for v in nfkc(text.unicodeScalars.map(\.value)) {
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Decoded normalisation tables, built on first use (only non-ASCII identifiers need them).
    private struct NormalizationTables: Sendable {
        var decompositions: [UInt32: [UInt32]] = [:]
        var combiningClasses: [UInt32: UInt8] = [:]
        var compositions: [UInt64: UInt32] = [:]

        init() {
            func hexFields(_ line: UnsafeBufferPointer<UInt8>.SubSequence) -> [UInt32] {
                line.split(whereSeparator: { $0 == 0x20 || $0 == 0x3A }).map { field in
                    field.reduce(UInt32(0)) { $0 << 4 | (hexValue($1) ?? 0) }
                }
            }
            PythonLiteral.nfkdMappings.withUTF8Buffer { buf in
                for line in buf.split(separator: .lf) {
                    let f = hexFields(line)
                    decompositions[f[0]] = Array(f.dropFirst())
                }
            }
            PythonLiteral.combiningClassRanges.withUTF8Buffer { buf in
                for line in buf.split(separator: .lf) {
                    let parts = line.split(separator: 0x20)
                    let first = parts[0].reduce(UInt32(0)) { $0 << 4 | (hexValue($1) ?? 0) }
                    let last = parts[1].reduce(UInt32(0)) { $0 << 4 | (hexValue($1) ?? 0) }
                    let ccc = parts[2].reduce(0) { $0 * 10 + Int($1 &- 0x30) }
                    for v in first...last { combiningClasses[v] = UInt8(ccc) }
                }
            }
            PythonLiteral.canonicalCompositions.withUTF8Buffer { buf in
                for line in buf.split(separator: .lf) {
                    let f = hexFields(line)
                    compositions[UInt64(f[0]) << 32 | UInt64(f[1])] = f[2]
                }
            }
        }
    }

    private static let normalizationTables = NormalizationTables()

    // Hangul syllable arithmetic (Unicode chapter 3.12).
    private static let hangulSBase: UInt32 = 0xAC00, hangulLBase: UInt32 = 0x1100
    private static let hangulVBase: UInt32 = 0x1161, hangulTBase: UInt32 = 0x11A7
    private static let hangulVCount: UInt32 = 21, hangulTCount: UInt32 = 28, hangulSCount: UInt32 = 11172

    /// Unicode NFKC (UAX #15): full compatibility decomposition, canonical ordering, canonical
    /// composition.
    static func nfkc(_ input: [UInt32]) -> [UInt32] {
        let tables = normalizationTables
        // Decompose.
        var d: [UInt32] = []
        d.reserveCapacity(input.count * 2)
        for v in input {
            if v >= hangulSBase, v < hangulSBase + hangulSCount {
                let s = v - hangulSBase
                d.append(hangulLBase + s / (hangulVCount * hangulTCount))
                d.append(hangulVBase + s % (hangulVCount * hangulTCount) / hangulTCount)
                if s % hangulTCount != 0 { d.append(hangulTBase + s % hangulTCount) }
            } else if let mapping = tables.decompositions[v] {
                d.append(contentsOf: mapping)
            } else {
                d.append(v)
            }
        }
        // Canonical ordering: stable sort of each run of non-starters by combining class.
        func ccc(_ v: UInt32) -> UInt8 { v < 0x300 ? 0 : tables.combiningClasses[v] ?? 0 }
        var i = 1
        while i < d.count {
            let c = ccc(d[i])
            if c != 0 {
                var j = i
                while j > 0, ccc(d[j - 1]) > c { d.swapAt(j, j - 1); j -= 1 }
            }
            i += 1
        }
        // Compose.
        guard !d.isEmpty else { return d }
        func compose(_ a: UInt32, _ b: UInt32) -> UInt32? {
            if a >= hangulLBase, a < hangulLBase + 19, b >= hangulVBase, b < hangulVBase + hangulVCount {
                return hangulSBase + ((a - hangulLBase) * hangulVCount + (b - hangulVBase)) * hangulTCount
            }
            if a >= hangulSBase, a < hangulSBase + hangulSCount, (a - hangulSBase) % hangulTCount == 0,
               b > hangulTBase, b < hangulTBase + hangulTCount {
                return a + (b - hangulTBase)
            }
            return tables.compositions[UInt64(a) << 32 | UInt64(b)]
        }
        var starterPos = 0
        var lastClass: Int = ccc(d[0]) == 0 ? 0 : 256
        var out = 1
        for k in 1..<d.count {
            let ch = d[k]
            let chClass = Int(ccc(ch))
            if lastClass < chClass || lastClass == 0, let composite = compose(d[starterPos], ch) {
                d[starterPos] = composite
                continue
            }
            if chClass == 0 { starterPos = out }
            lastClass = chClass
            d[out] = ch
            out += 1
        }
        d.removeSubrange(out...)
        return d
    }
}

// MARK: - Unicode character names (`\N{...}`)

extension PythonLiteral {
    /// Uppercase name (or alias) → code point, decoded from the generated tables on first use.
    private static let unicodeNameTable: [String: UInt32] = buildUnicodeNameTable()

    private static func buildUnicodeNameTable() -> [String: UInt32] {
        var table: [String: UInt32] = [:]
        table.reserveCapacity(36_500)
        unicodeNameLines.withUTF8Buffer { buf in
            var name: [UInt8] = []
            var cp: UInt32 = 0
            var pendingCodePoint: UInt32?
            var lineStart = 0
            for i in 0...buf.count where i == buf.count || buf[i] == .lf {
                defer { lineStart = i + 1 }
                guard i > lineStart else { continue }
                let line = UnsafeBufferPointer(rebasing: buf[lineStart..<i])
                if line[0] == 0x7E {  // `~HEX`: code point of the next name
                    pendingCodePoint = line.dropFirst().reduce(0) { $0 << 4 | (hexValue($1) ?? 0) }
                    continue
                }
                cp = pendingCodePoint ?? cp + 1
                pendingCodePoint = nil
                name.removeSubrange(Int(line[0] - 0x21)...)
                name.append(contentsOf: line.dropFirst())
                table[String(decoding: name, as: UTF8.self)] = cp
            }
        }
        unicodeNameAliases.withUTF8Buffer { buf in
            for line in buf.split(separator: .lf) {
                guard let semicolon = line.firstIndex(of: 0x3B) else { continue }
                let value = line[(semicolon + 1)...].reduce(UInt32(0)) { $0 << 4 | (hexValue($1) ?? 0) }
                table[String(decoding: line[..<semicolon], as: UTF8.self)] = value
            }
        }
        return table
    }

    private static let hangulL = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"]
    private static let hangulV = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"]
    private static let hangulT = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]

    /// The code point CPython's `\N{name}` gives for `name`, or nil if it has none. Like CPython:
    /// stored names and aliases match case-insensitively; `HANGUL SYLLABLE ...` and
    /// `CJK UNIFIED IDEOGRAPH-XXXX` names are computed and match in uppercase only (measured on
    /// 3.13: `\N{hangul syllable ga}` is an error); named sequences are not accepted.
    static func lookupUnicodeName(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !name.isEmpty, name.count <= 256 else { return nil }
        let upper = name.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        let hangulPrefix = Array("HANGUL SYLLABLE ".utf8)
        if name.starts(with: hangulPrefix) {
            return hangulSyllable(Array(name[hangulPrefix.count...]))
        }
        let cjkPrefix = Array("CJK UNIFIED IDEOGRAPH-".utf8)
        if name.starts(with: cjkPrefix) {
            let hex = name[cjkPrefix.count...]
            guard hex.count == 4 || hex.count == 5 else { return nil }
            var v: UInt32 = 0
            for c in hex {
                guard (0x30...0x39).contains(c) || (0x41...0x46).contains(c), let d = hexValue(c) else { return nil }
                v = v << 4 | d
            }
            return unicodeCJKRanges.contains { $0.contains(v) } ? v : nil
        }
        return unicodeNameTable[String(decoding: upper, as: UTF8.self)]
    }

    /// CPython's `find_syllable` walk: the longest matching jamo of each column in turn.
    private static func hangulSyllable(_ rest: [UInt8]) -> UInt32? {
        var pos = 0
        func longest(_ column: [String]) -> Int? {
            var best: Int?
            var bestLength = -1
            for (index, jamo) in column.enumerated() {
                let bytes = Array(jamo.utf8)
                if bytes.count > bestLength, rest[pos...].starts(with: bytes) {
                    best = index
                    bestLength = bytes.count
                }
            }
            if best != nil { pos += bestLength }
            return best
        }
        guard let l = longest(hangulL), let v = longest(hangulV), let t = longest(hangulT), pos == rest.count else { return nil }
        return 0xAC00 + UInt32((l * 21 + v) * 28 + t)
    }
}
