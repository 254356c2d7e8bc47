#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import BatchFixCore

/// Tests 7 and 9: what the engine writes and what it refuses to. A file changed on disk behind the
/// engine's back is not overwritten; modes, CRLF and BOM bytes survive; files we must not edit
/// (binary, not UTF-8, too large, FIFO, folder, hard-linked) are skipped with a reason naming them;
/// exclusive creation never overwrites; a dry run writes nothing.
@Suite struct WriteSafetyTests {
    static func fixer(_ log: CallLog = CallLog()) -> ScriptedAgent {
        ScriptedAgent("Fixer", kinds: [.formatting], log: log) { issue, context, _ in
            replaceAnchorLine(context, with: "fixed_\(issue.id) = 1")
        }
    }

    // MARK: - Test 7: changed on disk mid-batch

    @Test func fileChangedOnDiskMidBatchIsNotOverwritten() async throws {
        try await TempProject.with { project in
            try project.write("inplace.py", "a = 1\n")
            try project.write("replaced.py", "b = 1\n")
            try project.write("deleted.py", "c = 1\n")
            try project.write("calm.py", "d = 1\n")
            let theirs = Array("# someone else's work\na = 2\n".utf8)
            let root = project.root
            // While fixing, the agent plays "someone else": rewrites the file in place, replaces it by
            // rename (a new inode with the same bytes it had), or deletes it.
            let meddler = ScriptedAgent("Meddler", kinds: [.formatting], log: CallLog()) { issue, context, _ in
                let path = root + "/" + issue.location.file
                switch issue.id {
                case "inplace": try TempProject.writeFile(path, theirs)
                case "replaced":
                    try TempProject.writeFile(path + ".new", context.document.bytes)
                    guard rename(path + ".new", path) == 0 else { throw AgentError(description: "rename failed") }
                case "deleted": unlink(path)
                default: break
                }
                return replaceAnchorLine(context, with: "fixed_\(issue.id) = 1")
            }
            let issues = ["inplace", "replaced", "deleted", "calm"].map { makeIssue($0, file: "\($0).py") }
            let run = try makeProcessor([meddler]).start(issues, in: try project.workspace())
            var failedWrites: [String] = []
            var report: BatchReport?
            for await event in run.events {
                if case .writeFailed(let path, _) = event { failedWrites.append(path.value) }
                if case .finished(let final) = event { report = final }
            }
            let final = try #require(report)
            final.expectCountsAddUp(of: issues)
            #expect(failedWrites.sorted() == ["deleted.py", "inplace.py", "replaced.py"])
            #expect(final.writeErrors.count == 3)
            #expect(final.writeErrors.contains { $0.contains("inplace.py") && $0.contains("changed on disk") })
            #expect(final.writeErrors.contains { $0.contains("replaced.py") && $0.contains("changed on disk") })
            #expect(final.writeErrors.contains { $0.contains("deleted.py") && $0.contains("deleted") })
            for id in ["inplace", "replaced", "deleted"] {
                let result = try #require(final.result(id))
                #expect(result.status == .failed, "\(id)")
                #expect(result.reason.contains("not written"), "\(id): \(result.reason)")
            }
            #expect(final.result("calm")?.status == .fixed)
            #expect(final.filesWritten.map(\.value) == ["calm.py"])
            #expect(project.read("inplace.py") == theirs, "the other person's bytes remain")
            #expect(project.text("replaced.py") == "b = 1\n")
            #expect(project.read("deleted.py") == nil, "a deleted file is not recreated")
            #expect(project.text("calm.py") == "fixed_calm = 1\n")
            #expect(project.listing() == ["calm.py", "inplace.py", "replaced.py"], "no temp files left")
        }
    }

    // MARK: - Test 9: bytes and modes kept

