import BatchFixCore
import BatchFixPython
import Foundation
import Testing

/// RELIABILITY T07: a file with a syntax error gets no findings and no fix; an issue pointing at it
/// (from another tool's report) fails with the file, line and column, and the file is untouched.
@Suite("Python pack on input that does not parse (T07)")
struct InvalidInputTests {
    static let broken = "import os\nimport sys   \ndef f(:\n    pass\n"

    @Test("no findings, no edits, a clear failure for an outside issue")
    func syntaxErrorLeavesFileAlone() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-invalid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let file = base.appendingPathComponent("bad.py")
        try Data(Self.broken.utf8).write(to: file)
        let root = try ProjectRoot(resolving: base.path)
        let workspace = Workspace(root: root, settings: WorkspaceSettings(durability: .renameOnly))
        let path = try ProjectPath("bad.py")

        let (found, _) = await Analyzer(checks: PythonPack.checks()).analyze([path], in: workspace, jobs: 1)
        #expect(found.isEmpty, "findings in a file that does not parse: \(found.map(\.message))")

        let outside = BatchFixCore.Issue(id: "1", kind: .importError, severity: .low, message: "`os` imported but unused",
                            location: SourceLocation(file: "bad.py", line: 1, column: 8),
                            rule: RuleCode(tool: "ruff", code: "F401"), details: ["name": "os"], source: "ruff")
        let report = await BatchProcessor(registry: try PythonPack.registry(), validators: PythonPack.validators(), options: BatchOptions(jobs: 1))
            .run([outside], in: workspace)
        #expect(report.fixed == 0)
        #expect(report.failed + report.skipped == 1)
        let reason = report.results.first?.reason ?? ""
        #expect(reason.contains("bad.py") && reason.contains(":3:"), "reason should name the file and line: \(reason)")
        #expect(try Data(contentsOf: file) == Data(Self.broken.utf8), "the file changed")
    }
}
