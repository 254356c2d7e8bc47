import Testing
@testable import BatchFixCore

/// Test 3: retries re-run the agent (bounded by `maxRetries`, counted exactly), non-retryable failures
/// are not retried, declines and failures fall back to the next agent in routing order, rule routing
/// beats kind routing, and the confidence threshold applies to kind-routed agents only.
@Suite struct RoutingAndRetryTests {
    static let source = "alpha = 1\nbeta = 2\ngamma = 3\n"

    /// Runs `issues` on a fresh project holding `a.py` = `source`.
    static func run(_ agents: [any Agent], rules: [String: [String]] = [:], options: BatchOptions = BatchOptions(jobs: 2),
                    _ issues: [Issue]) async throws -> (BatchReport, String?) {
        try await TempProject.with { project in
            try project.write("a.py", source)
            let processor = try makeProcessor(agents, rules: rules, options: options)
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            return (report, project.text("a.py"))
        }
    }

    @Test func retryableFailureRunsTheAgentAgain() async throws {
        let log = CallLog()
        let flaky = ScriptedAgent("Flaky", kinds: [.formatting], log: log) { _, context, call in
            call == 1 ? .failed(reason: "index out of date", retryable: true) : replaceAnchorLine(context, with: "alpha = 10")
        }
        let (report, text) = try await Self.run([flaky], [makeIssue("i", file: "a.py", line: 1)])
        let result = try #require(report.result("i"))
        #expect(result.status == .fixed)
        #expect(result.attempts == 2)
        #expect(log.count("Flaky", "i") == 2)
        #expect(text == "alpha = 10\nbeta = 2\ngamma = 3\n")
    }

    @Test(arguments: [0, 1, 3])
    func retriesAreBoundedByMaxRetries(_ maxRetries: Int) async throws {
        let log = CallLog()
        let hopeless = ScriptedAgent("Hopeless", kinds: [.formatting], log: log) { _, _, call in
            .failed(reason: "still out of date (call \(call))", retryable: true)
        }
        let (report, text) = try await Self.run([hopeless], options: BatchOptions(jobs: 1, maxRetries: maxRetries),
                                                [makeIssue("i", file: "a.py", line: 1)])
        let result = try #require(report.result("i"))
        #expect(result.status == .failed)
        #expect(result.reason.contains("call \(maxRetries + 1)"), "the last call's reason is reported: \(result.reason)")
        #expect(log.count("Hopeless", "i") == maxRetries + 1)
        #expect(result.attempts == maxRetries + 1)
        #expect(text == Self.source)
    }

    @Test func staleProposalsAreRetriedThenFail() async throws {
        let log = CallLog()
        // Proposes edits on a version that is never current: every commit is stale.
        let stale = ScriptedAgent("Stale", kinds: [.formatting], log: log) { _, context, _ in
            let edit = FileEdit(path: context.document.path, baseVersion: context.document.version + 7,
                                edits: [TextEdit(range: TextRange(start: 0, end: 5), replacement: "ALPHA")])
            return .proposed(FixProposal(edits: [edit], summary: "stale"))
        }
        let (report, text) = try await Self.run([stale], options: BatchOptions(jobs: 1, maxRetries: 2), [makeIssue("i", file: "a.py")])
        let result = try #require(report.result("i"))
        #expect(result.status == .failed)
        #expect(result.reason.contains("stale"))
        #expect(log.count("Stale", "i") == 3)
        #expect(text == Self.source)
    }

    @Test func nonRetryableFailureIsNotRetried() async throws {
        let log = CallLog()
        let broken = ScriptedAgent("Broken", kinds: [.formatting], log: log) { _, _, _ in .failed(reason: "unsupported syntax", retryable: false) }
        let (report, _) = try await Self.run([broken], options: BatchOptions(maxRetries: 5), [makeIssue("i", file: "a.py")])
        #expect(report.result("i")?.status == .failed)
        #expect(log.count("Broken", "i") == 1)
    }

