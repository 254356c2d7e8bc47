// libFuzzer target for PythonSyntax (outside Sources/, so SwiftPM ignores it).
// Build and run: scripts/fuzz-parser.sh [SECONDS]   (see the script for the exact swiftc command)
//
// Each input is parsed as a Python file; the result must satisfy the parser's contract (a result
// always comes back; every error lies inside the source with a consistent line/column), and the
// AST dump must be producible. Literal bodies from the input also go through PythonLiteral.
// A crash, an ASan report, a failed precondition or a timeout (-timeout) is a finding.
//
// Each input runs on a fresh secondary thread with an 8 MiB stack: that is how the CLI and the
// batch processor call the parser, and on the main thread every parse pays for glibc's
// pthread_getattr_np reading /proc/self/maps (large under ASan), which halves the fuzzing speed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input handed to the worker thread.
/// Safety of `@unchecked Sendable`: created before `pthread_create`, used only by the worker,
/// and released by the caller after `pthread_join`, which orders all accesses.
private final class FuzzJob: @unchecked Sendable {
    let source: [UInt8]
    init(_ source: [UInt8]) { self.source = source }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let job = Unmanaged.passRetained(FuzzJob(source))
    defer { job.release() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, 8 << 20)
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let rc = pthread_create(&thread, &attr, { raw in
        checkOneInput(Unmanaged<FuzzJob>.fromOpaque(raw!).takeUnretainedValue().source)
        return nil
    }, job.toOpaque())
    guard rc == 0 else {
        checkOneInput(source)
        return 0
    }
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    return 0
}

/// Parses, checks the contract, dumps, and runs the literal functions over the input.
private func checkOneInput(_ source: [UInt8]) {
    let size = source.count
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
}
