import ArgumentParser
import BatchFixCore

/// Output formats of `fix` and `check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// Options shared by `fix` and `check`: where, which rules, which issue reports.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "Project folder, or a file or folder inside it (default: the current folder).")
    var path: String = "."

    @Option(name: .customLong("issues"), help: ArgumentHelp("Issue file to fix instead of running the built-in checks (repeatable): BatchFix JSON or a tool report (format detected, or force one with FORMAT:FILE, e.g. ruff:report.json).", valueName: "FILE"))
    var issueFiles: [String] = []

    @Option(help: ArgumentHelp("Comma-separated rule codes or prefixes to enable (e.g. F401,W2).", valueName: "CODES"))
    var select: String?

    @Option(help: ArgumentHelp("Comma-separated rule codes or prefixes to disable.", valueName: "CODES"))
    var ignore: String?

    @Option(help: "Output format: text, json or jsonl (one JSON object per line as results arrive).")
    var format: OutputFormat = .text

    @Option(help: "Files in flight at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "One file at a time (same as --jobs 1).")
    var sequential = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    var effectiveJobs: Int { sequential ? 1 : (jobs ?? BatchOptions.defaultJobs) }

    static func codes(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { String($0).uppercased() }
    }
}
