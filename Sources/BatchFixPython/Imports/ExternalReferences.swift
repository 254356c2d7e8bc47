import BatchFixCore
import PythonSyntax
import Synchronization

/// What one file may read from other modules by name, for the project-wide search of RELIABILITY
/// U22: an import another file reads (`from pkg.mod import shutil`, `mod.shutil.which`) is a
/// re-export, not an unused import.
///
/// Modules are matched by their last dotted component (`pkg.mod` → `mod`), which may match a
/// different module of the same name: that only keeps more imports.
struct ExternalReferences: Sendable {
    /// Hashes (`ExternalReferences.key`) of `mod.name` for every `from ...mod import name`, every
    /// attribute pair `mod.name` (also through an alias: `import pkg.mod as m` then `m.name`; also
    /// inside strings: `"pkg.mod.name.attr"`), and of `mod.*` for `from ...mod import *`. Hashed from
    /// the source bytes, so a file's thousands of attribute pairs cost no string each; a collision
    /// only keeps an import.
    private(set) var references: Set<UInt64> = []

    /// The key of the pair `module.name`.
    static func key(_ module: String, _ name: String) -> UInt64 { key(Array(module.utf8), Array(name.utf8)) }

    static func key<A: Collection, B: Collection>(_ module: A, _ name: B) -> UInt64 where A.Element == UInt8, B.Element == UInt8 {
        var hasher = FNV1a()
        hasher.add(module)
        hasher.add(UInt8(ascii: "."))
        hasher.add(name)
        return hasher.value
    }

    init(_ parse: ParseResult, scan: ImportScan) {
        let tokens = parse.tokens
        let source = parse.source
        // Aliases that stand for a module: `import pkg.mod as m`, `from pkg import mod as m`.
        var aliases: [String: String] = [:]
        for statement in scan.statements {
            for alias in statement.aliases {
                let target = alias.qualifiedName.split(separator: ".").last.map(String.init) ?? alias.qualifiedName
                if alias.boundName != target { aliases[alias.boundName] = target }
                // `from ...mod import name`: the module part is the qualified name without its last part.
                if tokens[statement.firstToken].kind == .kwFrom {
                    let module = alias.qualifiedName.split(separator: ".").dropLast().last.map(String.init)
                    let name = alias.qualifiedName.split(separator: ".").last.map(String.init) ?? ""
                    if let module { references.insert(Self.key(module, name)) }
                }
            }
            if statement.isStarImport, let module = statement.starModule?.split(separator: ".").last {
                references.insert(Self.key(String(module), "*"))
            }
        }
        // Dotted names inside strings: `mock.patch("pkg.mod.shutil.which")` reads `mod.shutil`.
        for token in tokens where token.kind == .string || token.kind == .fstringMiddle {
            let bytes = source[token.range]
            var previous: Range<Int>? = nil   // the word before a `.`
            var wordStart: Int? = nil
            var index = bytes.startIndex
            while index <= bytes.endIndex {
                let byte: UInt8 = index < bytes.endIndex ? bytes[index] : 0x20
                if isWordByte(byte) {
                    if wordStart == nil { wordStart = index }
                } else {
                    if let start = wordStart {
                        let word = start..<index
                        if let previous { references.insert(Self.key(source[previous], source[word])) }
                        previous = byte == UInt8(ascii: ".") ? word : nil
                    } else {
                        previous = nil
                    }
                    wordStart = nil
                }
                index += 1
            }
        }
        // Attribute pairs `a.b` anywhere (names as Python compares them: NFKC when not ASCII).
        func bytes(of index: Int) -> [UInt8] {
            let raw = source[tokens[index].range]
            return raw.contains(where: { $0 >= 0x80 }) ? Array(scan.text(index).utf8) : Array(raw)
        }
        var index = 0
        while index + 2 < tokens.count {
            if tokens[index].kind == .name, tokens[index + 1].kind == .dot, tokens[index + 2].kind == .name {
                let left = bytes(of: index)
                let right = bytes(of: index + 2)
                references.insert(Self.key(left, right))
                if !aliases.isEmpty, let module = aliases[String(decoding: left, as: UTF8.self)] {
                    references.insert(Self.key(Array(module.utf8), right))
                }
            }
            index += 1
        }
    }

