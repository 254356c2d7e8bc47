import Testing
@testable import BatchFixCore

/// Test 1: whatever agents do (throw, decline, fail, find nothing to do, propose no-ops, overlapping or
/// invalid edits), every issue gets exactly one result with the right status and reason, and
/// fixed + failed + skipped == total.
@Suite struct OutcomeCountingTests {
    /// One agent per behaviour, each routed by the rule code `t:<behaviour>`.
    static func agents(_ log: CallLog) -> [any Agent] {
        @Sendable func edit(_ context: FixContext, _ edits: [TextEdit], summary: String = "edit") -> AgentOutcome {
            .proposed(FixProposal(edits: [FileEdit(context.document, edits: edits)], summary: summary))
        }
        return [
            ScriptedAgent("Fix", log: log) { issue, context, _ in replaceAnchorLine(context, with: "fixed_\(issue.id) = 1", summary: "fixed \(issue.id)") },
            ScriptedAgent("FixRecheck", log: log, verify: { _, _, _ in .resolved }) { issue, context, _ in
                replaceAnchorLine(context, with: "rechecked_\(issue.id) = 1")
            },
            ScriptedAgent("StillThere", log: log, verify: { _, _, _ in .stillPresent("E999 still on line 1") }) { issue, context, _ in
                replaceAnchorLine(context, with: "still_\(issue.id) = 1")
            },
            ScriptedAgent("Throw", log: log) { _, _, _ in throw AgentError(description: "kaboom in agent") },
            ScriptedAgent("Decline", log: log) { _, _, _ in .declined(reason: "not my kind of import") },
            ScriptedAgent("Fail", log: log) { _, _, _ in .failed(reason: "cannot find the symbol", retryable: false) },
            ScriptedAgent("Nothing", log: log) { _, _, _ in .nothingToDo(reason: "import already gone") },
            ScriptedAgent("NoOp", log: log) { _, context, _ in
                let range = lineContent(at: context.anchor!.start, in: context.document)
                return edit(context, [TextEdit(range: range, replacement: Array(context.document.bytes[range.asRange]))])
            },
            ScriptedAgent("NoEdits", log: log) { _, _, _ in .proposed(FixProposal(edits: [], summary: "nothing really")) },
            ScriptedAgent("Overlap", log: log) { _, context, _ in
                let start = context.anchor!.start
                return edit(context, [TextEdit(range: TextRange(start: start, end: start + 4), replacement: "aaaa"),
                                      TextEdit(range: TextRange(start: start + 2, end: start + 6), replacement: "bb")])
            },
            ScriptedAgent("SamePoint", log: log) { _, context, _ in
                let start = context.anchor!.start
                return edit(context, [TextEdit.insert(Array("x".utf8), at: start), TextEdit.insert(Array("y".utf8), at: start)])
            },
            ScriptedAgent("OutOfBounds", log: log) { _, context, _ in
                let size = context.document.bytes.count
                return edit(context, [TextEdit(range: TextRange(start: size - 1, end: size + 10), replacement: "z")])
            },
            ScriptedAgent("Invalid", log: log) { _, context, _ in replaceAnchorLine(context, with: "x = SYNTAX_ERROR") },
            ScriptedAgent("Unsafe", log: log) { _, context, _ in
                guard case .proposed(var proposal) = replaceAnchorLine(context, with: "unsafe = 1") else { return .declined(reason: "?") }
                proposal.applicability = .unsafe
                return .proposed(proposal)
            },
            ScriptedAgent("Twice", log: log) { _, context, _ in
                let start = context.anchor!.start
                let first = FileEdit(context.document, edits: [TextEdit.insert(Array("p".utf8), at: start)])
                let second = FileEdit(context.document, edits: [TextEdit.insert(Array("q".utf8), at: start + 1)])
                return .proposed(FixProposal(edits: [first, second], summary: "twice"))
            },
        ]
    }

    static let rules: [String: [String]] = Dictionary(uniqueKeysWithValues: [
        "Fix", "FixRecheck", "StillThere", "Throw", "Decline", "Fail", "Nothing", "NoOp", "NoEdits", "Overlap",
        "SamePoint", "OutOfBounds", "Invalid", "Unsafe", "Twice",
    ].map { ("t:\($0)", [$0]) })

    /// What each issue must come out as: (id, file, line, rule, status, words the reason must contain).
    static let expectations: [(String, String, Int, String?, IssueResult.Status, [String])] = [
        ("fix1", "a.py", 1, "t:Fix", .fixed, ["fixed fix1"]),
        ("fix2", "b.py", 2, "t:Fix", .fixed, ["fixed fix2"]),
        ("recheck", "b.py", 3, "t:FixRecheck", .fixed, []),
        ("still", "a.py", 2, "t:StillThere", .failed, ["still reports", "E999"]),
        ("throw", "a.py", 3, "t:Throw", .failed, ["Throw threw", "kaboom in agent"]),
        ("decline", "a.py", 4, "t:Decline", .skipped, ["Decline declined", "not my kind of import"]),
        ("fail", "a.py", 5, "t:Fail", .failed, ["cannot find the symbol"]),
        ("nothing", "a.py", 6, "t:Nothing", .skipped, ["already resolved", "import already gone"]),
        ("noop", "a.py", 7, "t:NoOp", .failed, ["no-op"]),
        ("noedits", "a.py", 8, "t:NoEdits", .failed, ["no edits"]),
        ("overlap", "a.py", 9, "t:Overlap", .failed, ["overlapping"]),
        ("samepoint", "a.py", 10, "t:SamePoint", .failed, ["overlapping"]),
        ("bounds", "a.py", 11, "t:OutOfBounds", .failed, ["outside the file"]),
        ("invalid", "a.py", 12, "t:Invalid", .failed, ["would become invalid", "SYNTAX_ERROR"]),
        ("unsafe", "a.py", 13, "t:Unsafe", .skipped, ["unsafe"]),
        ("twice", "a.py", 14, "t:Twice", .failed, ["twice"]),
        ("unrouted", "a.py", 15, nil, .skipped, ["no agent handles kind security"]),
        ("badpath", "../a.py", 1, "t:Fix", .failed, ["unsafe path", ".."]),
        ("missing", "missing.py", 1, "t:Fix", .failed, ["missing.py"]),
        ("broken", "broken.py", 1, "t:Fix", .failed, ["broken.py", "not valid as it is"]),
    ]

