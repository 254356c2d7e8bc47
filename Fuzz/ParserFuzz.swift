// libFuzzer target for PythonSyntax (outside Sources/, so SwiftPM ignores it).
// Build and run: scripts/fuzz-parser.sh [SECONDS]   (see the script for the exact swiftc command)
//
// Each input is parsed as a Python file; the result must satisfy the parser's contract (a result
// always comes back; every error lies inside the source with a consistent line/column), and the
// AST dump must be producible. Literal bodies from the input also go through PythonLiteral.
// A crash, an ASan report, a failed precondition or a timeout (-timeout) is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let result = PythonParser.parse(source)
    for error in result.errors {
        precondition(error.offset >= 0 && error.offset <= source.count, "error offset \(error.offset) outside 0...\(source.count)")
        precondition(error.line >= 1 && error.column >= 0, "bad error position \(error.line):\(error.column)")
    }
    let dump = ASTDump.dump(result, path: "fuzz.py")
    precondition(dump.hasPrefix("== fuzz.py"), "dump lacks its header")

    // The literal functions on arbitrary slices: they must return, never trap.
    let slice = source[...]
    _ = PythonLiteral.decodeString(slice, raw: false, fstringPart: size & 1 == 0)
    _ = PythonLiteral.decodeBytes(slice, raw: false)
    _ = PythonLiteral.intDecimal(slice)
    _ = PythonLiteral.floatRepr(slice)
    _ = PythonLiteral.imaginaryRepr(slice)
    _ = PythonLiteral.normalizeIdentifier(slice)
    return 0
}
