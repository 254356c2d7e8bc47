import Dispatch
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

    @Test(.enabled(if: corpus != nil)) func corpusMatchesCPython() async throws {
        // The work blocks (files, CPython subprocesses): keep it off Swift's cooperative pool.
        let (matching, total) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int, Int), any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.compareCorpus() })
            }
        }
        #expect(total > 0)
        #expect(matching == total)
    }

    /// Compares every file; returns (matching, total) and prints the first differences.
    static func compareCorpus() throws -> (Int, Int) {
        let root = URL(fileURLWithPath: Self.corpus!).standardizedFileURL
        let parent = root.deletingLastPathComponent()
        let dumps = URL(fileURLWithPath: root.path + ".dumps")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let rel = enumerator?.nextObject() as? String { if rel.hasSuffix(".py") { files.append(rel) } }
        files.sort()
        func golden(_ rel: String) -> URL { dumps.appendingPathComponent(rel.replacingOccurrences(of: "/", with: "_")) }
        let missing = files.filter { !FileManager.default.fileExists(atPath: golden($0).path) }
        for start in stride(from: 0, to: missing.count, by: 100) {
            let chunk = Array(missing[start..<min(start + 100, missing.count)])
            try record(parent: parent, files: chunk.map { root.lastPathComponent + "/" + $0 }, to: chunk.map(golden))
        }
        var matching = 0
        var mismatches: [String] = []
        for rel in files {
            let argPath = (root.path.hasPrefix(FileManager.default.currentDirectoryPath + "/")
                ? String(root.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : root.path) + "/" + rel
            let expected = try String(contentsOf: golden(rel), encoding: .utf8)
            let source = try [UInt8](Data(contentsOf: root.appendingPathComponent(rel)))
            let header = String(expected.prefix { $0 != "\n" }.dropFirst(3))
            let ours = ASTDump.dump(PythonParser.parse(source), path: header.isEmpty ? argPath : header)
            if ours == expected { matching += 1 } else { mismatches.append(rel) }
        }
        print("corpus differential: \(matching)/\(files.count) files match CPython 3.13")
        for m in mismatches.prefix(20) { print("  differs: \(m)") }
        return (matching, files.count)
    }

    /// `ast_dump.py` from `shared/corpus` beside the repository (found from this source file).
    static var astDumpScript: String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/ast_dump.py").path
    }

    /// Records CPython's dumps of `files` (one interpreter for the chunk), split at the `== PATH` headers.
    static func record(parent: URL, files: [String], to goldens: [URL]) throws {
        let python = ProcessInfo.processInfo.environment["BATCHFIX_PYTHON"]
            ?? ProcessInfo.processInfo.environment["BATCHFIX_PYTHON313"]
            ?? (NSHomeDirectory() + "/.pyenv/versions/3.13.0/bin/python3")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [astDumpScript] + files
        process.currentDirectoryURL = parent
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        // Each file's dump starts with a line `== PATH`; no other line of a dump starts with "== ".
        var pieces: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("== "), !current.isEmpty { pieces.append(current); current = "" }
            current += line + "\n"
        }
        if !current.isEmpty { pieces.append(current) }
        guard pieces.count == files.count else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "ast_dump.py gave \(pieces.count) dumps for \(files.count) files"])
        }
        for (piece, golden) in zip(pieces, goldens) { try Data(piece.utf8).write(to: golden) }
    }
}
