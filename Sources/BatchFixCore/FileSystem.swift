#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What we know about a file when it was read: enough to refuse a write if it changed meanwhile.
public struct FileStamp: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var mode: UInt32
    public var owner: UInt32
    public var group: UInt32
    public var size: Int
    public var linkCount: Int
}

/// How hard a write insists that bytes reach the disk before it is reported done.
public enum Durability: Sendable {
    /// fsync the file before the rename and its folder after: survives power loss.
    case fsync
    /// fsync the file before the rename; the caller fsyncs each folder once after all its renames
    /// (a batch writing many files into one folder syncs that folder once, not once per file).
    case fsyncFilesThenFolders
    /// Rename only: survives a killed process (every file old or new), not a power cut.
    case renameOnly

    /// True when file contents are synced before the rename.
    public var syncsFiles: Bool { self != .renameOnly }
    /// True when each write syncs its folder itself.
    var syncsFolderPerWrite: Bool { self == .fsync }
}

/// The POSIX layer under the workspace: resolving paths inside the root, reading text files with
/// their checks, and atomic, mode-keeping, conflict-checking writes.
///
/// Plain POSIX rather than `_NIOFileSystem`: the write must compare the target's bytes just before
/// the rename, keep mode and owner, create exclusively and fsync the folder, all on one descriptor
/// sequence that NIO's API does not expose; and every call here already runs off the cooperative
/// pool through `BlockingIO`.
public enum FileSystem {
    /// Largest file we read; bigger ones are reported "too large" and left alone.
    public static let defaultSizeLimit = 10 * 1024 * 1024

