import Synchronization
import Testing
@testable import BatchFixCore

/// Test 4: when an earlier fix in the same file moves text (lines inserted or deleted above, text
/// inserted right at the issue's position, a multi-edit proposal), the next issue's `context.anchor`
/// still points at the text the tool reported, so its agent edits the right place.
@Suite struct AnchorTests {
    static let source = "import os\ndef f():\n    value = compute()\n    return value\n"

    /// Performs the operation named in `details["op"]` and records what the anchor pointed at.
    static func agent(_ seen: Locked<[String: String]>) -> ScriptedAgent {
        ScriptedAgent("Editor", kinds: [.formatting], log: CallLog()) { issue, context, _ in
            let document = context.document
            let bytes = document.bytes
            let text = Array((issue.details["text"] ?? "").utf8)
            guard let anchor = context.anchor else { return .failed(reason: "no anchor", retryable: false) }
            let identifier: TextRange = {
                var end = anchor.start
                while end < bytes.count, bytes[end] == UInt8(ascii: "_") || (bytes[end] | 0x20 >= UInt8(ascii: "a") && bytes[end] | 0x20 <= UInt8(ascii: "z")) { end += 1 }
                return TextRange(start: anchor.start, end: end)
            }()
            let line = lineContent(at: anchor.start, in: document)
            seen.withLock { $0[issue.id] = slice(document, anchor.isEmpty ? identifier : anchor) }
            let edits: [TextEdit]
            switch issue.details["op"] {
            case "insertTop": edits = [.insert(text, at: 0)]
            case "insertAbove": edits = [.insert(text, at: line.start)]
            case "insertAt": edits = [.insert(text, at: anchor.start)]
            case "deleteFirstLine": edits = [.delete(document.lines.fullRange(ofLine: 1)!)]
            case "renameAt": edits = [TextEdit(range: identifier, replacement: text)]
            case "replaceAnchor": edits = [TextEdit(range: anchor, replacement: text)]
            case "replaceLine": edits = [TextEdit(range: line, replacement: text)]
            case "appendToPrevious":
                let previous = document.lines.contentRange(ofLine: document.lines.line(containing: anchor.start), in: bytes)!
                edits = [.insert(text, at: previous.end)]
            case "multi":
                let def = document.lines.contentRange(ofLine: 2, in: bytes)!
                edits = [TextEdit(range: def, replacement: "def g(x):"), .insert(Array("import sys\n".utf8), at: 0)]
            default: return .failed(reason: "unknown op", retryable: false)
            }
            return .proposed(FixProposal(edits: [FileEdit(document, edits: edits)], summary: issue.details["op"]!))
        }
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        let name: String
        let first: Issue
        let second: Issue
        /// What the second issue's anchor must cover (the identifier at it for a point anchor).
        let anchored: String
        let result: String
        var testDescription: String { name }
    }

