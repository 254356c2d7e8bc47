#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import BatchFixCore

/// Test 6: paths that could leave the project root are refused before any I/O; symlinks that resolve
/// outside are refused "escapes project root" and the outside file is untouched; a symlink inside the
/// root is followed to its target, which is edited while the link stays a link; two spellings of one
/// file are one document.
@Suite struct PathSafetyTests {
    static func fixer(_ log: CallLog) -> ScriptedAgent {
        ScriptedAgent("Fixer", kinds: [.formatting], log: log) { issue, context, _ in
            replaceAnchorLine(context, with: "fixed_\(issue.id.filter { $0.isLetter || $0.isNumber }) = 1")
        }
    }

    @Test func malformedPathsFailBeforeAnyRead() async throws {
        try await TempProject.with { project in
            try TempProject.writeFile(project.base + "/outside.py", Array("secret = 1\n".utf8))
            try project.write("a.py", "a = 1\n")
            try project.write("sub/b.py", "b = 1\n")
            let cases: [(String, String)] = [
                (project.path("a.py"), "absolute"),
                ("../outside.py", ".."),
                ("sub/../../outside.py", ".."),
                ("sub/../a.py", ".."),
                ("~/a.py", "~"),
                ("a.py\u{0}.txt", "NUL"),
                ("sub\\b.py", "backslash"),
                ("", "empty"),
                ("./.", "project root"),
            ]
            let issues = cases.enumerated().map { makeIssue("p\($0.offset)", file: $0.element.0) }
            let log = CallLog()
            let workspace = try project.workspace()
            let report = try await makeProcessor([Self.fixer(log)]).run(issues, in: workspace)
            report.expectCountsAddUp(of: issues)
            #expect(report.failed == cases.count)
            for (index, (_, word)) in cases.enumerated() {
                let reason = report.result("p\(index)")?.reason ?? ""
                #expect(reason.contains("unsafe path") && reason.contains(word), "\(index): \(reason)")
            }
            #expect(log.count("Fixer") == 0)
            #expect(await workspace.filesRead == 0, "nothing was read")
            #expect(report.filesRead == 0)
            #expect(TempProject.readFile(project.base + "/outside.py") == Array("secret = 1\n".utf8))
            #expect(project.text("a.py") == "a = 1\n")
        }
    }

