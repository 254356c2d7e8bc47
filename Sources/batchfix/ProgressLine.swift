import BatchFixCore
import Synchronization

/// A live one-line progress display on stderr for long batches, redrawn at most every 100 ms.
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var fixed = 0
        var failed = 0
        var skipped = 0
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let total: Int
    private let enabled: Bool
    private let state = Mutex(State())

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func record(_ result: IssueResult) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done += 1
            switch result.status {
            case .fixed: state.fixed += 1
            case .failed: state.failed += 1
            case .skipped: state.skipped += 1
            }
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), state.done < total { return nil }
            state.lastDraw = now
            state.drawn = true
            return "\r\u{1B}[2K  fixing \(state.done)/\(total) · \(state.fixed) fixed · \(state.failed) failed · \(state.skipped) skipped"
        }
        if let line { Output.status(line) }
    }

    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        Output.status("\r\u{1B}[2K")
    }
}
