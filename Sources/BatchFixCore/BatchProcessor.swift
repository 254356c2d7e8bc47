import Synchronization

/// Settings of one batch run.
public struct BatchOptions: Sendable {
    /// Most file groups in flight at once (`--jobs`); 1 is sequential.
    public var jobs: Int
    /// How many times an agent is re-invoked after a retryable failure (stale or conflicting edits).
    public var maxRetries: Int
    /// Kind-routed agents below this confidence are not asked.
    public var confidenceThreshold: Double
    /// Compute and verify fixes but write nothing.
    public var dryRun: Bool
    public var fixOptions: FixOptions

    public init(jobs: Int = BatchOptions.defaultJobs, maxRetries: Int = 2, confidenceThreshold: Double = 0.7,
                dryRun: Bool = false, fixOptions: FixOptions = FixOptions()) {
        self.jobs = max(1, jobs)
        self.maxRetries = max(0, maxRetries)
        self.confidenceThreshold = confidenceThreshold
        self.dryRun = dryRun
        self.fixOptions = fixOptions
    }

    /// The number of cores.
    public static var defaultJobs: Int { max(1, ProcessorCount.online) }
}

/// The engine: takes a batch of issues, routes each to agents, applies and verifies their edits on
/// the live text of each file, writes every changed file once, and streams one result per issue.
///
/// Issues are grouped by file; at most `jobs` groups run at once; the issues of one group run in
/// order, so each sees the text left by the ones before it. Counts always add up: every issue gets
/// exactly one result, whatever agents return or throw.
public struct BatchProcessor: Sendable {
    public let registry: AgentRegistry
    public let validators: ValidatorSet
    public let options: BatchOptions

    public init(registry: AgentRegistry, validators: ValidatorSet, options: BatchOptions = BatchOptions()) {
        self.registry = registry
        self.validators = validators
        self.options = options
    }

    /// Starts the batch; events stream while it runs and end with `.finished(report)`.
    public func start(_ issues: [Issue], in workspace: Workspace) -> BatchRun {
        let (stream, continuation) = AsyncStream<BatchEvent>.makeStream(bufferingPolicy: .unbounded)
        let run = BatchRun(events: stream)
        // The batch runs to its report even if nobody listens; a consumer that goes away stops it
        // like Ctrl-C (in-flight fixes finish, verified ones are written).
        Task {
            let report = await execute(issues, in: workspace, run: run, emit: { continuation.yield($0) })
            continuation.yield(.finished(report))
            continuation.finish()
        }
        continuation.onTermination = { termination in
            if case .cancelled = termination { run.interrupt() }
        }
        return run
    }

    /// Runs the batch to the end and returns its report (events are dropped).
    public func run(_ issues: [Issue], in workspace: Workspace) async -> BatchReport {
        let run = BatchRun(events: AsyncStream { $0.finish() })
        return await execute(issues, in: workspace, run: run, emit: { _ in })
    }

    // MARK: - The batch

