import ArgumentParser
import BatchFixCore
import BatchFixPython
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `batchfix fix`: find (or read) issues, fix them with verified edits, write each changed file once.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Fix issues found by the built-in checks, or listed in --issues files.",
        discussion: "Every fix is verified (the file still parses and the check no longer reports it) before it is kept; changed files are written once, atomically. Exit codes: 0 nothing left, 1 issues remain, 2 usage or I/O error."
    )

    @OptionGroup var selection: SelectionOptions

    @Option(name: .customLong("max-retries"), help: "Times an agent is re-run after stale or conflicting edits.")
    var maxRetries = 2

    @Option(name: .customLong("confidence"), help: "Lowest confidence at which a kind-routed agent is asked.")
    var confidenceThreshold = 0.7

    @Flag(name: .customLong("dry-run"), help: "Compute and verify fixes, write nothing.")
    var dryRun = false

    @Flag(help: "Print a unified diff of every change.")
    var diff = false

    @Flag(help: "Print where the time went.")
    var profile = false

    @Flag(name: .customLong("unsafe-fixes"), help: "Also apply fixes marked unsafe.")
    var unsafeFixes = false

    @Flag(name: .customLong("no-fsync"), help: "Skip fsync before renames (a killed run still leaves every file old or new; a power cut may not).")
    var noFsync = false

    @Flag(name: .shortAndLong, help: "List fixed issues too, not only the ones that remain.")
    var verbose = false

    func validate() throws {
        if maxRetries < 0 { throw ValidationError("--max-retries must be 0 or more, got \(maxRetries)") }
        if !(0...1).contains(confidenceThreshold) { throw ValidationError("--confidence must be between 0 and 1, got \(confidenceThreshold)") }
    }

    func run() async throws {
        let settings = WorkspaceSettings(durability: noFsync ? .renameOnly : .fsync)
        let session = try Session(options: selection, settings: settings)
        let jobs = selection.effectiveJobs
        var problems: [BatchFixError] = []
        let issues: [Issue]
        let detectStart = ContinuousClock.now
        if selection.issueFiles.isEmpty {
            let analysis = try await session.analyze(jobs: jobs)
            issues = analysis.issues
            problems = analysis.problems
        } else {
            issues = try session.loadIssueFiles(selection.issueFiles)
        }
        for problem in problems { Output.error("batchfix: warning: \(problem)") }

        let processor = BatchProcessor(
            registry: try PythonPack.registry(configuration: session.configuration, root: session.root.path),
            validators: PythonPack.validators(),
            options: BatchOptions(jobs: jobs, maxRetries: maxRetries, confidenceThreshold: confidenceThreshold,
                                  dryRun: dryRun, fixOptions: FixOptions(allowUnsafe: unsafeFixes))
        )
        let run = processor.start(issues, in: session.workspace)
        let interrupts = InterruptHandler(run: run)
        defer { interrupts.stop() }
        let progress = ProgressLine(total: issues.count, enabled: selection.format == .text && Output.stderrIsTerminal && issues.count >= 50)
        var report: BatchReport?
        for await event in run.events {
            switch event {
            case .result(let result):
                progress.record(result)
                if selection.format == .jsonl { Output.write(JSONReport.result(result) + "\n") }
            case .fileWritten(let path):
                if selection.format == .jsonl { Output.write("{\"event\": \"written\", \"file\": \(JSONText.quote(path.value))}\n") }
            case .writeFailed(let path, let error):
                // The fixes of this file were streamed as `fixed`; this line says they did not land.
                if selection.format == .jsonl {
                    Output.write("{\"event\": \"write_failed\", \"file\": \(JSONText.quote(path.value)), \"error\": \(JSONText.quote(error.description))}\n")
                }
            case .finished(let final):
                report = final
            }
        }
        progress.finish()
        guard var report else { throw ExitCode(2) }
        report.timing.detect = (detectStart.duration(to: ContinuousClock.now) - .seconds(report.timing.wall)).seconds

        if diff {
            for write in await session.workspace.pendingWrites() {
                Output.write(UnifiedDiff.make(old: write.original, new: write.contents, path: write.path.value))
            }
        }
        switch selection.format {
        case .json: Output.write(JSONReport.render(report))
        case .jsonl: Output.write("{\"summary\": " + JSONReport.render(report).replacingNewlines() + "}\n")
        case .text:
            let reporter = TextReporter(color: Output.useColor())
            Output.write(reporter.render(report, verbose: verbose))
            if profile { Output.write(reporter.profile(report)) }
        }
        if profile, selection.format != .text { Output.error(TextReporter(color: false).profile(report)) }
        if !problems.isEmpty { throw ExitCode(2) }
        // A dry run writes nothing, so what it would fix is still there (like `ruff --diff`).
        let remaining = dryRun ? report.results.count(where: { !$0.alreadyResolved }) : report.remaining
        throw ExitCode(remaining == 0 ? 0 : 1)
    }
}

extension String {
    /// The text on one line (for embedding a pretty JSON document in a JSON-lines stream).
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? " " : Character($0) })
    }
}

/// Ctrl-C handling: the first interrupt stops the batch cleanly (verified fixes are still written,
/// atomically); a second one exits at once, which is safe because no write is ever partial.
final class InterruptHandler {
    private let source: any DispatchSourceSignal

    init(run: BatchRun) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if run.isInterrupted {
                Output.error("\nbatchfix: interrupted again; exiting (every file is either old or new)")
                Glibc.exit(130)
            }
            run.interrupt()
            Output.error("\nbatchfix: interrupted; finishing in-flight fixes and writing verified ones (Ctrl-C again to exit now)")
        }
        source.resume()
        self.source = source
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
