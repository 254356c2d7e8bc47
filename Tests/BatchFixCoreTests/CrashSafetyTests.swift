#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import BatchFixCore

/// Test 8: a process killed with SIGKILL while the engine writes leaves every file either old or new,
/// never truncated or mixed; the temp files it leaves are swept by the next normal run.
///
/// The child is `batchfix-bench kill-child ROOT`, which rewrites line 1 of every file through the engine
/// and prints `written PATH` per file; the test kills it a random few ms after the first file lands.
@Suite struct CrashSafetyTests {
    /// Must match `KillChild.newFirstLine` in Benchmarks/batchfix-bench/main.swift.
    static let newFirstLine = "# version: new, and a little longer than the old one"

    /// The built `batchfix-bench`: next to the test bundle, else in a `.build*` folder of this package.
    static let benchExecutable: String? = {
        var candidates: [String] = []
        if let bundle = CommandLine.arguments.first, let slash = bundle.lastIndex(of: "/") {
            candidates.append(String(bundle[..<slash]) + "/batchfix-bench")
        }
        var folder = String(#filePath)
        while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            folder = String(folder[..<slash])
            if access(folder + "/Package.swift", F_OK) == 0 {
                for name in TempProject.list(folder) where name.hasPrefix(".build") {
                    candidates += ["debug", "release"].map { "\(folder)/\(name)/\($0)/batchfix-bench" }
                }
                break
            }
        }
        return candidates.first { access($0, X_OK) == 0 }
    }()

    static func oldFile(_ index: Int) -> [UInt8] {
        // ~256 KiB per file, so writes take long enough to be caught in the middle.
        var text = "# version: old\n"
        let line = "value_\(index) = [\(String(repeating: "\(index % 10)", count: 40))]\n"
        while text.utf8.count < 256 * 1024 { text += line }
        return Array(text.utf8)
    }

    static func newFile(_ index: Int) -> [UInt8] {
        let old = oldFile(index)
        return Array((newFirstLine + "\n").utf8) + old[old.firstIndex(of: 0x0A)! + 1 ..< old.count]
    }

    /// Spawns the child with stdout on a pipe, waits for its first written file, then a random few ms,
    /// then SIGKILLs it and reaps it. Returns the lines it printed.
    static func spawnAndKill(_ executable: String, root: String, delayMicroseconds: UInt32) async throws -> [String] {
        try await BlockingIO.run { () throws -> [String] in
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw TestFailure("pipe failed") }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
            let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), strdup("kill-child"), strdup(root), nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            close(fds[1])
            guard spawned == 0 else { close(fds[0]); throw TestFailure("posix_spawn \(executable): \(spawned)") }
            defer { close(fds[0]) }

