/// The project's files during one batch: each read once, changed only through verified proposals,
/// written at most once at the end.
///
/// Concurrency is optimistic: agents read immutable `Document` snapshots without holding anything;
/// a change commits only if every file it touches is still at the version the agent read, otherwise
/// it is rejected as stale and the agent runs again on the new text. Documents are keyed by the
/// resolved real path, so `a.py`, `./a.py` and a symlink to it are one document.
public actor Workspace {
    /// The real, resolved project root.
    public nonisolated let root: ProjectRoot
    public nonisolated let settings: WorkspaceSettings

    private var files: [FileID: FileState] = [:]
    private var idsByPath: [ProjectPath: FileID] = [:]
    private var idsByRealPath: [String: FileID] = [:]
    private var loading: [ProjectPath: Task<FileID, any Error>] = [:]
    private var failedLoads: [ProjectPath: BatchFixError] = [:]
    private var nextID = 0
    /// Total time spent reading files, in nanoseconds (for the profile).
    private(set) var readNanoseconds: UInt64 = 0

    /// Resolves project paths to real paths, caching folders.
    private nonisolated let resolver: PathResolver

    public init(root: ProjectRoot, settings: WorkspaceSettings = WorkspaceSettings()) {
        self.root = root
        self.settings = settings
        self.resolver = PathResolver(root: root.path)
    }

    // MARK: - Reading

    /// The current snapshot of `path`, reading the file on first use (off the cooperative pool).
    public func document(at path: ProjectPath) async throws(BatchFixError) -> Document {
        let id = try await fileID(for: path)
        return files[id]!.current
    }

    /// Current versions of the given files, for checking a proposal is not stale.
    func currentVersion(of path: ProjectPath) -> Int? {
        idsByPath[path].flatMap { files[$0]?.current.version }
    }

    private func fileID(for path: ProjectPath) async throws(BatchFixError) -> FileID {
        if let id = idsByPath[path] { return id }
        if let error = failedLoads[path] { throw error }
        let task: Task<FileID, any Error>
        if let running = loading[path] {
            task = running
        } else {
            let resolver = self.resolver
            let limit = settings.sizeLimit
            task = Task {
                let started = ContinuousClock.now
                let loaded = try await BlockingIO.run { () throws -> LoadedFile in
                    let real = try resolver.resolve(path)
                    let (bytes, stamp) = try FileSystem.readTextFile(at: real, displayPath: path.value, sizeLimit: limit)
                    return LoadedFile(realPath: real, bytes: bytes, stamp: stamp)
                }
                return try self.install(loaded, for: path, readTime: ContinuousClock.now - started)
            }
            loading[path] = task
        }
        do {
            let id = try await task.value
            loading[path] = nil
            return id
        } catch {
            loading[path] = nil
            let failure = (error as? BatchFixError) ?? .io(path: path.value, operation: "read", reason: "\(error)")
            failedLoads[path] = failure
            throw failure
        }
    }

    private func install(_ loaded: LoadedFile, for path: ProjectPath, readTime: Duration) throws(BatchFixError) -> FileID {
        readNanoseconds += UInt64(readTime.components.seconds) * 1_000_000_000 + UInt64(readTime.components.attoseconds / 1_000_000_000)
        if let existing = idsByRealPath[loaded.realPath] {
            idsByPath[path] = existing
            return existing
        }
        if loaded.stamp.linkCount > 1, settings.hardLinks == .refuse {
            throw .unsupportedFile(path: path.value, reason: "has \(loaded.stamp.linkCount) hard links; editing it would change the other names too (refused)")
        }
        let id = FileID(raw: nextID)
        nextID += 1
        let document = Document(path: path, bytes: loaded.bytes, version: 0)
        files[id] = FileState(path: path, realPath: loaded.realPath, original: loaded.bytes, stamp: loaded.stamp, current: document, isNew: false)
        idsByPath[path] = id
        idsByRealPath[loaded.realPath] = id
        return id
    }

    // MARK: - Committing changes

    /// Installs new contents for several files at once, all or nothing: every file must still be at
    /// the version the change was computed from, otherwise nothing changes and `.stale` is returned.
    func commit(_ changes: [PreparedFileChange], edits: [ProjectPath: [TextEdit]]) -> CommitResult {
        for change in changes {
            switch change.kind {
            case .edit(let baseVersion):
                guard let id = idsByPath[change.path], let state = files[id] else {
                    return .rejected("\(change.path) was never read in this batch")
                }
                if state.current.version != baseVersion {
                    return .stale("\(change.path) changed (version \(state.current.version), proposal made on \(baseVersion))")
                }
            case .create:
                if idsByPath[change.path] != nil { return .rejected("\(change.path) already exists; not overwritten") }
            }
        }
        var documents: [Document] = []
        for change in changes {
            switch change.kind {
            case .edit:
                let id = idsByPath[change.path]!
                var state = files[id]!
                state.current = change.document
                state.editLog.append(contentsOf: edits[change.path] ?? [])
                files[id] = state
                documents.append(state.current)
            case .create(let realPath):
                let id = FileID(raw: nextID)
                nextID += 1
                let document = change.document
                files[id] = FileState(path: change.path, realPath: realPath, original: [], stamp: nil, current: document, isNew: true)
                idsByPath[change.path] = id
                idsByRealPath[realPath] = id
                documents.append(document)
            }
        }
        return .committed(documents)
    }

    /// Where `location` (a position in the file as first read, as tools report it) is in the current
    /// text: converted to bytes on the original, then moved through every edit committed since. A
    /// position inside replaced bytes moves to the edit's start (its end for the range end); text
    /// inserted exactly at the range's start or end stays outside the range. nil when
    /// the location has no line or lies outside the original file.
    func anchor(for location: SourceLocation, in path: ProjectPath) -> TextRange? {
        guard let id = idsByPath[path], let state = files[id], !state.isNew, let line = location.line else { return nil }
        let original = state.originalLines
        let bytes = state.original
        // LineIndex counts line 1's columns after a BOM, as tools do (Python's tokenizer drops it),
        // so no anchor covers the BOM: a whole-line fix cannot delete it.
        func byteOffset(line: Int, column: Int) -> Int? { original.offset(line: line, column: column, in: bytes) }
        let start: Int
        var end: Int
        if let column = location.column, column >= 1 {
            guard let offset = byteOffset(line: line, column: column) else { return nil }
            start = offset
            end = offset
            if let endLine = location.endLine, let endColumn = location.endColumn,
               let endOffset = byteOffset(line: endLine, column: endColumn), endOffset >= start {
                end = endOffset
            }
        } else {
            guard let range = original.contentRange(ofLine: line, in: bytes) else { return nil }
            start = range.start
            end = range.end
        }
        return TextRange(start: Self.map(start, through: state.editLog, towardEnd: false),
                         end: max(Self.map(start, through: state.editLog, towardEnd: false), Self.map(end, through: state.editLog, towardEnd: true)))
    }

    /// The file as first read, as a snapshot at version 0 (cached: one per file).
    func originalDocument(at path: ProjectPath) -> Document? {
        guard let id = idsByPath[path], let state = files[id], !state.isNew else { return nil }
        return state.originalDocument
    }

    private static func map(_ offset: Int, through log: [TextEdit], towardEnd: Bool) -> Int {
        var position = offset
        for edit in log {
            if edit.range.isEmpty && position == edit.range.start {
                // Text inserted exactly at an anchor's edge lies outside it: the anchored text (a line
                // below inserted lines, the name after an inserted prefix) follows the insertion.
                if !towardEnd { position += edit.replacement.count }
            } else if position >= edit.range.end {
                position += edit.replacement.count - edit.range.length
            } else if position > edit.range.start {
                position = towardEnd ? edit.range.start + edit.replacement.count : edit.range.start
            }
        }
        return position
    }

    // MARK: - Writing

    /// Every file whose text differs from what was read, with what is needed to write it safely.
    public func pendingWrites() -> [PendingWrite] {
        files.values.compactMap { state in
            guard state.isNew || !FileSystem.sameBytes(state.current.bytes, state.original) else { return nil }
            return PendingWrite(path: state.path, realPath: state.realPath, original: state.original, contents: state.current.bytes, stamp: state.stamp)
        }.sorted { $0.path < $1.path }
    }

    /// How many distinct files were read.
    public var filesRead: Int { files.values.filter { !$0.isNew }.count }
}

