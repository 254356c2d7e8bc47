import BatchFixCore
import BatchFixPython
import Foundation
import PythonSyntax
import Testing

/// Golden before/after fixtures for the Python pack, run through the real pipeline.
///
/// Each `Fixtures/fixes/<topic>/NAME.py` (or `.pyi`) is copied into a fresh project folder, analysed
/// with `PythonPack.checks()` and fixed with `BatchProcessor` and the pack's registry and validators,
/// exactly as `batchfix fix` does. The file left on disk must equal `NAME.expected.py` byte for byte
/// and the issues found must equal `NAME.issues.txt` (`line:col CODE message`, one per line).
///
/// Header comments at the top of a fixture (after an optional BOM) set options:
/// - `# select: F401,F811` reports only these codes (default: every code of the pack);
/// - `# path: pkg/__init__.py` places the file at that project path (default: `NAME.py`).
/// A fixture that cannot hold a comment (an empty file) takes the same lines from `NAME.options`.
///
/// Goldens are written when `BATCHFIX_RECORD=1`; review every recorded golden by eye.
///
/// Invariants checked for every fixture (`FixFixtureInvariants`): the output parses; a second run
/// changes nothing and finds no safely fixable issue; the CRLF copy fixes to the CRLF copy of the
/// golden; a BOM-prefixed copy keeps its BOM and fixes to the BOM-prefixed golden; an F401/F811
/// fixture commented out line by line finds nothing; counts add up and no result is `fixed` unless
/// the bytes changed.
enum FixFixtures {
    /// One fixture: its topic folder and file name.
    struct Case: CustomTestStringConvertible, Sendable, Hashable {
        let topic: String
        let file: String
        var testDescription: String { "\(topic)/\(file)" }
        var stem: String { String(file[..<file.lastIndex(of: ".")!]) }
        var fileExtension: String { String(file[file.index(after: file.lastIndex(of: ".")!)...]) }
        var expectedName: String { "\(stem).expected.\(fileExtension)" }
        var issuesName: String { "\(stem).issues.txt" }
        var optionsName: String { "\(stem).options" }
    }

