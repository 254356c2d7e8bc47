import BatchFixCore

/// Removes unused (F401) and duplicate (F811) imports, one name at a time, with the exact edits of
/// `UnusedImportCheck`: one name out of `import a, b` or a parenthesised `from` list, a `;`-joined
/// statement, or a whole statement (a block emptied of it gets `pass`). Comments on kept lines stay.
///
/// Before removing a module-level import it searches the project (RELIABILITY U22): when another
/// file may read the name from this module (`from pkg.mod import shutil`, `mod.shutil`, a star
/// import of the module), the import is a re-export and the fix is declined, naming that file.
public struct ImportOptimizationAgent: CheckFixingAgent {
    public let checksByCode: [String: any PythonCheck]

    public init(configuration: ProjectConfiguration = ProjectConfiguration()) {
        let unused = UnusedImportCheck(allowedUnusedImports: configuration.allowedUnusedImports)
        checksByCode = ["F401": unused, "F811": unused]
    }

    public var name: String { "ImportOptimizationAgent" }
    public var kinds: Set<IssueKind> { [.importError, .deadCode] }

    public func fix(_ issue: Issue, in context: FixContext) async throws -> AgentOutcome {
        if let reason = try await readElsewhere(issue, context: context) { return .declined(reason: reason) }
        return try await checkFix(issue, in: context)
    }

    public func fixBatch(_ issues: [Issue], anchors: [TextRange?], in context: FixContext) async throws -> [AgentOutcome?]? {
        guard var answers = try await checkFixBatch(issues, anchors: anchors, in: context) else { return nil }
        for (index, issue) in issues.enumerated() where answers[index] != nil {
            if let reason = try await readElsewhere(issue, context: context) { answers[index] = .declined(reason: reason) }
        }
        return answers
    }

    /// Why the import `issue` is about must stay because another project file may read it, or nil.
    private func readElsewhere(_ issue: Issue, context: FixContext) async throws -> String? {
        guard issue.rule?.code == "F401", let name = issue.details["subject"],
              let check = checksByCode["F401"],
              let finding = check.diagnostic(matching: issue, in: context.document, anchor: context.anchor),
              finding.moduleAttribute else { return nil }
        let module = context.document.moduleComponent
        let index: ProjectReaders
        do {
            index = try await ProjectReaders.current(in: context)
        } catch {
            return "cannot search the project for other uses of `\(name)`: \(error)"
        }
        if let reader = index.reader(of: name, from: module, except: context.document.path) {
            return "`\(name)` may be read from `\(module)` by \(reader.value): kept as a re-export"
        }
        return nil
    }
}
