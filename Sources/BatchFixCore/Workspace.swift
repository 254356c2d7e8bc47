/// The project's files during a batch (work in progress).
public actor Workspace {
    public nonisolated let root: ProjectRoot
    public init(root: ProjectRoot) { self.root = root }
    public func document(at path: ProjectPath) async throws -> Document {
        throw BatchFixError.io(path: path.value, operation: "read", reason: "workspace not ready")
    }
}

/// The resolved project root every path is checked against.
public struct ProjectRoot: Sendable {
    public let path: String
    public init(path: String) { self.path = path }
}
