/// One replacement of a byte range of a document version by new bytes (an insertion when the range is empty).
public struct TextEdit: Hashable, Sendable {
    public var range: TextRange
    public var replacement: [UInt8]

    public init(range: TextRange, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: TextRange, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    /// Deletes the bytes of `range`.
    public static func delete(_ range: TextRange) -> TextEdit { TextEdit(range: range, replacement: []) }

    /// Inserts `text` at `offset`.
    public static func insert(_ text: [UInt8], at offset: Int) -> TextEdit {
        TextEdit(range: TextRange(start: offset, end: offset), replacement: text)
    }
}

/// The edits of one proposal for one file: byte-range edits against the version the agent read, or a new file.
public struct FileEdit: Sendable {
    /// What the change does to the file.
    public enum Change: Sendable {
        /// Edits on the bytes of `baseVersion`; applied in start order, they must not overlap.
        case edit(baseVersion: Int, edits: [TextEdit])
        /// A file that must not exist yet (created exclusively, never overwriting).
        case create(contents: [UInt8])
    }

    public var path: ProjectPath
    public var change: Change

    public init(path: ProjectPath, baseVersion: Int, edits: [TextEdit]) {
        self.path = path
        self.change = .edit(baseVersion: baseVersion, edits: edits)
    }

    public init(creating path: ProjectPath, contents: [UInt8]) {
        self.path = path
        self.change = .create(contents: contents)
    }

    /// Edits `document` at its version.
    public init(_ document: Document, edits: [TextEdit]) {
        self.init(path: document.path, baseVersion: document.version, edits: edits)
    }
}

/// How safe a fix is: safe fixes keep behaviour; unsafe ones may change it and run only when asked.
public enum Applicability: String, Sendable, Codable, Comparable {
    case unsafe
    case safe

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool { lhs == .unsafe && rhs == .safe }
}

/// The change an agent proposes for one issue: edits across one or more files, applied all or nothing.
public struct FixProposal: Sendable {
    public var edits: [FileEdit]
    /// One line for the report (e.g. "remove unused import `os`").
    public var summary: String
    public var applicability: Applicability

    public init(edits: [FileEdit], summary: String, applicability: Applicability = .safe) {
        self.edits = edits
        self.summary = summary
        self.applicability = applicability
    }
}

/// What an agent did with an issue, told apart exactly; an agent that throws is recorded as `failed`.
public enum AgentOutcome: Sendable {
    /// Here are the edits that fix it (verified by the engine before they count).
    case proposed(FixProposal)
    /// The issue is already gone in the current text (e.g. fixed by an earlier edit).
    case nothingToDo(reason: String)
    /// This agent will not fix it; the next agent may.
    case declined(reason: String)
    /// The agent tried and could not; `retryable` failures (stale input) run the agent again.
    case failed(reason: String, retryable: Bool)
}

/// Whether the originating check still reports an issue after a change.
public enum Verification: Sendable, Equatable {
    /// The check ran and no longer reports the issue.
    case resolved
    /// The check ran and still reports it.
    case stillPresent(String)
    /// No check can tell; only the file validator vouches for the change.
    case unknown
}

/// What an agent may look at while fixing one issue: the current document and any other project file.
public struct FixContext: Sendable {
    /// The live snapshot of the issue's file (earlier fixes in the batch already applied).
    public let document: Document
    /// Where the issue points in `document`, or nil when the issue has no line or it is out of range.
    public let anchor: TextRange?
    /// Settings of the run agents may honour (e.g. unsafe fixes allowed).
    public let options: FixOptions
    /// The issue's file as first read, before any fix of this batch (issue positions refer to it);
    /// nil for a file the batch created.
    public let originalDocument: Document?
    /// What this agent's `prepare` returned for the batch, if anything.
    public let preparation: (any Sendable)?
    let workspace: Workspace

    init(document: Document, anchor: TextRange?, options: FixOptions, workspace: Workspace,
         originalDocument: Document? = nil, preparation: (any Sendable)? = nil) {
        self.document = document
        self.anchor = anchor
        self.options = options
        self.workspace = workspace
        self.originalDocument = originalDocument
        self.preparation = preparation
    }

    /// The current snapshot of another project file (read once per batch, shared with other agents).
    public func document(at path: ProjectPath) async throws -> Document {
        try await workspace.document(at: path)
    }

    /// The project root, for agents that run external tools on a batch.
    public var root: ProjectRoot { workspace.root }
}

/// Options every agent can read.
public struct FixOptions: Sendable {
    public var allowUnsafe: Bool
    public init(allowUnsafe: Bool = false) { self.allowUnsafe = allowUnsafe }
}

/// A fixer of one family of issues: stateless, built once, safe to call from many tasks at once.
///
/// Agents never touch the disk: they read the documents the context hands out and return edits.
public protocol Agent: Sendable {
    /// Stable name shown in reports (e.g. `ImportOptimizationAgent`).
    var name: String { get }
    /// The kinds of issue this agent is offered when no rule code routes the issue.
    var kinds: Set<IssueKind> { get }
    /// How sure the agent is that it can fix `issue` (0...1); routing skips agents below the threshold.
    func confidence(for issue: Issue, in context: FixContext) -> Double
    /// Proposes edits for `issue`, or says why not.
    func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome
    /// Re-runs the originating check on `document` (the text after the fix) for `issue`.
    func verify(_ issue: Issue, after document: Document, before: Document) -> Verification
    /// Optional fast path: proposals for several issues of `context.document` at once, each on that
    /// same version, one answer per issue (nil: handle that issue alone). The engine applies the
    /// non-overlapping ones together, verifies every issue, and falls back to one issue at a time
    /// for anything that does not fit. Return nil to opt out entirely.
    func fixBatch(_ issues: [Issue], anchors: [TextRange?], in context: FixContext) async throws -> [AgentOutcome?]?
    /// Verifies several issues fixed by one change (default: each on its own).
    func verifyBatch(_ issues: [Issue], after document: Document, before: Document) -> [Verification]
    /// Optional, once per batch before any fix: every issue that may be routed to this agent, so an
    /// agent that needs an external tool runs it once for all of them (never once per issue). What it
    /// returns reaches each of its fix calls as `context.preparation`.
    func prepare(_ issues: [Issue], in workspace: Workspace) async -> (any Sendable)?
}

extension Agent {
    public func confidence(for issue: Issue, in context: FixContext) -> Double { 1.0 }
    public func verify(_ issue: Issue, after document: Document, before: Document) -> Verification { .unknown }
    public func fixBatch(_ issues: [Issue], anchors: [TextRange?], in context: FixContext) async throws -> [AgentOutcome?]? { nil }
    public func verifyBatch(_ issues: [Issue], after document: Document, before: Document) -> [Verification] {
        issues.map { verify($0, after: document, before: before) }
    }
    public func prepare(_ issues: [Issue], in workspace: Workspace) async -> (any Sendable)? { nil }
}
