import BatchFixCore
import BatchFixPython
import Foundation
import Testing

/// RELIABILITY U22 end to end: fix F401 over a copy of the CPython 3.11 standard library, then check
/// that every module that imported before still imports.
///
/// ruff's safe F401 fix breaks hundreds of stdlib modules (it removes re-exports other modules import
/// by name, e.g. `MAXGROUPS` from `re/_constants.py`); ours must break none.
///
/// Optional: set `BATCHFIX_CORPUS_311` to a corpus made by
/// `/work/shared/corpus/make-stdlib-corpus.sh DEST` (and `BATCHFIX_PYTHON` to the interpreter,
/// default `python3`, which should be a 3.11). Imports run with `python3 -B -s -X frozen_modules=off`
/// and `PYTHONPATH` set to the corpus, so the copy comes first on `sys.path`, one subprocess per
/// batch of modules.
@Suite("Stdlib F401 end to end (U22)")
struct StdlibImportTests {
    static let corpus = ProcessInfo.processInfo.environment["BATCHFIX_CORPUS_311"]

    /// Modules never imported: they act on import (open a browser, print, start a GUI or demo).
    static let sideEffectModules: Set<String> = ["antigravity", "this", "idlelib", "turtledemo", "tkinter", "turtle"]

    @Test("every module that imported before the F401 fix still imports",
          .enabled(if: corpus != nil, "set BATCHFIX_CORPUS_311 to a corpus from /work/shared/corpus/make-stdlib-corpus.sh DEST to run this test"))
    func stdlibStillImports() async throws {
        let source = URL(fileURLWithPath: Self.corpus!).standardizedFileURL
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-stdlib-\(UUID().uuidString)")
        let copy = base.appendingPathComponent("stdlib")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.copyItem(at: source, to: copy)

        let files = Self.pythonFiles(under: copy)
        try #require(files.count > 100, "the corpus at \(source.path) holds only \(files.count) .py files")
        let modules = files.compactMap(Self.moduleName)

        // Fix F401 over the whole copy, as `batchfix fix --select F401` would.
        let workspace = Workspace(root: try ProjectRoot(resolving: copy.path), settings: WorkspaceSettings(durability: .renameOnly))
        let paths = try files.map { try ProjectPath($0) }
        let analyzer = Analyzer(checks: PythonPack.checks(), isEnabled: { $0 == "F401" })
        let (issues, _) = await analyzer.analyze(paths, in: workspace, jobs: 2)
        let processor = BatchProcessor(registry: try PythonPack.registry(), validators: PythonPack.validators(), options: BatchOptions(jobs: 2))
        let report = await processor.run(issues, in: workspace)
        #expect(report.fixed + report.failed + report.skipped == report.total)
        #expect(report.writeErrors.isEmpty, "write errors: \(report.writeErrors)")
        #expect(report.fixed > 0, "nothing was fixed in \(files.count) files: the test would prove nothing")

        let before = try Self.importable(modules, root: source)
        let after = try Self.importable(modules, root: copy)
        #expect(before.count > modules.count / 2, "only \(before.count) of \(modules.count) modules import from the original corpus: wrong interpreter?")
        let broken = before.subtracting(after).sorted()
        #expect(broken.isEmpty, "\(broken.count) module(s) imported before the fix and not after (\(report.fixed) imports removed in \(report.filesWritten.count) files): \(broken.prefix(40).joined(separator: ", "))")
        print("stdlib U22: \(report.fixed) unused imports removed in \(report.filesWritten.count) of \(files.count) files; \(before.count) of \(modules.count) modules import before, \(after.count) after, \(broken.count) broken")
    }

    // MARK: - Helpers

    /// Project-relative paths of every `.py` file, sorted.
    static func pythonFiles(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".py") { found.append(path) }
        }
        return found.sorted()
    }

    /// `pkg/mod.py` → `pkg.mod`, `pkg/__init__.py` → `pkg`; nil for scripts and side-effect modules.
    static func moduleName(_ path: String) -> String? {
        var parts = path.dropLast(3).split(separator: "/").map(String.init)
        if parts.last == "__init__" { parts.removeLast() }
        guard let first = parts.first, !sideEffectModules.contains(first), !parts.contains("__main__") else { return nil }
        guard parts.allSatisfy({ part in
            part.first.map { $0 == "_" || $0.isLetter } == true && part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }) else { return nil }
        return parts.joined(separator: ".")
    }

    /// The modules of `modules` that import with `root` first on `sys.path`, in batches of 80 per process.
    static func importable(_ modules: [String], root: URL) throws -> Set<String> {
        let python = ProcessInfo.processInfo.environment["BATCHFIX_PYTHON"] ?? "python3"
        let script = """
        import importlib, sys, warnings
        warnings.simplefilter("ignore")
        for name in sys.stdin.read().split():
            try:
                importlib.import_module(name)
            except BaseException:
                continue
            print("OK", name, flush=True)
        """
        var ok: Set<String> = []
        let batchSize = 80
        for start in stride(from: 0, to: modules.count, by: batchSize) {
            let batch = modules[start..<min(start + batchSize, modules.count)]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python, "-B", "-s", "-X", "frozen_modules=off", "-c", script]
            var environment = ProcessInfo.processInfo.environment
            environment["PYTHONPATH"] = root.path
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            environment.removeValue(forKey: "PYTHONHOME")
            process.environment = environment
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.currentDirectoryURL = root
            try process.run()
            input.fileHandleForWriting.write(Data(batch.joined(separator: "\n").utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("OK ") {
                ok.insert(String(line.dropFirst(3)))
            }
        }
        return ok
    }
}
