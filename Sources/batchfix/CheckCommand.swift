import ArgumentParser
import BatchFixCore
import BatchFixPython

/// `batchfix check`: report issues, fix nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report issues found by the built-in checks (or read from --issues files); fix nothing.",
        discussion: "--format json writes the BatchFix issue file format, which `batchfix fix --issues FILE` reads. Exit codes: 0 no issues, 1 issues found, 2 usage or I/O error."
    )

    @OptionGroup var selection: SelectionOptions

    func run() async throws {
        let session = try Session(options: selection, settings: WorkspaceSettings())
        var problems: [BatchFixError] = []
        let issues: [Issue]
        if selection.issueFiles.isEmpty {
            let analysis = try await session.analyze(jobs: selection.effectiveJobs)
            issues = analysis.issues
            problems = analysis.problems
        } else {
            issues = try session.loadIssueFiles(selection.issueFiles)
        }
        for problem in problems { Output.error("batchfix: warning: \(problem)") }
        switch selection.format {
        case .json: Output.write(IssueFile.encode(issues))
        case .jsonl: for issue in issues { Output.write(IssueFile.encodeIssue(issue) + "\n") }
        case .text:
            let reporter = TextReporter(color: Output.useColor())
            for issue in issues { Output.write(reporter.issueLine(issue) + "\n") }
            Output.write(issues.isEmpty ? "No issues found.\n" : "Found \(issues.count) issue\(issues.count == 1 ? "" : "s").\n")
        }
        if !problems.isEmpty { throw ExitCode(2) }
        throw ExitCode(issues.isEmpty ? 0 : 1)
    }
}