    @Test func symlinksOutOfTheRootAreRefused() async throws {
        try await TempProject.with { project in
            let secret = Array("secret = 1\n".utf8)
            try TempProject.writeFile(project.base + "/outside.py", secret)
            try TempProject.writeFile(project.base + "/outdir/inner.py", secret)
            try project.write("keep.py", "keep = 1\n")
            #expect(symlink(project.base + "/outside.py", project.path("abs_link.py")) == 0)
            #expect(symlink("../outside.py", project.path("rel_link.py")) == 0)
            #expect(symlink(project.base + "/outdir", project.path("dir_link")) == 0)
            try TempProject.makeDirectory(project.path("deep/er"))
            #expect(symlink("../../../outdir", project.path("deep/er/up")) == 0)
            let creator = ScriptedAgent("Creator", log: CallLog()) { _, _, _ in
                .proposed(FixProposal(edits: [FileEdit(creating: try ProjectPath("dir_link/new.py"), contents: Array("x = 1\n".utf8))], summary: "create"))
            }
            let issues = [
                makeIssue("abs", file: "abs_link.py"),
                makeIssue("rel", file: "rel_link.py"),
                makeIssue("dir", file: "dir_link/inner.py"),
                makeIssue("deep", file: "deep/er/up/inner.py"),
                makeIssue("create", file: "keep.py", kind: .security, rule: "t:create"),
                makeIssue("inside", file: "keep.py", line: 1),
            ]
            let log = CallLog()
            let report = try await makeProcessor([Self.fixer(log), creator], rules: ["t:create": ["Creator"]]).run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            for id in ["abs", "rel", "dir", "deep", "create"] {
                let result = try #require(report.result(id))
                #expect(result.status == .failed, "\(id)")
                #expect(result.reason.contains("escapes project root"), "\(id): \(result.reason)")
            }
            #expect(report.result("inside")?.status == .fixed)
            for id in ["abs", "rel", "dir", "deep"] { #expect(log.count("Fixer", id) == 0) }
            #expect(TempProject.readFile(project.base + "/outside.py") == secret)
            #expect(TempProject.readFile(project.base + "/outdir/inner.py") == secret)
            #expect(TempProject.list(project.base + "/outdir") == ["inner.py"], "nothing created outside")
            #expect(TempProject.lstatInfo(project.path("abs_link.py")).map { $0.st_mode & S_IFMT } == S_IFLNK)
        }
    }

    @Test func symlinkInsideTheRootEditsTheTargetAndStaysALink() async throws {
        try await TempProject.with { project in
            try project.write("real.py", "one = 1\ntwo = 2\n")
            #expect(symlink("real.py", project.path("alias.py")) == 0)
            let report = try await makeProcessor([Self.fixer(CallLog())]).run([makeIssue("viaalias", file: "alias.py", line: 2)], in: try project.workspace())
            #expect(report.result("viaalias")?.status == .fixed)
            #expect(project.text("real.py") == "one = 1\nfixed_viaalias = 1\n")
            let info = try #require(TempProject.lstatInfo(project.path("alias.py")))
            #expect(info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
            var target = [CChar](repeating: 0, count: 256)
            let length = readlink(project.path("alias.py"), &target, 255)
            #expect(length == 7 && String(decoding: target.prefix(7).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "real.py")
            #expect(project.listing() == ["alias.py", "real.py"], "no temp file left behind")
        }
    }

    @Test func spellingsAndAliasesOfOneFileAreOneDocument() async throws {
        try await TempProject.with { project in
            try project.write("a.py", "l1 = 1\nl2 = 2\nl3 = 3\nl4 = 4\n")
            #expect(symlink("a.py", project.path("same.py")) == 0)
            let issues = [
                makeIssue("dot", file: "./a.py", line: 1),
                makeIssue("plain", file: "a.py", line: 2),
                makeIssue("slashes", file: ".//a.py", line: 3),
                makeIssue("alias", file: "same.py", line: 4),
            ]
            let workspace = try project.workspace()
            let options = BatchOptions(jobs: 4, maxRetries: 100)
            let report = try await makeProcessor([Self.fixer(CallLog())], options: options).run(issues, in: workspace)
            report.expectCountsAddUp(of: issues)
            #expect(report.fixed == 4, "\(report.results.map(\.reason))")
            #expect(await workspace.filesRead == 1)
            #expect(report.filesWritten.count == 1)
            #expect(project.text("a.py") == "fixed_dot = 1\nfixed_plain = 1\nfixed_slashes = 1\nfixed_alias = 1\n")
            #expect(TempProject.lstatInfo(project.path("same.py")).map { $0.st_mode & S_IFMT } == S_IFLNK)
        }
    }

    @Test func aProposalEditingOneFileUnderTwoNamesIsRefusedWhole() async throws {
        try await TempProject.with { project in
            try project.write("a.py", "first = 1\nsecond = 2\n")
            #expect(symlink("a.py", project.path("same.py")) == 0)
            // Two FileEdits on the same version of one file, one through its symlink alias: applying
            // both from one base would drop one of them, so the proposal must be refused as a whole.
            let agent = ScriptedAgent("TwoNames", kinds: [.formatting], log: CallLog()) { _, context, _ in
                let document = context.document
                let viaAlias = try await context.document(at: try ProjectPath("same.py"))
                let one = FileEdit(path: try ProjectPath("a.py"), baseVersion: document.version,
                                   edits: [TextEdit(range: document.lines.contentRange(ofLine: 1, in: document.bytes)!, replacement: "first = 10")])
                let two = FileEdit(path: try ProjectPath("same.py"), baseVersion: viaAlias.version,
                                   edits: [TextEdit(range: viaAlias.lines.contentRange(ofLine: 2, in: viaAlias.bytes)!, replacement: "second = 20")])
                return .proposed(FixProposal(edits: [one, two], summary: "two names"))
            }
            let report = try await makeProcessor([agent]).run([makeIssue("i", file: "a.py")], in: try project.workspace())
            let result = try #require(report.result("i"))
            #expect(result.status == .failed, "\(result.reason); file now: \(project.text("a.py") ?? "")")
            #expect(result.reason.contains("twice"))
            #expect(project.text("a.py") == "first = 1\nsecond = 2\n")
        }
    }

    @Test func userPathsOnTheCommandLineMustResolveInsideTheRoot() throws {
        let project = try TempProject()
        defer { TempProject.removeTree(project.base) }
        try project.write("pkg/a.py", "a = 1\n")
        try TempProject.writeFile(project.base + "/outside.py", Array("x\n".utf8))
        #expect(symlink(project.base + "/outside.py", project.path("link.py")) == 0)
        #expect(symlink("pkg", project.path("alias")) == 0)
        let root = try ProjectRoot(resolving: project.root)
        #expect(try root.projectPath(forUserPath: project.path("pkg/a.py")).value == "pkg/a.py")
        #expect(try root.projectPath(forUserPath: project.path("alias/a.py")).value == "pkg/a.py", "resolved through the folder link")
        #expect(try root.projectPath(forUserPath: project.root + "/pkg/../pkg/./a.py").value == "pkg/a.py")
        for outside in [project.base + "/outside.py", project.path("link.py"), project.root, project.root + "/../outside.py", "/etc/passwd"] {
            #expect(throws: BatchFixError.self, "\(outside)") { try root.projectPath(forUserPath: outside) }
        }
        #expect(throws: BatchFixError.self) { try ProjectRoot(resolving: project.path("pkg/a.py")) }
        #expect(throws: BatchFixError.self) { try ProjectRoot(resolving: project.base + "/missing") }
    }

    @Test func projectPathNormalisesAndRefuses() throws {
        #expect(try ProjectPath("./a.py") == ProjectPath("a.py"))
        #expect(try ProjectPath("pkg//./m.py").value == "pkg/m.py")
        for bad in ["/etc/passwd", "..", "a/../b.py", "~root/x.py", "a\u{0}b", "a\\b.py", "", ".", "./"] {
            #expect(throws: BatchFixError.self, "\(bad)") { try ProjectPath(bad) }
        }
    }
}
