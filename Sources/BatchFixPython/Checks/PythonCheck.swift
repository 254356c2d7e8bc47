import BatchFixCore

/// One finding of a built-in check: where, what, about which name, and the exact edits that fix it.
public struct Diagnostic: Sendable, Equatable {
    /// Rule code, ruff's where one exists (`F401`, `W291`).
    public var code: String
    /// The bytes the finding is about.
    public var range: TextRange
    public var message: String
    /// What the finding is about (an imported name), used to match it again after other edits.
    public var subject: String?
    /// Edits that fix it on the document it was found in; nil when the check cannot fix it.
    public var fix: [TextEdit]?
    /// True when the fix might change behaviour.
    public var unsafeFix: Bool = false
    /// True when the finding is about a module attribute other files could read (a module-level
    /// import): its fix needs a project-wide search first (RELIABILITY U22).
    public var moduleAttribute: Bool = false

    public init(code: String, range: TextRange, message: String, subject: String? = nil, fix: [TextEdit]? = nil, unsafeFix: Bool = false) {
        self.code = code
        self.range = range
        self.message = message
        self.subject = subject
        self.fix = fix
        self.unsafeFix = unsafeFix
    }
}

/// A built-in check over Python documents that reports `Diagnostic`s; issues and fixes derive from them.
public protocol PythonCheck: FileCheck {
    /// The kind given to issues of `code`.
    func kind(for code: String) -> IssueKind
    /// All findings in `document`, in source order (suppressed ones already removed).
    func diagnostics(in document: Document) -> [Diagnostic]
}

extension PythonCheck {
    public var fileExtensions: Set<String> { PythonPack.fileExtensions }

    /// `diagnostics(in:)` computed once per document version and check type (agents, verification
    /// and the next issue of the same file all look at the same snapshot).
    public func cachedDiagnostics(in document: Document) -> [Diagnostic] {
        document.cached(ObjectIdentifier(Self.self)) {
            // `# noqa` and `# ruff: noqa` apply to every check alike.
            DiagnosticList(items: diagnostics(in: document).filter { !document.isSuppressed($0.code, at: $0.range.start) })
        }.items
    }

    public func issues(in document: Document) -> [Issue] {
        guard document.python.errors.isEmpty else { return [] }
        return cachedDiagnostics(in: document).map { diagnostic in
            // LineIndex counts line 1's columns after the BOM, as ruff and editors do.
            let start = document.lines.lineAndColumn(of: diagnostic.range.start, in: document.bytes)
            let end = document.lines.lineAndColumn(of: diagnostic.range.end, in: document.bytes)
            var details: [String: String] = [:]
            if let subject = diagnostic.subject { details["subject"] = subject }
            if diagnostic.fix != nil { details["fixable"] = diagnostic.unsafeFix ? "unsafe" : "safe" }
            return Issue(
                id: "", kind: kind(for: diagnostic.code), severity: .low, message: diagnostic.message,
                location: SourceLocation(file: document.path.value, line: start.line, column: start.column, endLine: end.line, endColumn: end.column),
                rule: RuleCode(tool: "batchfix", code: diagnostic.code), details: details, source: "builtin:\(name)"
            )
        }
    }

    /// The finding in `document` that `issue` is about: same code and subject, the one nearest the anchor.
    public func diagnostic(matching issue: Issue, in document: Document, anchor: TextRange?) -> Diagnostic? {
        guard let code = issue.rule?.code else { return nil }
        let subject = issue.details["subject"]
        let candidates = cachedDiagnostics(in: document).filter { $0.code == code && (subject == nil || $0.subject == subject) }
        guard let anchor else { return candidates.count == 1 ? candidates.first : nil }
        return candidates.min { distance($0.range, anchor) < distance($1.range, anchor) }
    }
}

/// A check's findings, cached on a document snapshot.
struct DiagnosticList: Sendable {
    let items: [Diagnostic]
}

private func distance(_ range: TextRange, _ anchor: TextRange) -> Int {
    if range.start <= anchor.start && anchor.start <= range.end { return 0 }
    return min(abs(range.start - anchor.start), abs(range.end - anchor.start))
}

/// An agent that fixes the findings of one or more `PythonCheck`s with the checks' own edits:
/// it finds the finding again on the live text (earlier fixes may have moved it), proposes its
/// edits, and verifies by re-running the check.
public protocol CheckFixingAgent: Agent {
    /// The checks whose findings this agent fixes, by rule code.
    var checksByCode: [String: any PythonCheck] { get }
}

extension CheckFixingAgent {
    public func confidence(for issue: Issue, in context: FixContext) -> Double {
        guard let code = issue.rule?.code, checksByCode[code] != nil else { return 0 }
        return 0.9
    }