    private func execute(_ issues: [Issue], in workspace: Workspace, run: BatchRun, emit: @escaping @Sendable (BatchEvent) -> Void) async -> BatchReport {
        let clock = ContinuousClock()
        let batchStart = clock.now
        var results = [IssueResult?](repeating: nil, count: issues.count)
        var figures = FigureBook()
        var timing = TimeSplit()

        // Group by target file, keeping input order inside each group; bad paths fail at once.
        var groupOrder: [ProjectPath] = []
        var groups: [ProjectPath: [Int]] = [:]
        for (index, issue) in issues.enumerated() {
            do {
                let path = try ProjectPath(issue.location.file)
                if groups[path] == nil { groupOrder.append(path) }
                groups[path, default: []].append(index)
            } catch {
                let result = IssueResult(issue: issue, status: .failed, agent: nil, reason: "\(error)")
                results[index] = result
                emit(.result(result))
            }
        }

        // Agents that batch an external tool run it once now, for all issues that may reach them.
        var preparations: [String: any Sendable] = [:]
        for agent in registry.agents {
            let mine = issues.filter { issue in registry.candidates(for: issue).contains { $0.agent.name == agent.name } }
            if !mine.isEmpty, let prepared = await agent.prepare(mine, in: workspace) { preparations[agent.name] = prepared }
        }
        let prepared = preparations
        let jobs = options.jobs
        var groupSeconds = 0.0
        await withTaskGroup(of: GroupOutcome.self) { group in
            var pending = groupOrder.makeIterator()
            func addNext() -> Bool {
                guard let path = pending.next() else { return false }
                let indices = groups[path]!
                group.addTask {
                    let groupStart = clock.now
                    var outcome = await self.runGroup(path: path, indices: indices, issues: issues, in: workspace, run: run, preparations: prepared, emit: emit)
                    outcome.elapsed = groupStart.duration(to: clock.now)
                    return outcome
                }
                return true
            }
            for _ in 0..<jobs where !addNext() { break }
            for await outcome in group {
                for (index, result) in outcome.results { results[index] = result }
                figures.merge(outcome.figures)
                timing.analyse += outcome.analyse.seconds
                timing.verify += outcome.verify.seconds
                groupSeconds += outcome.elapsed.seconds
                _ = addNext()
            }
        }

        // Write every changed file once (unless dry run), in parallel, each atomically.
        var written: [ProjectPath] = []
        var writeErrors: [String] = []
        var failedPaths: [ProjectPath: BatchFixError] = [:]
        let writeStart = clock.now
        if !options.dryRun {
            let writes = await workspace.pendingWrites()
            let durability = workspace.settings.durability
            let outcomes = await Self.performWrites(writes, width: jobs, durability: durability, emit: emit)
            for (path, error) in outcomes {
                if let error {
                    failedPaths[path] = error
                    writeErrors.append(error.description)
                } else {
                    written.append(path)
                }
            }
        }
        timing.write = writeStart.duration(to: clock.now).seconds

        var final = results.map { $0! }
        if !failedPaths.isEmpty {
            for index in final.indices where final[index].status == .fixed {
                if let path = final[index].files.first(where: { failedPaths[$0] != nil }) {
                    final[index].status = .failed
                    final[index].reason = "fix verified but not written: \(failedPaths[path]!)"
                }
            }
        }
        timing.read = Double(await workspace.readNanoseconds) / 1e9
        // What the file groups spent neither reading nor in agents nor verifying: actor hops,
        // anchors, scheduling.
        timing.waiting = max(0, groupSeconds - timing.read - timing.analyse - timing.verify)
        timing.wall = batchStart.duration(to: clock.now).seconds
        return BatchReport(
            results: final, agents: figures.sorted, filesRead: await workspace.filesRead,
            filesWritten: written.sorted(), writeErrors: writeErrors, timing: timing,
            interrupted: run.isInterrupted, dryRun: options.dryRun
        )
    }

    /// Writes every file, `width` at a time, emitting `.fileWritten` / `.writeFailed` as each one ends.
    private static func performWrites(_ writes: [PendingWrite], width: Int, durability: Durability,
                                      emit: @Sendable (BatchEvent) -> Void) async -> [(ProjectPath, BatchFixError?)] {
        // Sweep leftovers of killed runs in the folders we are about to write into.
        let folders = Set(writes.map { FileSystem.parentDirectory(of: $0.realPath) })
        _ = try? await BlockingIO.run { for folder in folders { FileSystem.sweepStaleTempFiles(in: folder) } }
        // With fsync, each folder is synced once after all its renames rather than after each one.
        let perWrite: Durability = durability == .fsync ? .fsyncFilesThenFolders : durability
        let outcomes = await withTaskGroup(of: (ProjectPath, BatchFixError?).self) { group in
            var pending = writes.makeIterator()
            func addNext() -> Bool {
                guard let write = pending.next() else { return false }
                group.addTask {
                    do {
                        try await BlockingIO.run { () throws -> Void in try write.perform(durability: perWrite) }
                        return (write.path, nil)
                    } catch {
                        return (write.path, (error as? BatchFixError) ?? .io(path: write.path.value, operation: "write", reason: "\(error)"))
                    }
                }
                return true
            }
            for _ in 0..<width where !addNext() { break }
            var outcomes: [(ProjectPath, BatchFixError?)] = []
            for await outcome in group {
                if let error = outcome.1 { emit(.writeFailed(outcome.0, error)) } else { emit(.fileWritten(outcome.0)) }
                outcomes.append(outcome)
                _ = addNext()
            }
            return outcomes.sorted { $0.0 < $1.0 }
        }
        if durability == .fsync {
            _ = try? await BlockingIO.run { for folder in folders { FileSystem.syncFolder(folder) } }
        }
        return outcomes
    }

