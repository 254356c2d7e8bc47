import Foundation
import PythonSyntax
import BatchFixCore
import Testing
@testable import BatchFixPython

@Suite("noqa directives")
struct NoqaDirectiveTests {
    struct Spelling: Sendable, CustomTestStringConvertible {
        let comment: String
        let suppresses: Bool
        var testDescription: String { comment }
    }

    static func spellings(_ key: String) throws -> [Spelling] {
        let json = try ReportJSONReader.parse(try fixtureBytes("noqa-spellings.json"), path: "noqa-spellings.json")
        return try #require(json[key]?.arrayValue).map {
            Spelling(comment: $0["comment"]!.stringValue!, suppresses: $0["suppressesF401"]!.boolValue!)
        }
    }

    /// Every line-level spelling suppresses F401 exactly when ruff 0.17.6 did.
    @Test func lineSpellingsMatchRuff() throws {
        let cases = try Self.spellings("line")
        #expect(cases.count > 70)
        for spelling in cases {
            let source = [UInt8]("import m  \(spelling.comment)\n")
            let index = NoqaIndex(source: source)
            #expect(index.isSuppressed("F401", atLine: 1) == spelling.suppresses, "\(spelling.comment)")
        }
    }

    /// Every file-level spelling exempts F401 in the file exactly when ruff 0.17.6 did.
    @Test func fileSpellingsMatchRuff() throws {
        let cases = try Self.spellings("file")
        #expect(cases.count > 25)
        for spelling in cases {
            let source: String
            if spelling.comment.hasPrefix("after-code:") {
                source = "import os\nx = 1  \(spelling.comment.dropFirst("after-code:".count))\n"
            } else if spelling.comment.hasPrefix("    ") {
                source = "import os\nif True:\n\(spelling.comment)\n    pass\n"
            } else {
                source = "import os\n\(spelling.comment)\n"
            }
            let index = NoqaIndex(source: [UInt8](source))
            #expect(index.isSuppressed("F401", atLine: 1) == spelling.suppresses, "\(spelling.comment)")
        }
    }

    func parse(_ comment: String) -> NoqaParseResult { NoqaParser.lineDirective(in: [UInt8](comment)) }

    @Test func parsesCodesAndRanges() {
        #expect(parse("# noqa") == .directive(NoqaDirective(codes: .all, range: 0..<6)))
        #expect(parse("# type: ignore # noqa: F401, E501 why") == .directive(NoqaDirective(codes: .only(["F401", "E501"]), range: 15..<33)))
        #expect(parse("#noqa:F401E501") == .directive(NoqaDirective(codes: .only(["F401", "E501"]), range: 0..<14, hasJoinedCodes: true)))
        #expect(parse("# NoQA : PLC0415") == .directive(NoqaDirective(codes: .only(["PLC0415"]), range: 0..<16)))
        #expect(parse("# noqa E501") == .directive(NoqaDirective(codes: .all, range: 0..<6)))
        #expect(parse("# just a comment") == .none)
        #expect(parse("# foo noqa: F401") == .none)
        #expect(parse("# noqa:") == .invalid(offset: 0, reason: "expected a comma-separated list of codes (e.g., `# noqa: F401, F841`)"))
        #expect(parse("# x # noqa.") == .invalid(offset: 4, reason: "expected `:` followed by a comma-separated list of codes (e.g., `# noqa: F401, F841`)"))
        #expect(parse("# noqa: F401x") == .invalid(offset: 0, reason: "expected code to consist of uppercase letters followed by digits only (e.g. `F401`)"))
    }

    @Test func worksOnSlicesOfAFile() {
        let file = [UInt8]("import os  # noqa: F401\n")
        let result = NoqaParser.lineDirective(in: file[11..<23])
        #expect(result == .directive(NoqaDirective(codes: .only(["F401"]), range: 0..<12)))
    }

    @Test func multiByteTextBeforeDirective() {
        #expect(parse("# héllo wörld # noqa: F401").directive?.suppresses("F401") == true)
        #expect(parse("# 日本 # noqa").directive?.codes == .all)
    }

    @Test func fileExemptionNeedsOwnLine() {
        #expect(NoqaParser.fileExemption(in: [UInt8]("# ruff: noqa: F401"), isOwnLine: true).directive?.codes == .only(["F401"]))
        #expect(NoqaParser.fileExemption(in: [UInt8]("# ruff: noqa"), isOwnLine: false)
            == .invalid(offset: 0, reason: "file-level suppression comments must appear on their own line"))
        #expect(NoqaParser.fileExemption(in: [UInt8]("# noqa"), isOwnLine: true) == .none)
    }

    /// The mapping fixture: what ruff 0.17.6 reports for `--select F401,E501` on it is lines 6, 7, 10.
    @Test func noqaInsideStringsAndLineMapping() throws {
        let index = NoqaIndex(source: try fixtureBytes("noqa-mapping.py"))
        #expect(index.isSuppressed("F401", atLine: 1))       // `import os, \` continued: the comment is on line 2
        #expect(index.isSuppressed("F401", atLine: 2))
        #expect(index.isSuppressed("E501", atLine: 4))       // inside a multi-line string: its last line's comment
        #expect(!index.isSuppressed("F401", atLine: 6))      // "# noqa" in a string is not a comment
        #expect(!index.isSuppressed("F401", atLine: 7))      // nor in a one-line triple-quoted string
        #expect(index.isSuppressed("F401", atLine: 9))
        #expect(!index.isSuppressed("F401", atLine: 10))     // the closing line's `# noqa` is not this line's
        #expect(index.isSuppressed("F401", atLine: 12))      // first directive only: F401 ...
        #expect(!index.isSuppressed("E501", atLine: 12))     // ... not the second `# noqa:E501`
        #expect(index.noqaLine(for: 3) == 5)
        #expect(index.noqaLine(for: 8) == 8)
    }

    @Test func crlfAndBOM() {
        let source = [UInt8]("\u{FEFF}import os  # noqa: F401\r\nimport re\r\n")
        let index = NoqaIndex(source: source)
        #expect(index.isSuppressed("F401", atLine: 1))
        #expect(!index.isSuppressed("F401", atLine: 2))
        let scan = CommentScan(source)
        #expect(scan.comments.count == 1)
        #expect(Array(source[scan.comments[0].range]) == [UInt8]("# noqa: F401"))
    }

    @Test func commentScanSkipsStringsWithEscapes() {
        let source = [UInt8]("a = 'it\\'s # no'  # real\nb = r\"\\\"#x\"\nc = '''\n#no\n'''  # yes\n    # own\n")
        let scan = CommentScan(source)
        let texts = scan.comments.map { String(decoding: source[$0.range], as: UTF8.self) }
        #expect(texts == ["# real", "# yes", "# own"])
        #expect(scan.comments.map(\.line) == [1, 5, 6])
        #expect(scan.comments.map(\.isOwnLine) == [false, false, true])
        #expect(scan.lineGroups == [3...5])
    }
}

