/// The `noqa` suppressions of one file: line directives, file-level exemptions, and the line
/// mapping that sends a diagnostic inside a multi-line string or backslash continuation to the
/// line whose comment suppresses it.
///
/// **What it does.** `isSuppressed(_:atLine:)` answers whether ruff would hide a diagnostic of a
/// rule on a line: a file exemption (`# ruff: noqa`, `# ruff: noqa: F401`, `# flake8: noqa`) for the
/// rule, or a directive on the diagnostic's noqa line (its own line, or the last line of its
/// multi-line string / continued statement).
///
/// **Why.** Fixes must skip what the user suppressed (RELIABILITY U24), and a check of ours must
/// report exactly what ruff reports.
///
/// **Example.** `import os  # noqa: F401` → `isSuppressed("F401", atLine: 1)` is true,
/// `isSuppressed("E501", atLine: 1)` false.
///
/// **Fix safety.** Reading only.
public struct NoqaIndex: Sendable {
    /// The valid directive of each line that has one.
    public let directives: [Int: NoqaDirective]
    /// All rules exempted in the whole file (`# ruff: noqa`, `# flake8: noqa`).
    public let exemptsAll: Bool
    /// Codes exempted in the whole file (`# ruff: noqa: F401`).
    public let exemptCodes: Set<String>
    /// Malformed directives: line and ruff's reason, for warnings.
    public let invalid: [(line: Int, reason: String)]
    private let lineGroups: [ClosedRange<Int>]

    /// Builds the index from a file's bytes with `CommentScan` (until tokens are available).
    public init(source bytes: [UInt8]) {
        let scan = CommentScan(bytes)
        self.init(comments: scan.comments, lineGroups: scan.lineGroups, in: bytes)
    }

    /// Builds the index from comment ranges (e.g. comment tokens) and noqa line groups.
    public init(comments: [SourceComment], lineGroups: [ClosedRange<Int>], in bytes: [UInt8]) {
        var directives: [Int: NoqaDirective] = [:]
        var invalid: [(line: Int, reason: String)] = []
        var exemptsAll = false
        var exemptCodes: Set<String> = []
        for comment in comments {
            let text = bytes[comment.range]
            switch NoqaParser.fileExemption(in: text, isOwnLine: comment.isOwnLine) {
            case let .directive(directive):
                switch directive.codes {
                case .all: exemptsAll = true
                case let .only(codes): exemptCodes.formUnion(codes)
                }
                continue
            case let .invalid(_, reason):
                invalid.append((comment.line, reason))
                continue
            case .none:
                break
            }
            switch NoqaParser.lineDirective(in: text) {
            case let .directive(directive): directives[comment.line] = directive
            case let .invalid(_, reason): invalid.append((comment.line, reason))
            case .none: break
            }
        }
        self.directives = directives
        self.invalid = invalid
        self.exemptsAll = exemptsAll
        self.exemptCodes = exemptCodes
        self.lineGroups = lineGroups
    }

    /// The line whose `noqa` comment governs a diagnostic on `line`.
    public func noqaLine(for line: Int) -> Int {
        var low = 0
        var high = lineGroups.count
        while low < high {
            let mid = (low + high) / 2
            if lineGroups[mid].upperBound < line { low = mid + 1 } else { high = mid }
        }
        if low < lineGroups.count, lineGroups[low].contains(line) { return lineGroups[low].upperBound }
        return line
    }

    /// True when ruff would not report rule `code` at 1-based `line`.
    public func isSuppressed(_ code: String, atLine line: Int) -> Bool {
        if exemptsAll || exemptCodes.contains(code) { return true }
        return directives[noqaLine(for: line)]?.suppresses(code) ?? false
    }
}
