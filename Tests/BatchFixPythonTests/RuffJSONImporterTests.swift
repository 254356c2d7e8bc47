import Foundation
import BatchFixCore
import Testing
@testable import BatchFixPython

@Suite("Ruff JSON importer")
struct RuffJSONImporterTests {
    let context = ImportContext(root: "/tmp/bfproj/")

    func load(_ name: String) throws -> [BFIssue] {
        let report = ToolReport(path: name, bytes: try fixtureBytes(name))
        return try IssueImporters.importIssues(from: report, in: context)
    }

    @Test func detectsRuffReportsByShape() throws {
        let report = ToolReport(path: "r.json", bytes: try fixtureBytes("ruff-report.json"))
        #expect(IssueImporters.detect(report)?.format == "ruff")
        #expect(IssueImporters.detect(ToolReport(path: "e.json", bytes: [UInt8]("[]")))?.format == "ruff")
        #expect(IssueImporters.detect(ToolReport(path: "o.json", bytes: [UInt8](#"{"results": []}"#))) == nil)
        #expect(IssueImporters.detect(ToolReport(path: "x.json", bytes: [UInt8](#"[{"file": "a.py", "line": 1}]"#))) == nil)
        #expect(IssueImporters.detect(ToolReport(path: "t.txt", bytes: [UInt8]("FAILED test_a.py::test_x"))) == nil)
    }

    @Test func readsEveryDiagnosticInOrder() throws {
        let issues = try load("ruff-report.json")
        #expect(issues.count == 24)
        #expect(issues.map(\.id) == (1...24).map { "ruff-\($0)" })
        #expect(issues.allSatisfy { $0.source == "ruff.json" })
        let first = issues[2]
        #expect(first.rule == RuleCode(tool: "ruff", code: "F401"))
        #expect(first.kind == .importError)
        #expect(first.message == "`os` imported but unused")
        #expect(first.location == SourceLocation(file: "a.py", line: 1, column: 8, endLine: 1, endColumn: 10))
        #expect(first.details["fix_applicability"] == "safe")
        #expect(first.details["fix_message"] == "Remove unused import: `os`")
        #expect(first.details["noqa_row"] == "1")
        #expect(first.details["url"] == "https://docs.astral.sh/ruff/rules/unused-import")
        #expect(first.details["name"] == "unused-import")
        let edits = try #require(RuffEdit.edits(of: first))
        #expect(edits == [RuffEdit(content: "", start: (1, 1), end: (2, 1))])
    }

    @Test func keepsFixContentAndNestedPaths() throws {
        let issues = try load("ruff-report.json")
        let isort = try #require(issues.first { $0.rule?.code == "I001" && $0.location.file == "a.py" })
        let edits = try #require(RuffEdit.edits(of: isort))
        #expect(edits.count == 1)
        #expect(edits[0].content == "import os\nimport re\nimport sys\nfrom typing import List  # noqa\n\n")
        let nested = issues.filter { $0.location.file == "pkg/uni.py" }
        #expect(nested.count == 12)
        let unused = try #require(nested.first { $0.rule?.code == "F401" })
        // `s = "héllo"; import os`: ruff counts characters, so `os` is at column 21 (byte offset 21).
        #expect(unused.location.column == 21)
        let line: [UInt8] = [UInt8]("s = \"héllo\"; import os\n")
        let offset = try #require(LineIndex(line).offset(line: 1, column: 21, in: line))
        #expect(Array(line[offset..<offset + 2]) == [UInt8]("os"))
    }

    @Test func mapsKindsAsDocumented() throws {
        let issues = try load("ruff-report.json")
        var kinds: [String: IssueKind] = [:]
        for issue in issues { kinds[issue.rule!.code] = issue.kind }
        #expect(kinds["F401"] == .importError)
        #expect(kinds["F841"] == .deadCode)
        #expect(kinds["D100"] == .documentation)
        #expect(kinds["I001"] == .formatting)
        #expect(kinds["E401"] == .formatting)
        #expect(kinds["W291"] == .formatting)
        #expect(kinds["S602"] == .security)
        #expect(kinds["ANN201"] == .typeError)
        #expect(kinds["SIM102"] == .warning)
        #expect(kinds["syntax-error"] == .warning)
    }

