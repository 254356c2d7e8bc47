import Testing
@testable import BatchFixCore

/// Test 10: `BatchRun.interrupt()` mid-batch: issues not yet started are skipped "interrupted", the
/// fixes verified before are written, and the counts add up.
@Suite struct InterruptTests {
    @Test(arguments: [1, 2, 4])
    func interruptSkipsTheRestAndWritesWhatWasVerified(jobs: Int) async throws {
        try await TempProject.with { project in
            let files = 12, perFile = 4
            var issues: [Issue] = []
            for file in 0..<files {
                try project.write("m\(file).py", (1...perFile).map { "v\($0) = 0\n" }.joined())
                for line in 1...perFile { issues.append(makeIssue("m\(file)l\(line)", file: "m\(file).py", line: line)) }
            }
            let runBox = Locked<BatchRun?>(nil)
            let log = CallLog()
            let stopAt = 9
            let order = Locked(0)
            let agent = ScriptedAgent("Fixer", kinds: [.formatting], log: log) { issue, context, _ in
                while runBox.value == nil { await Task.yield() }
                if order.withLock({ $0 += 1; return $0 }) == stopAt { runBox.value?.interrupt() }
                return replaceAnchorLine(context, with: "\(issue.id) = 1")
            }
            let run = try makeProcessor([agent], options: BatchOptions(jobs: jobs)).start(issues, in: try project.workspace())
            runBox.withLock { $0 = run }
            var report: BatchReport?
            var streamed = 0
            for await event in run.events {
                if case .result = event { streamed += 1 }
                if case .finished(let final) = event { report = final }
            }
            let final = try #require(report)
            final.expectCountsAddUp(of: issues)
            #expect(streamed == issues.count)
            #expect(final.interrupted)
            let calls = log.count("Fixer")
            // The call that interrupted, and calls already running in other groups, finish.
            #expect(calls >= stopAt && calls <= stopAt + jobs - 1, "\(calls) calls with jobs \(jobs)")
            #expect(final.fixed == calls)
            #expect(final.failed == 0)
            #expect(final.skipped == issues.count - calls)
            for result in final.results where result.status == .skipped {
                #expect(result.reason.contains("interrupted"))
            }
            #expect(final.status == .partial)
            // Every verified fix is on disk; every skipped line is as it was.
            for file in 0..<files {
                let expected = (1...perFile).map { line in
                    final.result("m\(file)l\(line)")?.status == .fixed ? "m\(file)l\(line) = 1\n" : "v\(line) = 0\n"
                }.joined()
                #expect(project.text("m\(file).py") == expected, "m\(file).py")
            }
        }
    }
}