    // MARK: - One file's issues, in order

    private func runGroup(path: ProjectPath, indices: [Int], issues: [Issue], in workspace: Workspace, run: BatchRun,
                          preparations: [String: any Sendable], emit: @Sendable (BatchEvent) -> Void) async -> GroupOutcome {
        var outcome = GroupOutcome()
        var indices = indices
        if indices.count > 1, !run.isInterrupted {
            let done = await fixTogether(indices: indices, issues: issues, path: path, in: workspace, preparations: preparations, outcome: &outcome)
            for (index, result) in done {
                outcome.results.append((index, result))
                emit(.result(result))
            }
            let doneSet = Set(done.map(\.0))
            indices.removeAll { doneSet.contains($0) }
        }
        for index in indices {
            let issue = issues[index]
            let result: IssueResult
            if run.isInterrupted {
                result = IssueResult(issue: issue, status: .skipped, agent: nil, reason: "interrupted before this issue was processed")
            } else {
                result = await fixIssue(issue, path: path, in: workspace, preparations: preparations, outcome: &outcome)
            }
            outcome.results.append((index, result))
            emit(.result(result))
        }
        return outcome
    }

    private func fixIssue(_ issue: Issue, path: ProjectPath, in workspace: Workspace, preparations: [String: any Sendable],
                          outcome: inout GroupOutcome) async -> IssueResult {
        let clock = ContinuousClock()
        let started = clock.now
        func finish(_ status: IssueResult.Status, agent: String?, _ reason: String, resolved: Bool = false,
                    verification: IssueResult.VerificationLevel? = nil, attempts: Int = 0, files: [ProjectPath] = []) -> IssueResult {
            IssueResult(issue: issue, status: status, agent: agent, reason: reason, alreadyResolved: resolved,
                        verification: verification, attempts: attempts, files: files, seconds: started.duration(to: clock.now).seconds)
        }

        var document: Document
        do {
            document = try await workspace.document(at: path)
        } catch {
            if case .unsupportedFile = error { return finish(.skipped, agent: nil, error.description) }
            return finish(.failed, agent: nil, error.description)
        }
        if let problem = validators.cachedProblem(in: document) {
            return finish(.failed, agent: nil, "\(path):\(problem): file is not valid as it is; not fixed")
        }
        let candidates = registry.candidates(for: issue)
        if candidates.isEmpty {
            let rule = issue.rule.map { " or rule \($0)" } ?? ""
            return finish(.skipped, agent: nil, "no agent handles kind \(issue.kind.rawValue)\(rule)")
        }

        var attempts = 0
        var notes: [String] = []
        var lastFailure: (agent: String, reason: String)?
        for candidate in candidates {
            let agent = candidate.agent
            var retries = 0
            while true {
                let anchor = await workspace.anchor(for: issue.location, in: path)
                let original = await workspace.originalDocument(at: path)
                let context = FixContext(document: document, anchor: anchor, options: options.fixOptions, workspace: workspace,
                                         originalDocument: original, preparation: preparations[agent.name])
                if !candidate.viaRule {
                    let confidence = agent.confidence(for: issue, in: context)
                    if confidence < options.confidenceThreshold {
                        notes.append("\(agent.name): confidence \(confidence) below \(options.confidenceThreshold)")
                        break
                    }
                }
                attempts += 1
                let agentStart = clock.now
                let agentOutcome: AgentOutcome
                do {
                    agentOutcome = try await agent.fix(issue, in: context)
                } catch {
                    agentOutcome = .failed(reason: "\(agent.name) threw: \(error)", retryable: false)
                }
                let agentTime = agentStart.duration(to: clock.now)
                outcome.analyse += agentTime
                outcome.figures.record(agent.name, time: agentTime)

                switch agentOutcome {
                case .nothingToDo(let reason):
                    outcome.figures.bump(agent.name, \.declined)
                    return finish(.skipped, agent: agent.name, "already resolved: \(reason)", resolved: true, attempts: attempts)
                case .declined(let reason):
                    outcome.figures.bump(agent.name, \.declined)
                    notes.append("\(agent.name) declined: \(reason)")
                case .failed(let reason, let retryable):
                    if retryable, retries < options.maxRetries {
                        retries += 1
                        document = (try? await workspace.document(at: path)) ?? document
                        continue
                    }
                    outcome.figures.bump(agent.name, \.failed)
                    lastFailure = (agent.name, reason)
                case .proposed(let proposal):
                    if proposal.applicability == .unsafe, !options.fixOptions.allowUnsafe {
                        outcome.figures.bump(agent.name, \.declined)
                        notes.append("\(agent.name): fix is unsafe and unsafe fixes are not enabled")
                        break
                    }
                    let verifyStart = clock.now
                    let applied = await apply(proposal, for: issue, issueDocument: document, agent: agent, in: workspace)
                    outcome.verify += verifyStart.duration(to: clock.now)
                    switch applied {
                    case .committed(let files, let level):
                        outcome.figures.bump(agent.name, \.fixed)
                        return finish(.fixed, agent: agent.name, proposal.summary, verification: level, attempts: attempts, files: files)
                    case .stale(let reason):
                        if retries < options.maxRetries {
                            retries += 1
                            document = (try? await workspace.document(at: path)) ?? document
                            continue
                        }
                        outcome.figures.bump(agent.name, \.failed)
                        lastFailure = (agent.name, "edits stale after \(retries) retries: \(reason)")
                    case .invalid(let reason):
                        outcome.figures.bump(agent.name, \.failed)
                        lastFailure = (agent.name, reason)
                    }
                }
                break
            }
        }
        if let lastFailure {
            let extra = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
            return finish(.failed, agent: lastFailure.agent, lastFailure.reason + extra, attempts: attempts)
        }
        return finish(.skipped, agent: nil, notes.isEmpty ? "no agent took it" : notes.joined(separator: "; "), attempts: attempts)
    }

