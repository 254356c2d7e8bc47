/// Writes an arranged import block as ruff's isort (I001 fix) writes it, for blocks without comments.
///
/// **What it does.** One statement per line; sections separated by one blank line; a `from` import
/// whose one-line form is wider than `lineLength` (default 88, ruff's `line-length`) is wrapped as a
/// parenthesised list, one member per line, indented four spaces, with a trailing comma. `import x`
/// lines are never wrapped (they cannot be).
///
/// **Why.** An I001 fix must produce ruff's bytes exactly, or ruff reports the block again.
///
/// **Example.** `from m import (a, b)` in its own section → `from m import a, b\n`; a 100-character
/// `from` line → `from m import (\n    a,\n    b,\n)\n`.
///
/// **Limits.** Comments attached to imports are not modelled (such blocks are not rewritten); the
/// magic trailing comma is modelled per name (`keepWrapped`), not ruff's keeping of `as` names
/// together inside such a list.
public enum ImportBlockRenderer {
    /// The block's text, each line indented by `indent` (the block's own indentation) and ended by
    /// `lineEnding`; `keepWrapped` says which `from` statements had a magic trailing comma.
    public static func render(
        _ sections: [(section: ImportSection, statements: [ImportStatement])],
        lineLength: Int = 88, lineEnding: String = "\n", indent: String = "",
        keepWrapped: (ImportStatement) -> Bool = { _ in false }
    ) -> String {
        var out = ""
        for (index, section) in sections.enumerated() {
            if index > 0 { out += lineEnding }
            for statement in section.statements {
                for line in lines(of: statement, lineLength: lineLength, indent: indent, wrap: keepWrapped(statement)) {
                    out += indent + line + lineEnding
                }
            }
        }
        return out
    }

    /// The lines of one statement (without the block's indentation); `wrap` forces the parenthesised form.
    public static func lines(of statement: ImportStatement, lineLength: Int = 88, indent: String = "", wrap: Bool = false) -> [String] {
        let single = statement.description
        guard case let .from(module, level, members) = statement, members.first?.name != "*",
              wrap || width(indent + single) > lineLength else { return [single] }
        let head = "from \(String(repeating: ".", count: level))\(module ?? "") import ("
        return [head] + members.map { "    \($0.name)" + ($0.asName.map { " as \($0)" } ?? "") + "," } + [")"]
    }

    /// Display width: East Asian wide and fullwidth characters count 2, combining marks 0, others 1.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { continue }
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            total += wide ? 2 : 1
        }
        return total
    }
}
