#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Carries a closure across a pthread boundary.
/// Safety of `@unchecked Sendable`: the spawning thread creates it before `pthread_create` and touches
/// it again only after `pthread_join`, which orders every access; no other thread can reach it.
private final class StackJob: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// Runs `work` on a new thread with a 256 MB stack and waits for it (on the current thread if a
/// thread cannot be created).
func runWithLargeStack<T>(_ work: @escaping () -> T) -> T {
    var result: T?
    let job = StackJob { result = work() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, 256 << 20)
    let box = Unmanaged.passRetained(job)
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let rc = pthread_create(&thread, &attr, { raw in
        Unmanaged<StackJob>.fromOpaque(raw!).takeUnretainedValue().work()
        return nil
    }, box.toOpaque())
    if rc == 0 {
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    } else {
        job.work()
    }
    box.release()
    return result!
}