    @Test func modesAreKept() async throws {
        try await TempProject.with { project in
            try project.write("script.py", "#!/usr/bin/env python3\nrun = 0\n", mode: 0o755)
            try project.write("private.py", "token = 0\n", mode: 0o600)
            try project.write("odd.py", "odd = 0\n", mode: 0o640)
            let issues = [makeIssue("s", file: "script.py", line: 2), makeIssue("p", file: "private.py"), makeIssue("o", file: "odd.py")]
            let report = try await makeProcessor([Self.fixer()]).run(issues, in: try project.workspace())
            #expect(report.fixed == 3)
            #expect(project.text("script.py") == "#!/usr/bin/env python3\nfixed_s = 1\n")
            #expect(TempProject.lstatInfo(project.path("script.py")).map { $0.st_mode & 0o7777 } == 0o755)
            #expect(TempProject.lstatInfo(project.path("private.py")).map { $0.st_mode & 0o7777 } == 0o600)
            #expect(TempProject.lstatInfo(project.path("odd.py")).map { $0.st_mode & 0o7777 } == 0o640)
        }
    }

    @Test func crlfAndBOMBytesAreUntouchedOutsideTheEdit() async throws {
        try await TempProject.with { project in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            try project.write("crlf.py", bom + Array("import os\r\nx = 1\r\ny = 'é'\r\n".utf8))
            try project.write("mixed.py", Array("a = 1\rb = 2\nc = 3\r\nd = 4".utf8))
            // Replaces the token at the issue's column with "42".
            let agent = ScriptedAgent("Token", kinds: [.formatting], log: CallLog()) { _, context, _ in
                let start = context.anchor!.start
                return .proposed(FixProposal(edits: [FileEdit(context.document, edits: [TextEdit(range: TextRange(start: start, end: start + 1), replacement: "42")])], summary: "42"))
            }
            let issues = [
                makeIssue("crlf", file: "crlf.py", line: 2, column: 5),
                makeIssue("lone-cr", file: "mixed.py", line: 2, column: 5),
                makeIssue("no-final-newline", file: "mixed.py", line: 4, column: 5),
            ]
            let report = try await makeProcessor([agent]).run(issues, in: try project.workspace())
            #expect(report.fixed == 3, "\(report.results.map(\.reason))")
            #expect(project.read("crlf.py") == bom + Array("import os\r\nx = 42\r\ny = 'é'\r\n".utf8))
            #expect(project.read("mixed.py") == Array("a = 1\rb = 42\nc = 3\r\nd = 42".utf8))
        }
    }

    // MARK: - Test 9: files we do not edit

