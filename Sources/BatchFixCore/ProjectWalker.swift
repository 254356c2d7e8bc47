#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files of a project to check: recursive, sorted, never following symlinked folders,
/// skipping tool and VCS folders and user exclusions.
public struct ProjectWalker: Sendable {
    /// Folder names never entered (like ruff's default excludes).
    public static let defaultExcludedFolders: Set<String> = [
        ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", ".mypy_cache", ".ruff_cache",
        ".pytest_cache", "node_modules", ".build", "build", "dist", "site-packages", ".batchfix_cache", ".eggs", "__pypackages__",
    ]

    public var extensions: Set<String>
    /// True for project-relative paths (files and folders) the user excluded.
    public var isExcluded: @Sendable (String) -> Bool

    public init(extensions: Set<String>, isExcluded: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.extensions = extensions
        self.isExcluded = isExcluded
    }

    /// Files under `start` (a folder or a file, project-relative; nil = the whole root).
    public func files(in root: ProjectRoot, under start: ProjectPath? = nil) throws(BatchFixError) -> [ProjectPath] {
        var found: [ProjectPath] = []
        let startPath = start.map { root.path + "/" + $0.value } ?? root.path
        var info = stat()
        guard stat(startPath, &info) == 0 else {
            throw .io(path: start?.value ?? ".", operation: "open", reason: FileSystem.errnoText())
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            if let start { found.append(start) }
            return found
        }
        walk(directory: startPath, relative: start?.value ?? "", into: &found)
        return found.sorted()
    }

    private func walk(directory: String, relative: String, into found: inout [ProjectPath]) {
        guard let dir = opendir(directory) else { return }
        var entries: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name = FileSystem.entryName(entry)
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(dir)
        for (name, type) in entries {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = directory + "/" + name
            if isExcluded(childRelative) { continue }
            var kind = type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(childPath, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
            }
            if kind == UInt8(DT_DIR) {
                if Self.defaultExcludedFolders.contains(name) { continue }
                walk(directory: childPath, relative: childRelative, into: &found)
            } else if kind == UInt8(DT_REG) || kind == UInt8(DT_LNK) {
                let path = ProjectPath(trusted: childRelative)
                if extensions.contains(path.fileExtension), !name.contains(FileSystem.tempMarker) { found.append(path) }
            }
        }
    }
}
