import Foundation
import Testing

/// E501 and "would reformat" are handed to `ruff format`, once per batch, never once per issue.
@Suite struct FormatterEndToEndTests {
    /// The real ruff the test scripts install (`scripts/test.sh` exports it), if any.
    static let realRuff: String? = {
        if let path = ProcessInfo.processInfo.environment["BATCHFIX_RUFF"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let venv = repository.appendingPathComponent(".venv/bin/ruff").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    @Test(.enabled(if: realRuff != nil, "ruff is not installed (scripts/test.sh installs it into .venv)"))
    func longLinesAreReformattedWithOneRuffRun() async throws {
        let project = try TempProject()
        let long = "    return {\"alpha\": a, \"beta\": b, \"gamma\": c, \"delta\": [a, b, c], \"epsilon\": (a + b + c) * 2}\n"
        for name in ["a", "b", "c"] { try project.write("pkg/\(name).py", "def f(a, b, c):\n" + long) }
        try project.write("pkg/s.py", "y = \"" + String(repeating: "z", count: 100) + "\"\n")
        let issues = ["a", "b", "c", "s"].map { name in
            "{\"kind\": \"formatting\", \"message\": \"Line too long (94 > 88)\", \"file\": \"pkg/\(name).py\", \"line\": \(name == "s" ? 1 : 2), \"column\": 89, \"rule\": \"ruff:E501\"}"
        }
        try project.write("issues.json", "[" + issues.joined(separator: ",\n") + "]")
        // A ruff on PATH that logs each run, then runs the real one.
        let bin = project.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = project.url.appendingPathComponent("ruff-runs.log").path
        let wrapper = bin.appendingPathComponent("ruff")
        try "#!/bin/sh\necho \"$@\" >> '\(log)'\nexec '\(Self.realRuff!)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

        let run = try await CLI.run(["fix", "--issues", "issues.json"], in: project.url, environment: ["PATH": path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")  // the long string cannot be split
        #expect(run.stdout.contains("Fixed 3 of 4 issues"))
        #expect(run.stdout.contains("pkg/s.py:1:89: E501 skipped"))
        let runs = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(runs.count == 1, "ruff ran \(runs.count) times: \(runs)")
        for name in ["a", "b", "c"] {
            let text = try project.read("pkg/\(name).py")
            #expect(text.contains("        \"alpha\": a,\n"), "\(name): \(text)")
        }
    }

    @Test func withoutRuffTheIssueIsDeclinedWithTheReason() async throws {
        let project = try TempProject()
        try project.write("a.py", "x = \"" + String(repeating: "z", count: 100) + "\"\n")
        try project.write("issues.json", "[{\"kind\": \"formatting\", \"message\": \"Line too long (106 > 88)\", \"file\": \"a.py\", \"line\": 1, \"column\": 89, \"rule\": \"ruff:E501\"}]")
        let run = try await CLI.run(["fix", "--issues", "issues.json"], in: project.url, environment: ["PATH": "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("ruff is not on PATH"))
    }
}
