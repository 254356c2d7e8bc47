import Foundation
import Testing

/// `--issues FILE`: bad input gets one clear line and exit code 2; nothing is written.
@Suite struct IssueFileEndToEndTests {
    @Test func malformedIssueFileNamesFileAndLine() async throws {
        let project = try TempProject()
        try project.write("a.py", "import os\n")
        try project.write("issues.json", "[\n  {\"kind\": \"import_error\", \"message\": \"m\", \"file\": \"a.py\"},\n  {\"kind\": \"imports\", \"message\": \"m\", \"file\": \"a.py\"}\n]\n")
        let before = try project.snapshot()
        let run = try await CLI.run(["fix", "--issues", "issues.json"], in: project.url)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.contains("issues.json:3: issue 2: unknown kind \"imports\""))
        #expect(try project.snapshot() == before)
    }

    @Test func invalidJSONReportsLine() async throws {
        let project = try TempProject()
        try project.write("issues.json", "[\n{\"kind\": \"warning\",\n \"message\": \"m\" \"file\": \"a.py\"}]")
        let run = try await CLI.run(["check", "--issues", "issues.json"], in: project.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("issues.json:3: expected ',' or '}' in object"))
    }

    @Test func unsafePathsAreRefusedAndNothingOutsideIsTouched() async throws {
        let project = try TempProject()
        try project.write("inner/a.py", "x = 1\n")
        try project.write("outside.py", "secret = 1\n")
        let inner = project.url.appendingPathComponent("inner")
        try project.write("inner/issues.json", """
        {"version": 1, "issues": [
          {"kind": "formatting", "message": "m", "file": "../outside.py", "line": 1},
          {"kind": "formatting", "message": "m", "file": "/etc/passwd", "line": 1},
          {"kind": "formatting", "message": "m", "file": "~/x.py", "line": 1}
        ]}
        """)
        try FileManager.default.createDirectory(at: inner.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try project.write("inner/pyproject.toml", "[project]\nname = \"x\"\n")
        let run = try await CLI.run(["fix", "--issues", "issues.json", "--format", "json"], in: inner)
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["failed"] as? Int == 3)
        #expect(report["total"] as? Int == 3)
        #expect(run.stdout.contains("unsafe path: contains '..'"))
        #expect(run.stdout.contains("absolute paths are not allowed"))
        #expect(try project.read("outside.py") == "secret = 1\n")
    }

    @Test func unknownVersionIsRefused() async throws {
        let project = try TempProject()
        try project.write("issues.json", "{\"version\": 7, \"issues\": []}")
        let run = try await CLI.run(["fix", "--issues", "issues.json"], in: project.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unsupported issue file version 7"))
    }

    @Test func usageErrorsExitWithTwo() async throws {
        let project = try TempProject()
        let run = try await CLI.run(["fix", "--jobs", "0"], in: project.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jobs must be at least 1"))
    }
}