    @Test func declineAndFailureFallBackToTheNextAgentInOrder() async throws {
        let log = CallLog()
        let decliner = ScriptedAgent("Decliner", kinds: [.formatting], log: log) { _, _, _ in .declined(reason: "not mine") }
        let failer = ScriptedAgent("Failer", kinds: [.formatting], log: log) { _, _, _ in .failed(reason: "gave up", retryable: false) }
        let thrower = ScriptedAgent("Thrower", kinds: [.formatting], log: log) { _, _, _ in throw AgentError(description: "bang") }
        let fixer = ScriptedAgent("Fixer", kinds: [.formatting], log: log) { issue, context, _ in replaceAnchorLine(context, with: "\(issue.id) = 0") }
        let late = ScriptedAgent("Late", kinds: [.formatting], log: log) { _, _, _ in .declined(reason: "never asked") }
        let (report, text) = try await Self.run([decliner, failer, thrower, fixer, late], [makeIssue("i", file: "a.py", line: 2)])
        let result = try #require(report.result("i"))
        #expect(result.status == .fixed)
        #expect(result.agent == "Fixer")
        #expect(result.attempts == 4)
        for name in ["Decliner", "Failer", "Thrower", "Fixer"] { #expect(log.count(name, "i") == 1, "\(name)") }
        #expect(log.count("Late") == 0)
        #expect(text == "alpha = 1\ni = 0\ngamma = 3\n")
    }

    @Test func allAgentsDecliningIsSkippedAndAFailureAmongThemIsFailed() async throws {
        let log = CallLog()
        let first = ScriptedAgent("First", kinds: [.formatting], log: log) { _, _, _ in .declined(reason: "no A") }
        let second = ScriptedAgent("Second", kinds: [.formatting], log: log) { _, _, _ in .declined(reason: "no B") }
        let failing = ScriptedAgent("Failing", kinds: [.documentation], log: log) { _, _, _ in .failed(reason: "broke", retryable: false) }
        let third = ScriptedAgent("Third", kinds: [.documentation], log: log) { _, _, _ in .declined(reason: "no C") }
        let (report, _) = try await Self.run([first, second, failing, third], [
            makeIssue("declined", file: "a.py", kind: .formatting),
            makeIssue("failed", file: "a.py", kind: .documentation),
        ])
        let declined = try #require(report.result("declined"))
        #expect(declined.status == .skipped)
        #expect(declined.reason.contains("no A") && declined.reason.contains("no B"))
        let failed = try #require(report.result("failed"))
        #expect(failed.status == .failed)
        #expect(failed.agent == "Failing")
        #expect(failed.reason.contains("broke") && failed.reason.contains("no C"))
    }

    @Test func ruleRoutingBeatsKindRouting() async throws {
        let log = CallLog()
        let byKind = ScriptedAgent("ByKind", kinds: [.formatting], log: log) { _, context, _ in replaceAnchorLine(context, with: "kind = 1") }
        let byRule = ScriptedAgent("ByRule", log: log) { _, context, _ in replaceAnchorLine(context, with: "rule = 1") }
        let byBareCode = ScriptedAgent("ByBareCode", log: log) { _, context, _ in replaceAnchorLine(context, with: "bare = 1") }
        let issues = [
            makeIssue("ruled", file: "a.py", line: 1, rule: "ruff:E501"),
            makeIssue("bare", file: "a.py", line: 2, rule: "flake8:W291"),
            makeIssue("kinded", file: "a.py", line: 3, rule: "ruff:E999"),
        ]
        let (report, text) = try await Self.run([byKind, byRule, byBareCode], rules: ["ruff:E501": ["ByRule"], "W291": ["ByBareCode"]], issues)
        #expect(report.result("ruled")?.agent == "ByRule")
        #expect(report.result("bare")?.agent == "ByBareCode")
        #expect(report.result("kinded")?.agent == "ByKind")
        #expect(log.count("ByKind", "ruled") == 0)
        #expect(log.count("ByKind", "bare") == 0)
        #expect(text == "rule = 1\nbare = 1\nkind = 1\n")
    }

    @Test func ruleRoutedAgentFallsBackToKindRoutedOne() async throws {
        let log = CallLog()
        let byRule = ScriptedAgent("ByRule", log: log) { _, _, _ in .declined(reason: "cannot") }
        let byKind = ScriptedAgent("ByKind", kinds: [.formatting], log: log) { _, context, _ in replaceAnchorLine(context, with: "kind = 1") }
        let (report, _) = try await Self.run([byKind, byRule], rules: ["E501": ["ByRule"]], [makeIssue("i", file: "a.py", rule: "ruff:E501")])
        #expect(report.result("i")?.agent == "ByKind")
        #expect(log.count("ByRule", "i") == 1)
    }

    @Test func confidenceThresholdAppliesToKindRoutedAgents() async throws {
        let log = CallLog()
        let unsure = ScriptedAgent("Unsure", kinds: [.formatting], confidence: 0.69, log: log) { _, context, _ in replaceAnchorLine(context, with: "unsure = 1") }
        let atThreshold = ScriptedAgent("AtThreshold", kinds: [.formatting], confidence: 0.7, log: log) { issue, context, _ in
            replaceAnchorLine(context, with: "\(issue.id) = 0.7")
        }
        let lowButRuled = ScriptedAgent("LowButRuled", confidence: 0.1, log: log) { _, context, _ in replaceAnchorLine(context, with: "ruled = 0.1") }
        let onlyUnsure = ScriptedAgent("OnlyUnsure", kinds: [.documentation], confidence: 0.2, log: log) { _, _, _ in .declined(reason: "?") }
        let (report, text) = try await Self.run([unsure, atThreshold, lowButRuled, onlyUnsure], rules: ["X1": ["LowButRuled"]], [
            makeIssue("kind", file: "a.py", line: 1),
            makeIssue("ruled", file: "a.py", line: 2, rule: "t:X1"),
            makeIssue("nobody", file: "a.py", line: 3, kind: .documentation),
        ])
        #expect(log.count("Unsure") == 0, "an agent below the threshold is never invoked")
        #expect(report.result("kind")?.agent == "AtThreshold")
        #expect(report.result("ruled")?.agent == "LowButRuled", "rule routing ignores confidence")
        let nobody = try #require(report.result("nobody"))
        #expect(nobody.status == .skipped)
        #expect(nobody.reason.contains("confidence"))
        #expect(log.count("OnlyUnsure") == 0)
        #expect(text == "kind = 0.7\nruled = 0.1\ngamma = 3\n")
    }

    @Test func registryRefusesUnknownAndDuplicateAgents() throws {
        let log = CallLog()
        let agent = ScriptedAgent("A", log: log) { _, _, _ in .declined(reason: "") }
        #expect(throws: BatchFixError.self) { try AgentRegistry(agents: [agent, agent]) }
        #expect(throws: BatchFixError.self) { try AgentRegistry(agents: [agent], rules: ["E1": ["Nobody"]]) }
    }
}
