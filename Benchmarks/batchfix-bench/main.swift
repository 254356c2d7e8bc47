// Engine benchmark and crash-test child for BatchFixCore.
//
//   batchfix-bench bench [--files 1000] [--issues 10000] [--runs 5] [--jobs N] [--seed S] [--dir PATH]
//       Times the engine on synthetic issues against the raw I/O floor (read + atomic rewrite of the
//       same files), each run from a fresh copy; prints medians. See scripts/bench-engine.sh.
//   batchfix-bench engine-only [same options] [--durability fsync|rename]
//       Only the engine runs, for a profiler.
//   batchfix-bench fix-child ROOT FILE...
//       Sets line 1 of each FILE to `# version: new...` through the engine; prints results and write
//       errors (the permission test runs it as an unprivileged user).
//   batchfix-bench disk-full-child ROOT
//       Inside a 64 KiB tmpfs at ROOT: grows 4 files through the engine until writes hit ENOSPC, then
//       prints every result, write error and file state (the disk-full test reads this).
//   batchfix-bench kill-child ROOT
//       Rewrites line 1 of every *.py file directly in ROOT to `# version: new...` through the engine,
//       printing `written PATH` per file; the SIGKILL test kills it mid-write.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BatchFixCore
import Dispatch
import Synchronization

// MARK: - Agents

/// Flips one byte at the issue's anchor (x <-> y): the cheapest possible real edit.
struct FlipAgent: Agent {
    var name: String { "Flip" }
    var kinds: Set<IssueKind> { [.formatting] }

    func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        let document = context.document
        guard let anchor = context.anchor, anchor.start < document.bytes.count else { return .nothingToDo(reason: "no anchor") }
        let at = anchor.start
        let flipped: UInt8 = document.bytes[at] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let edit = TextEdit(range: TextRange(start: at, end: at + 1), replacement: [flipped])
        return .proposed(FixProposal(edits: [FileEdit(document, edits: [edit])], summary: "flip"))
    }
}

/// Replaces line 1 with `KillChild.newFirstLine` (the kill test's transformation).
struct VersionAgent: Agent {
    var name: String { "Version" }
    var kinds: Set<IssueKind> { [.formatting] }

    func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        let document = context.document
        guard let line = document.lines.contentRange(ofLine: 1, in: document.bytes) else { return .nothingToDo(reason: "empty") }
        let edit = TextEdit(range: line, replacement: KillChild.newFirstLine)
        return .proposed(FixProposal(edits: [FileEdit(document, edits: [edit])], summary: "version"))
    }
}

enum KillChild {
    static let newFirstLine = "# version: new, and a little longer than the old one"

    static func run(root: String) async -> Int32 {
        let names = Disk.list(root).filter { $0.hasSuffix(".py") }
        let issues = names.enumerated().map { index, name in
            Issue(id: "k\(index)", kind: .formatting, message: "bump version",
                  location: SourceLocation(file: name, line: 1), source: "kill-child")
        }
        do {
            let workspace = Workspace(root: try ProjectRoot(resolving: root))
            let registry = try AgentRegistry(agents: [VersionAgent()])
            let processor = BatchProcessor(registry: registry, validators: ValidatorSet([]), options: BatchOptions(jobs: 2))
            Disk.say("ready \(issues.count)")
            for await event in processor.start(issues, in: workspace).events {
                switch event {
                case .fileWritten(let path): Disk.say("written \(path)")
                case .writeFailed(let path, let error): Disk.say("failed \(path): \(error)")
                case .finished(let report): Disk.say("done fixed=\(report.fixed) written=\(report.filesWritten.count)")
                case .result: break
                }
            }
            return 0
        } catch {
            Disk.say("error \(error)")
            return 2
        }
    }
}

