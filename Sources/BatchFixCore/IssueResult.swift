/// What happened to one issue: exactly one result per issue, whatever the agents did.
public struct IssueResult: Sendable, Codable {
    /// The three outcomes that add up to the total.
    public enum Status: String, Sendable, Codable {
        /// A verified change was made (written unless `--dry-run`).
        case fixed
        /// An agent tried and could not, or the change could not be verified or written.
        case failed
        /// No agent took it, or it was already resolved, or the file cannot be edited.
        case skipped
    }

    /// How far the fix was verified.
    public enum VerificationLevel: String, Sendable, Codable {
        /// The file is valid and the originating check no longer reports the issue.
        case recheck
        /// The file is valid; no check could re-examine this issue.
        case syntaxOnly = "syntax_only"
    }

    public let issue: Issue
    public var status: Status
    /// The agent that fixed it, or the last one that tried.
    public var agent: String?
    /// The fix summary, or why it failed or was skipped.
    public var reason: String
    /// True for `skipped` issues that are already gone (nothing left to do).
    public var alreadyResolved: Bool
    public var verification: VerificationLevel?
    /// How many times agents were invoked for this issue (retries included).
    public var attempts: Int
    /// Files the fix changed.
    public var files: [ProjectPath]
    /// Time from the issue's first agent call to its result, in seconds.
    public var seconds: Double

    init(issue: Issue, status: Status, agent: String?, reason: String, alreadyResolved: Bool = false,
         verification: VerificationLevel? = nil, attempts: Int = 0, files: [ProjectPath] = [], seconds: Double = 0) {
        self.issue = issue
        self.status = status
        self.agent = agent
        self.reason = reason
        self.alreadyResolved = alreadyResolved
        self.verification = verification
        self.attempts = attempts
        self.files = files
        self.seconds = seconds
    }

    /// True when the issue is still there after the batch.
    public var remains: Bool { status != .fixed && !alreadyResolved }
}

/// Something that happened during a batch, streamed while it runs (progress lines, JSON lines).
public enum BatchEvent: Sendable {
    case result(IssueResult)
    case fileWritten(ProjectPath)
    case writeFailed(ProjectPath, BatchFixError)
    case finished(BatchReport)
}
