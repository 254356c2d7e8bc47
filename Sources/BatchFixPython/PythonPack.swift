import BatchFixCore

/// Everything the Python language pack contributes to a run: its agents and routing table, its
/// file validators, its built-in checks and the file types it handles.
///
/// The one place agents and checks are registered: a test keeps it complete.
public enum PythonPack {
    /// File extensions the pack analyses and edits.
    public static let fileExtensions: Set<String> = ["py", "pyi"]

    /// Every agent, built once, in priority order.
    public static func agents(configuration: ProjectConfiguration = ProjectConfiguration(), root: String? = nil) -> [any Agent] {
        [ImportOptimizationAgent(configuration: configuration),
         ImportSortingAgent(check: importSorting(configuration: configuration, root: root)),
         FormattingAgent()]
    }

    /// The I001 check for a project: its first-party modules found once, under `root` (and `src/`).
    static func importSorting(configuration: ProjectConfiguration, root: String?) -> UnsortedImportsCheck {
        UnsortedImportsCheck(classifier: ImportClassifier(
            targetVersion: configuration.targetVersion ?? .ruffDefault,
            firstPartyModules: root.map { FirstPartyModules.discover(root: $0) } ?? FirstPartyModules(),
            knownFirstParty: configuration.knownFirstParty
        ))
    }

    /// Rule codes routed straight to an agent (bare codes match any tool).
    public static let ruleRoutes: [String: [String]] = [
        "F401": ["ImportOptimizationAgent"], "F811": ["ImportOptimizationAgent"], "I001": ["ImportSortingAgent"],
        "W291": ["FormattingAgent"], "E501": ["FormattingAgent"], "format": ["FormattingAgent"], "W293": ["FormattingAgent"], "W292": ["FormattingAgent"], "W391": ["FormattingAgent"],
    ]

    /// The registry of agents and routes.
    public static func registry(configuration: ProjectConfiguration = ProjectConfiguration(), root: String? = nil) throws(BatchFixError) -> AgentRegistry {
        try AgentRegistry(agents: agents(configuration: configuration, root: root), rules: ruleRoutes)
    }

    /// Validators for the files this pack edits.
    public static func validators() -> ValidatorSet {
        ValidatorSet([PythonValidator(), TOMLValidator()])
    }

    /// The built-in checks.
    public static func checks(configuration: ProjectConfiguration = ProjectConfiguration(), root: String? = nil) -> [any FileCheck] {
        [UnusedImportCheck(allowedUnusedImports: configuration.allowedUnusedImports),
         importSorting(configuration: configuration, root: root),
         TrailingWhitespaceCheck(), MissingFinalNewlineCheck(), TrailingBlankLinesCheck()]
    }
}
