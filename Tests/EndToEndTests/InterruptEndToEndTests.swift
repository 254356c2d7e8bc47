import Foundation
import Testing

/// Ctrl-C on a running `batchfix fix`: the batch stops, verified fixes are written whole, the report
/// says it was interrupted, and every file is either as it was or fully fixed.
@Suite struct InterruptEndToEndTests {
    /// Early (during detection) and later (while fixing): either way nothing is half-done.
    @Test(arguments: [60_000, 400_000] as [UInt32])
    func sigintStopsCleanly(afterMicroseconds delay: UInt32) async throws {
        let project = try TempProject()
        let original = (0..<40).map { "x\($0) = \($0)   \n" }.joined()  // 40 lines with trailing whitespace
        let fixed = (0..<40).map { "x\($0) = \($0)\n" }.joined()
        for index in 0..<400 { try project.write("pkg\(index % 8)/m\(index).py", original) }

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["fix", "--select", "W291", "--jobs", "1", "--no-fsync"]
        process.currentDirectoryURL = project.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        let output: String = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                    usleep(delay)
                    process.interrupt()  // SIGINT
                    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    continuation.resume(returning: text)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }

        var untouched = 0
        var done = 0
        for (path, data) in try project.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text == original || text == fixed, "\(path) is neither old nor new")
            if text == original { untouched += 1 } else { done += 1 }
        }
        #expect(untouched + done == 400)
        if output.contains("Interrupted.") {
            #expect(process.terminationStatus == 1)
            #expect(untouched > 0)
            #expect(output.contains("interrupted before this issue was processed"))
        } else if process.terminationReason == .uncaughtSignal {
            // The signal came before batchfix installed its handler (process start-up): it died
            // before reading anything, and every file is as it was.
            #expect(done == 0)
        } else {
            // The batch finished before the signal arrived: then everything is fixed.
            #expect(done == 400)
        }
    }
}