/// Runs the engine over the given files of ROOT (line 1 becomes `KillChild.newFirstLine`) and prints
/// every result and write error: the permission test runs it as an unprivileged user.
enum FixChild {
    static func run(root: String, files: [String]) async -> Int32 {
        let issues = files.map { file in
            Issue(id: file, kind: .formatting, message: "bump version", location: SourceLocation(file: file, line: 1), source: "fix-child")
        }
        do {
            let workspace = Workspace(root: try ProjectRoot(resolving: root))
            let processor = BatchProcessor(registry: try AgentRegistry(agents: [VersionAgent()]), validators: ValidatorSet([]), options: BatchOptions(jobs: 2))
            let report = await processor.run(issues, in: workspace)
            for result in report.results { Disk.say("result \(result.issue.id) \(result.status.rawValue) \(result.reason)") }
            for error in report.writeErrors { Disk.say("error \(error)") }
            Disk.say("done")
            return 0
        } catch {
            Disk.say("error-setup \(error)")
            return 2
        }
    }
}

/// The disk-full test's child: runs inside a fresh 64 KiB tmpfs (mounted by the test through
/// `unshare -m`), so its own report is the only way out. Creates 4 files of 8 KiB, grows each by 12 KiB
/// through the engine (some writes must hit ENOSPC), then prints what is on disk.
enum DiskFullChild {
    static func oldFile(_ index: Int) -> [UInt8] {
        var text = "# old \(index)\n"
        while text.utf8.count < 8 * 1024 { text += "value_\(index) = 'padding padding padding padding'\n" }
        return Array(text.utf8)
    }

    static func newFile(_ index: Int) -> [UInt8] {
        oldFile(index) + Array(String(repeating: "grown = 1\n", count: 12 * 1024 / 10).utf8)
    }

    struct GrowAgent: Agent {
        var name: String { "Grow" }
        var kinds: Set<IssueKind> { [.formatting] }
        func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
            let document = context.document
            let index = Int(issue.id.dropFirst())!
            let extra = Array(DiskFullChild.newFile(index)[document.bytes.count...])
            return .proposed(FixProposal(edits: [FileEdit(document, edits: [.insert(extra, at: document.bytes.count)])], summary: "grow"))
        }
    }

    static func run(root: String) async -> Int32 {
        let count = 4
        for index in 0..<count { Disk.writeFile("\(root)/f\(index).py", oldFile(index)) }
        let issues = (0..<count).map {
            Issue(id: "f\($0)", kind: .formatting, message: "grow", location: SourceLocation(file: "f\($0).py", line: 1), source: "disk-full")
        }
        do {
            let workspace = Workspace(root: try ProjectRoot(resolving: root))
            let processor = BatchProcessor(registry: try AgentRegistry(agents: [GrowAgent()]), validators: ValidatorSet([]), options: BatchOptions(jobs: 1))
            let report = await processor.run(issues, in: workspace)
            for result in report.results { Disk.say("result \(result.issue.id) \(result.status.rawValue) \(result.reason)") }
            for error in report.writeErrors { Disk.say("error \(error)") }
            for name in Disk.list(root) {
                if let index = name.hasPrefix("f") && name.hasSuffix(".py") ? Int(name.dropFirst().dropLast(3)) : nil {
                    let bytes = Disk.readFile("\(root)/\(name)")
                    let state = bytes == oldFile(index) ? "old" : bytes == newFile(index) ? "new" : "BAD"
                    Disk.say("file \(name) \(state) \(bytes.count)")
                } else {
                    Disk.say("other \(name)")
                }
            }
            Disk.say("done")
            return 0
        } catch {
            Disk.say("error-setup \(error)")
            return 2
        }
    }
}

// MARK: - Disk helpers (plain POSIX)