    // MARK: - Several issues of one file in one change

    /// The fast path: for issues whose first agent (chosen by rule) can propose in batches, ask it
    /// once for all of them, apply the non-overlapping proposals as one change, verify every issue
    /// and commit once. Issues it cannot place are left for the one-at-a-time path; if the combined
    /// change does not validate or verify, nothing is kept and all of them go that way.
    private func fixTogether(indices: [Int], issues: [Issue], path: ProjectPath, in workspace: Workspace,
                             preparations: [String: any Sendable], outcome: inout GroupOutcome) async -> [(Int, IssueResult)] {
        let clock = ContinuousClock()
        let started = clock.now
        guard let document = try? await workspace.document(at: path), validators.cachedProblem(in: document) == nil else { return [] }
        // Issues by their first, rule-routed agent.
        var byAgent: [String: (agent: any Agent, members: [Int])] = [:]
        var agentOrder: [String] = []
        for index in indices {
            guard let first = registry.candidates(for: issues[index]).first, first.viaRule else { continue }
            if byAgent[first.agent.name] == nil { agentOrder.append(first.agent.name); byAgent[first.agent.name] = (first.agent, []) }
            byAgent[first.agent.name]!.members.append(index)
        }
        guard let name = agentOrder.max(by: { byAgent[$0]!.members.count < byAgent[$1]!.members.count }),
              let (agent, members) = byAgent[name], members.count > 1 else { return [] }
        var anchors: [TextRange?] = []
        for index in members { anchors.append(await workspace.anchor(for: issues[index].location, in: path)) }
        let context = FixContext(document: document, anchor: nil, options: options.fixOptions, workspace: workspace,
                                 originalDocument: await workspace.originalDocument(at: path), preparation: preparations[agent.name])
        let agentStart = clock.now
        let answers: [AgentOutcome?]
        do {
            guard let batch = try await agent.fixBatch(members.map { issues[$0] }, anchors: anchors, in: context), batch.count == members.count else { return [] }
            answers = batch
        } catch {
            return []
        }
        outcome.analyse += agentStart.duration(to: clock.now)

        // Keep proposals that edit only this file at this version and overlap nothing kept so far.
        var accepted: [(index: Int, proposal: FixProposal, edits: [TextEdit])] = []
        var taken: [TextRange] = []
        for (position, answer) in answers.enumerated() {
            guard case .proposed(let proposal)? = answer, proposal.applicability == .safe || options.fixOptions.allowUnsafe,
                  proposal.edits.count == 1, proposal.edits[0].path == path,
                  case .edit(let base, let edits) = proposal.edits[0].change, base == document.version, !edits.isEmpty else { continue }
            // Adjacent deletions combine exactly; an insertion touching another edit has no single order.
            let clashes = edits.contains { edit in
                taken.contains { other in
                    (other.start < edit.range.end && edit.range.start < other.end)
                        || (edit.range.isEmpty && (edit.range.start == other.start || edit.range.start == other.end))
                        || (other.isEmpty && (other.start == edit.range.start || other.start == edit.range.end))
                }
            }
            if clashes { continue }
            taken.append(contentsOf: edits.map(\.range))
            accepted.append((members[position], proposal, edits))
        }
        guard accepted.count > 1 else { return [] }
        let verifyStart = clock.now
        defer { outcome.verify += verifyStart.duration(to: clock.now) }
        let allEdits = accepted.flatMap(\.edits).sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        guard case .success(let bytes) = EditApplier.apply(allEdits, to: document.bytes), bytes != document.bytes else { return [] }
        let after = Document(path: document.path, bytes: bytes, version: document.version + 1)
        guard validators.cachedProblem(in: after) == nil else { return [] }
        let verdicts = agent.verifyBatch(accepted.map { issues[$0.index] }, after: after, before: document)
        guard verdicts.allSatisfy({ $0 == .resolved }) else { return [] }
        let change = PreparedFileChange(path: path, kind: .edit(baseVersion: document.version), document: after)
        guard case .committed = await workspace.commit([change], edits: [path: allEdits.reversed()]) else { return [] }
        let seconds = started.duration(to: clock.now).seconds / Double(accepted.count)
        outcome.figures.record(agent.name, time: agentStart.duration(to: verifyStart))
        return accepted.map { item in
            outcome.figures.bump(agent.name, \.fixed)
            return (item.index, IssueResult(issue: issues[item.index], status: .fixed, agent: agent.name, reason: item.proposal.summary,
                                            verification: .recheck, attempts: 1, files: [path], seconds: seconds))
        }
    }

