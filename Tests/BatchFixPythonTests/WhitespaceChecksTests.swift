import BatchFixCore
import Foundation
import Testing
@testable import BatchFixPython

@Suite("Whitespace checks W291/W293/W292/W391 against ruff goldens")
struct WhitespaceChecksTests {
    static func sampleNames() throws -> [String] {
        let folder = try fixturesURL().appendingPathComponent("whitespace")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".py") }
            .map { String($0.dropLast(3)) }.sorted()
    }

    /// ruff's columns: 1-based characters, the BOM not counted (ruff strips it before it reads the file).
    static func position(_ offset: Int, in document: Document) -> [Int] {
        let (line, column) = document.lines.lineAndColumn(of: offset, in: document.bytes)
        return [line, column]  // LineIndex already counts line 1's columns after the BOM
    }

    struct Finding: Equatable, CustomStringConvertible {
        var code: String
        var start: [Int]
        var end: [Int]
        var fix: String?
        var description: String { "\(code) \(start)-\(end) \(fix ?? "no fix")" }
    }

    static func ours(_ document: Document) -> [Finding] {
        let checks: [any PythonCheck] = [TrailingWhitespaceCheck(), MissingFinalNewlineCheck(), TrailingBlankLinesCheck()]
        let diagnostics = checks.flatMap { $0.diagnostics(in: document) }
        return diagnostics.map { d in
            let edits = (d.fix ?? []).map { edit in
                "\(ReportJSONReader.quote(String(decoding: edit.replacement, as: UTF8.self)))@\(position(edit.range.start, in: document))-\(position(edit.range.end, in: document))"
            }
            return Finding(
                code: d.code, start: position(d.range.start, in: document), end: position(d.range.end, in: document),
                fix: d.fix == nil ? nil : (d.unsafeFix ? "unsafe " : "safe ") + edits.joined(separator: " ")
            )
        }.sorted { ($0.start[0], $0.start[1], $0.code) < ($1.start[0], $1.start[1], $1.code) }
    }

    static func ruff(_ json: ReportJSONValue) -> [Finding] {
        (json.arrayValue ?? []).map { item in
            let start = item["start"]!.arrayValue!.map { $0.intValue! }
            let end = item["end"]!.arrayValue!.map { $0.intValue! }
            var fix: String? = nil
            if let f = item["fix"], !f.isNull {
                let edits = f["edits"]!.arrayValue!.map { e in
                    "\(ReportJSONReader.quote(e["content"]!.stringValue!))@\(e["start"]!.arrayValue!.map { $0.intValue! })-\(e["end"]!.arrayValue!.map { $0.intValue! })"
                }
                fix = f["applicability"]!.stringValue! + " " + edits.joined(separator: " ")
            }
            return Finding(code: item["code"]!.stringValue!, start: start, end: end, fix: fix)
        }
    }

    /// Same findings, positions and fixes as ruff 0.17.6 (`scripts/ruff-whitespace-goldens.py`). In files
    /// that do not parse ruff offers no fix; we compare positions only there (BatchFix never fixes such files).
    @Test(arguments: try sampleNames())
    func matchesRuff(sample: String) throws {
        let bytes = try fixtureBytes("whitespace/\(sample).py")
        let document = Document(path: try ProjectPath("\(sample).py"), bytes: bytes, version: 0)
        var expected = Self.ruff(try ReportJSONReader.parse(try fixtureBytes("whitespace/\(sample).json"), path: sample))
        var found = Self.ours(document)
        if !document.python.errors.isEmpty {
            expected = expected.map { var f = $0; f.fix = nil; return f }
            found = found.map { var f = $0; f.fix = nil; return f }
        }
        #expect(found == expected)
    }

    @Test func enoughSamples() throws {
        #expect(try Self.sampleNames().count >= 30)
    }

    @Test func fixesApplyToTheExpectedText() throws {
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8]("x = 1  \r\n  \r\ny = 2\r\n\r\n\r\n"), version: 0)
        var bytes = document.bytes
        let checks: [any PythonCheck] = [TrailingWhitespaceCheck(), TrailingBlankLinesCheck()]
        let diagnostics: [Diagnostic] = checks.flatMap { $0.diagnostics(in: document) }
        let edits: [TextEdit] = diagnostics.flatMap { $0.fix ?? [] }.sorted { $0.range.start > $1.range.start }
        for edit in edits { bytes.replaceSubrange(edit.range.asRange, with: edit.replacement) }
        #expect(String(decoding: bytes, as: UTF8.self) == "x = 1\r\n\r\ny = 2\r\n")
    }

    @Test func blankTailCases() throws {
        func w391(_ text: String) throws -> TextRange? {
            let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8](text), version: 0)
            return TrailingBlankLinesCheck().diagnostics(in: document).first?.range
        }
        #expect(try w391("x = 1\n") == nil)
        #expect(try w391("x = 1") == nil)
        #expect(try w391("x = 1\n\n") == TextRange(start: 6, end: 7))
        #expect(try w391("# c  \n\n\n") == TextRange(start: 6, end: 8))
        #expect(try w391("x = 1\r\r") == TextRange(start: 6, end: 7))
        #expect(try w391("") == nil)
    }

    @Test func noqaOnTheClosingLineOfADocstringSuppresses() throws {
        let text = "def f():\n    \"\"\"Doc.  \n    \"\"\"  # noqa: W291\n"
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8](text), version: 0)
        #expect(TrailingWhitespaceCheck().diagnostics(in: document).isEmpty)
    }
}
