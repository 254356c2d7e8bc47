/// `--select` / `--ignore` with ruff's prefix semantics: the more specific (longer) matching prefix
/// decides, `ignore` winning a tie; with no `--select`, every code is selected.
struct CodeSelection: Sendable {
    let select: [String]
    let ignore: [String]

    func isEnabled(_ code: String) -> Bool {
        let code = code.uppercased()
        let ignored = ignore.filter { code.hasPrefix($0) }.map(\.count).max()
        if select.isEmpty { return ignored == nil }
        guard let selected = select.filter({ code.hasPrefix($0) }).map(\.count).max() else { return false }
        return ignored.map { selected > $0 } ?? true
    }
}
