/// FNV-1a (64 bits), fed byte by byte: how the import scan and the re-export index hash names
/// straight from source bytes without making a string per token. A collision only ever keeps an
/// import (a name looks used), never removes one.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

    mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 { for byte in bytes { add(byte) } }

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hasher = FNV1a()
        hasher.add(bytes)
        return hasher.value
    }
}

/// True for bytes that can be part of an identifier-like word (ASCII letters, digits, `_`, and any
/// byte of a non-ASCII character).
@inline(__always) func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
}
