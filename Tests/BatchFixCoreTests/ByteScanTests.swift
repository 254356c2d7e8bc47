import Testing
@testable import BatchFixCore

/// The byte scans on the hot path (NUL search, UTF-8 validation with its 8-byte ASCII fast path, byte
/// equality) agree with the standard library on random and edge-case inputs.
@Suite struct ByteScanTests {
    /// Fragments that exercise every branch: ASCII runs of odd lengths, valid multi-byte scalars,
    /// overlong forms, surrogates, out-of-range scalars, stray continuation bytes, truncated sequences.
    static let fragments: [[UInt8]] = [
        Array("a".utf8), Array("abcdefg".utf8), Array("abcdefghijklmnop".utf8), Array("é".utf8), Array("€".utf8),
        Array("😀".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00],
    ]

    static func reference(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    @Test func invalidUTF8IsFoundExactlyWhereTheStandardLibraryDisagrees() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                // Mostly valid fragments, so invalid ones land after long ASCII runs too.
                let pick = Int.random(in: 0..<100, using: &random) < 85 ? Int.random(in: 0..<6, using: &random) : Int.random(in: 0..<Self.fragments.count, using: &random)
                bytes += Self.fragments[pick]
            }
            let found = FileSystem.firstInvalidUTF8(bytes)
            let valid = Self.reference(bytes)
            if valid {  // NUL counts as valid UTF-8 here; the NUL check is separate
                #expect(found == nil, "\(bytes)")
            } else {
                guard let index = found else { Testing.Issue.record("missed invalid UTF-8 in \(bytes)"); continue }
                #expect(Self.reference(Array(bytes[..<index])), "the bytes before \(index) are valid: \(bytes)")
                #expect(!Self.reference(Array(bytes[index...])), "the rest from \(index) is not: \(bytes)")
            }
        }
    }

    @Test func nulAndEqualityScans() {
        #expect(FileSystem.firstNUL([]) == nil)
        #expect(FileSystem.firstNUL(Array("abc".utf8)) == nil)
        #expect(FileSystem.firstNUL(Array("abcdefghij".utf8) + [0] + [0]) == 10)
        #expect(FileSystem.sameBytes([], []))
        #expect(FileSystem.sameBytes([1, 2, 3], [1, 2, 3]))
        #expect(!FileSystem.sameBytes([1, 2, 3], [1, 2, 4]))
        #expect(!FileSystem.sameBytes([1, 2], [1, 2, 3]))
    }
}