    @Test(.timeLimit(.minutes(1)))
    func filesWeMustNotEditAreSkippedNamingTheFile() async throws {
        try await TempProject.with { project in
            let binary: [UInt8] = Array("x = 1\n".utf8) + [0, 1, 2] + Array("\n".utf8)
            let latin1: [UInt8] = Array("name = '".utf8) + [0xE9] + Array("'\n".utf8)
            let big = Array(String(repeating: "x = 1\n", count: 400).utf8)  // 2,400 bytes, limit 2,000
            try project.write("binary.py", binary)
            try project.write("latin1.py", latin1)
            try project.write("big.py", big)
            try project.write("ok.py", "ok = 0\n")
            try TempProject.makeDirectory(project.path("folder.py"))
            #expect(mkfifo(project.path("pipe.py"), 0o644) == 0)
            #expect(mknod(project.path("device.py"), S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0, "a /dev/null twin (major 1, minor 3)")
            #expect(Self.bindSocket(at: project.path("socket.py")))
            let log = CallLog()
            let cases: [(String, [String])] = [
                ("binary.py", ["binary.py", "binary", "NUL"]),
                ("latin1.py", ["latin1.py", "UTF-8", "0xe9", "offset 8"]),
                ("big.py", ["big.py", "too large"]),
                ("pipe.py", ["pipe.py", "FIFO"]),
                ("folder.py", ["folder.py", "folder"]),
                ("device.py", ["device.py", "device"]),
                ("socket.py", ["socket.py", "socket"]),
            ]
            let issues = cases.map { makeIssue($0.0, file: $0.0) } + [makeIssue("ok", file: "ok.py")]
            let settings = WorkspaceSettings(sizeLimit: 2_000, durability: .renameOnly)
            let report = try await makeProcessor([Self.fixer(log)]).run(issues, in: try project.workspace(settings))
            report.expectCountsAddUp(of: issues)
            for (file, words) in cases {
                let result = try #require(report.result(file))
                #expect(result.status == .skipped, "\(file): \(result.reason)")
                for word in words { #expect(result.reason.contains(word), "\(file): \(result.reason) lacks \(word)") }
                #expect(log.count("Fixer", file) == 0)
            }
            #expect(report.result("ok")?.status == .fixed)
            #expect(project.read("binary.py") == binary)
            #expect(project.read("latin1.py") == latin1)
            #expect(project.read("big.py") == big)
            #expect(TempProject.lstatInfo(project.path("pipe.py")).map { $0.st_mode & S_IFMT } == S_IFIFO)
        }
    }

    /// Binds a UNIX socket at `path` (and closes it: the socket file stays).
    static func bindSocket(at path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    @Test func hardLinkedFilesAreRefusedByDefault() async throws {
        try await TempProject.with { project in
            try project.write("one.py", "shared = 1\n")
            #expect(link(project.path("one.py"), project.path("two.py")) == 0)
            let inode = TempProject.lstatInfo(project.path("one.py"))!.st_ino
            let report = try await makeProcessor([Self.fixer()]).run([makeIssue("h", file: "one.py")], in: try project.workspace())
            let result = try #require(report.result("h"))
            #expect(result.status == .skipped)
            #expect(result.reason.contains("one.py") && result.reason.contains("hard links"))
            #expect(project.text("one.py") == "shared = 1\n")
            #expect(TempProject.lstatInfo(project.path("one.py"))?.st_ino == inode)
            #expect(TempProject.lstatInfo(project.path("two.py"))?.st_ino == inode, "the link is not split")
        }
    }

    @Test func hardLinkedFilesEditedWhenAllowedChangeEveryName() async throws {
        try await TempProject.with { project in
            try project.write("one.py", "shared = 1\nother = 2\n", mode: 0o640)
            #expect(link(project.path("one.py"), project.path("two.py")) == 0)
            let inode = TempProject.lstatInfo(project.path("one.py"))!.st_ino
            let settings = WorkspaceSettings(hardLinks: .edit, durability: .renameOnly)
            let report = try await makeProcessor([Self.fixer()]).run([makeIssue("h", file: "one.py")], in: try project.workspace(settings))
            #expect(report.result("h")?.status == .fixed)
            #expect(project.text("one.py") == "fixed_h = 1\nother = 2\n")
            #expect(project.text("two.py") == "fixed_h = 1\nother = 2\n", "the other name sees the edit: the link is not split")
            #expect(TempProject.lstatInfo(project.path("two.py"))?.st_ino == inode)
            #expect(TempProject.lstatInfo(project.path("one.py"))?.st_nlink == 2)
            #expect(TempProject.lstatInfo(project.path("one.py")).map { $0.st_mode & 0o7777 } == 0o640)
        }
    }

    @Test func hardLinkedFileChangedOnDiskIsNotOverwrittenEither() async throws {
        try await TempProject.with { project in
            try project.write("one.py", "shared = 1\n")
            #expect(link(project.path("one.py"), project.path("two.py")) == 0)
            let root = project.root
            let meddler = ScriptedAgent("Meddler", kinds: [.formatting], log: CallLog()) { _, context, _ in
                try TempProject.writeFile(root + "/two.py", Array("theirs = 1\n".utf8))
                return replaceAnchorLine(context, with: "ours = 1")
            }
            let settings = WorkspaceSettings(hardLinks: .edit, durability: .renameOnly)
            let report = try await makeProcessor([meddler]).run([makeIssue("h", file: "one.py")], in: try project.workspace(settings))
            #expect(report.result("h")?.status == .failed)
            #expect(report.writeErrors.first?.contains("changed on disk") == true)
            #expect(project.text("one.py") == "theirs = 1\n")
        }
    }

    @Test func creatingAFileNeverOverwrites() async throws {
        try await TempProject.with { project in
            try project.write("conftest.py", "import pytest\n")
            try project.write("a.py", "a = 1\n")
            let creator = ScriptedAgent("Creator", kinds: [.testOrganization], log: CallLog()) { issue, _, _ in
                let target = try ProjectPath(issue.details["target"]!)
                return .proposed(FixProposal(edits: [FileEdit(creating: target, contents: Array("# made by \(issue.id)\n".utf8))], summary: "create \(target)"))
            }
            let issues = [
                makeIssue("exists", file: "a.py", kind: .testOrganization, details: ["target": "conftest.py"]),
                makeIssue("new1", file: "a.py", kind: .testOrganization, details: ["target": "tests/test_new.py"]),
                makeIssue("new2", file: "a.py", kind: .testOrganization, details: ["target": "tests/test_new.py"]),
            ]
            let report = try await makeProcessor([creator]).run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            #expect(report.result("exists")?.status == .failed)
            #expect(report.result("exists")?.reason.contains("already exists") == true)
            #expect(project.text("conftest.py") == "import pytest\n")
            #expect(report.result("new1")?.status == .fixed, "\(report.result("new1")?.reason ?? "")")
            #expect(report.result("new2")?.status == .failed, "the second creation of one file is refused")
            #expect(project.text("tests/test_new.py") == "# made by new1\n")
            #expect(report.filesWritten.map(\.value) == ["tests/test_new.py"])
            #expect(project.listing("tests") == ["test_new.py"], "no temp file left")
        }
    }

    @Test func fileCreatedOnDiskBeforeTheWriteIsNotOverwritten() async throws {
        try await TempProject.with { project in
            try project.write("a.py", "a = 1\n")
            let root = project.root
            let creator = ScriptedAgent("Creator", kinds: [.testOrganization], log: CallLog()) { _, _, _ in
                .proposed(FixProposal(edits: [FileEdit(creating: try ProjectPath("late.py"), contents: Array("ours = 1\n".utf8))], summary: "create"))
            }
            // Runs after the creation was verified (same file, next issue) and beats the engine to the disk.
            let racer = ScriptedAgent("Racer", kinds: [.formatting], log: CallLog()) { _, _, _ in
                try TempProject.writeFile(root + "/late.py", Array("theirs = 1\n".utf8))
                return .declined(reason: "just racing")
            }
            let issues = [makeIssue("create", file: "a.py", kind: .testOrganization), makeIssue("race", file: "a.py")]
            let report = try await makeProcessor([creator, racer]).run(issues, in: try project.workspace())
            report.expectCountsAddUp(of: issues)
            let result = try #require(report.result("create"))
            #expect(result.status == .failed)
            #expect(result.reason.contains("not written") && result.reason.contains("already exists"))
            #expect(project.text("late.py") == "theirs = 1\n")
        }
    }

    @Test func dryRunWritesNothing() async throws {
        try await TempProject.with { project in
            try project.write("a.py", "a = 1\n")
            try project.write("b.py", "b = 1\n")
            let creator = ScriptedAgent("Creator", kinds: [.testOrganization], log: CallLog()) { _, _, _ in
                .proposed(FixProposal(edits: [FileEdit(creating: try ProjectPath("new.py"), contents: Array("n = 1\n".utf8))], summary: "create"))
            }
            let issues = [makeIssue("a", file: "a.py"), makeIssue("b", file: "b.py"), makeIssue("n", file: "a.py", kind: .testOrganization)]
            let report = try await makeProcessor([Self.fixer(), creator], options: BatchOptions(dryRun: true)).run(issues, in: try project.workspace())
            #expect(report.dryRun)
            #expect(report.fixed == 3)
            #expect(report.filesWritten.isEmpty)
            #expect(project.text("a.py") == "a = 1\n")
            #expect(project.text("b.py") == "b = 1\n")
            #expect(project.listing() == ["a.py", "b.py"])
        }
    }
}
