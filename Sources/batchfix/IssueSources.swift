import BatchFixCore
import BatchFixPython

/// Reads `--issues` arguments: `FILE` (format detected by shape) or `FORMAT:FILE` (`batchfix:`,
/// `ruff:`, ...). BatchFix's own format is tried first; tool reports go to their importer.
enum IssueSources {
    static func load(_ spec: String, root: ProjectRoot) throws(BatchFixError) -> [Issue] {
        var format: String?
        var file = spec
        let formats = ["batchfix"] + IssueImporters.all.map(\.format)
        if let colon = spec.firstIndex(of: ":"), formats.contains(String(spec[..<colon])) {
            format = String(spec[..<colon])
            file = String(spec[spec.index(after: colon)...])
        }
        let (bytes, _) = try FileSystem.readTextFile(at: file, displayPath: file, sizeLimit: 1 << 30)
        if format == "batchfix" { return try IssueFile.decode(bytes, fileName: file) }
        let report = ToolReport(path: file, bytes: bytes)
        let context = ImportContext(root: root.path)
        if let format { return try IssueImporters.importIssues(from: report, format: format, in: context) }
        if IssueImporters.detect(report) != nil { return try IssueImporters.importIssues(from: report, in: context) }
        return try IssueFile.decode(bytes, fileName: file)
    }
}