/// Settings of a workspace: limits and policies for reading and writing.
public struct WorkspaceSettings: Sendable {
    /// What to do with a file that has several hard links: refuse it (the default), or edit it in place
    /// so every name sees the change (not crash-atomic: a rename would split the link).
    public enum HardLinkPolicy: Sendable { case refuse, edit }
    public var sizeLimit: Int
    public var hardLinks: HardLinkPolicy
    public var durability: Durability

    public init(sizeLimit: Int = FileSystem.defaultSizeLimit, hardLinks: HardLinkPolicy = .refuse, durability: Durability = .fsync) {
        self.sizeLimit = sizeLimit
        self.hardLinks = hardLinks
        self.durability = durability
    }
}

/// One file to write at the end of a batch.
public struct PendingWrite: Sendable {
    public let path: ProjectPath
    public let realPath: String
    /// The bytes as read (empty for a new file); the write is refused if the disk no longer holds them.
    public let original: [UInt8]
    public let contents: [UInt8]
    /// nil for a file the batch creates.
    public let stamp: FileStamp?

    /// Writes the file atomically (or creates it exclusively). Blocking: call through `BlockingIO`.
    public func perform(durability: Durability) throws(BatchFixError) {
        if let stamp, stamp.linkCount > 1 {
            // Admitted only under `HardLinkPolicy.edit`: edit the shared inode, never split the link.
            try FileSystem.rewriteInPlace(path: realPath, displayPath: path.value, with: contents, expected: original, stamp: stamp, durability: durability)
        } else if let stamp {
            try FileSystem.atomicReplace(path: realPath, displayPath: path.value, with: contents, expected: original, stamp: stamp, durability: durability)
        } else {
            try FileSystem.createExclusive(path: realPath, displayPath: path.value, bytes: contents, durability: durability)
        }
    }
}

