import BatchFixCore
import Foundation
import Testing
@testable import BatchFixPython

@Suite("Configuration")
struct ConfigurationTests {
    // Cases checked with `ruff check --isolated --select ... --ignore ...` (ruff 0.17.6) on a file
    // with F401, F841, ERA001, W291 and more.
    @Test(arguments: [
        (["F4"], ["F"], "F401", true),
        (["F4"], ["F"], "F841", false),
        (["F"], ["F4"], "F401", false),
        (["F"], ["F4"], "F841", true),
        (["F401"], ["F401"], "F401", false),
        (["F4"], ["F4"], "F401", false),
        (["ALL"], ["F"], "F401", false),
        (["ALL"], ["F"], "ERA001", true),
        (["E"], [], "ERA001", false),
        (["E"], [], "EM101", false),
        (["E"], [], "E501", true),
        (["F841"], ["F8"], "F841", true),
        (["PL"], [], "PLR0913", true),
        (["PL"], ["PLR"], "PLR0913", false),
        (["PL"], ["PLR"], "PLW0603", true),
        (["S"], [], "SIM102", false),
        (["C9"], [], "C901", true),
        (["C"], [], "C416", true),
        (["C4"], [], "C901", false),
        ([], [], "F401", false),
        (["ALL"], [], "syntax-error", true),
    ] as [([String], [String], String, Bool)])
    func ruleSelection(select: [String], ignore: [String], code: String, enabled: Bool) throws {
        let selection = try RuleSelection(select: select, ignore: ignore)
        #expect(selection.isEnabled(code) == enabled)
    }

    @Test func ruffDefaultSelection() {
        let rules = RuleSelection.ruffDefault
        #expect(rules.isEnabled("F401"))
        #expect(rules.isEnabled("E402"))
        #expect(rules.isEnabled("E711"))
        #expect(!rules.isEnabled("E501"))
        #expect(!rules.isEnabled("W291"))
        #expect(!rules.isEnabled("I001"))
    }

    @Test func invalidSelectorsAreRejected() {
        for selector in ["f401", "", "F-401", "401", "ALL1", "F 401"] {
            #expect(throws: BatchFixError.self) { try RuleSelection(select: [selector]) }
        }
    }

    @Test func readsTheTable() throws {
        let text = """
        [project]
        name = "demo"

        [tool.ruff]
        line-length = 100

        [tool.batchfix]
        select = ["F", "E", "W", "I"]
        ignore = ["E501"]
        exclude = ["build", "tests/fixtures", "*.pyi"]
        allowed-unused-imports = ["readline", "hvplot.pandas"]
        known-first-party = ["mypkg", "corp_*"]
        target-version = "py39"
        """
        let configuration = try ProjectConfiguration.parse(text, path: "pyproject.toml")
        #expect(configuration.rules.isEnabled("F401"))
        #expect(configuration.rules.isEnabled("W291"))
        #expect(!configuration.rules.isEnabled("E501"))
        #expect(configuration.isExcluded("build/lib/x.py"))
        #expect(configuration.isExcluded("src/build/x.py"))
        #expect(configuration.isExcluded("tests/fixtures/a/b.py"))
        #expect(!configuration.isExcluded("tests/test_fixtures.py"))
        #expect(configuration.isExcluded("pkg/types.pyi"))
        #expect(!configuration.isExcluded("src/builder.py"))
        #expect(configuration.isAllowedUnused(module: "readline"))
        #expect(configuration.isAllowedUnused(module: "hvplot.pandas"))
        #expect(configuration.isAllowedUnused(module: "hvplot.pandas.sub"))
        #expect(!configuration.isAllowedUnused(module: "hvplot"))
        #expect(!configuration.isAllowedUnused(module: "readline2"))
        #expect(configuration.knownFirstParty == ["mypkg", "corp_*"])
        #expect(configuration.targetVersion == .py39)
    }

    @Test func dottedKeysAndMissingTableGiveDefaults() throws {
        let none = try ProjectConfiguration.parse("[project]\nname = \"x\"\n", path: "pyproject.toml")
        #expect(none == ProjectConfiguration())
        let dotted = try ProjectConfiguration.parse("[tool]\nbatchfix.select = [\"F401\"]\n", path: "pyproject.toml")
        #expect(dotted.rules.isEnabled("F401"))
        #expect(!dotted.rules.isEnabled("F841"))
        let onlyIgnore = try ProjectConfiguration.parse("[tool.batchfix]\nignore = [\"F841\"]\n", path: "pyproject.toml")
        #expect(onlyIgnore.rules.isEnabled("F401"))
        #expect(!onlyIgnore.rules.isEnabled("F841"))
    }

