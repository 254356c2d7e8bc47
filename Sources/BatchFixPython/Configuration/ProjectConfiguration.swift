import BatchFixCore
import TOMLKit

/// BatchFix's settings from `[tool.batchfix]` in pyproject.toml.
///
/// **What it does.** Reads, with TOMLKit:
/// ```toml
/// [tool.batchfix]
/// select = ["F", "E", "W", "I"]          # rule code prefixes, ruff semantics (default: ruff's E4, E7, E9, F)
/// ignore = ["E501"]
/// exclude = ["build", "tests/fixtures"]  # globs (see PathGlob)
/// allowed-unused-imports = ["readline"]  # modules kept even when unused (RELIABILITY U01)
/// known-first-party = ["mypkg"]          # isort sections
/// target-version = "py311"               # optional; else from [project] requires-python, else ruff's default
/// ```
/// A file without the table gives the defaults; a missing pyproject.toml too.
///
/// **Why.** Users configure BatchFix the way they configure ruff; a typo must be an error, not a
/// silently ignored setting.
///
/// **Errors.** One line naming the file and line: invalid TOML (TOMLKit's reason and position),
/// an unknown key, a value of the wrong type, an invalid rule selector, an invalid version.
public struct ProjectConfiguration: Sendable, Equatable {
    public var rules: RuleSelection
    public var exclude: [PathGlob]
    public var allowedUnusedImports: [String]
    public var knownFirstParty: [String]
    /// The configured target version: `target-version`, else the lower bound of `[project]
    /// requires-python` (as ruff infers it), else nil (use `PythonVersion.ruffDefault`).
    public var targetVersion: PythonVersion?

    /// The keys `[tool.batchfix]` accepts.
    public static let knownKeys = ["select", "ignore", "exclude", "allowed-unused-imports", "known-first-party", "target-version"]

    public init(
        rules: RuleSelection = .batchfixDefault, exclude: [PathGlob] = [], allowedUnusedImports: [String] = [],
        knownFirstParty: [String] = [], targetVersion: PythonVersion? = nil
    ) {
        self.rules = rules
        self.exclude = exclude
        self.allowedUnusedImports = allowedUnusedImports
        self.knownFirstParty = knownFirstParty
        self.targetVersion = targetVersion
    }

    /// True when `path` (relative to the project root) matches an `exclude` pattern.
    public func isExcluded(_ path: String) -> Bool { exclude.contains { $0.matches(path) } }

    /// True when an unused import of `module` must be kept: it or a parent package is listed in
    /// `allowed-unused-imports` (`"a"` allows `import a.b` and `from a import b`).
    public func isAllowedUnused(module: String) -> Bool {
        allowedUnusedImports.contains { module == $0 || module.hasPrefix($0 + ".") }
    }

