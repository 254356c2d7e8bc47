/// A Python language version (major.minor), as in ruff's `target-version = "py311"`.
public struct PythonVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `py311`, `3.11` or `3.11.4`; nil for anything else.
    public init?(parsing text: String) {
        var digits = Substring(text)
        if digits.hasPrefix("py") {
            digits = digits.dropFirst(2)
            guard digits.count >= 2, digits.allSatisfy(\.isASCII), let major = Int(digits.prefix(1)), let minor = Int(digits.dropFirst()) else { return nil }
            self.init(major, minor)
            return
        }
        let parts = digits.split(separator: ".")
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major, minor)
    }

    public static let py38 = PythonVersion(3, 8)
    public static let py39 = PythonVersion(3, 9)
    public static let py310 = PythonVersion(3, 10)
    public static let py311 = PythonVersion(3, 11)
    public static let py312 = PythonVersion(3, 12)
    public static let py313 = PythonVersion(3, 13)

    /// The versions BatchFix knows the standard library of, oldest first.
    public static let supported: [PythonVersion] = [.py38, .py39, .py310, .py311, .py312, .py313]

    /// The version ruff 0.17.6 classifies imports by when no `target-version` or `requires-python`
    /// is configured: measured as 3.11 (`tomllib` is standard library, `asynchat` still is, `_wmi`
    /// is not), see `Fixtures/isort/sections_default.json`.
    public static let ruffDefault = PythonVersion.py311

    public static func < (lhs: PythonVersion, rhs: PythonVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