    static func makeFiles(_ project: TempProject) throws {
        try project.write("a.py", (1...16).map { "line_\($0) = \($0)\n" }.joined())
        try project.write("b.py", "header = 0\nsecond = 2\nthird = 3\n")
        try project.write("broken.py", "ok = 1\nSYNTAX_ERROR here\n")
    }

    static var issues: [Issue] {
        expectations.map { id, file, line, rule, _, _ in
            makeIssue(id, file: file, line: line, kind: rule == nil ? .security : .formatting, rule: rule)
        }
    }

    @Test func everyOutcomeCountsOnceWithItsReason() async throws {
        try await TempProject.with { project in
            try Self.makeFiles(project)
            let log = CallLog()
            let processor = try makeProcessor(Self.agents(log), rules: Self.rules, validators: [MarkerValidator(marker: "SYNTAX_ERROR")])
            let issues = Self.issues
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)

            for (id, _, _, _, status, words) in Self.expectations {
                let result = try #require(report.result(id))
                #expect(result.status == status, "\(id): \(result.reason)")
                for word in words {
                    #expect(result.reason.contains(word), "\(id): reason \"\(result.reason)\" lacks \"\(word)\"")
                }
            }
            #expect(report.fixed == 3)
            #expect(report.failed == 13)
            #expect(report.skipped == 4)
            #expect(report.status == .partial)
            #expect(report.result("nothing")?.alreadyResolved == true)
            #expect(report.remaining == report.total - report.fixed - 1)
            #expect(report.result("recheck")?.verification == .recheck)
            #expect(report.result("fix1")?.verification == .syntaxOnly)
            #expect(report.result("fix1")?.files.map(\.value) == ["a.py"])
            // Agents were never asked about issues that failed before routing.
            #expect(log.count("Fix", "badpath") == 0)
            #expect(log.count("Fix", "missing") == 0)
            #expect(log.count("Fix", "broken") == 0)

            // Only the fixed issues changed bytes; every rejected proposal left no trace.
            var lines = (1...16).map { "line_\($0) = \($0)" }
            lines[0] = "fixed_fix1 = 1"
            #expect(project.text("a.py") == lines.joined(separator: "\n") + "\n")
            #expect(project.text("b.py") == "header = 0\nfixed_fix2 = 1\nrechecked_recheck = 1\n")
            #expect(project.text("broken.py") == "ok = 1\nSYNTAX_ERROR here\n")
            #expect(report.filesWritten.map(\.value) == ["a.py", "b.py"])
            #expect(report.writeErrors.isEmpty)

            let figures = Dictionary(uniqueKeysWithValues: report.agents.map { ($0.agent, $0) })
            #expect(figures["Fix"]?.fixed == 2)
            #expect(figures["Fix"]?.invocations == 2)
            #expect(figures["Throw"]?.failed == 1)
            #expect(figures["Decline"]?.declined == 1)
        }
    }

    @Test func streamedEventsCarryOneResultPerIssueThenTheReport() async throws {
        try await TempProject.with { project in
            try Self.makeFiles(project)
            let processor = try makeProcessor(Self.agents(CallLog()), rules: Self.rules, validators: [MarkerValidator(marker: "SYNTAX_ERROR")])
            let issues = Self.issues
            let run = processor.start(issues, in: try project.workspace())
            var streamed: [String] = []
            var written: [String] = []
            var finished: [BatchReport] = []
            for await event in run.events {
                switch event {
                case .result(let result): streamed.append(result.issue.id)
                case .fileWritten(let path): written.append(path.value)
                case .writeFailed(let path, let error): Testing.Issue.record("unexpected write failure \(path): \(error)")
                case .finished(let report): finished.append(report)
                }
            }
            #expect(streamed.sorted() == issues.map(\.id).sorted())
            let report = try #require(finished.count == 1 ? finished.first : nil)
            report.expectCountsAddUp(of: issues)
            #expect(written.sorted() == report.filesWritten.map(\.value))
            #expect(report.fixed == 3)
        }
    }

    @Test func emptyBatchIsEmpty() async throws {
        try await TempProject.with { project in
            let processor = try makeProcessor([])
            let report = await processor.run([], in: try project.workspace())
            #expect(report.status == .empty)
            #expect(report.total == 0)
        }
    }
}