    // MARK: - Applying a proposal

    private enum Applied {
        case committed([ProjectPath], IssueResult.VerificationLevel)
        case stale(String)
        case invalid(String)
    }

    private func apply(_ proposal: FixProposal, for issue: Issue, issueDocument: Document, agent: any Agent, in workspace: Workspace) async -> Applied {
        guard !proposal.edits.isEmpty else { return .invalid("\(agent.name) proposed no edits") }
        var prepared: [PreparedFileChange] = []
        var logs: [ProjectPath: [TextEdit]] = [:]
        var issueFileAfter: Document?
        var seen: Set<ProjectPath> = []
        for fileEdit in proposal.edits {
            switch fileEdit.change {
            case .edit(let baseVersion, let edits):
                let current: Document
                do { current = try await workspace.document(at: fileEdit.path) } catch { return .invalid(error.description) }
                // Keyed by the document's own path, so a symlink alias of a file already edited counts too.
                guard seen.insert(current.path).inserted else { return .invalid("proposal edits \(fileEdit.path) twice") }
                guard current.version == baseVersion else {
                    return .stale("\(fileEdit.path) is at version \(current.version), edits were made on \(baseVersion)")
                }
                let sorted = edits.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
                switch EditApplier.apply(sorted, to: current.bytes) {
                case .failure(let problem):
                    return .invalid("\(fileEdit.path): \(problem)")
                case .success(let bytes):
                    if FileSystem.sameBytes(bytes, current.bytes) { return .invalid("\(fileEdit.path): the proposal changes nothing (no-op is not a fix)") }
                    let after = Document(path: current.path, bytes: bytes, version: current.version + 1)
                    if let problem = validators.cachedProblem(in: after) {
                        return .invalid("fix rejected: \(fileEdit.path) would become invalid (\(problem))")
                    }
                    if current.path == issueDocument.path { issueFileAfter = after }
                    prepared.append(PreparedFileChange(path: fileEdit.path, kind: .edit(baseVersion: baseVersion), document: after))
                    logs[fileEdit.path] = sorted.reversed()
                }
            case .create(let contents):
                guard seen.insert(fileEdit.path).inserted else { return .invalid("proposal edits \(fileEdit.path) twice") }
                let rootPath = workspace.root.path
                let target = fileEdit.path
                let real: String
                do {
                    real = try await BlockingIO.run { () throws -> String in
                        let resolved = try FileSystem.resolve(target, under: rootPath)
                        if FileSystem.exists(resolved) { throw BatchFixError.io(path: target.value, operation: "create", reason: "file already exists; not overwritten") }
                        return resolved
                    }
                } catch {
                    return .invalid("\(error)")
                }
                let created = Document(path: target, bytes: contents, version: 1)
                if let problem = validators.cachedProblem(in: created) {
                    return .invalid("fix rejected: new file \(target) would be invalid (\(problem))")
                }
                prepared.append(PreparedFileChange(path: target, kind: .create(realPath: real), document: created))
            }
        }
        var level = IssueResult.VerificationLevel.syntaxOnly
        if let after = issueFileAfter {
            switch agent.verify(issue, after: after, before: issueDocument) {
            case .resolved: level = .recheck
            case .stillPresent(let why): return .invalid("fix rejected: the check still reports the issue (\(why))")
            case .unknown: level = .syntaxOnly
            }
        }
        switch await workspace.commit(prepared, edits: logs) {
        case .committed(let documents): return .committed(documents.map(\.path), level)
        case .stale(let reason): return .stale(reason)
        case .rejected(let reason): return .invalid(reason)
        }
    }
}

