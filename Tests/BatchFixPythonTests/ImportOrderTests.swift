import BatchFixCore
import Foundation
import Testing
@testable import BatchFixPython

@Suite("Import classification and order (ruff I001 goldens)")
struct ImportOrderTests {
    static func goldenNames() throws -> [String] {
        let folder = try fixturesURL().appendingPathComponent("isort")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func statements(_ json: ReportJSONValue) throws -> [ImportStatement] {
        try #require(json.arrayValue).map { item in
            if item["kind"]?.stringValue == "import" {
                return .plain(module: item["module"]!.stringValue!, asName: item["asname"]?.stringValue)
            }
            let names = try #require(item["names"]?.arrayValue).map { pair in
                ImportMember(pair.arrayValue![0].stringValue!, as: pair.arrayValue![1].stringValue)
            }
            return .from(module: item["module"]?.stringValue, level: item["level"]!.intValue!, members: names)
        }
    }

    /// Every sample's block, arranged by us, equals ruff 0.17.6's I001 fix of it (recorded by
    /// `scripts/ruff-isort-goldens.py`), section by section and line by line.
    @Test(arguments: try goldenNames())
    func matchesRuff(golden name: String) throws {
        let json = try ReportJSONReader.parse(try fixtureBytes("isort/\(name)"), path: name)
        let project = try fixturesURL().appendingPathComponent("isort-project").path
        let version = json["target"]?.stringValue.flatMap(PythonVersion.init(parsing:)) ?? .ruffDefault
        let classifier = ImportClassifier(
            targetVersion: version,
            firstPartyModules: FirstPartyModules.discover(root: project),
            knownFirstParty: try #require(json["known_first_party"]?.arrayValue).compactMap(\.stringValue)
        )
        let arranged = ImportOrder.arrange(try Self.statements(try #require(json["input"])), classifier: classifier)
        let ours = arranged.map { $0.statements.map(\.description) }
        let expected = try #require(json["expected"]?.arrayValue).map { $0.arrayValue!.map { $0.stringValue! } }
        #expect(ours == expected)
        // And the block's text, wrapping included, byte for byte.
        #expect(ImportBlockRenderer.render(arranged) == json["fixed_text"]?.stringValue)
    }

    @Test func wrapsOnlyPastTheLineLength() {
        let fits = ImportStatement.from(module: "m", level: 0, members: [ImportMember(String(repeating: "n", count: 74))])
        #expect(ImportBlockRenderer.lines(of: fits) == [fits.description])
        #expect(ImportBlockRenderer.lines(of: fits, lineLength: 87) == ["from m import (", "    " + String(repeating: "n", count: 74) + ",", ")"])
        #expect(ImportBlockRenderer.width("日本") == 4)
        #expect(ImportBlockRenderer.width("e\u{301}") == 1)
    }

    @Test func goldensExist() throws {
        #expect(try Self.goldenNames().count >= 8)
    }

    @Test func sectionsOfTheSectionsSample() throws {
        let project = try fixturesURL().appendingPathComponent("isort-project").path
        let classifier = ImportClassifier(targetVersion: .py311, firstPartyModules: FirstPartyModules.discover(root: project), knownFirstParty: ["knownfp"])
        #expect(classifier.section(module: "__future__") == .future)
        #expect(classifier.section(module: "os.path") == .standardLibrary)
        #expect(classifier.section(module: "tomllib") == .standardLibrary)
        #expect(classifier.section(module: "requests") == .thirdParty)
        #expect(classifier.section(module: "firstparty_pkg.sub") == .firstParty)
        #expect(classifier.section(module: "firstparty_pkg.nosub") == .thirdParty)
        #expect(classifier.section(module: "knownfp.x.y") == .firstParty)
        #expect(classifier.section(module: "knownfpx") == .thirdParty)
        #expect(classifier.section(module: "x", level: 1) == .localFolder)
        #expect(classifier.section(module: nil, level: 2) == .localFolder)
        var samePackage = classifier
        samePackage.currentPackage = "requests"
        #expect(samePackage.section(module: "requests.adapters") == .firstParty)
    }

    @Test func knownFirstPartyBeatsStandardLibraryAndGlobsWork() {
        let classifier = ImportClassifier(knownFirstParty: ["os", "corp_*"], knownThirdParty: ["attr?"])
        #expect(classifier.section(module: "os") == .firstParty)
        #expect(classifier.section(module: "corp_tools.sub") == .firstParty)
        #expect(classifier.section(module: "attrs") == .thirdParty)
        #expect(classifier.section(module: "sys") == .standardLibrary)
    }

    @Test func discoverFindsWholePaths() throws {
        let project = try fixturesURL().appendingPathComponent("isort-project").path
        let modules = FirstPartyModules.discover(root: project).modules
        #expect(modules.isSuperset(of: ["firstparty_pkg", "firstparty_pkg.sub", "firstparty_mod", "stub", "nsdir", "nsdir.inner", "src", "srcpkg", "src.srcpkg"]))
        #expect(!modules.contains("ext"))
        #expect(!modules.contains("notinsrc"))
    }

    @Test func topLevelNamesFromEntries() {
        let names = FirstPartyModules.topLevelNames(entries: [
            ("mypkg", true), ("tool.py", false), ("types.pyi", false), ("README.md", false), (".git", true),
            ("__pycache__", true), ("my-dir", true), ("2fast.py", false), ("setup.cfg", false), ("ext.abi3.so", false),
        ])
        #expect(names == ["mypkg", "tool", "types"])
    }

    @Test func standardLibraryByVersion() {
        #expect(StandardLibrary.contains("os", version: .py38))
        #expect(!StandardLibrary.contains("tomllib", version: .py310))
        #expect(StandardLibrary.contains("tomllib", version: .py311))
        #expect(StandardLibrary.contains("asynchat", version: .py311))
        #expect(!StandardLibrary.contains("asynchat", version: .py312))
        #expect(StandardLibrary.contains("_bootlocale", version: .py39))
        #expect(!StandardLibrary.contains("_bootlocale", version: .py310))
        #expect(!StandardLibrary.contains("zoneinfo", version: .py38))
        #expect(StandardLibrary.contains("zoneinfo", version: PythonVersion(3, 14)))  // newer than known: nearest (3.13)
        #expect(!StandardLibrary.contains("requests", version: .py313))
        #expect(StandardLibrary.moduleNames(version: .py313).count == 313)
    }

    @Test func pythonVersionParsing() {
        #expect(PythonVersion(parsing: "py311") == .py311)
        #expect(PythonVersion(parsing: "py38") == .py38)
        #expect(PythonVersion(parsing: "3.9") == .py39)
        #expect(PythonVersion(parsing: "3.12.1") == .py312)
        #expect(PythonVersion(parsing: "python3") == nil)
        #expect(PythonVersion(parsing: "py3") == nil)
    }

    @Test(arguments: [
        ("a2", "a10", -1), ("a10", "a2", 1), ("a01", "a1", -1), ("a010", "a02", -1), ("mod1", "mod1a", -1),
        ("x", "x", 0), ("A", "a", -1), ("a.b", "a_b", -1), ("z9", "z09", 1), ("abc", "ab", 1), ("1", "", 1),
    ])
    func naturalOrder(lhs: String, rhs: String, expected: Int) {
        #expect(NaturalOrder.compare(lhs, rhs) == expected)
    }

    @Test(arguments: [
        ("CONST", MemberType.constant), ("_X", .constant), ("HTTP2", .constant), ("__Z__", .constant), ("ÉCLAIR", .constant),
        ("A", .class), ("Path", .class), ("Camel_Case", .class), ("Z", .class),
        ("path", .variable), ("_private", .variable), ("_", .variable), ("_1", .variable), ("ß", .variable), ("aB", .variable),
    ])
    func memberTypes(name: String, type: MemberType) {
        #expect(MemberType(of: name) == type)
    }

    @Test func normaliseMergesAndSplits() {
        let input: [ImportStatement] = [
            .from(module: "os", level: 0, members: [ImportMember("path"), ImportMember("sep", as: "s")]),
            .from(module: "os", level: 0, members: [ImportMember("getcwd"), ImportMember("path")]),
            .plain(module: "os", asName: nil), .plain(module: "os", asName: nil),
            .from(module: "os", level: 0, members: [ImportMember("*")]),
        ]
        #expect(ImportOrder.normalise(input).map(\.description) == [
            "from os import path, getcwd", "from os import sep as s", "import os", "from os import *",
        ])
    }
}
