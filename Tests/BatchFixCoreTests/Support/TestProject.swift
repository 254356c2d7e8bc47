#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import BatchFixCore

/// A fresh folder from `mkdtemp` holding a `project` root (and room beside it for files "outside"),
/// removed when the test body returns.
struct TempProject {
    /// The mkdtemp folder; `root` is `base/project`.
    let base: String
    let root: String

    init() throws {
        var template = Array("/tmp/batchfix-core-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw TestFailure("mkdtemp failed: \(String(cString: strerror(errno)))") }
        base = String(cString: made)
        root = base + "/project"
        try Self.makeDirectory(root)
    }

    /// Runs `body` with a fresh project, then removes everything under the temp folder.
    static func with<T>(_ body: (TempProject) async throws -> T) async throws -> T {
        let project = try TempProject()
        defer { removeTree(project.base) }
        return try await body(project)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `bytes` to `relative` under the root (creating folders), with `mode`.
    func write(_ relative: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        try Self.writeFile(path(relative), bytes, mode: mode)
    }

    func write(_ relative: String, _ text: String, mode: mode_t = 0o644) throws {
        try write(relative, Array(text.utf8), mode: mode)
    }

    func read(_ relative: String) -> [UInt8]? { Self.readFile(path(relative)) }
    func text(_ relative: String) -> String? { read(relative).map { String(decoding: $0, as: UTF8.self) } }

    func workspace(_ settings: WorkspaceSettings = WorkspaceSettings(durability: .renameOnly)) throws -> Workspace {
        Workspace(root: try ProjectRoot(resolving: root), settings: settings)
    }

    /// Names in `relative` (one folder, not recursive), without `.` and `..`.
    func listing(_ relative: String = "") -> [String] {
        Self.list(relative.isEmpty ? root : path(relative))
    }

    // MARK: - Plain POSIX helpers

    static func makeDirectory(_ path: String) throws {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0, errno != EEXIST {
                throw TestFailure("mkdir \(partial): \(String(cString: strerror(errno)))")
            }
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        if let slash = path.lastIndex(of: "/") { try makeDirectory(String(path[..<slash])) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw TestFailure("open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { throw TestFailure("write \(path): \(String(cString: strerror(errno)))") }
            written += count
        }
        guard fchmod(fd, mode) == 0 else { throw TestFailure("fchmod \(path)") }
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
        }
    }

    static func lstatInfo(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func removeTree(_ path: String) {
        guard let info = lstatInfo(path) else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A splitmix64 generator: the same seed gives the same sequence on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Building issues and processors

func makeIssue(_ id: String, file: String, line: Int? = 1, column: Int? = nil, kind: IssueKind = .formatting,
               rule: String? = nil, details: [String: String] = [:]) -> Issue {
    Issue(id: id, kind: kind, message: "test issue \(id)",
          location: BatchFixCore.SourceLocation(file: file, line: line, column: column),
          rule: rule.flatMap(RuleCode.init(parsing:)), details: details, source: "test")
}

func makeProcessor(_ agents: [any Agent], rules: [String: [String]] = [:], validators: [any DocumentValidator] = [],
                   options: BatchOptions = BatchOptions(jobs: 4)) throws -> BatchProcessor {
    BatchProcessor(registry: try AgentRegistry(agents: agents, rules: rules), validators: ValidatorSet(validators), options: options)
}

extension BatchReport {
    func result(_ id: String) -> IssueResult? { results.first { $0.issue.id == id } }

    /// The invariants every report must satisfy, checked in every test that runs a batch.
    func expectCountsAddUp(of issues: [Issue], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(total == issues.count, sourceLocation: sourceLocation)
        #expect(fixed + failed + skipped == total, sourceLocation: sourceLocation)
        #expect(results.count == issues.count, sourceLocation: sourceLocation)
        let ids = results.map(\.issue.id)
        #expect(Set(ids) == Set(issues.map(\.id)), "every issue has a result", sourceLocation: sourceLocation)
        #expect(Set(ids).count == ids.count, "no issue has two results", sourceLocation: sourceLocation)
    }
}

/// The engine's issue (Swift Testing also has an `Issue`: spell that one `Testing.Issue`).
typealias Issue = BatchFixCore.Issue
