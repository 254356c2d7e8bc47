import BatchFixCore

/// Fixes whitespace findings (W291, W293, W292, W391) with exactly the edits of the check that
/// found them: one line's whitespace, one final newline; nothing else in the file moves.
///
/// Issues it cannot fix itself (E501 line too long, "would reformat") it declines with the reason,
/// so the report says why they remain.
public struct FormattingAgent: CheckFixingAgent {
    public init() {}
    public var name: String { "FormattingAgent" }
    public var kinds: Set<IssueKind> { [.formatting] }

    public let checksByCode: [String: any PythonCheck] = {
        let trailing = TrailingWhitespaceCheck()
        return ["W291": trailing, "W293": trailing, "W292": MissingFinalNewlineCheck(), "W391": TrailingBlankLinesCheck()]
    }()
}