@Suite("noqa index: comment scan and tokens agree")
struct NoqaIndexAgreementTests {
    static func pythonFiles(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "py" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Differences between the byte scan and the token-based index on one file, or nil when they agree.
    static func disagreement(_ bytes: [UInt8]) -> String? {
        let parse = PythonParser.parse(bytes)
        guard parse.errors.isEmpty else { return nil }
        let scan = CommentScan(bytes)
        let tokenComments = parse.tokens.filter { $0.kind == .comment }.map(\.range)
        if scan.comments.map(\.range) != tokenComments {
            return "comments differ: scan \(scan.comments.count), tokens \(tokenComments.count)"
        }
        let byTokens = NoqaIndex(parse: parse, lines: LineIndex(bytes))
        let byScan = NoqaIndex(source: bytes)
        let lineCount = LineIndex(bytes).lineCount
        for line in 1...lineCount where byTokens.noqaLine(for: line) != byScan.noqaLine(for: line) {
            return "line \(line): noqa line \(byTokens.noqaLine(for: line)) by tokens, \(byScan.noqaLine(for: line)) by scan"
        }
        return nil
    }

    @Test func fixturesAgree() throws {
        let files = Self.pythonFiles(under: try fixturesURL())
        #expect(files.count > 30)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            #expect(Self.disagreement(bytes) == nil, "\(file.lastPathComponent)")
        }
    }

    /// Opt-in: `BATCHFIX_CORPUS=/path/to/corpus swift test ...` compares both on every file of a corpus.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BATCHFIX_CORPUS"] != nil))
    func corpusAgrees() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["BATCHFIX_CORPUS"]))
        var differing: [String] = []
        let files = Self.pythonFiles(under: folder)
        for file in files {
            if let problem = Self.disagreement([UInt8](try Data(contentsOf: file))) { differing.append("\(file.path): \(problem)") }
        }
        print("noqa agreement: \(files.count - differing.count) of \(files.count) files")
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }
}
