import BatchFixCore

/// The human report: remaining issues (all issues with `--verbose`), a summary line, and with
/// `--profile` the time split and per-agent table. Colour only when asked for.
struct TextReporter {
    let color: Bool

    init(color: Bool) {
        self.color = color
    }

    // MARK: - Styles (ANSI SGR codes, only when `color`)

    private func style(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { style(text, "1") }
    private func dim(_ text: String) -> String { style(text, "2") }
    private func red(_ text: String) -> String { style(text, "31") }
    private func green(_ text: String) -> String { style(text, "32") }
    private func yellow(_ text: String) -> String { style(text, "33") }
    private func cyan(_ text: String) -> String { style(text, "36") }

    func issueLine(_ issue: Issue) -> String {
        let code = issue.rule.map { "\($0.code) " } ?? "\(issue.kind.rawValue) "
        return "\(bold(issue.location.display)): \(red(code))\(issue.message)"
    }

    func render(_ report: BatchReport, verbose: Bool) -> String {
        var out = ""
        let showAll = verbose || report.total <= 20
        for result in report.results where showAll || result.remains {
            out += resultLine(result) + "\n"
        }
        for error in report.writeErrors { out += red("write error: ") + error + "\n" }
        out += summary(report) + "\n"
        return out
    }

    func resultLine(_ result: IssueResult) -> String {
        let status: String
        switch result.status {
        case .fixed: status = green("fixed")
        case .failed: status = red("failed")
        case .skipped: status = result.alreadyResolved ? cyan("resolved") : yellow("skipped")
        }
        let agent = result.agent.map { dim(" [\($0)]") } ?? ""
        let code = result.issue.rule.map { "\($0.code) " } ?? ""
        return "\(bold(result.issue.location.display)): \(code)\(status): \(result.reason)\(agent)"
    }

    func summary(_ report: BatchReport) -> String {
        if report.status == .empty { return "No issues to fix." }
        let verb = report.dryRun ? "Would fix" : "Fixed"
        let rate = String(format1: report.successRate * 100)
        var line = "\(verb) \(report.fixed) of \(report.total) issue\(report.total == 1 ? "" : "s") (\(rate)%)"
        line += "; \(report.failed) failed, \(report.skipped) skipped"
        let resolved = report.results.count { $0.alreadyResolved }
        if resolved > 0 { line += " (\(resolved) already resolved)" }
        line += ". "
        if report.dryRun {
            line += "Dry run: nothing written."
        } else {
            line += "Wrote \(report.filesWritten.count) file\(report.filesWritten.count == 1 ? "" : "s")."
        }
        if report.interrupted { line += yellow(" Interrupted.") }
        let status: String
        switch report.status {
        case .completed: status = green("completed")
        case .partial: status = yellow("partial")
        case .failed: status = red("failed")
        case .empty: status = "empty"
        }
        return line + " Status: " + status + "."
    }

    func profile(_ report: BatchReport) -> String {
        let t = report.timing
        var out = "\nTime (seconds; phases overlap across \(report.filesRead) files read in parallel):\n"
        let rows: [(String, Double)] = [("detect", t.detect), ("read", t.read), ("analyse", t.analyse), ("verify", t.verify), ("write", t.write), ("waiting", t.waiting), ("wall", t.wall)]
        for (name, value) in rows {
            out += "  " + name.padding(9) + String(format3: value).leftPadding(10) + "\n"
        }
        out += "  (detect: the built-in checks before the batch; read: first reads, also during detect; wall: the batch)\n"
        if report.total > 0 {
            out += "  per issue " + String(format1: t.wall / Double(report.total) * 1e6).leftPadding(9) + " µs\n"
        }
        if !report.agents.isEmpty {
            out += "\n  " + "agent".padding(28) + "calls".leftPadding(7) + "fixed".leftPadding(7) + "declined".leftPadding(10) + "failed".leftPadding(8) + "seconds".leftPadding(10) + "\n"
            for a in report.agents {
                out += "  " + a.agent.padding(28) + String(a.invocations).leftPadding(7) + String(a.fixed).leftPadding(7)
                    + String(a.declined).leftPadding(10) + String(a.failed).leftPadding(8) + String(format3: a.seconds).leftPadding(10) + "\n"
            }
        }
        return out
    }
}

extension String {
    /// Fixed-point with one decimal, without Foundation.
    init(format1 value: Double) { self = Self.fixed(value, digits: 1) }
    /// Fixed-point with three decimals, without Foundation.
    init(format3 value: Double) { self = Self.fixed(value, digits: 3) }

    private static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return (value < 0 && scaled != 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + fraction : "")
    }

    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
