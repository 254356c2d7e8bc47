import BatchFixCore

/// Imports `ruff check --output-format json` reports.
///
/// **What it does.** Reads the array of diagnostics ruff prints (`code`, `message`, `filename`,
/// `location {row, column}`, `end_location`, `fix {applicability, message, edits}`, `noqa_row`,
/// `url`, and in newer versions `name` and `severity`) into one `Issue` per diagnostic, in report order.
///
/// **Why.** Users already run ruff; BatchFix fixes what ruff reported and verifies each fix, so the
/// report must arrive exactly: the file relative to the project root, ruff's 1-based row and
/// character column kept as they are (`SourceLocation` speaks the same units), and ruff's own fix
/// kept in `details` for agents that want to compare.
///
/// **Example.**
/// ```json
/// [{"code": "F401", "message": "`os` imported but unused", "filename": "/p/a.py",
///   "location": {"row": 1, "column": 8}, "end_location": {"row": 1, "column": 10},
///   "fix": {"applicability": "safe", "message": "Remove unused import: `os`", "edits": [...]},
///   "noqa_row": 1, "url": "https://docs.astral.sh/ruff/rules/unused-import"}]
/// ```
/// becomes an issue `ruff:F401`, kind `import_error`, at `a.py:1:8`–`1:10`, with details
/// `fix_message`, `fix_applicability`, `fix_edits` (the edits as JSON), `noqa_row`, `url`, `name`.
///
/// **Kinds** (see `RuffRuleKind`): F4xx import_error; F811, F841 dead_code; C9xx complexity;
/// S security; E, W, I formatting; D documentation; ANN, TC (and the old TCH) type_error;
/// anything else warning. A syntax error (ruff's `code` null, or `invalid-syntax` since 0.x) is a
/// `warning` with severity high and rule `ruff:syntax-error`: it is reported, never fixed.
///
/// **Fix safety.** Importing changes nothing; ruff's fix is kept only as information.
public struct RuffJSONImporter: IssueImporter {
    public init() {}

    public var format: String { "ruff" }

    /// Value of `Issue.source` for issues from this importer.
    public static let source = "ruff.json"

    /// A ruff report is a JSON array whose elements are objects with `code`, `filename` and `location`
    /// (an empty array counts: it is what ruff prints when all checks pass).
    public func matches(_ report: ToolReport) -> Bool {
        guard let items = report.json?.arrayValue else { return false }
        guard let first = items.first else { return true }
        guard first.objectMembers != nil else { return false }
        return first["filename"] != nil && first["location"] != nil && first["code"] != nil && first["message"] != nil
    }

