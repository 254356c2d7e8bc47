/// What kind of problem an issue is; the routing table picks agents by kind when no rule code matches.
///
/// The sixteen kinds of the seed plan, spelled in `snake_case` in the interchange JSON.
public enum IssueKind: String, CaseIterable, Codable, Sendable, Hashable {
    case formatting
    case typeError = "type_error"
    case security
    case testFailure = "test_failure"
    case importError = "import_error"
    case complexity
    case deadCode = "dead_code"
    case dependency
    case dryViolation = "dry_violation"
    case performance
    case documentation
    case testOrganization = "test_organization"
    case coverageImprovement = "coverage_improvement"
    case regexValidation = "regex_validation"
    case semanticContext = "semantic_context"
    case warning
}

/// How bad an issue is, from `low` to `critical`.
public enum Severity: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case low, medium, high, critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The rule that reported an issue: the tool and its code, written `tool:CODE` (e.g. `ruff:F401`).
public struct RuleCode: Hashable, Sendable, CustomStringConvertible {
    public var tool: String
    public var code: String

    public init(tool: String, code: String) {
        self.tool = tool
        self.code = code
    }

    /// Parses `tool:CODE`; a bare `CODE` gets the tool `unknown`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let colon = trimmed.firstIndex(of: ":") {
            let tool = String(trimmed[..<colon])
            let code = String(trimmed[trimmed.index(after: colon)...])
            guard !tool.isEmpty, !code.isEmpty else { return nil }
            self.init(tool: tool, code: code)
        } else {
            self.init(tool: "unknown", code: trimmed)
        }
    }

    public var description: String { "\(tool):\(code)" }
}

extension RuleCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = RuleCode(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "rule must be \"tool:CODE\", got \"\(text)\"")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Where an issue is: a project-relative file and a 1-based line and column (characters), with an optional end.
///
/// Tools report characters; the byte range is computed against the document when an agent needs it.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file, relative to the project root, with `/` separators.
    public var file: String
    /// 1-based line, or nil when the issue is about the whole file.
    public var line: Int?
    /// 1-based column in characters, or nil.
    public var column: Int?
    public var endLine: Int?
    public var endColumn: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// `file:line:column` as compilers print it.
    public var display: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// One code-quality problem to fix: the unit that goes in and comes out of a batch.
public struct Issue: Hashable, Sendable, Codable, Identifiable {
    /// Unique within a batch; assigned in input order when the source gives none.
    public var id: String
    public var kind: IssueKind
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var rule: RuleCode?
    /// Free-form facts from the reporting tool (e.g. the unused name, a fix suggestion).
    public var details: [String: String]
    /// Which check or report the issue came from (e.g. `builtin`, `ruff.json`).
    public var source: String

    public init(
        id: String, kind: IssueKind, severity: Severity = .medium, message: String,
        location: SourceLocation, rule: RuleCode? = nil, details: [String: String] = [:], source: String = "builtin"
    ) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
        self.details = details
        self.source = source
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
