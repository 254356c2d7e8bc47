/// The outcome of a batch: status, counts, every issue's result, per-agent figures and the time split.
public struct BatchReport: Sendable, Codable {
    /// The batch as a whole.
    public enum Status: String, Sendable, Codable {
        /// Every issue fixed or already resolved.
        case completed
        /// Some fixed, some not.
        case partial
        /// Nothing fixed and something remains.
        case failed
        /// No issues were given.
        case empty
    }

    public static let formatVersion = 1

    public var version = BatchReport.formatVersion
    public var status: Status
    public var total: Int
    public var fixed: Int
    public var failed: Int
    public var skipped: Int
    /// fixed / total (0 when empty).
    public var successRate: Double
    public var interrupted: Bool
    public var dryRun: Bool
    public var results: [IssueResult]
    public var agents: [AgentFigures]
    public var filesRead: Int
    public var filesWritten: [ProjectPath]
    public var writeErrors: [String]
    public var timing: TimeSplit

    /// Issues that are still there (failed, or skipped and not already resolved).
    public var remaining: Int { results.filter(\.remains).count }

    init(results: [IssueResult], agents: [AgentFigures], filesRead: Int, filesWritten: [ProjectPath],
         writeErrors: [String], timing: TimeSplit, interrupted: Bool, dryRun: Bool) {
        self.results = results
        self.total = results.count
        self.fixed = results.count { $0.status == .fixed }
        self.failed = results.count { $0.status == .failed }
        self.skipped = results.count { $0.status == .skipped }
        self.successRate = results.isEmpty ? 0 : Double(fixed) / Double(results.count)
        self.agents = agents
        self.filesRead = filesRead
        self.filesWritten = filesWritten
        self.writeErrors = writeErrors
        self.timing = timing
        self.interrupted = interrupted
        self.dryRun = dryRun
        let remaining = results.count(where: \.remains)
        if results.isEmpty {
            status = .empty
        } else if remaining == 0 {
            status = .completed
        } else if fixed > 0 {
            status = .partial
        } else {
            status = .failed
        }
    }
}

/// Per-agent counts and time spent in the agent's own code.
public struct AgentFigures: Sendable, Codable {
    public var agent: String
    public var invocations: Int = 0
    public var fixed: Int = 0
    public var declined: Int = 0
    public var failed: Int = 0
    public var seconds: Double = 0
}

/// Where the batch's time went, in seconds. Phases run in parallel, so their sum may exceed `wall`.
public struct TimeSplit: Sendable, Codable {
    /// The batch from start to report (detection not included).
    public var wall: Double = 0
    /// Reading files (off the cooperative pool).
    public var read: Double = 0
    /// Inside agents' `fix` (analysing and proposing).
    public var analyse: Double = 0
    /// Applying edits, validating and re-checking.
    public var verify: Double = 0
    /// Writing files at the end.
    public var write: Double = 0
    /// Time inside file groups not spent reading, in agents or verifying (workspace hops, scheduling).
    public var waiting: Double = 0
    /// Finding the issues (built-in checks) before the batch; 0 when they came from `--issues`.
    public var detect: Double = 0
}