    public func issues(from report: ToolReport, in context: ImportContext) throws(BatchFixError) -> [Issue] {
        guard let json = report.json else {
            throw report.jsonError ?? .malformedInput(path: report.path, line: nil, reason: "not JSON")
        }
        guard let items = json.arrayValue else {
            throw .malformedInput(path: report.path, line: json.line, reason: "expected a JSON array of ruff diagnostics, found \(json.typeName)")
        }
        var issues: [Issue] = []
        issues.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            issues.append(try issue(from: item, number: index + 1, report: report, context: context))
        }
        return issues
    }

    // MARK: - One diagnostic

    private func issue(from item: ReportJSONValue, number: Int, report: ToolReport, context: ImportContext) throws(BatchFixError) -> Issue {
        let fields = Fields(object: item, report: report, what: "diagnostic #\(number)")
        guard item.objectMembers != nil else { throw fields.fail(item, "expected an object, found \(item.typeName)") }

        let code = try fields.optionalString("code")
        let message = try fields.requiredString("message")
        let filename = try fields.requiredString("filename")
        let (row, column) = try fields.position("location", required: true)!
        let end = try fields.position("end_location", required: false)

        guard let path = try projectPath(filename, item: item, context: context, report: report) else {
            throw fields.fail(item, "file \"\(filename)\" is outside the project root \(context.root)")
        }

        var details: [String: String] = [:]
        let isSyntaxError = code == nil || code == "invalid-syntax" || code == "E999"
        let rule: RuleCode = isSyntaxError ? RuleCode(tool: "ruff", code: "syntax-error") : RuleCode(tool: "ruff", code: code!)
        let kind = isSyntaxError ? IssueKind.warning : RuffRuleKind.kind(of: code!)
        let severity = isSyntaxError ? Severity.high : RuffRuleKind.severity(of: code!)
        if isSyntaxError { details["syntax_error"] = "true" }

        if let name = try fields.optionalString("name") { details["name"] = name }
        if let url = try fields.optionalString("url") { details["url"] = url }
        if let noqa = item["noqa_row"], !noqa.isNull {
            guard let value = noqa.intValue else { throw fields.fail(noqa, "`noqa_row` must be an integer or null, found \(noqa.typeName)") }
            details["noqa_row"] = String(value)
        }
        if let cell = item["cell"], !cell.isNull {
            guard let value = cell.intValue else { throw fields.fail(cell, "`cell` must be an integer or null, found \(cell.typeName)") }
            details["cell"] = String(value)
        }
        if let fix = item["fix"], !fix.isNull {
            try readFix(fix, into: &details, fields: fields)
        }

        let location = SourceLocation(file: path.value, line: row, column: column, endLine: end?.row, endColumn: end?.column)
        return Issue(
            id: "ruff-\(number)", kind: kind, severity: severity, message: message, location: location,
            rule: rule, details: details, source: Self.source
        )
    }

    private func projectPath(_ filename: String, item: ReportJSONValue, context: ImportContext, report: ToolReport) throws(BatchFixError) -> ProjectPath? {
        do {
            return try context.projectPath(for: filename)
        } catch {
            let reason: String
            if case let .unsafePath(_, why) = error { reason = why } else { reason = error.description }
            throw .malformedInput(path: report.path, line: item["filename"]?.line ?? item.line, reason: "file \"\(filename)\": \(reason)")
        }
    }

    private func readFix(_ fix: ReportJSONValue, into details: inout [String: String], fields: Fields) throws(BatchFixError) {
        guard fix.objectMembers != nil else { throw fields.fail(fix, "`fix` must be an object or null, found \(fix.typeName)") }
        let fixFields = Fields(object: fix, report: fields.report, what: fields.what + " fix")
        if let applicability = try fixFields.optionalString("applicability") { details["fix_applicability"] = applicability }
        if let message = try fixFields.optionalString("message") { details["fix_message"] = message }
        guard let edits = fix["edits"] else { return }
        guard let list = edits.arrayValue else { throw fixFields.fail(edits, "`edits` must be an array, found \(edits.typeName)") }
        var encoded: [String] = []
        for edit in list {
            guard edit.objectMembers != nil else { throw fixFields.fail(edit, "each edit must be an object, found \(edit.typeName)") }
            let editFields = Fields(object: edit, report: fields.report, what: fields.what + " edit")
            let content = try editFields.requiredString("content")
            let start = try editFields.position("location", required: true)!
            let end = try editFields.position("end_location", required: true)!
            encoded.append(RuffEdit(content: content, start: start, end: end).json)
        }
        details["fix_edits"] = "[" + encoded.joined(separator: ",") + "]"
    }
}

/// One edit of a ruff fix: replace the text from `start` up to `end` (1-based rows and character columns) by `content`.
public struct RuffEdit: Equatable, Sendable {
    public var content: String
    public var start: (row: Int, column: Int)
    public var end: (row: Int, column: Int)

    public init(content: String, start: (row: Int, column: Int), end: (row: Int, column: Int)) {
        self.content = content
        self.start = start
        self.end = end
    }

    public static func == (lhs: RuffEdit, rhs: RuffEdit) -> Bool {
        lhs.content == rhs.content && lhs.start == rhs.start && lhs.end == rhs.end
    }

    /// The edit as ruff spells it in JSON.
    var json: String {
        "{\"content\":\(ReportJSONReader.quote(content)),\"location\":{\"row\":\(start.row),\"column\":\(start.column)},"
            + "\"end_location\":{\"row\":\(end.row),\"column\":\(end.column)}}"
    }

    /// The edits of ruff's fix kept in an imported issue's `details["fix_edits"]`, or nil when it has none.
    public static func edits(of issue: Issue) -> [RuffEdit]? {
        guard let text = issue.details["fix_edits"],
              let json = try? ReportJSONReader.parse(Array(text.utf8), path: "fix_edits"), let items = json.arrayValue
        else { return nil }
        var edits: [RuffEdit] = []
        for item in items {
            guard let content = item["content"]?.stringValue,
                  let row = item["location"]?["row"]?.intValue, let column = item["location"]?["column"]?.intValue,
                  let endRow = item["end_location"]?["row"]?.intValue, let endColumn = item["end_location"]?["column"]?.intValue
            else { return nil }
            edits.append(RuffEdit(content: content, start: (row, column), end: (endRow, endColumn)))
        }
        return edits
    }
}