enum Disk {
    /// Writes one line to stdout unbuffered, so a parent reading a pipe sees it at once.
    static func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 { return }
            done += count
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandleStderr.write("batchfix-bench: \(message)\n")
        exit(2)
    }

    static func makeDirectory(_ path: String) {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0, errno != EEXIST { fail("mkdir \(partial): \(String(cString: strerror(errno)))") }
        }
    }

    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { fail("open \(path): \(String(cString: strerror(errno)))") }
        writeAll(fd, bytes)
        close(fd)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { fail("write: \(String(cString: strerror(errno)))") }
            done += count
        }
    }

    /// open + fstat + read all + close, as a reader with no checks would.
    static func readFile(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { fail("open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return bytes
    }

    /// The floor's write: temp beside the target (O_EXCL), same mode, write, fsync, rename, fsync folder.
    static func atomicRewrite(_ path: String, _ bytes: [UInt8], mode: mode_t, durability: Durability, counter: Int) {
        let temp = path + ".floor-tmp-\(counter)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fail("open \(temp): \(String(cString: strerror(errno)))") }
        fchmod(fd, mode)
        writeAll(fd, bytes)
        if durability == .fsync { fsync(fd) }
        close(fd)
        guard rename(temp, path) == 0 else { fail("rename \(temp)") }
        if durability == .fsync {
            let slash = path.lastIndex(of: "/")!
            let dir = open(String(path[..<slash]), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            fsync(dir)
            close(dir)
        }
    }
}

enum FileHandleStderr {
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress!, $0.count) }
    }
}

/// splitmix64, so every run generates the same corpus.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - The benchmark

struct BenchConfig {
    var files = 1_000
    var issues = 10_000
    var runs = 5
    var jobs = BatchOptions.defaultJobs
    var seed: UInt64 = 20261129
    var dir: String? = nil
    /// Durability of `engine-only` runs.
    var durability = Durability.fsync

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        func value(_ flag: String) -> String {
            guard let next = rest.popFirst() else { Disk.fail("\(flag) needs a value") }
            return next
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--files": files = Int(value(flag)) ?? files
            case "--issues": issues = Int(value(flag)) ?? issues
            case "--runs": runs = Int(value(flag)) ?? runs
            case "--jobs": jobs = Int(value(flag)) ?? jobs
            case "--seed": seed = UInt64(value(flag)) ?? seed
            case "--dir": dir = value(flag)
            case "--durability":
                switch value(flag) {
                case "fsync": durability = .fsync
                case "rename": durability = .renameOnly
                default: Disk.fail("--durability is fsync or rename")
                }
            default: Disk.fail("unknown option \(flag)")
            }
        }
    }
}

/// The synthetic project: files (relative path, bytes) and issues over them.
struct Corpus {
    var files: [(String, [UInt8])] = []
    var issues: [Issue] = []

    init(_ config: BenchConfig) {
        var random = SplitMix(state: config.seed)
        let words = ["alpha", "beta", "gamma", "delta", "value", "result", "items", "count", "total", "name", "config", "handler"]
        var lineCounts: [Int] = []
        for index in 0..<config.files {
            let target = Int.random(in: 2_048...10_240, using: &random)
            var text = "\"\"\"Module \(index) of the synthetic benchmark corpus.\"\"\"\nimport os\nimport sys\n\n"
            var lines = 4
            while text.utf8.count < target {
                let a = words.randomElement(using: &random)!, b = words.randomElement(using: &random)!
                switch Int.random(in: 0..<6, using: &random) {
                case 0: text += "\ndef \(a)_\(lines)(\(b), x=None):\n"
                case 1: text += "    \(a) = \(b) + \(Int.random(in: 0..<10_000, using: &random))\n"
                case 2: text += "    if x is not None and \(a) > \(b):\n        return \(a)\n"; lines += 1
                case 3: text += "    # \(a) \(b): keep the \(a) in sync with \(b)\n"
                case 4: text += "    return \(a)(\(b), x)\n"
                default: text += "\(a.uppercased())_\(lines) = [\(b), \"\(a)\", \(Int.random(in: 0..<100, using: &random))]\n"
                }
                lines += 1
            }
            files.append(("pkg\(index % 20)/mod_\(index).py", Array(text.utf8)))
            lineCounts.append(lines)
        }
        for number in 0..<config.issues {
            let file = number % config.files
            let line = Int.random(in: 1...lineCounts[file], using: &random)
            issues.append(Issue(id: "b\(number)", kind: .formatting, message: "synthetic",
                                location: SourceLocation(file: files[file].0, line: line, column: Bool.random(using: &random) ? 1 : nil),
                                source: "bench"))
        }
    }

