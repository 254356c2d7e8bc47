import Foundation
import Testing

/// `batchfix fix` / `check` on the bundled demo project, end to end through the built binary.
@Suite struct FixEndToEndTests {
    @Test func checkFixCheckLeavesNothing() throws {
        let project = try TempProject(fixture: "demo-project")
        let before = try CLI.run(["check"], in: project.url)
        #expect(before.status == 1)
        #expect(before.stdout.contains("shop/cart.py:1:8: F401 `sys` imported but unused"))
        #expect(before.stdout.contains("shop/checkout.py:3:8: F811 Redefinition of unused `json` from line 1"))
        #expect(before.stdout.contains("shop/test_demo.py:3:16: W292 No newline at end of file"))

        let fix = try CLI.run(["fix"], in: project.url)
        #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
        #expect(fix.stdout.contains("Status: completed."))
        #expect(try project.read("shop/cart.py").hasPrefix("import json\nfrom decimal import Decimal\nfrom typing import Dict\n\n\nclass Cart:\n"))
        #expect(try project.read("shop/test_demo.py") == "def test_nothing():\n    assert True\n")

        let after = try CLI.run(["check"], in: project.url)
        #expect(after.status == 0)
        #expect(after.stdout == "No issues found.\n")
        // Idempotent: a second fix has nothing to do and writes nothing.
        let snapshot = try project.snapshot()
        let again = try CLI.run(["fix"], in: project.url)
        #expect(again.status == 0)
        #expect(try project.snapshot() == snapshot)
    }

    @Test func dryRunWithDiffWritesNothing() throws {
        let project = try TempProject(fixture: "demo-project")
        let snapshot = try project.snapshot()
        let run = try CLI.run(["fix", "--dry-run", "--diff"], in: project.url)
        #expect(run.status == 1)  // nothing was written, so the issues remain
        #expect(run.stdout.contains("--- a/shop/cart.py\n+++ b/shop/cart.py\n"))
        #expect(run.stdout.contains("-import sys\n"))
        #expect(run.stdout.contains("Dry run: nothing written."))
        #expect(try project.snapshot() == snapshot)
    }

    @Test func jsonReportAddsUp() throws {
        let project = try TempProject(fixture: "demo-project")
        let run = try CLI.run(["fix", "--format", "json", "--select", "F401"], in: project.url)
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let total = try #require(report["total"] as? Int)
        let fixed = report["fixed"] as? Int ?? -1
        let failed = report["failed"] as? Int ?? -1
        let skipped = report["skipped"] as? Int ?? -1
        #expect(total == 6)
        #expect(fixed + failed + skipped == total)
        #expect(report["status"] as? String == "completed")
        let results = try #require(report["results"] as? [[String: Any]])
        #expect(results.allSatisfy { ($0["issue"] as? [String: Any])?["rule"] as? String == "batchfix:F401" })
        #expect(results.allSatisfy { $0["verification"] as? String == "recheck" })
        // W291 was not selected: still there.
        #expect(try project.read("shop/cart.py").contains("class Cart:   \n"))
    }

    @Test func fixesARuffReport() throws {
        let project = try TempProject(fixture: "demo-project")
        let template = try String(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/demo-project-ruff.json"), encoding: .utf8)
        let root = URL(fileURLWithPath: project.url.path).resolvingSymlinksInPath().path
        try project.write("ruff.json", template.replacingOccurrences(of: "@ROOT@", with: root))
        let run = try CLI.run(["fix", "--issues", "ruff.json"], in: project.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Fixed 11 of 11 issues"))
        #expect(run.stdout.contains("shop/cart.py:1:8: F401 fixed"))
        let check = try CLI.run(["check", "--select", "F401,F811,W291,W293,W292"], in: project.url)
        #expect(check.stdout == "No issues found.\n")
    }

    @Test func aRuffIssueOurCheckCannotConfirmStays() throws {
        let project = try TempProject()
        // eval() in the file: BatchFix keeps module-level imports (RELIABILITY U21) where ruff would remove them.
        try project.write("a.py", "import os\nprint(eval('1'))\n")
        let root = URL(fileURLWithPath: project.url.path).resolvingSymlinksInPath().path
        try project.write("ruff.json", """
        [{"code": "F401", "message": "`os` imported but unused", "filename": "\(root)/a.py",
          "location": {"row": 1, "column": 8}, "end_location": {"row": 1, "column": 10}, "fix": null, "noqa_row": 1, "url": null}]
        """)
        let run = try CLI.run(["fix", "--issues", "ruff.json"], in: project.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("skipped"))
        #expect(run.stdout.contains("does not report F401"))
        #expect(try project.read("a.py") == "import os\nprint(eval('1'))\n")
    }

    @Test func syntaxErrorsAreReportedAndTheFileIsUntouched() throws {
        let project = try TempProject()
        try project.write("bad.py", "import os   \ndef f(:\n    pass\n")
        try project.write("issues.json", #"[{"kind": "formatting", "message": "ws", "file": "bad.py", "line": 1, "rule": "ruff:W291"}]"#)
        let run = try CLI.run(["fix", "--issues", "issues.json"], in: project.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("bad.py:2:"))
        #expect(run.stdout.contains("not fixed"))
        #expect(try project.read("bad.py") == "import os   \ndef f(:\n    pass\n")
    }

    @Test func configurationSelectsRules() throws {
        let project = try TempProject(fixture: "demo-project")
        try project.write("pyproject.toml", "[tool.batchfix]\nselect = [\"W\"]\nexclude = [\"shop/checkout.py\"]\n")
        let run = try CLI.run(["check"], in: project.url)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("F401"))
        #expect(run.stdout.contains("shop/cart.py:8:12: W291"))
        #expect(!run.stdout.contains("checkout.py"))
        try project.write("pyproject.toml", "[tool.batchfix]\nselect = \"W\"\n")
        let bad = try CLI.run(["check"], in: project.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("pyproject.toml"))
    }
}
