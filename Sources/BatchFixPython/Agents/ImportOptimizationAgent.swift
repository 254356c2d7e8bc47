import BatchFixCore

/// Removes unused (F401) and duplicate (F811) imports, one name at a time, with the exact edits of
/// `UnusedImportCheck`: one name out of `import a, b` or a parenthesised `from` list, a `;`-joined
/// statement, or a whole statement (a block emptied of it gets `pass`). Comments on kept lines stay.
public struct ImportOptimizationAgent: CheckFixingAgent {
    public let checksByCode: [String: any PythonCheck]

    public init(configuration: ProjectConfiguration = ProjectConfiguration()) {
        let unused = UnusedImportCheck(allowedUnusedImports: configuration.allowedUnusedImports)
        checksByCode = ["F401": unused, "F811": unused]
    }

    public var name: String { "ImportOptimizationAgent" }
    public var kinds: Set<IssueKind> { [.importError, .deadCode] }
}