    @Test(arguments: [
        ("F401", IssueKind.importError), ("F403", .importError), ("F811", .deadCode), ("F841", .deadCode),
        ("F821", .warning), ("C901", .complexity), ("C416", .warning), ("S101", .security), ("SIM102", .warning),
        ("SLF001", .warning), ("E501", .formatting), ("ERA001", .warning), ("EM101", .warning), ("W291", .formatting),
        ("I001", .formatting), ("INP001", .warning), ("D203", .documentation), ("DJ001", .warning), ("ANN001", .typeError),
        ("TC003", .typeError), ("TCH001", .typeError), ("UP035", .warning), ("PLR0913", .warning), ("E902", .warning),
    ])
    func kindTable(code: String, kind: IssueKind) {
        #expect(RuffRuleKind.kind(of: code) == kind)
    }

    @Test func severities() {
        #expect(RuffRuleKind.severity(of: "S602") == .high)
        #expect(RuffRuleKind.severity(of: "F821") == .high)
        #expect(RuffRuleKind.severity(of: "E501") == .low)
        #expect(RuffRuleKind.severity(of: "F401") == .medium)
        #expect(RuffRuleKind.severity(of: "SIM102") == .medium)
    }

    @Test func syntaxErrorsBecomeWarningsInBothSpellings() throws {
        let modern = try load("ruff-report.json").filter { $0.location.file == "bad.py" }
        #expect(modern.count == 2)
        #expect(modern.allSatisfy { $0.kind == .warning && $0.severity == .high && $0.rule?.code == "syntax-error" })
        #expect(modern[0].details["syntax_error"] == "true")
        let legacy = try load("ruff-report-legacy.json")
        #expect(legacy.count == 2)
        #expect(legacy[0].rule == RuleCode(tool: "ruff", code: "syntax-error"))
        #expect(legacy[0].kind == .warning)
        #expect(legacy[0].location == SourceLocation(file: "bad.py", line: 2, column: 5, endLine: 2, endColumn: 6))
        #expect(legacy[1].details["fix_applicability"] == "Automatic")
    }

    @Test func emptyReportGivesNoIssues() throws {
        let issues = try IssueImporters.importIssues(from: ToolReport(path: "r.json", bytes: [UInt8]("[]\n")), in: context)
        #expect(issues.isEmpty)
    }