    /// Writes a fresh copy of the project into `root`, then syncs so earlier dirty pages do not bill the timed part.
    func materialise(at root: String) {
        Disk.removeTree(root)
        for (path, bytes) in files {
            let full = root + "/" + path
            Disk.makeDirectory(String(full[..<full.lastIndex(of: "/")!]))
            Disk.writeFile(full, bytes)
        }
        sync()
    }
}

struct EngineFigures {
    var wall: Double
    var cpu: Double
    var agent: Double
    var timing: TimeSplit
    var fixed: Int
    var failed: Int
    var skipped: Int
}

func runEngine(_ corpus: Corpus, root: String, jobs: Int, durability: Durability) async -> EngineFigures {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuSeconds()
    let workspace: Workspace
    do {
        workspace = Workspace(root: try ProjectRoot(resolving: root), settings: WorkspaceSettings(durability: durability))
    } catch {
        Disk.fail("\(error)")
    }
    let registry = try! AgentRegistry(agents: [FlipAgent()])
    let processor = BatchProcessor(registry: registry, validators: ValidatorSet([]), options: BatchOptions(jobs: jobs))
    let report = await processor.run(corpus.issues, in: workspace)
    let wall = start.duration(to: clock.now).seconds
    let cpu = cpuSeconds() - cpuStart
    if !report.writeErrors.isEmpty { Disk.fail("write errors: \(report.writeErrors.prefix(3))") }
    return EngineFigures(wall: wall, cpu: cpu, agent: report.agents.reduce(0) { $0 + $1.seconds }, timing: report.timing,
                         fixed: report.fixed, failed: report.failed, skipped: report.skipped)
}

/// Reads every file and atomically rewrites it with one byte changed, on `width` threads.
func runFloor(_ corpus: Corpus, root: String, width: Int, durability: Durability) -> (wall: Double, cpu: Double) {
    let paths = corpus.files.map { root + "/" + $0.0 }
    let next = Atomic<Int>(0)
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuSeconds()
    DispatchQueue.concurrentPerform(iterations: width) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < paths.count else { return }
            var bytes = Disk.readFile(paths[index])
            var info = stat()
            stat(paths[index], &info)
            bytes[0] = bytes[0] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            Disk.atomicRewrite(paths[index], bytes, mode: info.st_mode & 0o7777, durability: durability, counter: index)
        }
    }
    return (start.duration(to: clock.now).seconds, cpuSeconds() - cpuStart)
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ seconds: Double) -> String {
    let ms = seconds * 1000
    let rounded = (ms * 10).rounded() / 10
    return "\(rounded) ms"
}

func micro(_ seconds: Double, per count: Int) -> String {
    let value = seconds / Double(count) * 1e6
    return "\((value * 100).rounded() / 100) µs"
}

