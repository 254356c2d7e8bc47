import BatchFixCore
import BatchFixPython
import Foundation
import Testing

/// RELIABILITY U22 in small: a module-level import that another project file reads from this module
/// is a re-export. It is still reported (F401 is a per-file rule) but not removed, and the result
/// names the file that reads it.
@Suite("F401 re-exports read by other files (U22)")
struct CrossFileReexportTests {
    /// Writes `files` into a fresh project, fixes F401 everywhere, returns the files after and the report.
    func fix(_ files: [String: String]) async throws -> (files: [String: String], report: BatchReport) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-xfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let root = try ProjectRoot(resolving: base.path)
        let workspace = Workspace(root: root, settings: WorkspaceSettings(durability: .renameOnly))
        let paths = try ProjectWalker(extensions: PythonPack.fileExtensions).files(in: root)
        let (issues, _) = await Analyzer(checks: PythonPack.checks(), isEnabled: { $0 == "F401" }).analyze(paths, in: workspace, jobs: 1)
        let report = await BatchProcessor(registry: try PythonPack.registry(), validators: PythonPack.validators(), options: BatchOptions(jobs: 1))
            .run(issues, in: workspace)
        var after: [String: String] = [:]
        for path in files.keys {
            after[path] = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
        }
        return (after, report)
    }

    static let module = "import shutil\nimport json\nfrom os import sep, getcwd, linesep\nfrom _ssl import _private\n"

    @Test("names read by other files stay; the rest go")
    func reexportsKept() async throws {
        let (files, report) = try await fix([
            "pkg/__init__.py": "",
            "pkg/mod.py": Self.module,
            "pkg/user.py": "from pkg.mod import sep\nprint(sep)\n",
            "tool.py": "import pkg.mod as m\nprint(m.shutil.which('x'))\n",
            "other.py": "from .mod import _private\nprint(_private)\n",
            "test_mod.py": "from unittest import mock\npatcher = mock.patch(\"pkg.mod.json.dumps\")\n",
        ])
        #expect(files["pkg/mod.py"] == "import shutil\nimport json\nfrom os import sep\nfrom _ssl import _private\n")
        #expect(report.fixed + report.failed + report.skipped == report.total)
        let declined = report.results.filter { $0.status != .fixed }.map(\.reason)
        #expect(declined.contains { $0.contains("`sep`") && $0.contains("pkg/user.py") }, "\(declined)")
        #expect(declined.contains { $0.contains("`shutil`") && $0.contains("tool.py") }, "\(declined)")
        #expect(declined.contains { $0.contains("`_private`") && $0.contains("other.py") }, "\(declined)")
        #expect(declined.contains { $0.contains("`json`") && $0.contains("test_mod.py") }, "\(declined)")
    }

    @Test("a star import of the module keeps its public names only")
    func starImportKeepsPublicNames() async throws {
        let (files, _) = try await fix([
            "mod.py": Self.module,
            "user.py": "from mod import *\nprint(sep)\n",
        ])
        #expect(files["mod.py"] == "import shutil\nimport json\nfrom os import sep, getcwd, linesep\n")
    }

    @Test("without readers elsewhere every unused import goes")
    func noReaders() async throws {
        let (files, report) = try await fix([
            "mod.py": Self.module,
            "user.py": "import mod\nprint(mod.__name__, sep)\n",
        ])
        #expect(files["mod.py"] == "")
        #expect(report.fixed == 6)
    }

    @Test("a new batch over the same root sees files changed since the last one")
    func indexIsPerBatch() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-xfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: base.appendingPathComponent(path)) }
        func batch() async throws -> String {
            let root = try ProjectRoot(resolving: base.path)
            let workspace = Workspace(root: root, settings: WorkspaceSettings(durability: .renameOnly))
            let paths = try ProjectWalker(extensions: PythonPack.fileExtensions).files(in: root)
            let (issues, _) = await Analyzer(checks: PythonPack.checks(), isEnabled: { $0 == "F401" }).analyze(paths, in: workspace, jobs: 1)
            _ = await BatchProcessor(registry: try PythonPack.registry(), validators: PythonPack.validators(), options: BatchOptions(jobs: 1))
                .run(issues, in: workspace)
            return try String(contentsOf: base.appendingPathComponent("mod.py"), encoding: .utf8)
        }
        try write("a_first.py", "x = 1\n")
        try write("mod.py", "import shutil\n")
        try write("user.py", "import mod\nprint(mod.shutil)\n")
        #expect(try await batch() == "import shutil\n")
        try write("user.py", "import mod\nprint(mod)\n")
        #expect(try await batch() == "")
    }

    @Test("imports inside functions are not module attributes: no search")
    func functionImportsIgnoreReaders() async throws {
        let (files, _) = try await fix([
            "mod.py": "def f():\n    import shutil\n    return 1\n",
            "user.py": "import mod\nprint(mod.shutil)\n",
        ])
        #expect(files["mod.py"] == "def f():\n    return 1\n")
    }
}
