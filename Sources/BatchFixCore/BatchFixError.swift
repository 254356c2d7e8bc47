/// Every error BatchFix reports to a user: one line that names the file (and line) and the reason.
public enum BatchFixError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path that would leave the project root or is malformed.
    case unsafePath(path: String, reason: String)
    /// A symlink or path that resolves outside the project root.
    case escapesRoot(path: String, resolved: String)
    /// The file cannot be read or written (errno text).
    case io(path: String, operation: String, reason: String)
    /// The file is not something we edit: binary, not UTF-8, too large, not a regular file.
    case unsupportedFile(path: String, reason: String)
    /// The file changed on disk after it was read; our version is not written.
    case conflict(path: String)
    /// An input file (issues JSON, tool report, config) is malformed.
    case malformedInput(path: String, line: Int?, reason: String)
    /// A command-line usage error.
    case usage(String)

    public var description: String {
        switch self {
        case let .unsafePath(path, reason): "\(quoted(path)): unsafe path: \(reason)"
        case let .escapesRoot(path, resolved): "\(quoted(path)): escapes project root (resolves to \(resolved))"
        case let .io(path, operation, reason): "\(path): cannot \(operation): \(reason)"
        case let .unsupportedFile(path, reason): "\(path): skipped: \(reason)"
        case let .conflict(path): "\(path): changed on disk since it was read; not overwritten"
        case let .malformedInput(path, line, reason):
            if let line { "\(path):\(line): \(reason)" } else { "\(path): \(reason)" }
        case let .usage(message): message
        }
    }
}

private func quoted(_ path: String) -> String {
    var out = "\""
    for scalar in path.unicodeScalars {
        switch scalar {
        case "\0": out += "\\0"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