func bench(_ config: BenchConfig, engineOnly: Bool) async {
    let base: String
    if let dir = config.dir {
        Disk.makeDirectory(dir)
        base = dir
    } else {
        var template = Array("/tmp/batchfix-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { Disk.fail("mkdtemp") }
        base = String(cString: made)
    }
    defer { Disk.removeTree(base) }
    let corpus = Corpus(config)
    let totalBytes = corpus.files.reduce(0) { $0 + $1.1.count }
    print("batchfix-bench: \(config.files) files (\(totalBytes / 1024) KiB), \(config.issues) issues, jobs \(config.jobs), \(config.runs) runs, in \(base)")

    var engine: [Durability: [EngineFigures]] = [.fsync: [], .renameOnly: []]
    var floorParallel: [Durability: [(wall: Double, cpu: Double)]] = [.fsync: [], .renameOnly: []]
    var floorSequential: [Durability: [(wall: Double, cpu: Double)]] = [.fsync: [], .renameOnly: []]
    let root = base + "/project"
    for run in 0..<config.runs {
        // Alternate the order so neither side always runs on a cooler cache or a quieter disk.
        let durabilities: [Durability] = engineOnly ? [config.durability] : (run % 2 == 0 ? [.fsync, .renameOnly] : [.renameOnly, .fsync])
        for durability in durabilities {
            var steps: [() async -> Void] = [
                {
                    corpus.materialise(at: root)
                    engine[durability]!.append(await runEngine(corpus, root: root, jobs: config.jobs, durability: durability))
                },
            ]
            if !engineOnly {
                steps.append {
                    corpus.materialise(at: root)
                    floorParallel[durability]!.append(runFloor(corpus, root: root, width: config.jobs, durability: durability))
                }
                steps.append {
                    corpus.materialise(at: root)
                    floorSequential[durability]!.append(runFloor(corpus, root: root, width: 1, durability: durability))
                }
            }
            if run % 2 == 1 { steps.reverse() }
            for step in steps { await step() }
        }
        let shown: Durability = engineOnly ? config.durability : .fsync
        let last = engine[shown]!.last!
        print("  run \(run + 1): engine(\(shown)) \(format(last.wall)) fixed=\(last.fixed) failed=\(last.failed) skipped=\(last.skipped)"
              + (engineOnly ? "" : ", floor(fsync, \(config.jobs) threads) \(format(floorParallel[.fsync]!.last!.wall))"))
    }

    for durability in (engineOnly ? [config.durability] : [.fsync, .renameOnly]) {
        let figures = engine[durability]!
        let wall = median(figures.map(\.wall))
        let agent = median(figures.map(\.agent))
        let label = durability == .fsync ? "fsync (temp + fsync + rename + folder fsync)" : "renameOnly (temp + rename)"
        print("\n== durability \(label): medians of \(figures.count) runs")
        let cpu = median(figures.map(\.cpu))
        print("engine total wall        \(format(wall))   CPU (user+sys, all threads) \(format(cpu)) = \(micro(cpu, per: config.issues)) per issue")
        print("  engine time split (sums over tasks): read \(format(median(figures.map(\.timing.read)))), analyse \(format(median(figures.map(\.timing.analyse)))), verify \(format(median(figures.map(\.timing.verify)))), write \(format(median(figures.map(\.timing.write)))), waiting \(format(median(figures.map(\.timing.waiting))))")
        print("  time inside the agent  \(format(agent)) = \(micro(agent, per: config.issues)) per issue")
        guard !engineOnly else { continue }
        let parallel = median(floorParallel[durability]!.map(\.wall))
        let sequential = median(floorSequential[durability]!.map(\.wall))
        let floor = min(parallel, sequential)
        let floorCPU = median(floorSequential[durability]!.map(\.cpu))
        print("raw floor, \(config.jobs) threads     \(format(parallel))")
        print("raw floor, 1 thread      \(format(sequential))   CPU \(format(floorCPU))")
        print("engine / floor           \((wall / floor * 100).rounded() / 100)x (goal <= 1.5x; floor = the faster of the two)")
        print("overhead per issue       \(micro(wall - floor, per: config.issues)) (goal < 20 µs) = (engine − floor) / issues, wall")
        print("CPU overhead per issue   \(micro(cpu - floorCPU, per: config.issues)) = (engine CPU − floor CPU) / issues (less sensitive to a busy machine)")
    }
}

// MARK: - Entry

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "kill-child":
    guard arguments.count == 3 else { Disk.fail("usage: batchfix-bench kill-child ROOT") }
    exit(await KillChild.run(root: arguments[2]))
case "fix-child":
    guard arguments.count >= 3 else { Disk.fail("usage: batchfix-bench fix-child ROOT FILE...") }
    exit(await FixChild.run(root: arguments[2], files: Array(arguments.dropFirst(3))))
case "disk-full-child":
    guard arguments.count == 3 else { Disk.fail("usage: batchfix-bench disk-full-child ROOT") }
    exit(await DiskFullChild.run(root: arguments[2]))
case "bench", nil:
    await bench(BenchConfig(arguments.dropFirst(2)), engineOnly: false)
case "engine-only":
    await bench(BenchConfig(arguments.dropFirst(2)), engineOnly: true)
default:
    Disk.fail("usage: batchfix-bench [bench|engine-only] [--files N] [--issues N] [--runs N] [--jobs N] [--seed N] [--dir PATH] | kill-child ROOT | disk-full-child ROOT | fix-child ROOT FILE...")
}