    /// The bundled fixture folder.
    static var bundleRoot: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fixes")
    }

    /// The fixture folder in the source tree, where goldens are recorded.
    static func sourceRoot(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fixes")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["BATCHFIX_RECORD"] == "1" }

    /// Every fixture, sorted by topic and name.
    static let all: [Case] = {
        let manager = FileManager.default
        guard let topics = try? manager.contentsOfDirectory(atPath: bundleRoot.path) else { return [] }
        var cases: [Case] = []
        for topic in topics.sorted() {
            let folder = bundleRoot.appendingPathComponent(topic).path
            guard let files = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for file in files.sorted() where (file.hasSuffix(".py") || file.hasSuffix(".pyi")) && !file.contains(".expected.") {
                cases.append(Case(topic: topic, file: file))
            }
        }
        return cases
    }()

    // MARK: - Options

    struct Options: Sendable {
        var select: Set<String>? = nil
        var path: String? = nil
    }

    static func options(for fixture: Case, input: [UInt8]) -> Options {
        var lines: [Substring] = []
        if let sidecar = try? String(contentsOf: bundleRoot.appendingPathComponent(fixture.topic).appendingPathComponent(fixture.optionsName), encoding: .utf8) {
            lines += sidecar.split(separator: "\n").map { "# " + $0 }
        }
        let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        // Split bytes, not Characters: "\r\n" is one Character in Swift.
        lines += body.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { Substring(String(decoding: $0, as: UTF8.self)) }
            .prefix { $0.hasPrefix("#") }
        var options = Options()
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("# select:") {
                options.select = Set(text.dropFirst("# select:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } else if text.hasPrefix("# path:") {
                options.path = text.dropFirst("# path:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return options
    }

    // MARK: - Running the pipeline

    /// What one run of the pipeline did to one file.
    struct Run: Sendable {
        var output: [UInt8]
        var issues: [BatchFixCore.Issue]
        var report: BatchReport
        var issueLines: [String] {
            issues.map { issue in
                "\(issue.location.line ?? 0):\(issue.location.column ?? 0) \(issue.rule?.code ?? "-") \(issue.message)"
            }
        }
    }

    /// Copies `input` into a fresh project at `relativePath`, analyses it and fixes what was found.
    static func run(_ input: [UInt8], at relativePath: String, select: Set<String>?) async throws -> Run {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-fixes-\(UUID().uuidString)")
        let root = base.appendingPathComponent("project")
        defer { try? FileManager.default.removeItem(at: base) }
        let target = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(input).write(to: target)

        let workspace = Workspace(root: try ProjectRoot(resolving: root.path), settings: WorkspaceSettings(durability: .renameOnly))
        let path = try ProjectPath(relativePath)
        let analyzer = Analyzer(checks: PythonPack.checks(), isEnabled: { code in select.map { $0.contains(code) } ?? true })
        let (issues, problems) = await analyzer.analyze([path], in: workspace, jobs: 1)
        guard problems.isEmpty else { throw FixFixtureFailure("analysis problems: \(problems)") }
        let processor = BatchProcessor(registry: try PythonPack.registry(), validators: PythonPack.validators(), options: BatchOptions(jobs: 1))
        let report = await processor.run(issues, in: workspace)
        let output = [UInt8](try Data(contentsOf: target))
        if ProcessInfo.processInfo.environment["BATCHFIX_FIXTURE_DEBUG"] != nil {
            for result in report.results {
                print("[fixture] \(relativePath): \(result.issue.rule?.code ?? "-") \(result.status.rawValue): \(result.reason)")
            }
        }
        return Run(output: output, issues: issues, report: report)
    }

    // MARK: - Goldens

    static func read(_ fixture: Case, _ name: String) -> [UInt8]? {
        (try? Data(contentsOf: bundleRoot.appendingPathComponent(fixture.topic).appendingPathComponent(name))).map { [UInt8]($0) }
    }

    static func record(_ fixture: Case, _ name: String, _ bytes: [UInt8]) throws {
        let url = sourceRoot().appendingPathComponent(fixture.topic).appendingPathComponent(name)
        try Data(bytes).write(to: url)
    }
}

struct FixFixtureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Shows bytes with line endings and invisible characters spelled out, for failure messages.
func visible(_ bytes: [UInt8]) -> String {
    var text = ""
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        switch scalar {
        case "\r": text += "\\r"
        case "\n": text += "\\n\n"
        case "\t": text += "\\t"
        case "\u{0C}": text += "\\f"
        case "\u{FEFF}": text += "<BOM>"
        case " ": text += "·"
        default: text.unicodeScalars.append(scalar)
        }
    }
    return text
}

@Suite("Python pack fix fixtures")
struct FixFixtureTests {
    @Test("fixtures exist") func fixturesExist() {
        #expect(FixFixtures.all.count >= 100, "found only \(FixFixtures.all.count) fixtures under \(FixFixtures.bundleRoot.path)")
    }

    @Test("golden output, issues and invariants", arguments: FixFixtures.all)
    func fixture(_ fixture: FixFixtures.Case) async throws {
        guard let input = FixFixtures.read(fixture, fixture.file) else { throw FixFixtureFailure("cannot read \(fixture.file)") }
        let options = FixFixtures.options(for: fixture, input: input)
        let relativePath = options.path ?? fixture.file
        #expect(PythonParser.parse(input).errors.isEmpty, "fixture input does not parse")

        let first = try await FixFixtures.run(input, at: relativePath, select: options.select)
        let issueText = Array((first.issueLines.map { $0 + "\n" }.joined()).utf8)
        if FixFixtures.recording {
            try FixFixtures.record(fixture, fixture.expectedName, first.output)
            try FixFixtures.record(fixture, fixture.issuesName, issueText)
        } else {
            let expected = FixFixtures.read(fixture, fixture.expectedName)
            #expect(expected != nil, "missing \(fixture.expectedName): record with BATCHFIX_RECORD=1")
            if let expected {
                #expect(first.output == expected, "output differs from \(fixture.expectedName)\n--- got:\n\(visible(first.output))\n--- expected:\n\(visible(expected))")
            }
            let expectedIssues = FixFixtures.read(fixture, fixture.issuesName)
            #expect(expectedIssues != nil, "missing \(fixture.issuesName): record with BATCHFIX_RECORD=1")
            if let expectedIssues {
                #expect(issueText == expectedIssues, "issues differ from \(fixture.issuesName)\n--- got:\n\(String(decoding: issueText, as: UTF8.self))--- expected:\n\(String(decoding: expectedIssues, as: UTF8.self))")
            }
        }
        try await FixFixtureInvariants.check(fixture, input: input, first: first, relativePath: relativePath, select: options.select)
    }
}

/// The invariants every fixture must keep, whatever its topic.
enum FixFixtureInvariants {
    static func check(_ fixture: FixFixtures.Case, input: [UInt8], first: FixFixtures.Run, relativePath: String, select: Set<String>?) async throws {
        // Output parses.
        let parse = PythonParser.parse(first.output)
        #expect(parse.errors.isEmpty, "output does not parse: \(parse.errors.first.map { "\($0.line):\($0.column) \($0.message)" } ?? "")")

        countsAddUp(first, input: input, label: "first run")

        // Idempotent: a second run changes nothing and finds nothing it could safely fix.
        let second = try await FixFixtures.run(first.output, at: relativePath, select: select)
        #expect(second.output == first.output, "second run changed the output\n--- second:\n\(visible(second.output))")
        #expect(second.report.fixed == 0, "second run fixed \(second.report.fixed) more issue(s): \(second.issueLines)")
        let fixable = second.issues.filter { $0.details["fixable"] == "safe" }
        #expect(fixable.isEmpty, "second run still finds safely fixable issues: \(fixable.map { "\($0.location.line ?? 0) \($0.rule?.code ?? "") \($0.message)" })")
        countsAddUp(second, input: first.output, label: "second run")

        // CRLF copy fixes to the CRLF copy of the output (and reports the same issues).
        if !input.contains(0x0D) {
            let crlfInput = crlf(input)
            let crlfRun = try await FixFixtures.run(crlfInput, at: relativePath, select: select)
            #expect(crlfRun.output == crlf(first.output), "CRLF copy fixes differently\n--- got:\n\(visible(crlfRun.output))\n--- expected:\n\(visible(crlf(first.output)))")
            #expect(crlfRun.issueLines == first.issueLines, "CRLF copy reports different issues: \(crlfRun.issueLines)")
            countsAddUp(crlfRun, input: crlfInput, label: "CRLF copy")
        }

        // Commented out, an import fixture finds nothing (patterns inside comments do not trigger).
        if let select, select.isSubset(of: ["F401", "F811"]) {
            let commented = commentedOut(input)
            let commentedRun = try await FixFixtures.run(commented, at: relativePath, select: select)
            #expect(commentedRun.issues.isEmpty, "commented-out copy reports \(commentedRun.issueLines)")
            #expect(commentedRun.output == commented, "commented-out copy changed")
        }

        // BOM copy keeps its BOM and fixes like the original.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if !input.starts(with: bom) {
            let bomInput = bom + input
            let bomRun = try await FixFixtures.run(bomInput, at: relativePath, select: select)
            #expect(bomRun.output.starts(with: bom), "BOM lost")
            #expect(bomRun.output == bom + first.output, "BOM copy fixes differently\n--- got:\n\(visible(bomRun.output))\n--- expected:\n\(visible(bom + first.output))")
            #expect(bomRun.issueLines == first.issueLines, "BOM copy reports different issues: \(bomRun.issueLines) vs \(first.issueLines)")
            countsAddUp(bomRun, input: bomInput, label: "BOM copy")
        }
    }

    /// fixed + failed + skipped = total = issues found; `fixed` only when the bytes changed.
    static func countsAddUp(_ run: FixFixtures.Run, input: [UInt8], label: String) {
        let report = run.report
        #expect(report.fixed + report.failed + report.skipped == report.total, "\(label): counts do not add up")
        #expect(report.total == run.issues.count, "\(label): \(report.total) results for \(run.issues.count) issues")
        if report.fixed > 0 {
            #expect(run.output != input, "\(label): \(report.fixed) result(s) fixed but the file is unchanged")
        }
        for result in report.results where result.status == .fixed {
            #expect(!result.files.isEmpty, "\(label): fixed result without changed files: \(result.issue.message)")
        }
        if run.output != input {
            #expect(report.fixed > 0, "\(label): the file changed but nothing is reported fixed")
        }
    }

    /// Every line prefixed with `# ` (line endings kept).
    static func commentedOut(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = Array("# ".utf8)
        for (index, byte) in bytes.enumerated() {
            out.append(byte)
            let endsLine = byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
            if endsLine, index + 1 < bytes.count { out += Array("# ".utf8) }
        }
        return out
    }

    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }
}