    public func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        try await checkFix(issue, in: context)
    }

    /// The check's own fix for `issue` on the live text (what `fix` does unless an agent adds to it).
    public func checkFix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        guard let code = issue.rule?.code, let check = checksByCode[code] else {
            return .declined(reason: "no built-in fix for \(issue.rule?.description ?? "issues without a rule code")")
        }
        let document = context.document
        if let error = document.python.errors.first {
            return .failed(reason: "\(document.path):\(error.line):\(error.column + 1): file does not parse: \(error.message)", retryable: false)
        }
        guard let diagnostic = check.diagnostic(matching: issue, in: document, anchor: context.anchor) else {
            // Resolved only if our check saw the issue in the file as first read; otherwise it is a
            // finding we cannot confirm (e.g. a tool that is less careful), and it stays.
            let what = issue.details["subject"].map { " for `\($0)`" } ?? ""
            if let original = context.originalDocument, original.version != document.version,
               check.diagnostic(matching: issue, in: original, anchor: issue.location.line.flatMap { original.lines.contentRange(ofLine: $0, in: original.bytes) }) != nil {
                return .nothingToDo(reason: "\(code)\(what) no longer reported after earlier fixes")
            }
            return .declined(reason: "BatchFix's \(check.name) check does not report \(code)\(what) here, so it cannot be fixed and verified safely")
        }
        guard let edits = diagnostic.fix else {
            return .declined(reason: "\(code) at this place has no safe automatic fix")
        }
        return .proposed(FixProposal(
            edits: [FileEdit(document, edits: edits)], summary: diagnostic.fixTitle,
            applicability: diagnostic.unsafeFix ? .unsafe : .safe
        ))
    }

    public func verify(_ issue: Issue, after: Document, before: Document) -> Verification {
        guard let code = issue.rule?.code, let check = checksByCode[code] else { return .unknown }
        return CheckVerification.verify(issue, with: check, after: after, before: before)
    }
}

extension Diagnostic {
    /// A one-line title for the report.
    public var fixTitle: String {
        switch code {
        case "F401": "removed unused import" + (subject.map { " `\($0)`" } ?? "")
        case "F811": "removed redefinition" + (subject.map { " of `\($0)`" } ?? "")
        case "I001": "sorted import block"
        case "W291": "removed trailing whitespace"
        case "W293": "removed whitespace on blank line"
        case "W292": "added newline at end of file"
        case "W391": "removed blank lines at end of file"
        default: "fixed \(code)"
        }
    }
}

extension CheckFixingAgent {
    /// All issues of one file at once: each issue gets the finding nearest its anchor that no other
    /// issue of the batch took; issues without one are left to the one-at-a-time path.
    public func fixBatch(_ issues: [Issue], anchors: [TextRange?], in context: FixContext) async throws -> [AgentOutcome?]? {
        try await checkFixBatch(issues, anchors: anchors, in: context)
    }

    /// The check's own fixes for a file's issues at once (what `fixBatch` does unless an agent adds to it).
    public func checkFixBatch(_ issues: [Issue], anchors: [TextRange?], in context: FixContext) async throws -> [AgentOutcome?]? {
        let document = context.document
        guard document.python.errors.isEmpty else { return nil }
        var taken: Set<Int> = []
        var answers: [AgentOutcome?] = []
        for (issue, anchor) in zip(issues, anchors) {
            guard let code = issue.rule?.code, let check = checksByCode[code], let anchor else { answers.append(nil); continue }
            let subject = issue.details["subject"]
            let findings = check.cachedDiagnostics(in: document)
            let best = findings.indices
                .filter { !taken.contains($0) && findings[$0].code == code && (subject == nil || findings[$0].subject == subject) }
                .min { distance(findings[$0].range, anchor) < distance(findings[$1].range, anchor) }
            guard let best, let edits = findings[best].fix else { answers.append(nil); continue }
            taken.insert(best)
            answers.append(.proposed(FixProposal(edits: [FileEdit(document, edits: edits)], summary: findings[best].fixTitle,
                                                 applicability: findings[best].unsafeFix ? .unsafe : .safe)))
        }
        return answers
    }

    public func verifyBatch(_ issues: [Issue], after: Document, before: Document) -> [Verification] {
        // Issues of one batch share a check per code; verify each code's issues together.
        var verdicts = [Verification](repeating: .unknown, count: issues.count)
        var byCheck: [ObjectIdentifier: (check: any PythonCheck, positions: [Int])] = [:]
        for (position, issue) in issues.enumerated() {
            guard let code = issue.rule?.code, let check = checksByCode[code] else { continue }
            byCheck[ObjectIdentifier(type(of: check)), default: (check, [])].positions.append(position)
        }
        for (_, group) in byCheck {
            let results = CheckVerification.verify(group.positions.map { issues[$0] }, with: group.check, after: after, before: before)
            for (position, verdict) in zip(group.positions, results) { verdicts[position] = verdict }
        }
        return verdicts
    }
}
