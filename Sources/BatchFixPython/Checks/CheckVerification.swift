import BatchFixCore

/// Verification by re-running the originating check: an issue is resolved when the check reports
/// fewer issues with the same rule and subject (e.g. the same unused name) after the change than before.
///
/// Counting, not matching positions: earlier fixes shift positions, but the number of `F401` reports
/// about `os` must go down when `os` was the one removed.
public enum CheckVerification {
    public static func verify(_ issue: Issue, with check: any FileCheck, after: Document, before: Document) -> Verification {
        guard let code = issue.rule?.code else { return .unknown }
        let subject = issue.details["name"]
        // With a subject, every finding about it counts (removing a duplicate turns the remaining
        // import's F811 into F401: one finding fewer about `json`, which is the fix).
        func count(_ document: Document) -> Int {
            check.issues(in: document).count { found in
                subject == nil ? found.rule?.code == code : found.details["name"] == subject
            }
        }
        let remaining = count(after)
        if remaining < count(before) { return .resolved }
        return .stillPresent((subject.map { "`\($0)` still reported" } ?? "\(code) still reported") + " \(remaining) time\(remaining == 1 ? "" : "s")")
    }
}
