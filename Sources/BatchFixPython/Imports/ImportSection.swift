/// The blocks isort's default profile (and ruff's I001) groups imports into, in output order.
public enum ImportSection: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// `from __future__ import ...` (and `import __future__`).
    case future
    case standardLibrary
    case thirdParty
    /// The project's own packages and modules.
    case firstParty
    /// Relative imports (`from . import x`, `from ..a import b`).
    case localFolder

    public static func < (lhs: ImportSection, rhs: ImportSection) -> Bool { lhs.rawValue < rhs.rawValue }

    /// ruff's spelling (`standard-library`, ...), as in its `section-order` setting.
    public var description: String {
        switch self {
        case .future: "future"
        case .standardLibrary: "standard-library"
        case .thirdParty: "third-party"
        case .firstParty: "first-party"
        case .localFolder: "local-folder"
        }
    }
}
