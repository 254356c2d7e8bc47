/// Unified diffs (`--diff`) between a file as read and as it would be written, line by line with
/// three lines of context, like `diff -u` / `git diff`.
public enum UnifiedDiff {
    /// The diff text, or "" when the contents are equal.
    public static func make(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = splitLines(old)
        let b = splitLines(new)
        let script = editScript(a, b)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(script, context: context) {
            let oldStart = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart + 1
            let newStart = hunk.newCount == 0 ? hunk.newStart : hunk.newStart + 1
            out += "@@ -\(oldStart),\(hunk.oldCount) +\(newStart),\(hunk.newCount) @@\n"
            for op in hunk.ops {
                switch op {
                case .keep(let i, _): out += " " + render(a[i])
                case .delete(let i): out += "-" + render(a[i])
                case .insert(let j): out += "+" + render(b[j])
                }
            }
        }
        return out
    }

    private static func render(_ line: ArraySlice<UInt8>) -> String {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r\n") { text.removeLast(); text += "\n" } else if text.hasSuffix("\r") { text.removeLast(); text += "\n" }
        if !text.hasSuffix("\n") { text += "\n\\ No newline at end of file\n" }
        return text
    }

    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                lines.append(bytes[start...index]); start = index + 1
            } else if bytes[index] == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                lines.append(bytes[start...index]); start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    enum Op: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// Myers' O(ND) shortest edit script, after trimming the common prefix and suffix.
    static func editScript(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let n = a.count - prefix - suffix
        let m = b.count - prefix - suffix
        var middle: [Op] = []
        if n == 0 {
            middle = (0..<m).map { .insert(prefix + $0) }
        } else if m == 0 {
            middle = (0..<n).map { .delete(prefix + $0) }
        } else {
            let max = n + m
            var v = [Int](repeating: 0, count: 2 * max + 2)
            var trace: [[Int]] = []
            search: for d in 0...max {
                trace.append(v)
                for k in stride(from: -d, through: d, by: 2) {
                    var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[prefix + x] == b[prefix + y] { x += 1; y += 1 }
                    v[max + k] = x
                    if x >= n, y >= m { trace.append(v); break search }
                }
            }
            // Backtrack.
            var x = n
            var y = m
            var ops: [Op] = []
            for d in stride(from: trace.count - 2, through: 0, by: -1) {
                let vd = trace[d]
                let k = x - y
                let prevK = (k == -d || (k != d && vd[max + k - 1] < vd[max + k + 1])) ? k + 1 : k - 1
                let prevX = d == 0 ? 0 : vd[max + prevK]
                let prevY = prevX - prevK
                while x > prevX, y > prevY, x > 0, y > 0 {
                    ops.append(.keep(prefix + x - 1, prefix + y - 1)); x -= 1; y -= 1
                }
                if d == 0 { break }
                if x == prevX { ops.append(.insert(prefix + y - 1)); y -= 1 } else { ops.append(.delete(prefix + x - 1)); x -= 1 }
            }
            while x > 0, y > 0 { ops.append(.keep(prefix + x - 1, prefix + y - 1)); x -= 1; y -= 1 }
            middle = ops.reversed()
        }
        return (0..<prefix).map { .keep($0, $0) } + middle + (0..<suffix).map { .keep(a.count - suffix + $0, b.count - suffix + $0) }
    }

    struct Hunk {
        var oldStart: Int
        var newStart: Int
        var oldCount = 0
        var newCount = 0
        var ops: [Op] = []
    }

    static func hunks(_ script: [Op], context: Int) -> [Hunk] {
        let changes = script.indices.filter { if case .keep = script[$0] { false } else { true } }
        guard !changes.isEmpty else { return [] }
        var ranges: [(Int, Int)] = []
        for index in changes {
            let low = Swift.max(0, index - context)
            let high = Swift.min(script.count - 1, index + context)
            if let last = ranges.last, low <= last.1 + 1 { ranges[ranges.count - 1].1 = Swift.max(last.1, high) } else { ranges.append((low, high)) }
        }
        return ranges.map { low, high in
            var oldLine = 0
            var newLine = 0
            for op in script[..<low] {
                switch op {
                case .keep: oldLine += 1; newLine += 1
                case .delete: oldLine += 1
                case .insert: newLine += 1
                }
            }
            var hunk = Hunk(oldStart: oldLine, newStart: newLine)
            for op in script[low...high] {
                hunk.ops.append(op)
                switch op {
                case .keep: hunk.oldCount += 1; hunk.newCount += 1
                case .delete: hunk.oldCount += 1
                case .insert: hunk.newCount += 1
                }
            }
            return hunk
        }
    }
}
