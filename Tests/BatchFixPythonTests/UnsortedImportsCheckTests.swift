import BatchFixCore
import Foundation
import PythonSyntax
import Testing
@testable import BatchFixPython

@Suite("I001 unsorted imports against ruff goldens")
struct UnsortedImportsCheckTests {
    static func sampleNames() throws -> [String] {
        let folder = try fixturesURL().appendingPathComponent("i001")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".py") }
            .map { String($0.dropLast(3)) }.sorted()
    }

    struct Finding: Hashable, CustomStringConvertible {
        var start: [Int]
        var end: [Int]
        var fix: String
        var description: String { "\(start)-\(end) \(fix)" }
    }

    static func ours(_ document: Document, check: UnsortedImportsCheck = UnsortedImportsCheck(), honourNoqa: Bool = false) -> [Finding] {
        func position(_ offset: Int) -> [Int] {
            let (line, column) = document.lines.lineAndColumn(of: offset, in: document.bytes)
            return [line, column]
        }
        let diagnostics = check.diagnostics(in: document).filter { !honourNoqa || !document.isSuppressed($0.code, at: $0.range.start) }
        return diagnostics.map { d in
            Finding(start: position(d.range.start), end: position(d.range.end), fix: (d.fix ?? []).map { e in
                "\(ReportJSONReader.quote(String(decoding: e.replacement, as: UTF8.self)))@\(position(e.range.start))-\(position(e.range.end))"
            }.joined(separator: " "))
        }
    }

    static func ruff(_ json: ReportJSONValue) -> [Finding] {
        func pair(_ value: ReportJSONValue?) -> [Int] { value!.arrayValue!.map { $0.intValue! } }
        return json.arrayValue!.map { item in
            Finding(start: pair(item["start"]), end: pair(item["end"]), fix: item["fix"]!.arrayValue!.map { e in
                "\(ReportJSONReader.quote(e["content"]!.stringValue!))@\(pair(e["start"]))-\(pair(e["end"]))"
            }.joined(separator: " "))
        }
    }

    /// Same findings and fixes as ruff 0.17.6 (`scripts/ruff-i001-goldens.py`); on `decline_*` samples,
    /// only findings ruff also makes (the check declines what it does not model).
    @Test(arguments: try sampleNames())
    func matchesRuff(sample: String) throws {
        let document = Document(path: try ProjectPath("\(sample).py"), bytes: try fixtureBytes("i001/\(sample).py"), version: 0)
        let expected = Self.ruff(try ReportJSONReader.parse(try fixtureBytes("i001/\(sample).json"), path: sample))
        let found = Self.ours(document)
        if sample.hasPrefix("decline_") {
            #expect(Set(found).isSubset(of: Set(expected)), "\(found)")
        } else {
            #expect(found == expected)
        }
    }

    @Test func enoughSamples() throws {
        let names = try Self.sampleNames()
        #expect(names.count >= 30)
        #expect(names.filter { !$0.hasPrefix("decline_") }.count >= 20)
    }

    @Test func fixIsIdempotent() throws {
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8]("import sys, os\nfrom b import y, x\nimport requests\ndef f():\n    pass\n"), version: 0)
        let check = UnsortedImportsCheck()
        let fix = try #require(check.diagnostics(in: document).first?.fix)
        var bytes = document.bytes
        for edit in fix.sorted(by: { $0.range.start > $1.range.start }) { bytes.replaceSubrange(edit.range.asRange, with: edit.replacement) }
        #expect(String(decoding: bytes, as: UTF8.self) == "import os\nimport sys\n\nimport requests\nfrom b import x, y\n\n\ndef f():\n    pass\n")
        let after = Document(path: try ProjectPath("a.py"), bytes: bytes, version: 1)
        #expect(check.diagnostics(in: after).isEmpty)
    }

    @Test func firstPartyFromTheClassifier() throws {
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8]("import mypkg\nimport requests\n\nx = 1\n"), version: 0)
        #expect(UnsortedImportsCheck().diagnostics(in: document).isEmpty) // both third-party: sorted
        let classifier = ImportClassifier(firstPartyModules: FirstPartyModules(modules: ["mypkg"]))
        let fix = try #require(UnsortedImportsCheck(classifier: classifier).diagnostics(in: document).first?.fix?.first)
        #expect(String(decoding: fix.replacement, as: UTF8.self) == "import requests\n\nimport mypkg\n\n")
    }

    @Test func noqaSuppresses() throws {
        let document = Document(path: try ProjectPath("a.py"), bytes: [UInt8]("import sys  # noqa: I001\nimport os\nx = 1\n"), version: 0)
        #expect(UnsortedImportsCheck().issues(in: document).isEmpty)
    }
}

