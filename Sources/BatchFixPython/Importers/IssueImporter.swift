import BatchFixCore

/// A tool report as it arrives: its bytes, where it came from, and (for JSON reports) its parse.
///
/// The report is parsed once and shared by every importer asked whether the report is theirs.
public struct ToolReport: Sendable {
    /// Where the report was read from, as the user named it (used in error messages only).
    public let path: String
    public let bytes: [UInt8]
    /// The parsed JSON, or nil when the bytes are not JSON (text reports such as pytest's output).
    public let json: ReportJSONValue?
    /// Why the bytes are not JSON, when they are not (the error a JSON importer should report).
    public let jsonError: BatchFixError?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        do throws(BatchFixError) {
            json = try ReportJSONReader.parse(bytes, path: path)
            jsonError = nil
        } catch {
            json = nil
            jsonError = error
        }
    }
}

/// What an importer needs besides the report: the project root every file path is made relative to.
public struct ImportContext: Sendable {
    /// Absolute path of the project root, without a trailing `/` (except for `/` itself).
    public let root: String
    /// The same root with symlinks resolved, when it differs (tools may print either spelling).
    public let resolvedRoot: String?

    public init(root: String, resolvedRoot: String? = nil) {
        self.root = ImportContext.normalise(root)
        let resolved = resolvedRoot.map(ImportContext.normalise)
        self.resolvedRoot = resolved == self.root ? nil : resolved
    }

    /// Turns a path a tool printed into a project path: an absolute path must lie under the root;
    /// a relative one is taken as relative to the root. Returns nil when the file is outside the root.
    public func projectPath(for reported: String) throws(BatchFixError) -> ProjectPath? {
        guard reported.hasPrefix("/") else { return try ProjectPath(reported) }
        for base in [root] + (resolvedRoot.map { [$0] } ?? []) {
            let prefix = base == "/" ? "/" : base + "/"
            if reported.hasPrefix(prefix) {
                return try ProjectPath(String(reported.dropFirst(prefix.count)))
            }
        }
        return nil
    }

    static func normalise(_ path: String) -> String {
        var text = path
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// Reads one tool's report format into issues. One importer per file under `Importers/`.
///
/// Importers are stateless values; `IssueImporters.detect(_:)` picks one by the report's shape.
public protocol IssueImporter: Sendable {
    /// The format's name, as used in `--issues NAME:FILE` (e.g. `ruff`).
    var format: String { get }
    /// True when `report` has this format's shape (cheap: looks at keys, not at every value).
    func matches(_ report: ToolReport) -> Bool
    /// Converts the report into issues, in report order.
    ///
    /// - Throws: `BatchFixError.malformedInput` naming the report and line for anything it cannot read,
    ///   and for a file outside the project root.
    func issues(from report: ToolReport, in context: ImportContext) throws(BatchFixError) -> [Issue]
}

/// The registered importers and the detection that picks one for a report.
public enum IssueImporters {
    /// Every importer, in detection order (the first that matches wins).
    public static let all: [any IssueImporter] = [RuffJSONImporter()]

    /// The importer registered under `format` (e.g. `ruff` from `--issues ruff:FILE`).
    public static func importer(named format: String) -> (any IssueImporter)? {
        all.first { $0.format == format }
    }

    /// The first importer whose shape matches `report`, or nil.
    public static func detect(_ report: ToolReport) -> (any IssueImporter)? {
        all.first { $0.matches(report) }
    }

    /// Detects the format (or uses `format` when given) and imports the report.
    ///
    /// - Throws: `malformedInput` when the format is unknown or not recognised, with the JSON error
    ///   when the report is not even JSON.
    public static func importIssues(
        from report: ToolReport, format: String? = nil, in context: ImportContext
    ) throws(BatchFixError) -> [Issue] {
        if let format {
            guard let importer = importer(named: format) else {
                let known = all.map(\.format).joined(separator: ", ")
                throw .malformedInput(path: report.path, line: nil, reason: "unknown report format \"\(format)\" (known: \(known))")
            }
            return try importer.issues(from: report, in: context)
        }
        if let importer = detect(report) { return try importer.issues(from: report, in: context) }
        if let jsonError = report.jsonError { throw jsonError }
        throw .malformedInput(path: report.path, line: nil, reason: "not a report format BatchFix knows (tried: \(all.map(\.format).joined(separator: ", ")))")
    }
}
