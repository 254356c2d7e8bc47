/// A built-in check: looks at one document and reports the issues it finds (it never edits).
///
/// Checks are the engine's own issue source (`batchfix check`, `batchfix fix` without `--issues`);
/// agents call the same checks again to verify a fix.
public protocol FileCheck: Sendable {
    /// Stable name (e.g. `unused-import`).
    var name: String { get }
    /// Rule codes this check can report (e.g. `F401`), for `--select` / `--ignore`.
    var codes: [String] { get }
    /// File extensions it looks at, without the dot.
    var fileExtensions: Set<String> { get }
    /// The issues in `document`, in source order.
    func issues(in document: Document) -> [Issue]
}

/// Runs the enabled checks over project files, in parallel, reading each file once through the workspace.
public struct Analyzer: Sendable {
    public let checks: [any FileCheck]
    /// Decides which rule codes are reported.
    public let isEnabled: @Sendable (String) -> Bool

    public init(checks: [any FileCheck], isEnabled: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.checks = checks
        self.isEnabled = isEnabled
    }

    /// Issues of all `files`, in file order then source order, plus the files that could not be read.
    public func analyze(_ files: [ProjectPath], in workspace: Workspace, jobs: Int) async -> (issues: [Issue], problems: [BatchFixError]) {
        let isEnabled = self.isEnabled
        let checks = self.checks.filter { $0.codes.contains(where: isEnabled) }
        guard !checks.isEmpty else { return ([], []) }
        var perFile = [[Issue]](repeating: [], count: files.count)
        var problems: [BatchFixError] = []
        await withTaskGroup(of: (Int, [Issue], BatchFixError?).self) { group in
            var next = 0
            func addNext() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask {
                    let path = files[index]
                    do {
                        let document = try await workspace.document(at: path)
                        var found: [Issue] = []
                        for check in checks where check.fileExtensions.contains(path.fileExtension) {
                            found.append(contentsOf: check.issues(in: document).filter { issue in
                                issue.rule.map { isEnabled($0.code) } ?? true
                            })
                        }
                        return (index, found, nil)
                    } catch {
                        return (index, [], (error as? BatchFixError) ?? .io(path: path.value, operation: "read", reason: "\(error)"))
                    }
                }
            }
            for _ in 0..<max(1, jobs) { addNext() }
            for await (index, issues, problem) in group {
                perFile[index] = issues
                if let problem { problems.append(problem) }
                addNext()
            }
        }
        // Ids are positions in the final, deterministic order.
        var issues = perFile.flatMap { $0 }
        for index in issues.indices { issues[index].id = String(index + 1) }
        return (issues, problems.sorted { $0.description < $1.description })
    }
}
