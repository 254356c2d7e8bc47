import Synchronization
import Testing
@testable import BatchFixCore

/// Counts every `fix` call, per agent and per issue, shared by the agents of one test.
final class CallLog: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Records one call of `agent` for `issue` and returns its 1-based number.
    func record(_ agent: String, _ issue: String) -> Int {
        counts.withLock { map in
            map["\(agent)|\(issue)", default: 0] += 1
            map[agent, default: 0] += 1
            return map["\(agent)|\(issue)"]!
        }
    }

    /// Calls of `agent` for `issue`, or for every issue when `issue` is nil.
    func count(_ agent: String, _ issue: String? = nil) -> Int {
        counts.withLock { $0[issue.map { "\(agent)|\($0)" } ?? agent] ?? 0 }
    }
}

/// An agent whose behaviour is a closure: the closure gets the issue, the context and the call number
/// (1 for this agent's first call on this issue, 2 for its first retry...).
struct ScriptedAgent: Agent {
    let name: String
    let kinds: Set<IssueKind>
    let confidenceValue: Double
    let log: CallLog
    let body: @Sendable (Issue, FixContext, Int) async throws -> AgentOutcome
    let check: (@Sendable (Issue, Document, Document) -> Verification)?

    init(_ name: String, kinds: Set<IssueKind> = [], confidence: Double = 1.0, log: CallLog,
         verify: (@Sendable (Issue, Document, Document) -> Verification)? = nil,
         _ body: @escaping @Sendable (Issue, FixContext, Int) async throws -> AgentOutcome) {
        self.name = name
        self.kinds = kinds
        self.confidenceValue = confidence
        self.log = log
        self.body = body
        self.check = verify
    }

    func confidence(for issue: Issue, in context: FixContext) -> Double { confidenceValue }

    func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        let call = log.record(name, issue.id)
        return try await body(issue, context, call)
    }

    func verify(_ issue: Issue, after document: Document, before: Document) -> Verification {
        check?(issue, document, before) ?? .unknown
    }
}

/// A `.py` validator that refuses any text containing `marker` (stands in for "does not parse").
struct MarkerValidator: DocumentValidator {
    let marker: String
    var fileExtensions: Set<String> { ["py"] }

    func problem(in document: Document) -> ValidationProblem? {
        let needle = Array(marker.utf8)
        let bytes = document.bytes
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) {
                let (line, column) = document.lines.lineAndColumn(of: start, in: bytes)
                return ValidationProblem(line: line, column: column, message: "found \(marker)")
            }
        }
        return nil
    }
}

struct AgentError: Error, CustomStringConvertible {
    let description: String
}

// MARK: - Edits agents make

/// Byte range of the content (no line ending) of the line holding `offset`.
func lineContent(at offset: Int, in document: Document) -> TextRange {
    let line = document.lines.line(containing: offset) + 1
    return document.lines.contentRange(ofLine: line, in: document.bytes)!
}

/// A proposal replacing the content of the line holding the anchor's start with `text`.
func replaceAnchorLine(_ context: FixContext, with text: String, summary: String = "replace line") -> AgentOutcome {
    guard let anchor = context.anchor else { return .failed(reason: "no anchor", retryable: false) }
    let range = lineContent(at: anchor.start, in: context.document)
    return .proposed(FixProposal(edits: [FileEdit(context.document, edits: [TextEdit(range: range, replacement: text)])], summary: summary))
}

/// The bytes of `range` in `document` as a string.
func slice(_ document: Document, _ range: TextRange) -> String {
    String(decoding: document.bytes[range.asRange], as: UTF8.self)
}

/// A value shared between a test and its agents, behind a lock (a class, so closures can capture it).
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    func withLock<R>(_ body: (inout Value) -> R) -> R { storage.withLock { body(&$0) } }
    var value: Value { storage.withLock { $0 } }
}