    /// True when this file may read `name` from a module whose last component is `module`.
    func mayRead(_ name: String, from module: String) -> Bool {
        references.contains(Self.key(module, name)) || (!name.hasPrefix("_") && references.contains(Self.key(module, "*")))
    }
}

extension Document {
    /// The names this snapshot may read from other modules, computed once.
    var externalReferences: ExternalReferences {
        cached(ExternalReferences.self) { ExternalReferences(python, scan: importScan) }
    }

    /// The last component of this file's module name: `pkg/mod.py` → `mod`, `pkg/__init__.py` → `pkg`.
    var moduleComponent: String {
        let parts = path.value.split(separator: "/")
        guard let file = parts.last else { return "" }
        let stem = file.split(separator: ".").first.map(String.init) ?? String(file)
        if stem == "__init__", parts.count >= 2 { return String(parts[parts.count - 2]) }
        return stem
    }
}

/// Which project files may read which module attributes (`mod.name` → files), built once per batch
/// from `ExternalReferences` of every project file and shared by all F401 fixes of the batch.
///
/// One index per project root, tied to the batch by a token cached on the snapshot of one project
/// file (the anchor): a new batch reads the anchor again, gets a new snapshot and so a new token,
/// and rebuilds. Within a batch the index is not refreshed after edits: the pack's own fixes only
/// remove references, so a stale index keeps more imports, never fewer. (A file another agent
/// creates during the batch is not seen.)
struct ProjectReaders: Sendable {
    let anchor: ProjectPath?
    let token: Int
    let readers: [UInt64: [ProjectPath]]

    /// A file other than `own` that may read `name` from `module`, if any.
    func reader(of name: String, from module: String, except own: ProjectPath) -> ProjectPath? {
        if let found = readers[ExternalReferences.key(module, name)]?.first(where: { $0 != own }) { return found }
        if !name.hasPrefix("_"), let found = readers[ExternalReferences.key(module, "*")]?.first(where: { $0 != own }) { return found }
        return nil
    }

    /// The index for the batch `context` belongs to, building it on first use (once: concurrent
    /// callers wait for the same build).
    static func current(in context: FixContext) async throws -> ProjectReaders {
        let key = context.root.path
        if let cached = cache.withLock({ $0[key] }) {
            let token: Int? = if let anchor = cached.anchor { try? await context.document(at: anchor).snapshotToken } else { nil }
            if token == cached.token { return cached }
        }
        let build: Task<ProjectReaders, any Error> = building.withLock { tasks in
            if let running = tasks[key] { return running }
            let task = Task { try await Self.build(in: context) }
            tasks[key] = task
            return task
        }
        let built = try await build.value
        building.withLock { tasks in tasks[key] = nil }
        cache.withLock { $0[key] = built }
        return built
    }

    private static func build(in context: FixContext) async throws -> ProjectReaders {
        let files = try ProjectWalker(extensions: PythonPack.fileExtensions).files(in: context.root)
        var readers: [UInt64: [ProjectPath]] = [:]
        var anchor: ProjectPath? = nil
        var token = -1
        for path in files {
            guard let document = try? await context.document(at: path) else { continue }
            if anchor == nil {
                anchor = path
                token = document.snapshotToken
            }
            for reference in document.externalReferences.references { readers[reference, default: []].append(path) }
        }
        return ProjectReaders(anchor: anchor, token: token, readers: readers)
    }

    private static let building = Mutex<[String: Task<ProjectReaders, any Error>]>([:])
    private static let cache = Mutex<[String: ProjectReaders]>([:])
}

private let snapshotTokens = Atomic<Int>(0)

/// A number unique to one document snapshot object (not to its bytes): it changes when a file is
/// read again by a new workspace.
private struct SnapshotToken: Sendable { let value: Int }

extension Document {
    fileprivate var snapshotToken: Int {
        cached(SnapshotToken.self) { SnapshotToken(value: snapshotTokens.add(1, ordering: .relaxed).newValue) }.value
    }
}
