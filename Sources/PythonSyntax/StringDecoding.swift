/// Decoding of string tokens through `PythonLiteral` (the literal-value engine).
enum StringDecoding {
    /// The byte range of a string token's body (between the quotes) and its prefix flags.
    @inline(__always)
    static func body(_ source: [UInt8], _ t: Token) -> (start: Int, end: Int, flags: StringFlags) {
        let flags = StringFlags(rawValue: t.flags)
        var i = Int(t.start)
        while source[i] != 34 && source[i] != 39 { i += 1 }
        let q = flags.contains(.triple) ? 3 : 1
        return (i + q, Int(t.end) - q, flags)
    }

    /// The bytes of `start..<end` with `\r\n` and `\r` turned into `\n` (CPython translates newlines
    /// before tokenizing, so string values never hold a raw CR from a line ending).
    @inline(__always)
    static func newlineNormalized(_ source: [UInt8], _ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        // Malformed input can leave an empty or inverted span (e.g. an f-string's `=` text right
        // after a broken field): that is no text, not a trap.
        guard start < end else { return source[0..<0] }
        let slice = source[start..<end]
        guard slice.contains(13) else { return slice }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = start
        while i < end {
            let c = source[i]
            if c == 13 {
                out.append(10)
                if i + 1 < end && source[i + 1] == 10 { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return out[...]
    }

    /// Decodes a plain (non-f) str token.
    static func decodeStr(_ source: [UInt8], _ t: Token) -> Result<[UInt32], LiteralError> {
        let b = body(source, t)
        return PythonLiteral.decodeString(newlineNormalized(source, b.start, b.end), raw: b.flags.contains(.raw), fstringPart: false)
    }

    /// Decodes a bytes token.
    static func decodeBytes(_ source: [UInt8], _ t: Token) -> Result<[UInt8], LiteralError> {
        let b = body(source, t)
        return PythonLiteral.decodeBytes(newlineNormalized(source, b.start, b.end), raw: b.flags.contains(.raw))
    }

    /// Decodes the literal text of an f-string (an FSTRING_MIDDLE token).
    static func decodeMiddle(_ source: [UInt8], _ t: Token, raw: Bool) -> Result<[UInt32], LiteralError> {
        PythonLiteral.decodeString(newlineNormalized(source, Int(t.start), Int(t.end)), raw: raw, fstringPart: true)
    }

    /// Unicode scalars of source bytes (for `=` debug text in f-strings), newlines normalised.
    static func scalars(_ source: [UInt8], _ start: Int, _ end: Int) -> [UInt32] {
        let bytes = newlineNormalized(source, start, end)
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0.value }
    }
}