            var output: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            var sawWrite = false
            while !sawWrite {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fds[0], $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }  // the child ended (or failed) before writing anything
                output += buffer[0..<count]
                sawWrite = String(decoding: output, as: UTF8.self).contains("written ")
            }
            usleep(delayMicroseconds)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    @Test(.enabled(if: benchExecutable != nil,
                   "batchfix-bench is not built next to the test bundle nor in a .build* folder; run `swift build --product batchfix-bench` first"),
          .timeLimit(.minutes(5)))
    func sigkillMidWriteLeavesEveryFileOldOrNew() async throws {
        let executable = try #require(Self.benchExecutable)
        let fileCount = 40
        var random = SystemRandomNumberGenerator()
        var tally: [String] = []
        for round in 0..<5 {
            try await TempProject.with { project in
                for index in 0..<fileCount { try project.write("f\(index).py", Self.oldFile(index)) }
                let delay = UInt32.random(in: 0...12_000, using: &random)
                let lines = try await Self.spawnAndKill(executable, root: project.root, delayMicroseconds: delay)
                #expect(lines.first?.hasPrefix("ready") == true, "child output: \(lines.prefix(3))")

                var newCount = 0
                var temps: [String] = []
                for name in project.listing() {
                    if name.contains(FileSystem.tempMarker) { temps.append(name); continue }
                    guard name.hasPrefix("f"), name.hasSuffix(".py"), let index = Int(name.dropFirst().dropLast(3)) else {
                        Testing.Issue.record("unexpected entry \(name)")
                        continue
                    }
                    let bytes = project.read(name) ?? []
                    if bytes == Self.newFile(index) {
                        newCount += 1
                    } else if bytes != Self.oldFile(index) {
                        Testing.Issue.record("round \(round): \(name) is neither old nor new (\(bytes.count) bytes)")
                    }
                }
                #expect(project.listing().count - temps.count == fileCount, "no file lost")
                // The child reported these as written before it died: they must be new.
                let reported = lines.filter { $0.hasPrefix("written ") }.count
                #expect(newCount >= reported)
                tally.append("round \(round): killed \(delay) µs after the first write, \(newCount)/\(fileCount) new, \(temps.count) temp files left")

                // A normal run afterwards finishes the job and sweeps the dead child's temp files.
                let finisher = ScriptedAgent("Finish", kinds: [.formatting], log: CallLog()) { _, context, _ in
                    let line = context.document.lines.contentRange(ofLine: 1, in: context.document.bytes)!
                    return .proposed(FixProposal(edits: [FileEdit(context.document, edits: [TextEdit(range: line, replacement: "# version: final")])], summary: "final"))
                }
                let issues = (0..<fileCount).map { makeIssue("f\($0)", file: "f\($0).py") }
                let report = try await makeProcessor([finisher]).run(issues, in: try project.workspace())
                #expect(report.fixed == fileCount)
                #expect(project.listing() == (0..<fileCount).map { "f\($0).py" }.sorted(), "temp files swept")
                for index in 0..<fileCount {
                    let old = Self.oldFile(index)
                    let expected = Array("# version: final\n".utf8) + old[old.firstIndex(of: 0x0A)! + 1 ..< old.count]
                    #expect(project.read("f\(index).py") == expected)
                }
            }
        }
        print("CrashSafetyTests: " + tally.joined(separator: "; "))
    }

    @Test func sweepRemovesOnlyTempFilesOfDeadProcesses() throws {
        let project = try TempProject()
        defer { TempProject.removeTree(project.base) }
        // A pid that is certainly dead: a child we started and reaped.
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let dead = ".a.py\(FileSystem.tempMarker)\(pid)-1"
        let mine = ".b.py\(FileSystem.tempMarker)\(getpid())-1"
        let alive = ".c.py\(FileSystem.tempMarker)1-1"  // pid 1 always runs
        for name in [dead, mine, alive, "a.py", ".hidden.py"] { try project.write(name, "x\n") }
        #expect(FileSystem.sweepStaleTempFiles(in: project.root) == 1)
        #expect(project.listing() == [".b.py\(FileSystem.tempMarker)\(getpid())-1", ".c.py\(FileSystem.tempMarker)1-1", ".hidden.py", "a.py"].sorted())
    }

    /// Whether this machine lets us mount a private tmpfs (`unshare -m`, as root), for the disk-full test.
    static let canMountPrivateTmpfs: Bool = {
        guard let project = try? TempProject() else { return false }
        defer { TempProject.removeTree(project.base) }
        let probe = try? runProcessBlocking(["unshare", "-m", "--", "sh", "-c", "mount -t tmpfs -o size=64k probe \"$1\"", "sh", project.root])
        return probe?.status == 0
    }()

    /// RELIABILITY T21: writes that hit "no space left" leave the original intact, remove their temp
    /// file, and fail the issue with the reason; the writes that fit still land.
    @Test(.enabled(if: benchExecutable != nil, "batchfix-bench is not built; run `swift build --product batchfix-bench` first"),
          .enabled(if: canMountPrivateTmpfs, "cannot mount a private tmpfs here (needs root and `unshare -m`)"),
          .timeLimit(.minutes(2)))
    func diskFullLeavesOriginalsAndNoTempFiles() async throws {
        let executable = try #require(Self.benchExecutable)
        try await TempProject.with { project in
            let (status, output) = try await runProcess([
                "unshare", "-m", "--", "sh", "-c", "mount -t tmpfs -o size=64k batchfix-full \"$1\" && exec \"$2\" disk-full-child \"$1\"",
                "sh", project.root, executable,
            ])
            #expect(status == 0, "\(output)")
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.last == "done", "\(output)")
            let files = lines.filter { $0.hasPrefix("file ") }.map { $0.split(separator: " ").map(String.init) }
            #expect(files.count == 4, "\(output)")
            #expect(files.allSatisfy { $0[2] == "old" || $0[2] == "new" }, "every file old or new: \(output)")
            #expect(!lines.contains { $0.hasPrefix("other ") }, "no temp file left: \(output)")
            let errors = lines.filter { $0.hasPrefix("error ") }
            #expect(!errors.isEmpty, "the 64 KiB disk must overflow: \(output)")
            #expect(errors.allSatisfy { $0.contains("No space left on device") }, "\(errors)")
            let fixed = lines.filter { $0.hasPrefix("result ") && $0.contains(" fixed ") }.count
            let notWritten = lines.filter { $0.hasPrefix("result ") && $0.contains(" failed ") && $0.contains("not written") }.count
            #expect(fixed == files.count { $0[2] == "new" }, "fixed means written: \(output)")
            #expect(notWritten == errors.count)
            #expect(fixed + notWritten == 4)
        }
    }
}

