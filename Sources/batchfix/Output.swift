import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered stdout and unbuffered stderr on raw file descriptors, without Foundation or C's FILE*.
enum Output {
    private static let buffer = Mutex<[UInt8]>([])
    private static let flushThreshold = 1 << 16

    /// Appends to stdout's buffer (written out past 64 KiB, by `flush()` and before exit).
    static func write(_ text: String) {
        let pending: [UInt8]? = buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            guard bytes.count >= flushThreshold else { return nil }
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        if let pending { writeAll(1, pending) }
    }

    static func flush() {
        let pending = buffer.withLock { bytes in
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        writeAll(1, pending)
    }

    /// One line to stderr, right away (stdout's pending text first, so the two stay in order).
    static func error(_ line: String) {
        flush()
        writeAll(2, Array((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    /// Writes to stderr without a newline (progress line).
    static func status(_ text: String) { writeAll(2, Array(text.utf8)) }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe (e.g. `| head`): nothing more to say
            }
            offset += written
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static func useColor(forStdout: Bool = true) -> Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return forStdout ? stdoutIsTerminal : stderrIsTerminal
    }
}