    /// `realpath(3)`, or nil when the path does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Resolves `relative` under `root` (already real) and checks it stays inside; for a path that does
    /// not exist yet, its deepest existing ancestor is resolved instead.
    public static func resolve(_ relative: ProjectPath, under root: String) throws(BatchFixError) -> String {
        let joined = root + "/" + relative.value
        if let real = realPath(joined) {
            guard isInside(real, root: root) else { throw .escapesRoot(path: relative.value, resolved: real) }
            return real
        }
        // Not there (yet): resolve the deepest existing ancestor and append the rest.
        var components = relative.value.split(separator: "/").map(String.init)
        var tail: [String] = []
        while !components.isEmpty {
            tail.insert(components.removeLast(), at: 0)
            let ancestor = components.isEmpty ? root : root + "/" + components.joined(separator: "/")
            if let real = realPath(ancestor) {
                let candidate = real + "/" + tail.joined(separator: "/")
                guard isInside(candidate, root: root) else { throw .escapesRoot(path: relative.value, resolved: candidate) }
                return candidate
            }
        }
        return joined
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Reads a text file we may edit: a regular file (after symlinks), not over `sizeLimit`, no NUL byte,
    /// valid UTF-8. Every refusal names the file and the reason.
    public static func readTextFile(at path: String, displayPath: String, sizeLimit: Int = defaultSizeLimit) throws(BatchFixError) -> (bytes: [UInt8], stamp: FileStamp) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .io(path: displayPath, operation: "read", reason: errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unsupportedFile(path: displayPath, reason: "not a regular file (\(fileTypeName(info.st_mode)))")
        }
        guard Int(info.st_size) <= sizeLimit else {
            throw .unsupportedFile(path: displayPath, reason: "too large (\(info.st_size) bytes, limit \(sizeLimit))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .io(path: displayPath, operation: "open", reason: errnoText()) }
        defer { close(fd) }
        var fresh = stat()
        guard fstat(fd, &fresh) == 0, fresh.st_ino == info.st_ino, fresh.st_dev == info.st_dev else {
            throw .io(path: displayPath, operation: "read", reason: "file replaced while opening")
        }
        let bytes = try readAll(fd: fd, expected: Int(fresh.st_size), limit: sizeLimit, displayPath: displayPath)
        if let nul = firstNUL(bytes) {
            throw .unsupportedFile(path: displayPath, reason: "binary file (NUL byte at offset \(nul))")
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw .unsupportedFile(path: displayPath, reason: "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)) at offset \(bad))")
        }
        return (bytes, FileStamp(fresh))
    }

    private static func readAll(fd: Int32, expected: Int, limit: Int, displayPath: String) throws(BatchFixError) -> [UInt8] {
        // One byte more than fstat said, so the end-of-file probe needs no reallocation unless the file grew.
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file may have grown since fstat: probe for more, within the limit.
                if bytes.count >= limit + 1 { break }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(path: displayPath, operation: "read", reason: errnoText())
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        if filled > limit { throw .unsupportedFile(path: displayPath, reason: "too large (over \(limit) bytes)") }
        return bytes
    }

    /// The whole file at `path` (no checks: for conflict checks and small configuration files), or
    /// nil when it cannot be read.
    public static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return try? readAll(fd: fd, expected: Int(info.st_size), limit: Int.max - 1, displayPath: path)
    }

    /// Replaces the file at `path` with `bytes` atomically: a temp file beside it (exclusive create,
    /// same mode and owner), fully written and synced, renamed over the target only if the target
    /// still holds `expected` (else `.conflict`). The folder is synced after the rename.
    public static func atomicReplace(path: String, displayPath: String, with bytes: [UInt8], expected: [UInt8], stamp: FileStamp, durability: Durability) throws(BatchFixError) {
        // A rename would replace a file we may not write whenever its folder is writable: honour the
        // file's own permission (RELIABILITY T22; root passes, as it would with an editor).
        guard faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 else {
            throw .io(path: displayPath, operation: "write", reason: "\(errnoText()) (the file is read-only; not replaced)")
        }
        let (temp, fd) = try createTemp(beside: path, displayPath: displayPath, mode: stamp.mode & 0o7777)
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        do {
            defer { close(fd) }
            if getuid() == 0 || stamp.owner == getuid() {
                _ = fchown(fd, stamp.owner, stamp.group)  // best effort: keeps owner/group where allowed
            }
            _ = fchmod(fd, mode_t(stamp.mode & 0o7777))
            try writeAll(fd: fd, bytes: bytes, displayPath: displayPath)
            if durability.syncsFiles, fsync(fd) != 0 { throw BatchFixError.io(path: displayPath, operation: "sync", reason: errnoText()) }
        }
        // Someone else's change since we read it wins: compare identity and bytes just before renaming.
        var now = stat()
        guard lstat(path, &now) == 0 else {
            throw .io(path: displayPath, operation: "write", reason: "file was deleted or moved since it was read; not recreated")
        }
        guard (now.st_mode & S_IFMT) == S_IFREG, now.st_ino == stamp.inode, now.st_dev == stamp.device,
              let onDisk = readFile(path), sameBytes(onDisk, expected) else {
            throw .conflict(path: displayPath)
        }
        guard rename(temp, path) == 0 else { throw .io(path: displayPath, operation: "rename", reason: errnoText()) }
        renamed = true
        if durability.syncsFolderPerWrite { syncDirectory(of: path) }
    }

    /// Rewrites a hard-linked file in place, so every name of it sees the change (a rename would give
    /// this name a new inode and silently split it from the others). Only for files the settings allow
    /// (`HardLinkPolicy.edit`): unlike `atomicReplace` it is not crash-atomic. The same conflict check
    /// runs first: identity and bytes must still be what was read.
    public static func rewriteInPlace(path: String, displayPath: String, with bytes: [UInt8], expected: [UInt8], stamp: FileStamp, durability: Durability) throws(BatchFixError) {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { throw .io(path: displayPath, operation: "write", reason: "file was deleted or moved since it was read; not recreated") }
            throw .io(path: displayPath, operation: "open", reason: errnoText())
        }
        defer { close(fd) }
        var now = stat()
        guard fstat(fd, &now) == 0, (now.st_mode & S_IFMT) == S_IFREG, now.st_ino == stamp.inode, now.st_dev == stamp.device else {
            throw .conflict(path: displayPath)
        }
        let onDisk = try readAll(fd: fd, expected: Int(now.st_size), limit: Int.max - 1, displayPath: displayPath)
        guard sameBytes(onDisk, expected) else { throw .conflict(path: displayPath) }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .io(path: displayPath, operation: "write", reason: errnoText()) }
        try writeAll(fd: fd, bytes: bytes, displayPath: displayPath)
        guard ftruncate(fd, off_t(bytes.count)) == 0 else { throw .io(path: displayPath, operation: "truncate", reason: errnoText()) }
        if durability.syncsFiles, fsync(fd) != 0 { throw .io(path: displayPath, operation: "sync", reason: errnoText()) }
    }

    /// Creates a new file with `bytes`, failing if anything exists at `path` (never overwrites): the
    /// content is written to a temp file and hard-linked into place, so the file appears complete or not at all.
    public static func createExclusive(path: String, displayPath: String, bytes: [UInt8], durability: Durability) throws(BatchFixError) {
        try makeMissingFolders(above: path, displayPath: displayPath)
        let (temp, fd) = try createTemp(beside: path, displayPath: displayPath, mode: 0o644)
        defer { unlink(temp) }
        do {
            defer { close(fd) }
            _ = fchmod(fd, mode_t(0o644) & ~currentUmask())
            try writeAll(fd: fd, bytes: bytes, displayPath: displayPath)
            if durability.syncsFiles, fsync(fd) != 0 { throw BatchFixError.io(path: displayPath, operation: "sync", reason: errnoText()) }
        }
        guard link(temp, path) == 0 else {
            if errno == EEXIST { throw .io(path: displayPath, operation: "create", reason: "file already exists; not overwritten") }
            throw .io(path: displayPath, operation: "create", reason: errnoText())
        }
        if durability.syncsFolderPerWrite { syncDirectory(of: path) }
    }

    /// Creates the folders missing above `path` (a resolved path whose existing part is inside the root),
    /// so a fix can add a file in a new folder (`tests/test_x.py`).
    private static func makeMissingFolders(above path: String, displayPath: String) throws(BatchFixError) {
        var missing: [String] = []
        var folder = parentDirectory(of: path)
        while !exists(folder) {
            missing.append(folder)
            folder = parentDirectory(of: folder)
        }
        guard isDirectory(folder) else { throw .io(path: displayPath, operation: "create", reason: "\(folder) is not a folder") }
        for folder in missing.reversed() where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw .io(path: displayPath, operation: "create folder \(folder)", reason: errnoText())
        }
    }

    /// Prefix of every temp file we create, so an interrupted run's leftovers can be recognised and swept.
    public static let tempMarker = ".batchfix-tmp-"

    private static func createTemp(beside path: String, displayPath: String, mode: UInt32) throws(BatchFixError) -> (String, Int32) {
        let directory = parentDirectory(of: path)
        let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
        for _ in 0..<16 {
            let temp = "\(directory)/.\(name)\(tempMarker)\(getpid())-\(TempCounter.next())"
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(0o600))
            if fd >= 0 { return (temp, fd) }
            if errno != EEXIST { throw .io(path: displayPath, operation: "create temp file in \(directory)", reason: errnoText()) }
        }
        throw .io(path: displayPath, operation: "create temp file", reason: "too many name collisions")
    }

    private static func writeAll(fd: Int32, bytes: [UInt8], displayPath: String) throws(BatchFixError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: displayPath, operation: "write", reason: errnoText())
            }
            written += count
        }
    }

    /// The folder holding `path`.
    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// fsyncs a folder, so the renames in it survive a power cut.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func syncDirectory(of path: String) { syncFolder(parentDirectory(of: path)) }

    /// Removes temp files of ours in `directory` left by processes that no longer run; returns how many.
    @discardableResult
    public static func sweepStaleTempFiles(in directory: String) -> Int {
        guard let dir = opendir(directory) else { return 0 }
        defer { closedir(dir) }
        var removed = 0
        while let entry = readdir(dir) {
            let name = entryName(entry)
            guard name.hasPrefix("."), let pid = tempFileOwner(name) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                if unlink(directory + "/" + name) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// The process id embedded in one of our temp file names, or nil when `name` is not one.
    static func tempFileOwner(_ name: String) -> Int32? {
        let bytes = Array(name.utf8)
        let marker = Array(tempMarker.utf8)
        guard bytes.count > marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start..<start + marker.count].elementsEqual(marker) {
            let rest = bytes[(start + marker.count)...]
            guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return nil }
            return Int32(String(decoding: rest[..<dash], as: UTF8.self))
        }
        return nil
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// The text of the current `errno` (also for packs that call POSIX themselves).
    public static func errnoText() -> String { String(cString: strerror(errno)) }

    static func fileTypeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symlink"
        default: "not a regular file"
        }
    }

    /// Offset of the first NUL byte, or nil (`memchr`: this runs on every file and every fixed version).
    public static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    /// True when both arrays hold the same bytes (`memcmp`; the generic `==` compares byte by byte).
    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    /// Offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // ASCII fast path, 8 bytes at a time (source files are mostly ASCII).
                while index &+ 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index &+= 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
                default: return index
                }
                guard index + length <= count else { return index }
                for k in 1..<length {
                    let byte = buffer[index + k]
                    guard byte & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }
}

