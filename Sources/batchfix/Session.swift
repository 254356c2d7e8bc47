import BatchFixCore
import BatchFixPython

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `fix` and `check` share: the resolved project, its configuration, the workspace and the
/// issues to work on (from `--issues` files or the built-in checks).
struct Session {
    let root: ProjectRoot
    /// Where analysis starts (a file or folder inside the root), nil for the whole root.
    let start: ProjectPath?
    let configuration: ProjectConfiguration
    let selection: RuleSelection
    let workspace: Workspace

    init(options: SelectionOptions, settings: WorkspaceSettings) throws(BatchFixError) {
        let target = options.path
        guard let real = FileSystem.realPath(target) else {
            throw .io(path: target, operation: "open", reason: "no such file or folder")
        }
        // The project root is the nearest folder (from the target up) holding pyproject.toml, else the target folder.
        let folder = FileSystem.isDirectory(real) ? real : FileSystem.parentDirectory(of: real)
        let rootPath = FileSystem.nearestAncestor(of: folder, containing: "pyproject.toml") ?? folder
        root = try ProjectRoot(resolving: rootPath)
        start = real == root.path ? nil : try root.projectPath(forUserPath: real)
        configuration = try ProjectConfiguration.load(projectRoot: root.path)
        // --select replaces the configured selection; --ignore adds to the configured ignores.
        selection = try RuleSelection(
            select: SelectionOptions.codes(options.select).nilIfEmpty ?? configuration.rules.select,
            ignore: configuration.rules.ignore + SelectionOptions.codes(options.ignore)
        )
        workspace = Workspace(root: root, settings: settings)
    }

    /// Issues from `--issues` files (each decoded whole, or the run stops with one clear line).
    func loadIssueFiles(_ specs: [String]) throws(BatchFixError) -> [Issue] {
        var issues: [Issue] = []
        for spec in specs {
            let loaded = try IssueSources.load(spec, root: root)
            // Ids stay unique across several files.
            let prefix = specs.count > 1 ? "\(issues.count > 0 ? String(issues.count) : "0")-" : ""
            issues.append(contentsOf: loaded.map { issue in
                var issue = issue
                if !prefix.isEmpty { issue.id = prefix + issue.id }
                return issue
            })
        }
        return issues.filter { issue in issue.rule.map { selection.isEnabled($0.code) } ?? true }
    }

    /// Issues found by the built-in checks in the project (or under `start`).
    func analyze(jobs: Int) async throws(BatchFixError) -> (issues: [Issue], problems: [BatchFixError]) {
        let configuration = self.configuration
        let walker = ProjectWalker(extensions: PythonPack.fileExtensions, isExcluded: { configuration.isExcluded($0) })
        let files = try walker.files(in: root, under: start)
        let selection = self.selection
        let analyzer = Analyzer(checks: PythonPack.checks(configuration: configuration, root: root.path), isEnabled: { selection.isEnabled($0) })
        return await analyzer.analyze(files, in: workspace, jobs: jobs)
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
