// Parser throughput harness (not a SwiftPM target: scripts/bench-parser.sh compiles it together
// with Sources/PythonSyntax/*.swift into one optimised binary).
//
// usage: parser-bench DIR [RUNS]
// Reads every *.py under DIR into memory first, then parses all of them RUNS times (default 5),
// one file after another on one thread, timing only the parse calls. The timed thread is a
// secondary thread (as in the CLI's async command and the batch processor's tasks); the same runs
// on the main thread are printed too (they once differed ~1.8x, while the parser's stack check
// read /proc/self/maps on every main-thread parse; the parser now caches that per thread).
// Prints one line per run and summary lines:
//   median_mbps=<MB/s> files=<n> bytes=<n> error_files=<n>          (secondary thread)
//   main_thread_median_mbps=<MB/s>
// With RUNS = 0 it parses everything once on a secondary thread, untimed (for peak memory).
import Foundation

/// Hands the benchmark body to a secondary thread and waits for it.
/// Safety of `@unchecked Sendable`: written by the worker before `signal()`, read by the caller
/// only after `wait()` returns; the semaphore orders the two accesses.
private final class WorkerBox: @unchecked Sendable {
    var lines: [String] = []
}

@main
enum ParserBenchMain {
    static func loadFiles(_ root: URL) -> [[UInt8]] {
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "py" { paths.append(url.path) }
        }
        return paths.sorted().compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    }

    /// Parses every file `runs` times; returns the per-run lines and the median MB/s.
    static func measure(_ files: [[UInt8]], runs: Int, tag: String) -> (lines: [String], median: Double, errorFiles: Int) {
        let totalBytes = files.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        var rates: [Double] = []
        var lines: [String] = []
        var errorFiles = 0
        var observed = 0
        for run in 1...max(runs, 1) {
            errorFiles = 0
            var elapsed = Duration.zero
            for f in files {
                let start = clock.now
                let r = PythonParser.parse(f)
                elapsed += clock.now - start
                if !r.errors.isEmpty { errorFiles += 1 }
                observed &+= r.tokens.count  // keep the result observable
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            rates.append(Double(totalBytes) / seconds / 1e6)
            lines.append(String(format: "%@ run %d: %.3f s, %.1f MB/s", tag, run, seconds, rates.last!))
        }
        if observed == -1 { lines.append("") }
        rates.sort()
        return (lines, rates[rates.count / 2], errorFiles)
    }

    static func main() {
        let args = CommandLine.arguments
        guard args.count >= 2, let runs = args.count > 2 ? Int(args[2]) : 5, runs >= 0 else {
            FileHandle.standardError.write(Data("usage: parser-bench DIR [RUNS]\n".utf8))
            exit(2)
        }
        let files = loadFiles(URL(fileURLWithPath: args[1]))
        let totalBytes = files.reduce(0) { $0 + $1.count }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("no .py files under \(args[1])\n".utf8))
            exit(2)
        }
        let box = WorkerBox()
        let done = DispatchSemaphore(value: 0)
        let worker = Thread {
            if runs == 0 {
                let errorFiles = files.reduce(0) { $0 + (PythonParser.parse($1).errors.isEmpty ? 0 : 1) }
                box.lines = ["files=\(files.count) bytes=\(totalBytes) error_files=\(errorFiles)"]
            } else {
                let m = measure(files, runs: runs, tag: "thread")
                box.lines = m.lines + [String(format: "median_mbps=%.2f files=%d bytes=%d error_files=%d", m.median, files.count, totalBytes, m.errorFiles)]
            }
            done.signal()
        }
        worker.stackSize = 8 << 20
        worker.start()
        done.wait()
        if runs == 0 {
            print(box.lines.joined(separator: "\n"))
            return
        }
        let main = measure(files, runs: runs, tag: "main")
        print((main.lines + box.lines).joined(separator: "\n"))
        print(String(format: "main_thread_median_mbps=%.2f", main.median))
    }
}
