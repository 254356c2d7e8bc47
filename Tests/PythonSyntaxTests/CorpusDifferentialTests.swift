import Foundation
import Testing
@testable import PythonSyntax

/// Differential test over a corpus folder (the 3.13 stdlib: see `scripts/parser-differential.sh`),
/// run when `BATCHFIX_CORPUS` names the folder. CPython's dump of each file is read from
/// `<corpus>.dumps/` (file path with `/` turned into `_`), or recorded there first with the Python
/// in `BATCHFIX_PYTHON` (default: pyenv's 3.13.0). Paths are given to CPython relative to the
/// corpus's parent folder, exactly as the script does, so headers agree.
@Suite struct CorpusDifferentialTests {
    static let corpus = ProcessInfo.processInfo.environment["BATCHFIX_CORPUS"]

    @Test(.enabled(if: corpus != nil)) func corpusMatchesCPython() throws {
        let root = URL(fileURLWithPath: Self.corpus!).standardizedFileURL
        let parent = root.deletingLastPathComponent()
        let dumps = URL(fileURLWithPath: root.path + ".dumps")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let rel = enumerator?.nextObject() as? String { if rel.hasSuffix(".py") { files.append(rel) } }
        files.sort()
        #expect(!files.isEmpty)
        var matching = 0
        var mismatches: [String] = []
        for rel in files {
            let display = root.lastPathComponent + "/" + rel
            let argPath = (root.path.hasPrefix(FileManager.default.currentDirectoryPath + "/")
                ? String(root.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : root.path) + "/" + rel
            let golden = dumps.appendingPathComponent(rel.replacingOccurrences(of: "/", with: "_"))
            if !FileManager.default.fileExists(atPath: golden.path) {
                try record(parent: parent, file: display, to: golden)
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            let source = try [UInt8](Data(contentsOf: root.appendingPathComponent(rel)))
            let header = String(expected.prefix { $0 != "\n" }.dropFirst(3))
            let ours = ASTDump.dump(PythonParser.parse(source), path: header.isEmpty ? argPath : header)
            if ours == expected { matching += 1 } else { mismatches.append(rel) }
        }
        print("corpus differential: \(matching)/\(files.count) files match CPython 3.13")
        for m in mismatches.prefix(20) { print("  differs: \(m)") }
        #expect(matching == files.count)
    }

    func record(parent: URL, file: String, to golden: URL) throws {
        let python = ProcessInfo.processInfo.environment["BATCHFIX_PYTHON"]
            ?? (NSHomeDirectory() + "/.pyenv/versions/3.13.0/bin/python3")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["/work/shared/corpus/ast_dump.py", file]
        process.currentDirectoryURL = parent
        FileManager.default.createFile(atPath: golden.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: golden)
        try process.run()
        process.waitUntilExit()
    }
}
