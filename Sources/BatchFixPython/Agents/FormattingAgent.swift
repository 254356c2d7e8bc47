import BatchFixCore

/// Fixes whitespace findings (W291, W293, W292, W391) with exactly the edits of the check that
/// found them: one line's whitespace, one final newline; nothing else in the file moves.
///
/// Issues it cannot fix itself — E501 (line too long) and `format` ("would reformat") — it hands to
/// `ruff format`, run once for all such files of the batch (never once per issue) when ruff is on
/// PATH; otherwise it declines with that reason. A reformatted file is proposed as one edit, checked
/// like every other (it must parse; for E501 the lines over the limit must become fewer).
public struct FormattingAgent: CheckFixingAgent {
    /// Rule codes fixed by reformatting (`format` is how a "would reformat" finding is spelled).
    public static let formatterCodes: Set<String> = ["E501", "FORMAT"]

    public init() {}
    public var name: String { "FormattingAgent" }
    public var kinds: Set<IssueKind> { [.formatting] }

    public let checksByCode: [String: any PythonCheck] = {
        let trailing = TrailingWhitespaceCheck()
        return ["W291": trailing, "W293": trailing, "W292": MissingFinalNewlineCheck(), "W391": TrailingBlankLinesCheck()]
    }()

    private func isFormatterIssue(_ issue: Issue) -> Bool {
        issue.rule.map { Self.formatterCodes.contains($0.code.uppercased()) } ?? false
    }

    public func confidence(for issue: Issue, in context: FixContext) -> Double {
        guard let code = issue.rule?.code else { return 0 }
        return checksByCode[code] != nil || isFormatterIssue(issue) ? 0.9 : 0
    }

    /// One `ruff format` run over every file with an E501 / format issue in the batch.
    public func prepare(_ issues: [Issue], in workspace: Workspace) async -> (any Sendable)? {
        let paths = Set(issues.filter(isFormatterIssue).compactMap { try? ProjectPath($0.location.file) })
        guard !paths.isEmpty else { return nil }
        return await RuffFormatter.format(paths.sorted(), in: workspace)
    }

    public func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        guard isFormatterIssue(issue) else { return try await checkFix(issue, in: context) }
        guard let prepared = context.preparation as? RuffFormatter.Result else {
            return .declined(reason: "no reformatting was prepared for this batch")
        }
        switch prepared {
        case .unavailable(let reason):
            return .declined(reason: reason)
        case .formatted(let texts, let versions):
            let document = context.document
            guard let formatted = texts[document.path] else {
                return .declined(reason: "`ruff format` leaves this file as it is; the line needs a hand edit")
            }
            if document.bytes == formatted {
                // Reformatted already for an earlier issue of this file: resolved if the line fits now.
                return verify(issue, after: document, before: context.originalDocument ?? document) == .resolved
                    ? .nothingToDo(reason: "reformatted by an earlier fix of this batch")
                    : .declined(reason: "`ruff format` leaves a line over the limit")
            }
            guard versions[document.path] == document.version else {
                return .declined(reason: "the file changed after it was formatted in this batch; run batchfix again to reformat it")
            }
            return .proposed(FixProposal(
                edits: [FileEdit(document, edits: [TextEdit(range: TextRange(start: 0, end: document.bytes.count), replacement: formatted)])],
                summary: "reformatted with ruff format"
            ))
        }
    }

    public func verify(_ issue: Issue, after: Document, before: Document) -> Verification {
        guard isFormatterIssue(issue) else {
            guard let code = issue.rule?.code, let check = checksByCode[code] else { return .unknown }
            return CheckVerification.verify(issue, with: check, after: after, before: before)
        }
        guard issue.rule?.code.uppercased() == "E501" else { return .unknown }
        let limit = Self.lineLimit(in: issue.message)
        let over = Self.linesOver(limit, in: after)
        return over < Self.linesOver(limit, in: before) ? .resolved : .stillPresent("\(over) line(s) still longer than \(limit) characters")
    }

    /// The limit ruff names in "Line too long (95 > 88)", or 88.
    static func lineLimit(in message: String) -> Int {
        guard let greater = message.lastIndex(of: ">") else { return 88 }
        let digits = message[message.index(after: greater)...].drop(while: { $0 == " " }).prefix(while: { $0.isNumber })
        return Int(digits) ?? 88
    }

    /// How many lines of `document` are longer than `limit` characters.
    static func linesOver(_ limit: Int, in document: Document) -> Int {
        let lines = document.lines
        var count = 0
        for line in 1...lines.lineCount {
            guard let range = lines.contentRange(ofLine: line, in: document.bytes), range.length > limit else { continue }
            let characters = document.bytes[range.asRange].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            if characters > limit { count += 1 }
        }
        return count
    }
}
