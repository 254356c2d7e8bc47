/// All agents of a run, built once and eagerly, plus the declarative routing table that says which
/// agents may handle an issue and in what order.
///
/// Routing: a rule code (`ruff:F401`, or the bare code `F401` for any tool) names its agents first;
/// then the agents of the issue's kind, in table order, each asked for its confidence and skipped
/// below the threshold. An agent that declines or fails hands over to the next.
public struct AgentRegistry: Sendable {
    public let agents: [any Agent]
    private let byName: [String: any Agent]
    public let routing: RoutingTable

    /// Builds the registry; throws when the table names an agent that is not registered.
    public init(agents: [any Agent], routing: RoutingTable) throws(BatchFixError) {
        var map: [String: any Agent] = [:]
        for agent in agents {
            guard map[agent.name] == nil else { throw .usage("agent \(agent.name) registered twice") }
            map[agent.name] = agent
        }
        for name in routing.allAgentNames where map[name] == nil {
            throw .usage("routing table names unknown agent \(name)")
        }
        self.agents = agents
        self.byName = map
        self.routing = routing
    }

    /// A registry whose kind routes are the agents' own `kinds`, in registration order, plus `rules`.
    public init(agents: [any Agent], rules: [String: [String]] = [:]) throws(BatchFixError) {
        var kinds: [IssueKind: [String]] = [:]
        for agent in agents {
            for kind in IssueKind.allCases where agent.kinds.contains(kind) { kinds[kind, default: []].append(agent.name) }
        }
        try self.init(agents: agents, routing: RoutingTable(rules: rules, kinds: kinds))
    }

    public func agent(named name: String) -> (any Agent)? { byName[name] }

    /// The agents to try for `issue`, in order: rule-routed ones first, then kind-routed ones.
    public func candidates(for issue: Issue) -> [Candidate] {
        var seen: Set<String> = []
        var result: [Candidate] = []
        for name in routing.agentNames(forRule: issue.rule) where seen.insert(name).inserted {
            result.append(Candidate(agent: byName[name]!, viaRule: true))
        }
        for name in routing.kinds[issue.kind] ?? [] where seen.insert(name).inserted {
            result.append(Candidate(agent: byName[name]!, viaRule: false))
        }
        return result
    }

    /// One agent offered an issue, and whether a rule code (not just the kind) chose it.
    public struct Candidate: Sendable {
        public let agent: any Agent
        public let viaRule: Bool
    }
}

/// The declarative routing data: rule code → agent names, issue kind → agent names in priority order.
public struct RoutingTable: Sendable {
    /// Keys are `tool:CODE` or a bare `CODE` that matches any tool.
    public var rules: [String: [String]]
    public var kinds: [IssueKind: [String]]

    public init(rules: [String: [String]] = [:], kinds: [IssueKind: [String]] = [:]) {
        self.rules = rules
        self.kinds = kinds
    }

    func agentNames(forRule rule: RuleCode?) -> [String] {
        guard let rule else { return [] }
        return (rules[rule.description] ?? []) + (rules[rule.code] ?? [])
    }

    var allAgentNames: Set<String> {
        Set(rules.values.joined()).union(kinds.values.joined())
    }

    /// Kinds no agent handles (reported as `skipped` when they arrive).
    public var unroutedKinds: [IssueKind] { IssueKind.allCases.filter { (kinds[$0] ?? []).isEmpty } }
}
