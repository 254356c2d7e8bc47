import BatchFixCore

/// The project's own modules, found the way ruff's isort finds them with its `src` setting.
///
/// **What it does.** Holds the dotted names of the modules and packages under the project's source
/// roots (default `.` and `src`, as ruff's `src = [".", "src"]`). A name is present when its path
/// exists below a source root: a directory `a/b/c/` (with or without `__init__.py`: namespace
/// packages count) or a file `a/b/c.py` / `a/b/c.pyi`. `import a.b.c` is first-party exactly when
/// `a.b.c` is present — ruff 0.17 checks the whole dotted path, so `import mod.attr` with only
/// `mod.py` is third-party, as is an extension module `ext.cpython-311-x86_64-linux-gnu.so`.
///
/// **Why.** I001 must put `import mypkg.sub` in the first-party block exactly when ruff does.
///
/// **Example.** A root holding `pkg/__init__.py`, `pkg/sub.py`, `tool.py` and `src/spkg/` gives
/// `["pkg", "pkg.sub", "tool", "src", "spkg"]` (and `pkg.__init__`, which no import names).
public struct FirstPartyModules: Sendable, Equatable {
    /// Dotted names of every module and package found.
    public private(set) var modules: Set<String>

    /// Modules given by dotted name (e.g. from a cache, or top-level names only).
    public init(modules: Set<String> = []) { self.modules = modules }

    /// True when `module` (dotted) is one of the project's modules or packages.
    public func contains(_ module: String) -> Bool { modules.contains(module) }

    /// The top-level module names that directory entries provide (pure; `isDirectory` tells folders
    /// from files): identifier-named directories, and `.py` / `.pyi` files by their stem.
    public static func topLevelNames(entries: [(name: String, isDirectory: Bool)]) -> Set<String> {
        var names: Set<String> = []
        for entry in entries {
            if let name = moduleName(of: entry.name, isDirectory: entry.isDirectory) { names.insert(name) }
        }
        return names
    }

    /// The module name a directory entry provides, or nil.
    static func moduleName(of entry: String, isDirectory: Bool) -> String? {
        if entry.hasPrefix(".") || entry == "__pycache__" { return nil }
        if isDirectory { return isIdentifier(entry) ? entry : nil }
        for suffix in [".py", ".pyi"] where entry.hasSuffix(suffix) {
            let stem = String(entry.dropLast(suffix.count))
            return isIdentifier(stem) ? stem : nil
        }
        return nil
    }

    /// Walks `root` and each of `sourceRoots` (relative to `root`) and collects their modules.
    /// Hidden entries and `__pycache__` are skipped; so are directories deeper than `maximumDepth`.
    public static func discover(root: String, sourceRoots: [String] = [".", "src"], maximumDepth: Int = 12) -> FirstPartyModules {
        var found: Set<String> = []
        func walk(_ folder: String, prefix: String, depth: Int) {
            guard depth <= maximumDepth else { return }
            for (item, isDirectory) in FileSystem.listDirectory(folder) {
                guard let name = moduleName(of: item, isDirectory: isDirectory) else { continue }
                let dotted = prefix.isEmpty ? name : prefix + "." + name
                found.insert(dotted)
                if isDirectory { walk(folder + "/" + item, prefix: dotted, depth: depth + 1) }
            }
        }
        for source in sourceRoots {
            let folder = source == "." ? root : root + "/" + source
            walk(folder, prefix: "", depth: 0)
        }
        return FirstPartyModules(modules: found)
    }

    /// True for a valid Python identifier (letters, digits and `_` by Unicode XID rules; not starting with a digit).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return (first == "_" || first.properties.isXIDStart)
            && text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}
