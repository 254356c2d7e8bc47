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
func runWithLargeStack<T>(stackSize: Int = 256 << 20, _ work: @escaping () -> T) -> T {
    var result: T?
    let job = StackJob { result = work() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, stackSize)
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

#if !canImport(Darwin)
typealias GetAttrFunction = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
/// pthread_getattr_np is a GNU extension the Glibc module does not export: looked up once.
private let pthreadGetattrNP: GetAttrFunction? = {
    guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
    return unsafeBitCast(sym, to: GetAttrFunction.self)
}()
#endif

/// Thread-specific cache of the current thread's stack low bound (finding it costs ~100 µs on the
/// main thread, where glibc reads /proc/self/maps).
private let stackKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

/// Lowest address of the current thread's stack, or nil when it cannot be found.
private func stackLowBound() -> UInt? {
    if let cached = pthread_getspecific(stackKey) { return UInt(bitPattern: cached) }
    #if canImport(Darwin)
    let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
    let low = top - UInt(pthread_get_stacksize_np(pthread_self()))
    #else
    guard let getattr = pthreadGetattrNP else { return nil }
    var attr = pthread_attr_t()
    guard getattr(pthread_self(), &attr) == 0 else { return nil }
    defer { pthread_attr_destroy(&attr) }
    var addr: UnsafeMutableRawPointer?
    var size = 0
    guard pthread_attr_getstack(&attr, &addr, &size) == 0, let base = addr else { return nil }
    let low = UInt(bitPattern: base)
    #endif
    pthread_setspecific(stackKey, UnsafeRawPointer(bitPattern: low))
    return low
}

/// Bytes of stack left below the caller on the current thread, or nil when it cannot be found.
func remainingStack() -> Int? {
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    guard let low = stackLowBound(), here > low else { return nil }
    return Int(here - low)
}

/// Runs `work` here when the current thread has at least `bytes` of stack left, else on a thread
/// with a large stack.
func withStack<T>(atLeast bytes: Int, _ work: @escaping () -> T) -> T {
    if let left = remainingStack(), left > bytes { return work() }
    return runWithLargeStack(work)
}