    func error(_ text: String) -> BatchFixError? {
        do {
            _ = try ProjectConfiguration.parse(text, path: "pyproject.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func invalidTOMLNamesFileAndLine() throws {
        let failure = try #require(error("[project]\nname = \"x\"\n\n[tool.batchfix\nselect = []\n"))
        guard case let .malformedInput(path, line, reason) = failure else { Issue.record("wrong error \(failure)"); return }
        #expect(path == "pyproject.toml")
        #expect(line == 4)
        #expect(reason.hasPrefix("invalid TOML: "))
        #expect(!failure.description.contains("\n"))
    }

    @Test func wrongTypesNameTheKeyAndLine() {
        #expect(error("[tool.batchfix]\nexclude = []\nselect = \"F\"\n")
            == .malformedInput(path: "pyproject.toml", line: 3, reason: "[tool.batchfix] select must be an array of strings, found string"))
        #expect(error("[tool.batchfix]\nignore = [\"E501\", 3]\n")
            == .malformedInput(path: "pyproject.toml", line: 2, reason: "[tool.batchfix] ignore[1] must be a string, found integer"))
        #expect(error("[tool.batchfix]\n\nselct = [\"F\"]\n")
            == .malformedInput(path: "pyproject.toml", line: 3, reason: "unknown key `selct` in [tool.batchfix] (known: select, ignore, exclude, allowed-unused-imports, known-first-party, target-version)"))
        #expect(error("[tool.batchfix]\nselect = [\"f401\"]\n")
            == .malformedInput(path: "pyproject.toml", line: 2, reason: "[tool.batchfix] select: invalid rule selector \"f401\": expected ALL, a linter prefix (F, E, PL) or a code prefix (F4, F401)"))
        #expect(error("[tool.batchfix]\nallowed-unused-imports = [\"not a module\"]\n")
            == .malformedInput(path: "pyproject.toml", line: 2, reason: "[tool.batchfix] allowed-unused-imports: \"not a module\" is not a module name"))
        #expect(error("[tool.batchfix]\ntarget-version = 311\n")
            == .malformedInput(path: "pyproject.toml", line: 2, reason: "[tool.batchfix] target-version must be a string like \"py311\""))
        #expect(error("[tool]\nbatchfix = 1\n")
            == .malformedInput(path: "pyproject.toml", line: 2, reason: "`tool.batchfix` must be a table, found integer"))
    }

    @Test func loadReadsFromRootAndDefaultsWhenMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bf-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ProjectConfiguration.load(projectRoot: folder.path) == ProjectConfiguration())
        try Data("[tool.batchfix]\nselect = [\"I\"]\n".utf8).write(to: folder.appendingPathComponent("pyproject.toml"))
        let loaded = try ProjectConfiguration.load(projectRoot: folder.path)
        #expect(loaded.rules.isEnabled("I001"))
        #expect(!loaded.rules.isEnabled("F401"))
    }

    @Test(arguments: [
        ("build", "build", true), ("build", "a/build/b.py", true), ("build", "builder.py", false),
        ("*.pyi", "a/b.pyi", true), ("test_*", "tests/test_a.py", true), ("docs/**/*.py", "docs/a/b/c.py", true),
        ("docs/**/*.py", "docs/c.py", true), ("docs/*.py", "docs/a/c.py", false), ("./src/gen", "src/gen/x.py", true),
        ("src/gen/", "src/gen/x.py", true), ("src/gen", "src/generated.py", false), ("[ab]*.py", "b1.py", true),
        ("[!ab]*.py", "b1.py", false), ("?.py", "x.py", true), ("?.py", "xy.py", false), (".venv", ".venv/lib/a.py", true),
    ])
    func pathGlobs(pattern: String, path: String, matches: Bool) {
        #expect(PathGlob(pattern).matches(path) == matches)
    }
}

@Suite("requires-python")
struct RequiresPythonTests {
    @Test(arguments: [
        (">=3.9", PythonVersion?.some(.py39)), (">=3.8, <4", .py38), ("~=3.10", .py310), ("==3.11.*", .py311),
        (">=3.8,>=3.10", .py310), ("<3.12", nil), ("", nil), (">=3", nil), (">3.9", .py39), ("  >= 3.12.1 ", .py312),
    ])
    func lowerBound(spec: String, expected: PythonVersion?) {
        #expect(ProjectConfiguration.minimumVersion(requiresPython: spec) == expected)
    }

    @Test func inferredUnlessConfigured() throws {
        let inferred = try ProjectConfiguration.parse("[project]\nrequires-python = \">=3.9\"\n", path: "pyproject.toml")
        #expect(inferred.targetVersion == .py39)
        let both = try ProjectConfiguration.parse("[project]\nrequires-python = \">=3.9\"\n[tool.batchfix]\ntarget-version = \"py312\"\n", path: "pyproject.toml")
        #expect(both.targetVersion == .py312)
        let tableOnly = try ProjectConfiguration.parse("[project]\nrequires-python = \">=3.10\"\n[tool.batchfix]\nselect = [\"F\"]\n", path: "pyproject.toml")
        #expect(tableOnly.targetVersion == .py310)
    }
}

@Suite("Configuration to import classifier")
struct ConfigurationClassifierTests {
    @Test func classifierUsesVersionKnownFirstPartyAndDiscovery() throws {
        let configuration = try ProjectConfiguration.parse(
            "[project]\nrequires-python = \">=3.10\"\n[tool.batchfix]\nknown-first-party = [\"corp\"]\n", path: "pyproject.toml")
        let project = try fixturesURL().appendingPathComponent("isort-project").path
        let classifier = configuration.importClassifier(projectRoot: project)
        #expect(classifier.targetVersion == .py310)
        #expect(classifier.section(module: "tomllib") == .thirdParty)      // 3.11+ only
        #expect(classifier.section(module: "corp.tools") == .firstParty)
        #expect(classifier.section(module: "firstparty_pkg.sub") == .firstParty)
        #expect(classifier.section(module: "requests") == .thirdParty)
    }
}