extension FileStamp {
    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), mode: UInt32(info.st_mode),
            owner: UInt32(info.st_uid), group: UInt32(info.st_gid), size: Int(info.st_size), linkCount: Int(info.st_nlink)
        )
    }
}

/// Process-wide counter for unique temp file names.
enum TempCounter {
    private static let value = Mutex<UInt64>(0)
    static func next() -> UInt64 { value.withLock { $0 += 1; return $0 } }
}

import Synchronization

extension FileSystem {
    /// True when `path` is a folder (following symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// True when something (file, folder, link, even a dangling one) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

extension FileSystem {
    /// The nearest folder from `folder` upwards that holds an entry named `name`, or nil.
    public static func nearestAncestor(of folder: String, containing name: String) -> String? {
        var current = folder
        while true {
            if exists(current + "/" + name) { return current }
            if current == "/" || current.isEmpty { return nil }
            current = parentDirectory(of: current)
        }
    }
}

extension FileSystem {
    /// The name of a directory entry.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    /// The entries of a folder (without `.` and `..`), each with whether it is a folder (symlinks
    /// followed); empty when the folder cannot be read.
    public static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                isDirectory = FileSystem.isDirectory(path + "/" + name)
            }
            entries.append((name, isDirectory))
        }
        return entries
    }
}

