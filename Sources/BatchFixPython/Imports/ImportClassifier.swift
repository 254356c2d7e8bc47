/// Puts an import in its isort section, with ruff's precedence.
///
/// **What it does.** `section(module:level:)` answers, in this order:
/// 1. a relative import (`level > 0`) → local-folder;
/// 2. `__future__` → future;
/// 3. a configured known module (`known-first-party`, `known-third-party`, `known-local-folder`;
///    a name matches itself and its submodules, `*`/`?` globs allowed) → that section;
/// 4. a standard-library module of `targetVersion` → standard-library;
/// 5. the top-level name of the package the file is in (ruff's `detect-same-package`) → first-party;
/// 6. a module whose whole dotted path exists in the project's source roots (`FirstPartyModules`) → first-party;
/// 7. otherwise third-party.
///
/// **Why.** I001 compares our blocks with ruff's; a module in the wrong block is a spurious diff.
///
/// **Example.** With `firstPartyModules` holding `mypkg` and `mypkg.util`: `os` → standard-library, `requests` →
/// third-party, `mypkg.util` → first-party, `from . import x` → local-folder.
public struct ImportClassifier: Sendable {
    public var targetVersion: PythonVersion
    /// Modules found in the project (see `FirstPartyModules.discover`).
    public var firstPartyModules: FirstPartyModules
    /// `known-first-party` patterns from the configuration.
    public var knownFirstParty: [String]
    /// `known-third-party` patterns from the configuration.
    public var knownThirdParty: [String]
    /// `known-local-folder` patterns from the configuration.
    public var knownLocalFolder: [String]
    /// Top-level package of the file being sorted, when it is inside one (same-package detection).
    public var currentPackage: String?

    public init(
        targetVersion: PythonVersion = .ruffDefault, firstPartyModules: FirstPartyModules = FirstPartyModules(),
        knownFirstParty: [String] = [], knownThirdParty: [String] = [], knownLocalFolder: [String] = [],
        currentPackage: String? = nil
    ) {
        self.targetVersion = targetVersion
        self.firstPartyModules = firstPartyModules
        self.knownFirstParty = knownFirstParty
        self.knownThirdParty = knownThirdParty
        self.knownLocalFolder = knownLocalFolder
        self.currentPackage = currentPackage
    }

    /// The section of `import module` (level 0) or `from <dots>module import ...`.
    public func section(module: String?, level: Int = 0) -> ImportSection {
        if level > 0 { return .localFolder }
        guard let module, !module.isEmpty else { return .localFolder }
        if module == "__future__" { return .future }
        if matchesAny(knownFirstParty, module) { return .firstParty }
        if matchesAny(knownThirdParty, module) { return .thirdParty }
        if matchesAny(knownLocalFolder, module) { return .localFolder }
        let top = module.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? module
        if StandardLibrary.contains(top, version: targetVersion) { return .standardLibrary }
        if let currentPackage, currentPackage == top { return .firstParty }
        if firstPartyModules.contains(module) { return .firstParty }
        return .thirdParty
    }

    /// A pattern matches the module itself or any of its parent packages (`a` matches `a.b.c`).
    func matchesAny(_ patterns: [String], _ module: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        var candidates = [module]
        var name = Substring(module)
        while let dot = name.lastIndex(of: ".") {
            name = name[..<dot]
            candidates.append(String(name))
        }
        return patterns.contains { pattern in candidates.contains { Glob.matches(pattern, $0) } }
    }
}

/// Shell-style glob matching of `*` (any run) and `?` (one character) on whole strings.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        if !p.contains("*") && !p.contains("?") { return p == t }
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] { pi += 1; ti += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
