/// The BatchFix issue interchange format (version 1), read by `--issues FILE` and written by
/// `batchfix check --format json`.
///
/// Accepted shapes: a bare array of issue objects, or `{"version": 1, "issues": [...]}`. Each issue:
/// `kind` (required, one of the sixteen kinds), `message` (required), `file` (required, relative to
/// the project root), `severity` (low|medium|high|critical, default medium), `line`, `column`,
/// `end_line`, `end_column` (1-based, column in characters), `rule` (`tool:CODE`), `id`, `source`,
/// `details` (an object of strings). Unknown members are ignored so newer writers stay readable.
public enum IssueFile {
    public static let currentVersion = 1

    /// Decodes an issue file; every error names the file, the line and what is wrong.
    public static func decode(_ bytes: [UInt8], fileName: String) throws(BatchFixError) -> [Issue] {
        func fail(_ value: ReportJSONValue?, _ reason: String) -> BatchFixError {
            .malformedInput(path: fileName, line: value?.line, reason: reason)
        }
        let root = try ReportJSONReader.parse(bytes, path: fileName)
        let items: [ReportJSONValue]
        switch root.kind {
        case .array(let array):
            items = array
        case .object:
            if let version = root["version"] {
                guard let number = version.intValue else { throw fail(version, "\"version\" must be an integer") }
                guard number == currentVersion else {
                    throw fail(version, "unsupported issue file version \(number) (this batchfix reads version \(currentVersion))")
                }
            }
            guard let issues = root["issues"] else { throw fail(root, "missing \"issues\" array") }
            guard let array = issues.arrayValue else { throw fail(issues, "\"issues\" must be an array, got \(issues.typeName)") }
            items = array
        default:
            throw fail(root, "expected an array of issues or {\"version\": 1, \"issues\": [...]}, got \(root.typeName)")
        }
        var issues: [Issue] = []
        issues.reserveCapacity(items.count)
        var usedIDs: Set<String> = []
        for (index, item) in items.enumerated() {
            let issue = try decodeIssue(item, number: index + 1, fail: fail)
            guard usedIDs.insert(issue.id).inserted else { throw fail(item, "issue \(index + 1): duplicate id \"\(issue.id)\"") }
            issues.append(issue)
        }
        return issues
    }

    private static func decodeIssue(_ node: ReportJSONValue, number: Int, fail: (ReportJSONValue?, String) -> BatchFixError) throws(BatchFixError) -> Issue {
        guard node.objectMembers != nil else { throw fail(node, "issue \(number): expected an object, got \(node.typeName)") }
        func string(_ key: String, required: Bool) throws(BatchFixError) -> String? {
            guard let member = node[key], !member.isNull else {
                if required { throw fail(node, "issue \(number): missing \"\(key)\"") }
                return nil
            }
            guard let text = member.stringValue else { throw fail(member, "issue \(number): \"\(key)\" must be a string, got \(member.typeName)") }
            return text
        }
        func position(_ key: String) throws(BatchFixError) -> Int? {
            guard let member = node[key], !member.isNull else { return nil }
            guard let value = member.intValue, value >= 0 else {
                throw fail(member, "issue \(number): \"\(key)\" must be a non-negative integer")
            }
            return value
        }
        let kindText = try string("kind", required: true)!
        guard let kind = IssueKind(rawValue: kindText) else {
            throw fail(node["kind"], "issue \(number): unknown kind \"\(kindText)\" (expected one of \(IssueKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var severity = Severity.medium
        if let text = try string("severity", required: false) {
            guard let parsed = Severity(rawValue: text) else {
                throw fail(node["severity"], "issue \(number): unknown severity \"\(text)\" (expected low, medium, high or critical)")
            }
            severity = parsed
        }
        let message = try string("message", required: true)!
        let file = try string("file", required: true)!
        var rule: RuleCode?
        if let text = try string("rule", required: false) {
            guard let parsed = RuleCode(parsing: text) else { throw fail(node["rule"], "issue \(number): rule must look like \"tool:CODE\", got \"\(text)\"") }
            rule = parsed
        }
        var details: [String: String] = [:]
        if let member = node["details"], !member.isNull {
            guard let pairs = member.objectMembers else { throw fail(member, "issue \(number): \"details\" must be an object") }
            for (key, value) in pairs {
                switch value.kind {
                case .string(let text): details[key] = text
                case .number(let text): details[key] = text
                case .bool(let flag): details[key] = flag ? "true" : "false"
                default: throw fail(value, "issue \(number): details.\(key) must be a string, number or boolean")
                }
            }
        }
        let location = SourceLocation(
            file: file, line: try position("line"), column: try position("column"),
            endLine: try position("end_line"), endColumn: try position("end_column")
        )
        return Issue(
            id: try string("id", required: false) ?? String(number), kind: kind, severity: severity, message: message,
            location: location, rule: rule, details: details, source: try string("source", required: false) ?? "issues-file"
        )
    }

    /// Encodes issues in the version-1 object shape, deterministic key order.
    public static func encode(_ issues: [Issue]) -> String {
        var out = "{\"version\": \(currentVersion), \"issues\": ["
        for (index, issue) in issues.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += encodeIssue(issue)
        }
        out += issues.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// One issue as a JSON object on one line.
    public static func encodeIssue(_ issue: Issue) -> String {
        var members: [String] = [
            "\"id\": \(JSONText.quote(issue.id))",
            "\"kind\": \(JSONText.quote(issue.kind.rawValue))",
            "\"severity\": \(JSONText.quote(issue.severity.rawValue))",
            "\"message\": \(JSONText.quote(issue.message))",
            "\"file\": \(JSONText.quote(issue.location.file))",
        ]
        if let line = issue.location.line { members.append("\"line\": \(line)") }
        if let column = issue.location.column { members.append("\"column\": \(column)") }
        if let endLine = issue.location.endLine { members.append("\"end_line\": \(endLine)") }
        if let endColumn = issue.location.endColumn { members.append("\"end_column\": \(endColumn)") }
        if let rule = issue.rule { members.append("\"rule\": \(JSONText.quote(rule.description))") }
        members.append("\"source\": \(JSONText.quote(issue.source))")
        if !issue.details.isEmpty {
            let pairs = issue.details.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)): \(JSONText.quote($0.value))" }
            members.append("\"details\": {" + pairs.joined(separator: ", ") + "}")
        }
        return "{" + members.joined(separator: ", ") + "}"
    }
}

/// JSON text helpers for writers that build output by hand (reports, issue files).
public enum JSONText {
    /// `text` as a JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
