import Foundation
import Testing
import PythonSyntax

/// Literal values against CPython 3.13: hand-written examples, and goldens recorded from CPython by
/// `scripts/gen-literal-goldens.py` (Fixtures/literals/*.jsonl).
@Suite struct PythonLiteralTests {
    // MARK: - Helpers

    static let fixtureDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/literals")

    static func rows(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: fixtureDirectory.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func bytes(_ s: String) -> ArraySlice<UInt8> { ArraySlice(Array(s.utf8)) }

    func str(_ body: String, raw: Bool = false, f: Bool = false) -> String? {
        switch PythonLiteral.decodeString(bytes(body), raw: raw, fstringPart: f) {
        case .success(let value): return PythonLiteral.jsonQuote(value)
        case .failure: return nil
        }
    }

    func strError(_ body: String) -> LiteralError? {
        if case .failure(let e) = PythonLiteral.decodeString(bytes(body), raw: false, fstringPart: false) { return e }
        return nil
    }

    // MARK: - Examples

    @Test func stringEscapes() {
        #expect(str(#"a\nb\t\\\'\"\a\b\f\v\r"#) == #""a\nb\t\\'\"\u0007\b\f\u000b\r""#)
        #expect(str(#"\101\0\777\1234"#) == #""A\u0000\u01ffS4""#)
        #expect(str(#"\x41\u20ac\U0001F600\udc80"#) == #""A\u20ac\ud83d\ude00\udc80""#)
        #expect(str(#"\d\8\é"#) == #""\\d\\8\\\u00e9""#)
        #expect(str(#"\N{EM DASH}\N{em dash}\N{LF}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}"#)
                == #""\u2014\u2014\n\uac01\u4e00""#)
        #expect(str("a\\\nb\\\r\nc\\\rd") == #""abcd""#)
        #expect(str("a\r\nb\rc\n") == #""a\nb\nc\n""#)
        #expect(str(#"\""#, raw: true) == #""\\\"""#)
        #expect(str("x\r\ny", raw: true) == #""x\ny""#)
        #expect(str("{{a}}\\{{\\N{DASH}", f: true) == nil)  // DASH is no Unicode name
        #expect(str("{{a}}\\{{\\N{EN DASH}", f: true) == #""{a}\\{\u2013""#)
        #expect(str("\\", f: true) == #""\\""#)
        #expect(str("{{x}}", raw: true, f: true) == #""{x}""#)
        #expect(str("{{x}}") == #""{{x}}""#)
    }

    @Test func stringErrors() {
        #expect(strError(#"ab\x4"#)?.offset == 2)
        #expect(strError(#"ab\x4"#)?.message.hasSuffix("truncated \\xXX escape") == true)
        #expect(strError(#"\u12"#)?.message.hasSuffix("truncated \\uXXXX escape") == true)
        #expect(strError(#"\U00110000"#)?.message.hasSuffix("illegal Unicode character") == true)
        #expect(strError(#"x\N{NO SUCH NAME}"#)?.message.hasSuffix("unknown Unicode character name") == true)
        #expect(strError(#"x\N{NO SUCH NAME}"#)?.offset == 1)
        #expect(strError(#"\N"#)?.message.hasSuffix("malformed \\N character escape") == true)
        #expect(strError(#"\N{}"#) != nil)
        #expect(strError(#"\N{DASH"#) != nil)
        #expect(strError("\u{FF}").map { _ in true } == nil)  // valid UTF-8 (ÿ)
        let invalid = PythonLiteral.decodeString([0x61, 0xC3], raw: false, fstringPart: false)
        if case .failure(let e) = invalid { #expect(e.offset == 1) } else { Issue.record("invalid UTF-8 accepted") }
    }

    @Test func bytesLiterals() throws {
        func b(_ body: String, raw: Bool = false) -> String? {
            try? PythonLiteral.bytesDump(PythonLiteral.decodeBytes(bytes(body), raw: raw).get())
        }
        #expect(b(#"A\x41\xff\777\n\u0041\N{X}"#) == "b'4141ffff0a5c75303034315c4e7b587d'")
        #expect(b(#"\x4"#) == nil)
        #expect(b("é") == nil)
        #expect(b("é", raw: true) == nil)
        #expect(b(#"\x41"#, raw: true) == "b'5c783431'")
        #expect(b("a\r\nb") == "b'610a62'")
        #expect(PythonLiteral.bytesDump([]) == "b''")
        let body: ArraySlice<UInt8> = [0x61, 0x62, 0xC3, 0xA9]
        if case .failure(let e) = PythonLiteral.decodeBytes(body, raw: false) { #expect(e.offset == 2) } else { Issue.record("non-ASCII bytes accepted") }
    }

    @Test func numbers() {
        func int(_ t: String) -> String? { PythonLiteral.intDecimal(bytes(t)) }
        #expect(int("0x_ff") == "255")
        #expect(int("0o17") == "15")
        #expect(int("0b1") == "1")
        #expect(int("1_000") == "1000")
        #expect(int("0_0") == "0")
        #expect(int("0x" + String(repeating: "f", count: 32)) == "340282366920938463463374607431768211455")
        for bad in ["0777", "1__0", "1_", "_1", "0x", "0x__1", "0b2", "0o8", "1j", "1.0", ""] { #expect(int(bad) == nil, "\(bad)") }

        func float(_ t: String) -> String? { PythonLiteral.floatRepr(bytes(t)) }
        let floats = ["1_0.5e3": "10500.0", "1.": "1.0", ".5": "0.5", "1e400": "inf", "1e16": "1e+16", "1e-5": "1e-05",
                      "1e15": "1000000000000000.0", "0.0001": "0.0001", "5e-324": "5e-324", "0.1": "0.1", "1e22": "1e+22",
                      "1.7976931348623157e+308": "1.7976931348623157e+308", "123456789012345678.0": "1.2345678901234568e+17",
                      "0.0": "0.0", "1e-400": "0.0", "100.": "100.0"]
        for (token, want) in floats { #expect(float(token) == want, "\(token)") }
        for bad in ["1", "1__0.0", "1_.0", "1._0", "1e", "1e_1", ".", "e1", "1.5j"] { #expect(float(bad) == nil, "\(bad)") }

        func imag(_ t: String) -> String? { PythonLiteral.imaginaryRepr(bytes(t)) }
        let imags = ["10j": "10j", "1.5J": "1.5j", "0j": "0j", "1e400j": "infj", "1e16j": "1e+16j", "0.5e1j": "5j"]
        for (token, want) in imags { #expect(imag(token) == want, "\(token)") }
        for bad in ["j", "1", "1jj", "0x1j", "1_j"] { #expect(imag(bad) == nil, "\(bad)") }
    }

    @Test func jsonAndIdentifiers() {
        #expect(PythonLiteral.jsonQuote([0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C, 0x01, 0x7F, 0xE9, 0x1F600, 0xDC80])
                == #""\"\\\n\r\t\b\f\u0001\u007f\u00e9\ud83d\ude00\udc80""#)
        #expect(PythonLiteral.jsonQuote("héllo") == #""h\u00e9llo""#)
        #expect(PythonLiteral.normalizeIdentifier(bytes("ﬁle")) == "file")
        #expect(PythonLiteral.normalizeIdentifier(bytes("plain_ascii")) == "plain_ascii")
        #expect(PythonLiteral.normalizeIdentifier(bytes("\u{1100}\u{1161}")) == "\u{AC00}")
    }

    // MARK: - Goldens from CPython 3.13

    @Test func stringGoldens() throws {
        let rows = try Self.rows("strings.jsonl")
        #expect(rows.count > 2500)
        var failures = 0
        for row in rows {
            let kind = try #require(row["kind"] as? String)
            let raw = try #require(row["raw"] as? Bool)
            let f = try #require(row["f"] as? Bool)
            let body = bytes(try #require(row["body"] as? String))
            let want = row["want"] as? String
            let got: String?
            if kind == "bytes" {
                got = try? PythonLiteral.bytesDump(PythonLiteral.decodeBytes(body, raw: raw).get())
            } else {
                got = try? PythonLiteral.jsonQuote(PythonLiteral.decodeString(body, raw: raw, fstringPart: f).get())
            }
            if got != want {
                failures += 1
                if failures <= 20 { Issue.record("\(kind) raw=\(raw) f=\(f) body=\(String(decoding: body, as: UTF8.self).debugDescription): got \(got ?? "error"), CPython \(want ?? "error")") }
            }
        }
        #expect(failures == 0)
    }

    @Test func numberGoldens() throws {
        let rows = try Self.rows("numbers.jsonl")
        #expect(rows.count > 4000)
        var failures = 0
        for row in rows {
            let kind = try #require(row["kind"] as? String)
            let token = bytes(try #require(row["token"] as? String))
            let want = row["want"] as? String
            let got: String? = switch kind {
            case "int": PythonLiteral.intDecimal(token)
            case "float": PythonLiteral.floatRepr(token)
            default: PythonLiteral.imaginaryRepr(token)
            }
            if got != want {
                failures += 1
                if failures <= 20 { Issue.record("\(kind) \(String(decoding: token.prefix(80), as: UTF8.self)): got \(got ?? "nil"), CPython \(want ?? "nil")") }
            }
        }
        #expect(failures == 0)
    }

    @Test func identifierGoldens() throws {
        let rows = try Self.rows("identifiers.jsonl")
        #expect(rows.count > 4000)
        var failures = 0
        for row in rows {
            let id = try #require(row["id"] as? String)
            let want = try #require(row["want"] as? String)
            let got = PythonLiteral.jsonQuote(PythonLiteral.normalizeIdentifier(bytes(id)))
            if got != want {
                failures += 1
                if failures <= 20 { Issue.record("\(PythonLiteral.jsonQuote(id)): got \(got), CPython \(want)") }
            }
        }
        #expect(failures == 0)
    }

    /// Every character name the Swift standard library knows for Unicode <= 15.1 must decode to
    /// that character (an independent source for the generated table), except the Tangut
    /// ideographs, which CPython 3.13 does not name.
    @Test func unicodeNamesAgreeWithSwiftStdlib() {
        var checked = 0, failures = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v), let name = scalar.properties.name,
                  let age = scalar.properties.age, age.major < 15 || (age.major == 15 && age.minor <= 1) else { continue }
            if name.hasPrefix("TANGUT IDEOGRAPH-") { continue }
            checked += 1
            let got = try? PythonLiteral.decodeString(bytes("\\N{\(name)}"), raw: false, fstringPart: false).get()
            if got != [v] {
                failures += 1
                if failures <= 20 { Issue.record("\(name): got \(got.map { $0.map { String($0, radix: 16) } } ?? []), want \(String(v, radix: 16))") }
            }
        }
        #expect(checked > 140_000)
        #expect(failures == 0)
        #expect(str(#"\N{TANGUT IDEOGRAPH-17000}"#) == nil)
    }
}
