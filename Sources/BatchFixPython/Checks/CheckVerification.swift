import BatchFixCore

/// Verification by re-running the originating check: an issue is resolved when the check reports
/// fewer findings about the same subject (e.g. the same unused name; without a subject, the same
/// rule) after the change than before.
///
/// Counting, not matching positions: earlier fixes shift positions, but the number of findings about
/// `os` must go down when `os` was the one removed. With a subject, every code counts: removing a
/// duplicate turns the remaining import's F811 into F401, one finding fewer about `json`.
public enum CheckVerification {
    public static func verify(_ issue: Issue, with check: any PythonCheck, after: Document, before: Document) -> Verification {
        verify([issue], with: check, after: after, before: before)[0]
    }

    /// Verifies several issues fixed by one change: for each subject (or rule), the findings must
    /// drop by at least the number of issues about it.
    public static func verify(_ issues: [Issue], with check: any PythonCheck, after: Document, before: Document) -> [Verification] {
        if after.python.errors.first != nil { return issues.map { _ in .stillPresent("file does not parse") } }
        let beforeFindings = check.cachedDiagnostics(in: before)
        let afterFindings = check.cachedDiagnostics(in: after)
        var expectedDrop: [String: Int] = [:]
        for issue in issues { expectedDrop[key(issue), default: 0] += 1 }
        return issues.map { issue in
            guard issue.rule?.code != nil else { return .unknown }
            let key = key(issue)
            let matches: (Diagnostic) -> Bool = { diagnostic in
                if let subject = issue.details["subject"] { return diagnostic.subject == subject }
                return diagnostic.code == issue.rule?.code
            }
            let remaining = afterFindings.count(where: matches)
            if beforeFindings.count(where: matches) - remaining >= expectedDrop[key]! { return .resolved }
            let what = issue.details["subject"].map { "`\($0)`" } ?? (issue.rule?.code ?? "issue")
            return .stillPresent("\(what) still reported \(remaining) time\(remaining == 1 ? "" : "s")")
        }
    }

    private static func key(_ issue: Issue) -> String {
        issue.details["subject"].map { "name:" + $0 } ?? "code:" + (issue.rule?.code ?? "")
    }
}
