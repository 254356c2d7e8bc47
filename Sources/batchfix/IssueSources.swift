import BatchFixCore

/// Reads `--issues` arguments: `FILE` (format detected) or `FORMAT:FILE`.
enum IssueSources {
    /// Formats that can be forced with a `FORMAT:` prefix.
    static let formats = ["batchfix"]

    static func load(_ spec: String, root: ProjectRoot) throws(BatchFixError) -> [Issue] {
        var format: String?
        var file = spec
        if let colon = spec.firstIndex(of: ":"), formats.contains(String(spec[..<colon])) {
            format = String(spec[..<colon])
            file = String(spec[spec.index(after: colon)...])
        }
        let (bytes, _) = try FileSystem.readTextFile(at: file, displayPath: file, sizeLimit: 1 << 30)
        switch format {
        case "batchfix", nil:
            return try IssueFile.decode(bytes, fileName: file)
        default:
            throw .usage("unknown issue format \(format!) (expected one of: \(formats.joined(separator: ", ")))")
        }
    }
}
