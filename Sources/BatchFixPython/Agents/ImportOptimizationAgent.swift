import BatchFixCore

/// Removes unused (F401) and duplicate (F811) imports, one name at a time, with the exact edits of
/// `UnusedImportCheck`: one name out of `import a, b` or a parenthesised `from` list, a `;`-joined
/// statement, or a whole statement (a block emptied of it gets `pass`). Comments on kept lines stay.
public struct ImportOptimizationAgent: CheckFixingAgent {
    public init() {}
    public var name: String { "ImportOptimizationAgent" }
    public var kinds: Set<IssueKind> { [.importError, .deadCode] }

    public let checksByCode: [String: any PythonCheck] = {
        let unused = UnusedImportCheck()
        return ["F401": unused, "F811": unused]
    }()
}
