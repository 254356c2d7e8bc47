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

    static func ours(_ document: Document, check: UnsortedImportsCheck = UnsortedImportsCheck()) -> [Finding] {
        func position(_ offset: Int) -> [Int] {
            let (line, column) = document.lines.lineAndColumn(of: offset, in: document.bytes)
            return [line, column]
        }
        return check.diagnostics(in: document).map { d in
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
        #expect(UnsortedImportsCheck().diagnostics(in: document).isEmpty)
    }
}