    static func issue(_ id: String, line: Int, column: Int? = nil, endColumn: Int? = nil, _ op: String, _ text: String = "") -> Issue {
        var issue = makeIssue(id, file: "a.py", line: line, column: column, details: ["op": op, "text": text])
        if let endColumn { issue.location.endLine = line; issue.location.endColumn = endColumn }
        return issue
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "lines inserted at the top",
                 first: issue("1", line: 1, "insertTop", "import sys\nimport re\n"),
                 second: issue("2", line: 3, column: 5, "renameAt", "result"),
                 anchored: "value",
                 result: "import sys\nimport re\nimport os\ndef f():\n    result = compute()\n    return value\n"),
        Scenario(name: "a line inserted right above the issue's line",
                 first: issue("1", line: 3, "insertAbove", "    # note\n"),
                 second: issue("2", line: 3, "replaceLine", "    value = compute() or 0"),
                 anchored: "    value = compute()",
                 result: "import os\ndef f():\n    # note\n    value = compute() or 0\n    return value\n"),
        Scenario(name: "text inserted exactly at the issue's column",
                 first: issue("1", line: 3, column: 5, "insertAt", "self."),
                 second: issue("2", line: 3, column: 5, "renameAt", "result"),
                 anchored: "value",
                 result: "import os\ndef f():\n    self.result = compute()\n    return value\n"),
        Scenario(name: "text inserted exactly at the end of the issue's range",
                 first: issue("1", line: 3, column: 10, "insertAt", "_x"),
                 second: issue("2", line: 3, column: 5, endColumn: 10, "replaceAnchor", "result"),
                 anchored: "value",
                 result: "import os\ndef f():\n    result_x = compute()\n    return value\n"),
        Scenario(name: "the first line deleted",
                 first: issue("1", line: 1, "deleteFirstLine"),
                 second: issue("2", line: 3, column: 13, "renameAt", "calculate"),
                 anchored: "compute",
                 result: "def f():\n    value = calculate()\n    return value\n"),
        Scenario(name: "an earlier edit on the same line shortens it",
                 first: issue("1", line: 3, column: 5, "renameAt", "v"),
                 second: issue("2", line: 3, column: 13, "renameAt", "calculate"),
                 anchored: "compute",
                 result: "import os\ndef f():\n    v = calculate()\n    return value\n"),
        Scenario(name: "text appended to the line above",
                 first: issue("1", line: 3, "appendToPrevious", "  # noqa"),
                 second: issue("2", line: 3, "replaceLine", "    value = 2"),
                 anchored: "    value = compute()",
                 result: "import os\ndef f():  # noqa\n    value = 2\n    return value\n"),
        Scenario(name: "the issue's line itself rewritten",
                 first: issue("1", line: 3, "replaceLine", "    value = compute(1)"),
                 second: issue("2", line: 3, "replaceLine", "    value = compute(2)"),
                 anchored: "    value = compute(1)",
                 result: "import os\ndef f():\n    value = compute(2)\n    return value\n"),
        Scenario(name: "one proposal with two edits above",
                 first: issue("1", line: 1, "multi"),
                 second: issue("2", line: 3, column: 5, "renameAt", "result"),
                 anchored: "value",
                 result: "import sys\nimport os\ndef g(x):\n    result = compute()\n    return value\n"),
    ]

    @Test(arguments: scenarios)
    func secondFixFindsItsTargetThroughTheFirst(_ scenario: Scenario) async throws {
        try await TempProject.with { project in
            try project.write("a.py", Self.source)
            let seen = Locked<[String: String]>([:])
            let processor = try makeProcessor([Self.agent(seen)])
            let issues = [scenario.first, scenario.second]
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            #expect(report.fixed == 2, "\(report.results.map(\.reason))")
            #expect(seen.withLock { $0["2"] } == scenario.anchored)
            #expect(project.text("a.py") == scenario.result)
        }
    }

    /// Tools count columns after the BOM (Python's tokenizer drops it); line 1's anchor must not cover
    /// the BOM, or a whole-line fix would delete it and an insertion at column 1 would go before it.
    @Test func anchorsOnTheFirstLineOfABOMFileStartAfterTheBOM() async throws {
        try await TempProject.with { project in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            try project.write("col.py", bom + Array("x = abc\ny = 2\n".utf8))
            try project.write("line.py", bom + Array("x = 1\ny = 2\n".utf8))
            try project.write("top.py", bom + Array("import os\n".utf8))
            let seen = Locked<[String: String]>([:])
            func issue(_ id: String, column: Int?, _ op: String, _ text: String) -> Issue {
                makeIssue(id, file: "\(id).py", line: 1, column: column, details: ["op": op, "text": text])
            }
            let issues = [
                issue("col", column: 5, "renameAt", "value"),
                issue("line", column: nil, "replaceAnchor", "x = 2"),
                issue("top", column: 1, "insertAt", "import sys\n"),
            ]
            let processor = try makeProcessor([Self.agent(seen)])
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            #expect(report.fixed == 3)
            #expect(seen.withLock { $0["col"] } == "abc", "column 5 counts from after the BOM")
            #expect(seen.withLock { $0["line"] } == "x = 1", "line 1 does not include the BOM")
            #expect(project.read("col.py") == bom + Array("x = value\ny = 2\n".utf8))
            #expect(project.read("line.py") == bom + Array("x = 2\ny = 2\n".utf8))
            #expect(project.read("top.py") == bom + Array("import sys\nimport os\n".utf8))
        }
    }

    @Test func anchorIsNilForLinesOutsideTheFileAndWholeFileIssues() async throws {
        try await TempProject.with { project in
            try project.write("a.py", Self.source)
            let anchors = Locked<[String: TextRange?]>([:])
            let agent = ScriptedAgent("Look", kinds: [.formatting], log: CallLog()) { issue, context, _ in
                anchors.withLock { $0[issue.id] = context.anchor }
                return .declined(reason: "only looking")
            }
            let issues = [
                makeIssue("past-end", file: "a.py", line: 40),
                makeIssue("whole-file", file: "a.py", line: nil),
                makeIssue("column-past-line", file: "a.py", line: 1, column: 30),
                makeIssue("line-2", file: "a.py", line: 2),
            ]
            let processor = try makeProcessor([agent])
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            anchors.withLock { seen in
                #expect(seen.count == 4)
                #expect(seen["past-end"]! == nil)
                #expect(seen["whole-file"]! == nil)
                #expect(seen["column-past-line"]! == nil)
                #expect(seen["line-2"]! == TextRange(start: 10, end: 18))
            }
        }
    }
}