/// Applies sorted, non-overlapping byte-range edits in one pass.
public enum EditApplier {
    /// The new bytes, or why the edits cannot apply (out of bounds, overlapping).
    public static func apply(_ sortedEdits: [TextEdit], to bytes: [UInt8]) -> Result<[UInt8], EditProblem> {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + sortedEdits.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        var previous: TextEdit?
        for edit in sortedEdits {
            guard edit.range.start >= 0, edit.range.end <= bytes.count else {
                return .failure(EditProblem(message: "edit \(edit.range) is outside the file (\(bytes.count) bytes)"))
            }
            if let previous, edit.range.start < previous.range.end || (edit.range.start == previous.range.start && edit.range.isEmpty && previous.range.isEmpty) {
                return .failure(EditProblem(message: "overlapping edits \(previous.range) and \(edit.range)"))
            }
            output.append(contentsOf: bytes[cursor..<edit.range.start])
            output.append(contentsOf: edit.replacement)
            cursor = edit.range.end
            previous = edit
        }
        output.append(contentsOf: bytes[cursor...])
        return .success(output)
    }
}

/// Why a set of edits could not be applied.
public struct EditProblem: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A running batch: its event stream, and a way to stop it cleanly (Ctrl-C).
public final class BatchRun: Sendable {
    public let events: AsyncStream<BatchEvent>
    private let stopped = Atomic<Bool>(false)

    init(events: AsyncStream<BatchEvent>) { self.events = events }

    /// Stops dispatching issues; in-flight issues finish, verified changes are written, the rest are
    /// reported as skipped ("interrupted").
    public func interrupt() { stopped.store(true, ordering: .relaxed) }
    public var isInterrupted: Bool { stopped.load(ordering: .relaxed) }
}

// MARK: - Bookkeeping

struct GroupOutcome: Sendable {
    var results: [(Int, IssueResult)] = []
    var figures = FigureBook()
    var analyse: Duration = .zero
    var verify: Duration = .zero
    var elapsed: Duration = .zero
}

struct FigureBook: Sendable {
    var byAgent: [String: AgentFigures] = [:]

    mutating func record(_ agent: String, time: Duration) {
        byAgent[agent, default: AgentFigures(agent: agent)].invocations += 1
        byAgent[agent, default: AgentFigures(agent: agent)].seconds += time.seconds
    }

    mutating func bump(_ agent: String, _ counter: WritableKeyPath<AgentFigures, Int>) {
        byAgent[agent, default: AgentFigures(agent: agent)][keyPath: counter] += 1
    }

    mutating func merge(_ other: FigureBook) {
        for (name, figures) in other.byAgent {
            var mine = byAgent[name, default: AgentFigures(agent: name)]
            mine.invocations += figures.invocations
            mine.fixed += figures.fixed
            mine.declined += figures.declined
            mine.failed += figures.failed
            mine.seconds += figures.seconds
            byAgent[name] = mine
        }
    }

    var sorted: [AgentFigures] { byAgent.values.sorted { $0.agent < $1.agent } }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
