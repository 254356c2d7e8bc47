/// Glob patterns for excluded paths, matched like ruff's `exclude`.
///
/// **What it does.** A pattern without `/` matches any single path component (`build`, `*.pyi`,
/// `test_*`), so it excludes a file or a whole folder anywhere in the tree. A pattern with `/` is
/// anchored at the project root and matches a path or any of its parent folders
/// (`tests/fixtures` excludes `tests/fixtures/a.py`). `*` and `?` stay within a component, `**`
/// spans any number of components, `[abc]` / `[!abc]` / `[a-z]` match one character of a set.
///
/// **Example.** `["build", "docs/**/*.py", ".venv"]` excludes `build/x.py`, `src/build/y.py`,
/// `docs/a/b/c.py` and `.venv/lib/z.py`, not `src/builder.py`.
public struct PathGlob: Sendable, Equatable {
    public let pattern: String
    private let segments: [String]
    private let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        anchored = text.contains(Character("/"))
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// True when `path` (relative, `/`-separated) or one of its parent folders matches.
    public func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        if !anchored {
            guard let only = segments.first else { return false }
            return components.contains { PathGlob.matchComponent(only, $0) }
        }
        // Anchored: the pattern must match a prefix of the components (a folder excludes its contents).
        for length in 1...max(components.count, 1) where length <= components.count {
            if PathGlob.matchSegments(segments[...], components[..<length]) { return true }
        }
        return false
    }

    private static func matchSegments(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var tail = path
            while true {
                if matchSegments(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let component = path.first, matchComponent(first, component) else { return false }
        return matchSegments(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one component against a pattern of literal characters, `*`, `?` and `[...]` sets.
    static func matchComponent(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        func match(_ pi: Int, _ ti: Int) -> Bool {
            var pi = pi, ti = ti
            while pi < p.count {
                switch p[pi] {
                case "*":
                    while pi < p.count, p[pi] == "*" { pi += 1 }
                    if pi == p.count { return true }
                    var k = ti
                    while k <= t.count {
                        if match(pi, k) { return true }
                        k += 1
                    }
                    return false
                case "?":
                    guard ti < t.count else { return false }
                    pi += 1; ti += 1
                case "[":
                    guard ti < t.count, let (matched, next) = matchSet(p, pi, t[ti]) else {
                        if ti < t.count, p[pi] == t[ti] { pi += 1; ti += 1; continue }
                        return false
                    }
                    guard matched else { return false }
                    pi = next; ti += 1
                default:
                    guard ti < t.count, p[pi] == t[ti] else { return false }
                    pi += 1; ti += 1
                }
            }
            return ti == t.count
        }
        return match(0, 0)
    }

    /// Reads a `[...]` set at `start`; returns whether `character` is in it and the index after `]`,
    /// or nil when the set is not closed (then `[` is a literal).
    private static func matchSet(_ p: [Character], _ start: Int, _ character: Character) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var found = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i] <= character && character <= p[i + 2] { found = true }
                i += 3
            } else {
                if p[i] == character { found = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (found != negate, i + 1)
    }
}
