import BatchFixCore

/// Sorts import blocks (I001) with the exact rewrite of `UnsortedImportsCheck`: one block at a time,
/// verified by re-running the check on the result.
public struct ImportSortingAgent: CheckFixingAgent {
    public let checksByCode: [String: any PythonCheck]

    public init(check: UnsortedImportsCheck = UnsortedImportsCheck()) {
        checksByCode = ["I001": check]
    }

    public var name: String { "ImportSortingAgent" }
    public var kinds: Set<IssueKind> { [.formatting] }
}