    @Test func resolvedRootSpellingIsAccepted() throws {
        let report = ToolReport(path: "r.json", bytes: [UInt8](#"[{"code":"F401","message":"m","filename":"/real/p/x.py","location":{"row":1,"column":1}}]"#))
        let issues = try IssueImporters.importIssues(from: report, in: ImportContext(root: "/link/p", resolvedRoot: "/real/p"))
        #expect(issues.first?.location.file == "x.py")
        #expect(issues.first?.location.endLine == nil)
    }

    // MARK: - Errors: one line, naming report and line

    func importError(_ json: String) -> BatchFixError? {
        do {
            _ = try IssueImporters.importIssues(from: ToolReport(path: "report.json", bytes: [UInt8](json)), format: "ruff", in: context)
            return nil
        } catch {
            return error
        }
    }

    @Test func fileOutsideRootIsAnErrorNamingIt() {
        let error = importError("[\n{\"code\":\"F401\",\"message\":\"m\",\n\"filename\":\"/etc/passwd.py\",\"location\":{\"row\":1,\"column\":1}}]")
        #expect(error == .malformedInput(path: "report.json", line: 2, reason: "diagnostic #1: file \"/etc/passwd.py\" is outside the project root /tmp/bfproj"))
        #expect(error?.description.contains("/etc/passwd.py") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func siblingDirectoryWithSamePrefixIsOutside() {
        let error = importError(#"[{"code":"F401","message":"m","filename":"/tmp/bfproj2/a.py","location":{"row":1,"column":1}}]"#)
        #expect(error?.description.contains("outside the project root") == true)
    }

    @Test func dotDotInFilenameIsRefused() {
        let error = importError(#"[{"code":"F401","message":"m","filename":"/tmp/bfproj/../x.py","location":{"row":1,"column":1}}]"#)
        #expect(error == .malformedInput(path: "report.json", line: 1, reason: "file \"/tmp/bfproj/../x.py\": contains '..'"))
    }

    @Test(arguments: [
        ("[{\"code\": \"F401\",\n \"message\": 3}]", 2, "diagnostic #1: `message` must be a string, found number"),
        ("[{\"code\": \"F401\", \"message\": \"m\", \"filename\": \"/tmp/bfproj/a.py\"}]", 1, "diagnostic #1: missing `location`"),
        ("[{\"code\": \"F401\", \"message\": \"m\", \"filename\": \"/tmp/bfproj/a.py\",\n\"location\": {\"row\": 0, \"column\": 1}}]", 2, "diagnostic #1: `location.row` must be an integer ≥ 1"),
        ("[{\"code\": \"F401\", \"message\": \"m\", \"filename\": \"/tmp/bfproj/a.py\", \"location\": {\"row\": 1}}]", 1, "diagnostic #1: `location` has no `column`"),
        ("[1]", 1, "diagnostic #1: expected an object, found number"),
        ("{\"a\": 1}", 1, "expected a JSON array of ruff diagnostics, found object"),
        ("[{\"code\": \"F401\",\n\n \"message\": \"m\"", 3, "unterminated object (opened on line 1)"),
        ("[{\"code\": \"F401\" \"message\": 1}]", 1, "expected ',' or '}' in object, found '\"'"),
        ("", 1, "empty document, expected JSON"),
        ("[1,]", 1, "unexpected ']', expected a value"),
        ("[\"a\\q\"]", 1, "invalid escape '\\q' in string"),
        ("[] x", 1, "unexpected 'x' after the JSON value"),
        ("[{\"code\": \"F401\", \"message\": \"m\", \"filename\": \"/tmp/bfproj/a.py\", \"location\": {\"row\": 1, \"column\": 1},\n \"fix\": {\"edits\": [{\"content\": 1}]}}]", 2, "diagnostic #1 edit: `content` must be a string, found number"),
    ])
    func malformedInputIsOneClearLine(json: String, line: Int, reason: String) {
        let error = importError(json)
        #expect(error == .malformedInput(path: "report.json", line: line, reason: reason))
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let json = String(repeating: "[", count: 100_000)
        let error = importError(json)
        #expect(error?.description.contains("nesting deeper than") == true)
    }

    @Test func unknownFormatIsReported() {
        do {
            _ = try IssueImporters.importIssues(from: ToolReport(path: "r.json", bytes: [UInt8]("[]")), format: "pylint", in: context)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "r.json: unknown report format \"pylint\" (known: ruff)")
        }
    }
}

@Suite("JSON reader")
struct ReportJSONReaderTests {
    @Test func decodesEscapesAndUnicode() throws {
        let value = try ReportJSONReader.parse([UInt8](#"["a\"b\\\/\n\t\u00e9\ud83d\ude00", -1.5e3, 42, true, false, null]"#), path: "x")
        let items = try #require(value.arrayValue)
        #expect(items[0].stringValue == "a\"b\\/\n\té😀")
        #expect(items[1].doubleValue == -1500)
        #expect(items[1].intValue == nil)
        #expect(items[2].intValue == 42)
        #expect(items[3].boolValue == true)
        #expect(items[4].boolValue == false)
        #expect(items[5].isNull)
    }

    @Test func tracksLinesOfValues() throws {
        let value = try ReportJSONReader.parse([UInt8]("{\n\"a\":\n  [1,\n   2]}"), path: "x")
        #expect(value.line == 1)
        #expect(value["a"]?.line == 3)
        #expect(value["a"]?.arrayValue?[1].line == 4)
    }

    @Test func quoteRoundTrips() throws {
        let text = "tab\there \"q\" \\ \u{01} é\n"
        let parsed = try ReportJSONReader.parse([UInt8](ReportJSONReader.quote(text)), path: "x")
        #expect(parsed.stringValue == text)
    }

    @Test func rejectsLoneSurrogateAndRawNewline() {
        #expect(throws: BatchFixError.self) { try ReportJSONReader.parse([UInt8](#"["\ud800"]"#), path: "x") }
        #expect(throws: BatchFixError.self) { try ReportJSONReader.parse([UInt8]("[\"a\nb\"]"), path: "x") }
        #expect(throws: BatchFixError.self) { try ReportJSONReader.parse([UInt8]("[01]"), path: "x") }
    }
}

@Suite("Ruff positions")
struct RuffPositionTests {
    func apply(_ edits: [RuffEdit], to text: String) throws -> String {
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8](text), version: 0)
        var bytes = document.bytes
        let textEdits = try edits.map { try #require($0.textEdit(in: document)) }.sorted { $0.range.start > $1.range.start }
        for edit in textEdits { bytes.replaceSubrange(edit.range.asRange, with: edit.replacement) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ruff's own F401 fix (recorded in ruff-report.json) applied through our conversion gives ruff's result.
    @Test func appliesRuffsFixEdits() throws {
        let report = ToolReport(path: "r.json", bytes: try fixtureBytes("ruff-report.json"))
        let issues = try IssueImporters.importIssues(from: report, in: ImportContext(root: "/tmp/bfproj"))
        let unused = try #require(issues.first { $0.rule?.code == "F401" && $0.location.file == "a.py" })
        let source = "import os\nimport sys, re\nfrom typing import List  # noqa\nx = 1  \n"
        #expect(try apply(try #require(RuffEdit.edits(of: unused)), to: source) == "import sys, re\nfrom typing import List  # noqa\nx = 1  \n")
    }

    @Test func bomShiftsFirstLineColumns() throws {
        // ruff reports W291 in "\u{FEFF}x = 1  \n" at columns 6..8 (it does not count the BOM).
        let result = try apply([RuffEdit(content: "", start: (1, 6), end: (1, 8))], to: "\u{FEFF}x = 1  \ny = 2  \n")
        #expect(result == "\u{FEFF}x = 1\ny = 2  \n")
        let second = try apply([RuffEdit(content: "", start: (2, 6), end: (2, 8))], to: "\u{FEFF}x = 1  \ny = 2  \n")
        #expect(second == "\u{FEFF}x = 1  \ny = 2\n")
    }

    @Test func endOfFilePositionAndMultibyte() throws {
        #expect(try apply([RuffEdit(content: "", start: (2, 1), end: (4, 1))], to: "x = 1\n\n\n") == "x = 1\n")
        #expect(try apply([RuffEdit(content: "", start: (1, 12), end: (1, 14))], to: "s = 'héllo'  \n") == "s = 'héllo'\n")
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8]("x\n"), version: 0)
        #expect(RuffEdit(content: "", start: (5, 1), end: (5, 2)).textEdit(in: document) == nil)
    }
}

@Suite("Ruff JSON importer on a large report")
struct RuffLargeReportTests {
    /// Opt-in: `BATCHFIX_RUFF_REPORT=/path/report.json BATCHFIX_RUFF_ROOT=/abs/root swift test ...` imports a
    /// real report (e.g. `ruff check --select ALL --output-format json` over the stdlib corpus) whole.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BATCHFIX_RUFF_REPORT"] != nil))
    func importsAWholeReport() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment["BATCHFIX_RUFF_REPORT"])
        let root = try #require(environment["BATCHFIX_RUFF_ROOT"])
        let data = try #require(FileManager.default.contents(atPath: path))
        let clock = ContinuousClock()
        let start = clock.now
        let report = ToolReport(path: path, bytes: [UInt8](data))
        print("parsed in \(clock.now - start)")
        let issues = try IssueImporters.importIssues(from: report, in: ImportContext(root: root))
        let elapsed = clock.now - start
        print("imported \(issues.count) issues from \(data.count) bytes in \(elapsed)")
        #expect(issues.count == report.json?.arrayValue?.count)
        #expect(issues.allSatisfy { $0.location.line != nil && !$0.location.file.hasPrefix("/") })
    }
}
