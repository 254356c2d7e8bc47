/// The machine-readable report (`--format json`), version 1: stable key order, one document.
///
/// Shape: `{"version", "status", "total", "fixed", "failed", "skipped", "remaining", "success_rate",
/// "interrupted", "dry_run", "files_read", "files_written": [...], "write_errors": [...],
/// "timing": {"wall", "read", "analyse", "verify", "write", "waiting", "detect"} (seconds),
/// "agents": [{"agent", "invocations", "fixed", "declined", "failed", "seconds"}],
/// "results": [{"issue": <issue object as in the issue file>, "status", "agent", "reason",
/// "already_resolved", "verification", "attempts", "files", "seconds"}]}`.
public enum JSONReport {
    public static func render(_ report: BatchReport) -> String {
        var out = "{\n"
        func member(_ key: String, _ value: String, last: Bool = false) {
            out += "  \(JSONText.quote(key)): \(value)" + (last ? "\n" : ",\n")
        }
        member("version", String(report.version))
        member("status", JSONText.quote(report.status.rawValue))
        member("total", String(report.total))
        member("fixed", String(report.fixed))
        member("failed", String(report.failed))
        member("skipped", String(report.skipped))
        member("remaining", String(report.remaining))
        member("success_rate", number(report.successRate))
        member("interrupted", String(report.interrupted))
        member("dry_run", String(report.dryRun))
        member("files_read", String(report.filesRead))
        member("files_written", "[" + report.filesWritten.map { JSONText.quote($0.value) }.joined(separator: ", ") + "]")
        member("write_errors", "[" + report.writeErrors.map(JSONText.quote).joined(separator: ", ") + "]")
        let t = report.timing
        member("timing", "{\"wall\": \(number(t.wall)), \"read\": \(number(t.read)), \"analyse\": \(number(t.analyse)), \"verify\": \(number(t.verify)), \"write\": \(number(t.write)), \"waiting\": \(number(t.waiting)), \"detect\": \(number(t.detect))}")
        let agents = report.agents.map { a in
            "{\"agent\": \(JSONText.quote(a.agent)), \"invocations\": \(a.invocations), \"fixed\": \(a.fixed), \"declined\": \(a.declined), \"failed\": \(a.failed), \"seconds\": \(number(a.seconds))}"
        }
        member("agents", agents.isEmpty ? "[]" : "[\n    " + agents.joined(separator: ",\n    ") + "\n  ]")
        member("results", report.results.isEmpty ? "[]" : "[\n    " + report.results.map(result).joined(separator: ",\n    ") + "\n  ]", last: true)
        return out + "}\n"
    }

    /// One result as a one-line JSON object (also the `jsonl` streaming format).
    public static func result(_ result: IssueResult) -> String {
        var members = [
            "\"issue\": \(IssueFile.encodeIssue(result.issue))",
            "\"status\": \(JSONText.quote(result.status.rawValue))",
            "\"agent\": \(result.agent.map(JSONText.quote) ?? "null")",
            "\"reason\": \(JSONText.quote(result.reason))",
            "\"already_resolved\": \(result.alreadyResolved)",
            "\"verification\": \(result.verification.map { JSONText.quote($0.rawValue) } ?? "null")",
            "\"attempts\": \(result.attempts)",
        ]
        members.append("\"files\": [" + result.files.map { JSONText.quote($0.value) }.joined(separator: ", ") + "]")
        members.append("\"seconds\": \(number(result.seconds))")
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