    /// Reads `pyproject.toml` in `root`; a missing file gives the defaults.
    public static func load(projectRoot root: String) throws(BatchFixError) -> ProjectConfiguration {
        let path = root + "/pyproject.toml"
        guard FileSystem.exists(path) else { return ProjectConfiguration() }
        guard let data = FileSystem.readFile(path) else {
            throw .io(path: "pyproject.toml", operation: "read", reason: "cannot read the file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .malformedInput(path: "pyproject.toml", line: nil, reason: "not valid UTF-8")
        }
        return try parse(text, path: "pyproject.toml")
    }

    /// Parses pyproject.toml text; `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(BatchFixError) -> ProjectConfiguration {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformedInput(path: path, line: error.source.begin.line, reason: "invalid TOML: \(error.description)")
        } catch {
            throw .malformedInput(path: path, line: nil, reason: "invalid TOML: \(error)")
        }
        var inferred = ProjectConfiguration()
        if let requires = document["project"]?.table?["requires-python"]?.string {
            inferred.targetVersion = minimumVersion(requiresPython: requires)
        }
        guard let tool = document["tool"] else { return inferred }
        guard let toolTable = tool.table else {
            throw .malformedInput(path: path, line: KeyLocator.line(of: "tool", in: text), reason: "`tool` must be a table, found \(tool.type)")
        }
        guard let section = toolTable["batchfix"] else { return inferred }
        guard let table = section.table else {
            throw .malformedInput(path: path, line: KeyLocator.line(of: "batchfix", in: text), reason: "`tool.batchfix` must be a table, found \(section.type)")
        }
        let reader = SectionReader(table: table, text: text, path: path)
        for key in table.keys where !knownKeys.contains(key) {
            throw reader.error(key, "unknown key `\(key)` in [tool.batchfix] (known: \(knownKeys.joined(separator: ", ")))")
        }
        var configuration = inferred
        let select = try reader.strings("select")
        let ignore = try reader.strings("ignore")
        if select != nil || ignore != nil {
            do throws(BatchFixError) {
                configuration.rules = try RuleSelection(select: select ?? RuleSelection.batchfixDefault.select, ignore: ignore ?? [])
            } catch {
                let key = (select ?? []).contains(where: { !RuleSelection.isValidSelector($0) }) ? "select" : "ignore"
                throw reader.error(key, "[tool.batchfix] \(key): \(error.description)")
            }
        }
        configuration.exclude = (try reader.strings("exclude") ?? []).map(PathGlob.init)
        configuration.allowedUnusedImports = try reader.strings("allowed-unused-imports") ?? []
        for module in configuration.allowedUnusedImports where !isDottedName(module) {
            throw reader.error("allowed-unused-imports", "[tool.batchfix] allowed-unused-imports: \"\(module)\" is not a module name")
        }
        configuration.knownFirstParty = try reader.strings("known-first-party") ?? []
        if let version = table["target-version"] {
            guard let text = version.string, let parsed = PythonVersion(parsing: text) else {
                throw reader.error("target-version", "[tool.batchfix] target-version must be a string like \"py311\"")
            }
            configuration.targetVersion = parsed
        }
        return configuration
    }

    /// The lowest Python version a `requires-python` specifier set allows (`">=3.9, <4"` → 3.9,
    /// `"~=3.10"` → 3.10, `"==3.11.*"` → 3.11), or nil when it names no lower bound.
    public static func minimumVersion(requiresPython: String) -> PythonVersion? {
        var best: PythonVersion? = nil
        for clause in requiresPython.split(separator: ",") {
            let spec = clause.trimmingWhitespace()
            var rest: Substring? = nil
            for op in [">=", "~=", "==", "==="] where spec.hasPrefix(op) { rest = spec.dropFirst(op.count) }
            if rest == nil, spec.hasPrefix(">"), !spec.hasPrefix(">=") { rest = spec.dropFirst(1) }
            guard let version = rest?.trimmingWhitespace() else { continue }
            let parts = version.split(separator: ".").prefix(2)
            guard parts.count == 2, let major = Int(parts[parts.startIndex]),
                  let minor = Int(parts[parts.startIndex + 1].prefix { $0.isNumber }) else { continue }
            let candidate = PythonVersion(major, minor)
            if best == nil || candidate > best! { best = candidate }
        }
        return best
    }

    static func isDottedName(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { FirstPartyModules.isIdentifier(String($0)) }
    }
}

/// Typed access to `[tool.batchfix]` values with errors that name the key's line.
private struct SectionReader {
    let table: TOMLTable
    let text: String
    let path: String

    func error(_ key: String, _ reason: String) -> BatchFixError {
        .malformedInput(path: path, line: KeyLocator.line(of: key, in: text, section: "tool.batchfix"), reason: reason)
    }

    /// The array of strings at `key`, nil when absent.
    func strings(_ key: String) throws(BatchFixError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            throw error(key, "[tool.batchfix] \(key) must be an array of strings, found \(value.type)")
        }
        var result: [String] = []
        for (index, item) in array.enumerated() {
            guard let string = item.string else {
                throw error(key, "[tool.batchfix] \(key)[\(index)] must be a string, found \(item.type)")
            }
            result.append(string)
        }
        return result
    }
}

/// Finds the 1-based line where a key is assigned (TOMLKit reports positions only for syntax errors).
enum KeyLocator {
    /// The line of `key = ...` inside `[section]` (or written `section.key = ...` / in `[tool]` as
    /// `batchfix.key`), else the first line assigning `key` anywhere; nil when not found.
    static func line(of key: String, in text: String, section: String? = nil) -> Int? {
        var current = ""
        var fallback: Int? = nil
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine.drop(while: { $0 == " " || $0 == "\t" }))
            if line.hasPrefix("[") {
                current = String(line.filter { $0 != "[" && $0 != "]" && $0 != " " && $0 != "\t" && $0 != "\r" })
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let assigned = String(line[..<equals].filter { $0 != " " && $0 != "\t" && $0 != "\"" })
            let full = current.isEmpty ? assigned : current + "." + assigned
            if let section {
                if full == section + "." + key { return number + 1 }
            } else if assigned == key || full.hasSuffix("." + key) {
                return number + 1
            }
            if fallback == nil, assigned == key { fallback = number + 1 }
        }
        return fallback
    }
}

extension ProjectConfiguration {
    /// The isort classifier for this project: the configured (or inferred) target version,
    /// `known-first-party`, and the modules found under `projectRoot` and its `src/` folder.
    public func importClassifier(projectRoot: String) -> ImportClassifier {
        ImportClassifier(
            targetVersion: targetVersion ?? .ruffDefault,
            firstPartyModules: FirstPartyModules.discover(root: projectRoot),
            knownFirstParty: knownFirstParty
        )
    }
}
