// Parser throughput harness (not a SwiftPM target: scripts/bench-parser.sh compiles it together
// with Sources/PythonSyntax/*.swift into one optimised binary).
//
// usage: parser-bench DIR [RUNS]
// Reads every *.py under DIR into memory first, then parses all of them RUNS times (default 5) on
// this one thread, timing only the parse calls. Prints one line per run and a summary line:
//   median_mbps=<MB/s> files=<n> bytes=<n> error_files=<n>
// With RUNS = 0 it parses everything once without timing output (for peak-memory measurement).
import Foundation

@main
enum ParserBenchMain {
    static func main() {
        let args = CommandLine.arguments
        guard args.count >= 2 else {
            FileHandle.standardError.write(Data("usage: parser-bench DIR [RUNS]\n".utf8))
            exit(2)
        }
        let runs = args.count > 2 ? Int(args[2]) ?? 5 : 5
        let root = URL(fileURLWithPath: args[1])
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "py" { paths.append(url.path) }
        }
        paths.sort()
        let files: [[UInt8]] = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let totalBytes = files.reduce(0) { $0 + $1.count }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("no .py files under \(root.path)\n".utf8))
            exit(2)
        }

        var errorFiles = 0
        var nodes = 0
        if runs == 0 {
            for f in files {
                let r = PythonParser.parse(f)
                if !r.errors.isEmpty { errorFiles += 1 }
                nodes &+= r.tokens.count
            }
            print("files=\(files.count) bytes=\(totalBytes) error_files=\(errorFiles) tokens=\(nodes)")
            return
        }
        var rates: [Double] = []
        let clock = ContinuousClock()
        for run in 1...runs {
            errorFiles = 0
            var elapsed = Duration.zero
            for f in files {
                let start = clock.now
                let r = PythonParser.parse(f)
                elapsed += clock.now - start
                if !r.errors.isEmpty { errorFiles += 1 }
                nodes &+= r.tokens.count  // keep the result observable
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Double(totalBytes) / seconds / 1e6
            rates.append(rate)
            print(String(format: "run %d: %.3f s, %.1f MB/s", run, seconds, rate))
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print(String(format: "median_mbps=%.2f files=%d bytes=%d error_files=%d", median, files.count, totalBytes, errorFiles))
        if nodes == -1 { print(nodes) }
    }
}