/// Resolves project paths like `FileSystem.resolve`, remembering each folder's real path, so a
/// batch over a thousand files in twenty folders resolves twenty folders, not every path component
/// of every file (`realpath` costs one `readlink` per component). A file that is itself a symlink
/// is resolved in full.
public final class PathResolver: Sendable {
    public let root: String
    private let folders = Mutex<[String: String]>([:])

    public init(root: String) { self.root = root }

    public func resolve(_ relative: ProjectPath) throws(BatchFixError) -> String {
        let value = relative.value
        guard let slash = value.lastIndex(of: "/") else { return try quick(folder: "", name: value, relative) }
        return try quick(folder: String(value[..<slash]), name: String(value[value.index(after: slash)...]), relative)
    }

    private func quick(folder: String, name: String, _ relative: ProjectPath) throws(BatchFixError) -> String {
        let realFolder: String
        if folder.isEmpty {
            realFolder = root
        } else if let known = folders.withLock({ $0[folder] }) {
            realFolder = known
        } else {
            guard let real = FileSystem.realPath(root + "/" + folder), FileSystem.isInside(real, root: root) else {
                return try FileSystem.resolve(relative, under: root)
            }
            folders.withLock { $0[folder] = real }
            realFolder = real
        }
        let candidate = realFolder + "/" + name
        var info = stat()
        // A symlink (or anything missing) takes the full, careful path.
        guard lstat(candidate, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else {
            return try FileSystem.resolve(relative, under: root)
        }
        return candidate
    }
}
