import BatchFixCore

/// Which rule codes are enabled, from `select` and `ignore` lists of code prefixes, with ruff's
/// semantics.
///
/// **What it does.** A selector is `ALL`, a linter (`F`, `E`, `PL`, `ANN`), a linter plus the start of
/// a number (`F4`, `E50`, `PLR09`) or a full code (`F401`). A code is enabled when the most specific
/// selector that matches it (the longest; `ALL` least) comes from `select`; when the most specific
/// matches in `select` and `ignore` are equally specific, `ignore` wins. A selector matches a code
/// only within the same linter: `E` matches `E501` but not `ERA001` or `EM101`; the pylint linter
/// `PL` also matches its categories `PLC`, `PLE`, `PLR`, `PLW`.
///
/// **Why.** Users write the same `select`/`ignore` lists for BatchFix as for ruff; `select = ["F"],
/// ignore = ["F4"]` with `select` of `F401` added back must behave the same.
///
/// **Example.** `RuleSelection(select: ["F", "E"], ignore: ["F4", "E501"])`: `F841` on, `F401` off,
/// `E711` on, `E501` off. `RuleSelection(select: ["F4"], ignore: ["F"])`: `F401` on (more specific).
public struct RuleSelection: Sendable, Equatable {
    public let select: [String]
    public let ignore: [String]

    /// BatchFix's default: every built-in rule (what `batchfix fix` exists for).
    public static let batchfixDefault = RuleSelection(uncheckedSelect: ["ALL"], ignore: [])

    /// ruff's default selection: `select = ["E4", "E7", "E9", "F"]`, nothing ignored.
    public static let ruffDefault = RuleSelection(uncheckedSelect: ["E4", "E7", "E9", "F"], ignore: [])

    /// Validates the selectors; throws `BatchFixError.usage` naming the first invalid one.
    public init(select: [String], ignore: [String] = []) throws(BatchFixError) {
        for selector in select + ignore where !RuleSelection.isValidSelector(selector) {
            throw .usage("invalid rule selector \"\(selector)\": expected ALL, a linter prefix (F, E, PL) or a code prefix (F4, F401)")
        }
        self.select = select
        self.ignore = ignore
    }

    init(uncheckedSelect select: [String], ignore: [String]) {
        self.select = select
        self.ignore = ignore
    }

    /// `ALL`, or uppercase ASCII letters followed by zero or more ASCII digits.
    public static func isValidSelector(_ selector: String) -> Bool {
        if selector == "ALL" { return true }
        if selector.hasPrefix("ALL") { return false } // `ALL` is a keyword, not a linter
        let scalars = Array(selector.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index].value >= 0x41, scalars[index].value <= 0x5A { index += 1 }
        guard index > 0 else { return false }
        while index < scalars.count, scalars[index].value >= 0x30, scalars[index].value <= 0x39 { index += 1 }
        return index == scalars.count
    }

    /// True when rule `code` (e.g. `F401`) is enabled.
    public func isEnabled(_ code: String) -> Bool {
        let selected = specificity(of: code, in: select)
        guard selected >= 0 else { return false }
        return selected > specificity(of: code, in: ignore)
    }

    /// The specificity of the most specific selector of `list` matching `code` (`ALL` = 0,
    /// otherwise the selector's length), or -1 when none matches.
    func specificity(of code: String, in list: [String]) -> Int {
        var best = -1
        for selector in list where RuleSelection.matches(selector, code) {
            best = max(best, selector == "ALL" ? 0 : selector.count)
        }
        return best
    }

    /// True when `selector` selects `code`.
    public static func matches(_ selector: String, _ code: String) -> Bool {
        if selector == "ALL" { return true }
        guard code.hasPrefix(selector) else { return false }
        let selectorLinter = selector.prefix { $0.isASCII && $0.isUppercase }
        let codeLinter = code.prefix { $0.isASCII && $0.isUppercase }
        if selectorLinter == codeLinter { return true }
        // Pylint: linter `PL`, categories `PLC`, `PLE`, `PLR`, `PLW`.
        return selectorLinter == "PL" && codeLinter.count == 3 && ["PLC", "PLE", "PLR", "PLW"].contains(codeLinter)
    }
}