/// The resolved project root every path is checked against.
public struct ProjectRoot: Sendable {
    /// Absolute, symlink-free path of the root folder.
    public let path: String

    /// Resolves `path` (relative to the working directory or absolute); throws if it is not a folder.
    public init(resolving path: String) throws(BatchFixError) {
        guard let real = FileSystem.realPath(path) else {
            throw .io(path: path, operation: "open project root", reason: FileSystem.errnoText())
        }
        guard FileSystem.isDirectory(real) else { throw .usage("\(path): not a folder") }
        self.path = real
    }

    /// Resolves an on-disk path given by a user (absolute or relative to the working directory) into a
    /// project path, refusing anything outside the root.
    public func projectPath(forUserPath userPath: String) throws(BatchFixError) -> ProjectPath {
        let absolute = userPath.hasPrefix("/") ? userPath : FileSystem.currentDirectory() + "/" + userPath
        let resolved = FileSystem.realPath(absolute) ?? absolute
        guard FileSystem.isInside(resolved, root: path), resolved != path else {
            throw .escapesRoot(path: userPath, resolved: resolved)
        }
        return try ProjectPath(String(resolved.dropFirst(path.count + 1)))
    }
}

struct FileID: Hashable, Sendable { let raw: Int }

struct LoadedFile: Sendable {
    let realPath: String
    let bytes: [UInt8]
    let stamp: FileStamp
}

struct FileState: Sendable {
    let path: ProjectPath
    let realPath: String
    let original: [UInt8]
    let stamp: FileStamp?
    var current: Document
    let isNew: Bool
    /// Edits committed since the file was read, each in the coordinates of the text it applied to.
    var editLog: [TextEdit] = []
    /// Line index of `original`, for converting issue positions.
    let originalLines: LineIndex
    /// `original` as a snapshot (its derived facts cached), for agents that compare with the start.
    let originalDocument: Document

    init(path: ProjectPath, realPath: String, original: [UInt8], stamp: FileStamp?, current: Document, isNew: Bool) {
        self.path = path
        self.realPath = realPath
        self.original = original
        self.stamp = stamp
        self.current = current
        self.isNew = isNew
        self.originalLines = isNew ? LineIndex([]) : current.lines
        self.originalDocument = current.version == 0 ? current : Document(path: path, bytes: original, version: 0)
    }
}

/// A file's new bytes, computed outside the actor, waiting to be committed.
struct PreparedFileChange: Sendable {
    enum Kind: Sendable {
        case edit(baseVersion: Int)
        case create(realPath: String)
    }
    let path: ProjectPath
    let kind: Kind
    /// The new snapshot, already validated (its cached parse is kept).
    let document: Document
}

enum CommitResult: Sendable {
    case committed([Document])
    /// A file moved on since the proposal was made: run the agent again.
    case stale(String)
    /// The change can never apply (e.g. creating a file that exists).
    case rejected(String)
}