/// The issue kind and severity BatchFix gives a ruff rule code.
///
/// | code | kind | severity |
/// |---|---|---|
/// | `F4xx` (F401 unused import, F403/F405 star imports, F404 late `__future__`, ...) | import_error | medium |
/// | `F811` redefinition, `F841` unused variable | dead_code | medium |
/// | `F821`–`F823` undefined names, `E9xx` | warning | high (they fail at run time) |
/// | `C9xx` (C901 too complex) | complexity | medium |
/// | `S` (flake8-bandit) | security | high |
/// | `E`, `W`, `I` (pycodestyle, isort) | formatting | low |
/// | `D` (pydocstyle) | documentation | low |
/// | `ANN`, `TC`, `TCH` (annotations, type-checking imports) | type_error | medium |
/// | anything else (`UP`, `B`, `SIM`, `PL...`, other `F`, other `C`) | warning | medium |
///
/// The linter prefix is the code's leading letters, so `SIM102` is not `S`, `ERA001` is not `E`, and
/// `C416` (comprehensions) is not `C9`.
public enum RuffRuleKind {
    /// Splits a code into its leading letters and the rest (`"PLR0913"` → `("PLR", "0913")`).
    static func split(_ code: String) -> (prefix: Substring, number: Substring) {
        let letters = code.prefix { $0.isASCII && $0.isLetter }
        return (letters, code.dropFirst(letters.count))
    }

    /// The issue kind of a ruff rule code.
    public static func kind(of code: String) -> IssueKind {
        let (prefix, number) = split(code)
        switch prefix {
        case "F":
            if number.hasPrefix("4") { return .importError }
            if number == "811" || number == "841" { return .deadCode }
            return .warning
        case "C": return number.hasPrefix("9") ? .complexity : .warning
        case "S": return .security
        case "E", "W", "I": return number.hasPrefix("9") && prefix == "E" ? .warning : .formatting
        case "D": return .documentation
        case "ANN", "TC", "TCH": return .typeError
        default: return .warning
        }
    }

    /// The severity of a ruff rule code.
    public static func severity(of code: String) -> Severity {
        let (prefix, number) = split(code)
        switch prefix {
        case "F" where number.hasPrefix("82"): return .high
        case "E" where number.hasPrefix("9"): return .high
        case "S": return .high
        case "E", "W", "I", "D": return .low
        default: return .medium
        }
    }
}

// MARK: - Field access with line-numbered errors

private struct Fields {
    let object: ReportJSONValue
    let report: ToolReport
    let what: String

    init(object: ReportJSONValue, report: ToolReport, what: String) {
        self.object = object
        self.report = report
        self.what = what
    }

    func fail(_ value: ReportJSONValue, _ reason: String) -> BatchFixError {
        .malformedInput(path: report.path, line: value.line, reason: "\(what): \(reason)")
    }

    func requiredString(_ key: String) throws(BatchFixError) -> String {
        guard let value = object[key] else { throw fail(object, "missing `\(key)`") }
        guard let text = value.stringValue else { throw fail(value, "`\(key)` must be a string, found \(value.typeName)") }
        return text
    }

    func optionalString(_ key: String) throws(BatchFixError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw fail(value, "`\(key)` must be a string or null, found \(value.typeName)") }
        return text
    }

    /// Reads `{row, column}` (both integers ≥ 1; column may be 0 in some ruff versions for file-level diagnostics).
    func position(_ key: String, required: Bool) throws(BatchFixError) -> (row: Int, column: Int)? {
        guard let value = object[key], !value.isNull else {
            if required { throw fail(object, "missing `\(key)`") }
            return nil
        }
        guard value.objectMembers != nil else { throw fail(value, "`\(key)` must be an object with `row` and `column`, found \(value.typeName)") }
        guard let rowValue = value["row"] else { throw fail(value, "`\(key)` has no `row`") }
        guard let columnValue = value["column"] else { throw fail(value, "`\(key)` has no `column`") }
        guard let row = rowValue.intValue, row >= 1 else { throw fail(rowValue, "`\(key).row` must be an integer ≥ 1") }
        guard let column = columnValue.intValue, column >= 0 else { throw fail(columnValue, "`\(key).column` must be an integer ≥ 0") }
        return (row, column)
    }
}

// MARK: - Ruff positions to byte offsets

/// Converts ruff's positions (1-based row, 1-based character column) to byte offsets of a document.
///
/// ruff reads a file without its UTF-8 BOM; `LineIndex` counts line 1's columns after the BOM too.
public enum RuffPosition {
    /// The byte offset of ruff's `(row, column)` in `document`, or nil when it lies outside the text.
    public static func offset(row: Int, column: Int, in document: Document) -> Int? {
        let lines = document.lines
        // ruff puts the end of the file at (last line + 1, 1) when the file ends with a line ending.
        if row == lines.lineCount + 1, column == 1, let last = document.bytes.last, last == 0x0A || last == 0x0D {
            return document.bytes.count
        }
        return lines.offset(line: row, column: column, in: document.bytes)
    }
}

extension RuffEdit {
    /// This edit as a byte-range `TextEdit` on `document`, or nil when a position is outside it.
    public func textEdit(in document: Document) -> TextEdit? {
        guard let start = RuffPosition.offset(row: start.row, column: start.column, in: document),
              let end = RuffPosition.offset(row: end.row, column: end.column, in: document), start <= end
        else { return nil }
        return TextEdit(range: TextRange(start: start, end: end), replacement: content)
    }
}
