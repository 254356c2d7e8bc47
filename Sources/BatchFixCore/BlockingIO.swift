import Dispatch

/// Runs blocking system calls (open, read, write, fsync, rename) on Dispatch threads outside Swift's
/// cooperative pool, so a slow disk never stalls the tasks that run agents.
///
/// Callers bound how many calls are in flight (the batch width), so the queue never grows a crowd of
/// threads; each call is one hop out and one continuation back.
public enum BlockingIO {
    private static let queue = DispatchQueue(label: "batchfix.blocking-io", qos: .userInitiated, attributes: .concurrent)

    /// Runs `body` on an I/O thread and returns its result (or rethrows its error) to the caller's task.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
