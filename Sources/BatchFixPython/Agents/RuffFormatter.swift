import BatchFixCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `ruff format` once for a whole batch: the files' current texts are copied into a temp
/// folder (with the project's ruff configuration), formatted by one subprocess, and read back.
/// Nothing is written to the project here; the agent proposes the formatted text as an edit that
/// the engine verifies and writes atomically like any other.
enum RuffFormatter {
    /// The outcome of the one run: formatted texts by file (only those ruff changed), or why not.
    enum Result: Sendable {
        case formatted([ProjectPath: [UInt8]], baseVersions: [ProjectPath: Int])
        case unavailable(String)
    }

    /// Config files ruff reads for formatting, copied beside the files.
    static let configFiles = ["pyproject.toml", "ruff.toml", ".ruff.toml"]

    /// `ruff` from PATH, or nil.
    static func executable() -> String? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/ruff"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func format(_ paths: [ProjectPath], in workspace: Workspace) async -> Result {
        guard let ruff = executable() else { return .unavailable("ruff is not on PATH (BatchFix delegates reformatting to `ruff format`)") }
        var documents: [Document] = []
        for path in paths {
            if let document = try? await workspace.document(at: path) { documents.append(document) }
        }
        guard !documents.isEmpty else { return .unavailable("no readable file to format") }
        let root = workspace.root.path
        let inputs = documents.map { ($0.path, $0.bytes) }
        do {
            let formatted = try await BlockingIO.run { () throws -> [ProjectPath: [UInt8]] in
                try runOnce(ruff: ruff, root: root, inputs: inputs)
            }
            var versions: [ProjectPath: Int] = [:]
            for document in documents { versions[document.path] = document.version }
            return .formatted(formatted, baseVersions: versions)
        } catch {
            return .unavailable("ruff format failed: \(error)")
        }
    }

    /// Blocking: copy, one `ruff format` subprocess, read back, clean up.
    private static func runOnce(ruff: String, root: String, inputs: [(ProjectPath, [UInt8])]) throws -> [ProjectPath: [UInt8]] {
        var template = Array("/tmp/batchfix-format-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BatchFixError.io(path: "/tmp", operation: "create temp folder", reason: FileSystem.errnoText()) }
        let folder = String(cString: made)
        var created: [String] = []
        var folders: [String] = [folder]
        defer {
            for file in created.reversed() { unlink(file) }
            for directory in folders.reversed() { rmdir(directory) }
        }
        func write(_ bytes: [UInt8], to relative: String) throws {
            var parent = folder
            for component in relative.split(separator: "/").dropLast() {
                parent += "/" + component
                if mkdir(parent, 0o700) == 0 { folders.append(parent) }
            }
            let target = folder + "/" + relative
            let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw BatchFixError.io(path: relative, operation: "copy for ruff format", reason: FileSystem.errnoText()) }
            created.append(target)
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                guard count > 0 else { throw BatchFixError.io(path: relative, operation: "copy for ruff format", reason: FileSystem.errnoText()) }
                offset += count
            }
        }
        for name in configFiles {
            if let bytes = FileSystem.readFile(root + "/" + name) { try write(bytes, to: name) }
        }
        for (path, bytes) in inputs { try write(bytes, to: path.value) }

        // One subprocess for the whole batch.
        let argv = [ruff, "format", "--no-cache", "--quiet", folder]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArgs { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, ruff, &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw BatchFixError.io(path: ruff, operation: "run", reason: String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exit 2 is a ruff error (e.g. a file it cannot parse); files it did format are still good.
        var results: [ProjectPath: [UInt8]] = [:]
        for (path, original) in inputs {
            if let after = FileSystem.readFile(folder + "/" + path.value), after != original { results[path] = after }
        }
        return results
    }
}
