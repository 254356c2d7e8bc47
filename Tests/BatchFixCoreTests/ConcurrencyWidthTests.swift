import Synchronization
import Testing
@testable import BatchFixCore

/// Test 2: `jobs` bounds how many agent calls run at once, and the bound is reached when there is
/// enough work. Calls wait at a latch until the expected width is reached (or a generous fallback
/// passes), so reaching the width does not depend on timing; the assertions are on counts only.
@Suite struct ConcurrencyWidthTests {
    /// Running and peak number of `fix` calls in flight.
    final class Gauge: Sendable {
        private struct State { var running = 0; var peak = 0; var latched = false }
        private let state = Mutex(State())
        let target: Int
        init(target: Int) { self.target = target }

        func enter() {
            state.withLock {
                $0.running += 1
                $0.peak = max($0.peak, $0.running)
                if $0.running >= target { $0.latched = true }
            }
        }
        func leave() { state.withLock { $0.running -= 1 } }
        var latched: Bool { state.withLock { $0.latched } }
        var peak: Int { state.withLock { $0.peak } }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let jobs: Int
        let files: Int
        let issuesPerFile: Int
        /// The peak the engine must reach and never pass: `jobs`, or fewer when there are fewer files.
        var expectedPeak: Int { min(jobs, files) }
        var testDescription: String { "jobs \(jobs), \(files) files × \(issuesPerFile) issues" }
    }

    @Test(arguments: [
        Case(jobs: 1, files: 6, issuesPerFile: 2),
        Case(jobs: 2, files: 6, issuesPerFile: 2),
        Case(jobs: 4, files: 12, issuesPerFile: 1),
        Case(jobs: 8, files: 16, issuesPerFile: 2),
        Case(jobs: 8, files: 3, issuesPerFile: 4),
        Case(jobs: 8, files: 1, issuesPerFile: 10),
    ])
    func peakConcurrencyEqualsJobs(_ setup: Case) async throws {
        try await TempProject.with { project in
            var issues: [Issue] = []
            for file in 0..<setup.files {
                try project.write("m\(file).py", (1...setup.issuesPerFile).map { "v\($0) = 0\n" }.joined())
                for line in 1...setup.issuesPerFile {
                    issues.append(makeIssue("f\(file)l\(line)", file: "m\(file).py", line: line))
                }
            }
            let gauge = Gauge(target: setup.expectedPeak)
            let agent = ScriptedAgent("Slow", kinds: [.formatting], log: CallLog()) { issue, context, _ in
                gauge.enter()
                defer { gauge.leave() }
                // Wait (bounded) until the expected number of calls overlap, then a little more so that
                // an engine running too many at once gets the chance to show it.
                var polls = 0
                while !gauge.latched, polls < 2_500 {
                    try await Task.sleep(for: .milliseconds(2))
                    polls += 1
                }
                try await Task.sleep(for: .milliseconds(3))
                return replaceAnchorLine(context, with: "\(issue.id) = 1")
            }
            let processor = try makeProcessor([agent], options: BatchOptions(jobs: setup.jobs))
            let report = await processor.run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            #expect(report.fixed == issues.count)
            #expect(gauge.peak == setup.expectedPeak, "peak \(gauge.peak) with jobs \(setup.jobs)")
            // Every fix landed in its file, in order.
            for file in 0..<setup.files {
                #expect(project.text("m\(file).py") == (1...setup.issuesPerFile).map { "f\(file)l\($0) = 1\n" }.joined())
            }
        }
    }

    @Test func jobsBelowOneMeansSequential() {
        #expect(BatchOptions(jobs: 0).jobs == 1)
        #expect(BatchOptions(jobs: -3).jobs == 1)
        #expect(BatchOptions(maxRetries: -1).maxRetries == 0)
    }
}
