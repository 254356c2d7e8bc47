/// A path relative to the project root, checked before any I/O: no absolute paths, no `..`, no `~`,
/// no NUL, no backslashes, normalised to `/`-separated components without `.`.
///
/// Two spellings of one file (`./a.py`, `a.py`) give equal values; symlink aliases are merged later
/// by the workspace, which keys documents by the resolved path.
public struct ProjectPath: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Normalised relative path, e.g. `pkg/a.py`.
    public let value: String

    /// Validates and normalises `text`; throws `BatchFixError.unsafePath` with the reason.
    public init(_ text: String) throws(BatchFixError) {
        func refuse(_ reason: String) -> BatchFixError { .unsafePath(path: text, reason: reason) }
        if text.isEmpty { throw refuse("empty path") }
        if text.utf8.contains(0) { throw refuse("contains a NUL byte") }
        if text.contains("\\") { throw refuse("contains a backslash (use / separators)") }
        if text.hasPrefix("/") { throw refuse("absolute paths are not allowed; give a path relative to the project root") }
        if text.hasPrefix("~") { throw refuse("paths starting with ~ are not allowed") }
        var parts: [Substring] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { throw refuse("contains '..'") }
            parts.append(part)
        }
        if parts.isEmpty { throw refuse("names the project root itself, not a file") }
        value = parts.joined(separator: "/")
    }

    /// Trusted constructor for paths the project produced itself (directory walks).
    init(trusted value: String) { self.value = value }

    public var description: String { value }
    public static func < (lhs: ProjectPath, rhs: ProjectPath) -> Bool { lhs.value < rhs.value }

    /// The last component, e.g. `a.py`.
    public var fileName: String { String(value.split(separator: "/").last ?? Substring(value)) }

    /// The extension after the last dot of the file name, without the dot (`py`, `toml`), or "".
    public var fileExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try ProjectPath(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