@Suite("I001 on a corpus against ruff")
struct UnsortedImportsCorpusTests {
    /// Opt-in: `BATCHFIX_I001_CORPUS=/abs/corpus BATCHFIX_I001_REPORT=/abs/report.json swift test ...`, where the
    /// report is `ruff check --isolated --select I001 --output-format json .` run inside the corpus folder.
    /// Every finding of ours must be one of ruff's, with the same fix; prints how many of ruff's we make.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BATCHFIX_I001_CORPUS"] != nil))
    func corpusFindingsAreRuffs() throws {
        let environment = ProcessInfo.processInfo.environment
        let root = try #require(environment["BATCHFIX_I001_CORPUS"])
        let reportBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try #require(environment["BATCHFIX_I001_REPORT"]))))
        let report = try ReportJSONReader.parse(reportBytes, path: "report")
        var ruffByFile: [String: [UnsortedImportsCheckTests.Finding]] = [:]
        for item in try #require(report.arrayValue) {
            let file = String(item["filename"]!.stringValue!.dropFirst(root.count + 1))
            func pair(_ v: ReportJSONValue?) -> [Int] { [v!["row"]!.intValue!, v!["column"]!.intValue!] }
            let fix = (item["fix"]?["edits"]?.arrayValue ?? []).map { e in
                "\(ReportJSONReader.quote(e["content"]!.stringValue!))@\(pair(e["location"]))-\(pair(e["end_location"]))"
            }.joined(separator: " ")
            ruffByFile[file, default: []].append(.init(start: pair(item["location"]), end: pair(item["end_location"]), fix: fix))
        }
        let check = UnsortedImportsCheck(classifier: ImportClassifier(firstPartyModules: FirstPartyModules.discover(root: root)))
        var ours = 0, matched = 0
        var wrong: [String] = []
        var declined: [String] = []
        // ruff's default `exclude` folders (it never looks inside them).
        let ruffExcluded: Set<String> = [".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",
            ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
            "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv"]
        let files = NoqaIndexAgreementTests.pythonFiles(under: URL(fileURLWithPath: root)).filter { url in
            !String(url.path.dropFirst(root.count + 1)).split(separator: "/").dropLast().contains { ruffExcluded.contains(String($0)) }
        }
        for url in files {
            let relative = String(url.path.dropFirst(root.count + 1))
            let document = Document(path: try ProjectPath(relative), bytes: [UInt8](try Data(contentsOf: url)), version: 0)
            // As `issues(in:)` does: `# noqa` and `# ruff: noqa` / `# flake8: noqa` apply.
            let found = UnsortedImportsCheckTests.ours(document, check: check, honourNoqa: true)
            ours += found.count
            let theirs = Set(ruffByFile[relative] ?? [])
            for finding in found {
                if theirs.contains(finding) { matched += 1 } else { wrong.append("\(relative): \(finding)") }
            }
            for missed in theirs.subtracting(found) where missed.start[1] == 1 { declined.append("\(relative):\(missed.start[0])") }
        }
        let total = ruffByFile.values.map(\.count).reduce(0, +)
        print("I001 corpus: \(files.count) files; ruff \(total) findings; ours \(ours), of which identical to ruff's \(matched)")
        print("module-level findings of ruff we decline: \(declined.count): \(declined.sorted().prefix(40).joined(separator: " "))")
        #expect(wrong.isEmpty, "\(wrong.prefix(5).joined(separator: "\n"))")
    }
}