/// RELIABILITY T22: as an unprivileged user (`setpriv`, the tests run as root), a read-only file, a
/// read-only folder and an unreadable file each fail with a clear reason and stay untouched, while a
/// writable file in the same batch is fixed and keeps its owner.
@Suite struct PermissionTests {
    static let nobody: UInt32 = 65534

    static let canDropPrivileges: Bool = {
        getuid() == 0 && (try? runProcessBlocking(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"]))?.status == 0
    }()

    @Test(.enabled(if: CrashSafetyTests.benchExecutable != nil, "batchfix-bench is not built; run `swift build --product batchfix-bench` first"),
          .enabled(if: canDropPrivileges, "needs root and setpriv to run the engine as an unprivileged user"),
          .timeLimit(.minutes(2)))
    func unwritableAndUnreadableFilesFailClearlyAndStayUntouched() async throws {
        let executable = try #require(CrashSafetyTests.benchExecutable)
        try await TempProject.with { project in
            // The unprivileged user must reach the project: open the mkdtemp folder for traversal.
            #expect(chmod(project.base, 0o755) == 0)
            let old = "# version: old\nx = 1\n"
            try project.write("own/ok.py", old)
            try project.write("own/readonly.py", old, mode: 0o444)
            try project.write("rootdir/inlocked.py", old, mode: 0o666)
            try project.write("own/secret.py", old, mode: 0o600)
            for path in ["own", "own/ok.py", "own/readonly.py"] {
                #expect(chown(project.path(path), Self.nobody, Self.nobody) == 0)
            }
            // own/secret.py stays root's (0600): unreadable; rootdir stays root's (0755): unwritable folder.
            let files = ["own/ok.py", "own/readonly.py", "rootdir/inlocked.py", "own/secret.py"]
            let (status, output) = try await runProcess(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", executable, "fix-child", project.root] + files)
            #expect(status == 0, "\(output)")
            let results = Dictionary(uniqueKeysWithValues: output.split(separator: "\n").filter { $0.hasPrefix("result ") }.map { line in
                let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
                return (parts[1], (status: parts[2], reason: parts.count > 3 ? parts[3] : ""))
            })
            #expect(results.count == 4, "\(output)")
            #expect(results["own/ok.py"]?.status == "fixed", "\(output)")
            for file in ["own/readonly.py", "rootdir/inlocked.py", "own/secret.py"] {
                let result = results[file]
                #expect(result?.status == "failed", "\(file): \(output)")
                #expect(result?.reason.contains(file) == true && result?.reason.contains("ermission denied") == true, "\(file): \(result?.reason ?? "")")
                #expect(project.text(file) == old, "\(file) untouched")
            }
            #expect(project.text("own/ok.py")?.hasPrefix("# version: new") == true)
            #expect(TempProject.lstatInfo(project.path("own/ok.py"))?.st_uid == Self.nobody, "owner kept")
            #expect(project.listing("own") == ["ok.py", "readonly.py", "secret.py"], "no temp files left")
            #expect(project.listing("rootdir") == ["inlocked.py"])
        }
    }
}
