import Foundation
import Testing
@testable import PythonSyntax

/// Every `Fixtures/parser/*.py` against its `.dump` golden, recorded with CPython 3.13's
/// `ast_dump.py` (run in that folder, so the header holds the bare file name):
/// valid files must match byte for byte; for files CPython rejects, ours must report an error on
/// the same line (a golden line of `None`, CPython's null-byte error, accepts any line).
@Suite struct FixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parser")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test func fixturesExist() {
        #expect(Self.names.count >= 70)
        for name in Self.names {
            let golden = Self.directory.appendingPathComponent(String(name.dropLast(3)) + ".dump")
            #expect(FileManager.default.fileExists(atPath: golden.path), "missing golden for \(name)")
        }
    }

    @Test(arguments: names) func fixtureMatchesCPython(_ name: String) throws {
        let source = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let golden = try String(contentsOf: Self.directory.appendingPathComponent(String(name.dropLast(3)) + ".dump"), encoding: .utf8)
        let result = PythonParser.parse(source)
        let ours = ASTDump.dump(result, path: name)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        if goldenLines.count > 1 && goldenLines[1].hasPrefix("SyntaxError ") {
            let position = goldenLines[1].split(separator: " ")[1]
            let expectedLine = position.split(separator: ":")[0]
            let error = try #require(result.errors.first, "CPython rejects \(name) but we accept it")
            if expectedLine != "None" {
                #expect(String(error.line) == expectedLine, "\(name): \(error.message)")
            }
            #expect(error.offset >= 0 && error.offset <= source.count)
        } else {
            #expect(result.errors.isEmpty, "\(name): \(result.errors.first?.message ?? "")")
            #expect(ours == golden, "dump of \(name) differs from CPython's")
        }
    }
}
