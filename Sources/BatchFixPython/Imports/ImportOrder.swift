/// One name of a `from` import: `name` or `name as asName` (`*` for a star import).
public struct ImportMember: Hashable, Sendable {
    public var name: String
    public var asName: String?

    public init(_ name: String, as asName: String? = nil) {
        self.name = name
        self.asName = asName
    }

    var text: String { asName.map { "\(name) as \($0)" } ?? name }
}

/// An import statement reduced to what sorting needs.
public enum ImportStatement: Hashable, Sendable, CustomStringConvertible {
    /// `import module` or `import module as asName` (one module per statement; split `import a, b` first).
    case plain(module: String, asName: String?)
    /// `from <level dots><module> import members`.
    case from(module: String?, level: Int, members: [ImportMember])

    /// The statement on one line, as isort writes it when it fits (no wrapping).
    public var description: String {
        switch self {
        case let .plain(module, asName): "import \(module)" + (asName.map { " as \($0)" } ?? "")
        case let .from(module, level, members):
            "from \(String(repeating: ".", count: level))\(module ?? "") import \(members.map(\.text).joined(separator: ", "))"
        }
    }
}

/// How isort's `order-by-type` ranks a member of a `from` import.
public enum MemberType: Int, Sendable, Comparable {
    /// Two or more characters, with cased letters all uppercase: `CONST`, `_X`, `HTTP2`.
    case constant
    /// Starts with an uppercase letter: `Path`, `A`.
    case `class`
    /// Anything else: `path`, `_private`, `__all__`.
    case variable

    public static func < (lhs: MemberType, rhs: MemberType) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The type of `name`, by ruff's rule.
    public init(of name: String) {
        if name.unicodeScalars.count > 1, MemberType.isCasedUppercase(name) { self = .constant; return }
        if let first = name.first, first.isUppercase { self = .class; return }
        self = .variable
    }

    /// At least one cased character, and no lowercase one.
    static func isCasedUppercase(_ text: String) -> Bool {
        var cased = false
        for character in text {
            if character.isLowercase { return false }
            if character.isUppercase { cased = true }
        }
        return cased
    }
}

/// The sort order of ruff's isort (I001) with its defaults, as pure functions.
///
/// **What it does.** Normalises import statements the way ruff rewrites an import block
/// (`import a, b` split; duplicate imports dropped; `from m import x` statements of one module merged,
/// `as` imports and star imports kept as statements of their own), puts them in sections, and sorts:
/// - sections in the order future, standard-library, third-party, first-party, local-folder;
/// - within a section, all `import x` before all `from x import y` (`force-sort-within-sections =
///   false`), except in the future section, where ruff writes `from __future__` first;
/// - statements by module name compared case-insensitively first, then case-sensitively, both in
///   natural order (`a2` < `a10`; `case-sensitive = false`); relative imports furthest first
///   (`from .. import` before `from . import`); then by their first member; then by alias;
/// - members by type (`order-by-type = true`: CONSTANTS, then Classes, then variables), then
///   case-insensitively, then case-sensitively, then by alias.
///
/// **Why.** I001 reports an import block whose text differs from this order; a fixer that orders
/// differently than ruff would fight it forever (T15).
///
/// **Example.** `from b import c, B, CONST` → `from b import CONST, B, c`;
/// `import zeta, A1, a1` → `import A1` / `import a1` / `import zeta`.
public enum ImportOrder {
    /// Compares two members; negative when `lhs` comes first.
    public static func compareMembers(_ lhs: ImportMember, _ rhs: ImportMember) -> Int {
        let lStar = lhs.name == "*", rStar = rhs.name == "*"
        if lStar != rStar { return lStar ? -1 : 1 }
        let lType = MemberType(of: lhs.name), rType = MemberType(of: rhs.name)
        if lType != rType { return lType < rType ? -1 : 1 }
        let folded = NaturalOrder.compare(lhs.name.lowercased(), rhs.name.lowercased())
        if folded != 0 { return folded }
        let exact = NaturalOrder.compare(lhs.name, rhs.name)
        if exact != 0 { return exact }
        return compareOptional(lhs.asName, rhs.asName)
    }

    /// Members in isort order.
    public static func sortedMembers(_ members: [ImportMember]) -> [ImportMember] {
        members.sorted { compareMembers($0, $1) < 0 }
    }

    /// Compares two statements of the same section and style; negative when `lhs` comes first.
    /// `from` statements are expected to have their members sorted already.
    public static func compareStatements(_ lhs: ImportStatement, _ rhs: ImportStatement) -> Int {
        let l = key(lhs), r = key(rhs)
        if l.level != r.level { return l.level > r.level ? -1 : 1 }
        if l.module != r.module {
            guard let lm = l.module else { return -1 }
            guard let rm = r.module else { return 1 }
            let folded = NaturalOrder.compare(lm.lowercased(), rm.lowercased())
            if folded != 0 { return folded }
            let exact = NaturalOrder.compare(lm, rm)
            if exact != 0 { return exact }
        }
        switch (l.firstMember, r.firstMember) {
        case (nil, nil): break
        case (nil, _): return -1
        case (_, nil): return 1
        case let (a?, b?):
            let byMember = compareMembers(a, b)
            if byMember != 0 { return byMember }
        }
        return compareOptional(l.asName, r.asName)
    }

    private static func key(_ statement: ImportStatement) -> (level: Int, module: String?, firstMember: ImportMember?, asName: String?) {
        switch statement {
        case let .plain(module, asName): (0, module, nil, asName)
        case let .from(module, level, members): (level, module, members.first, nil)
        }
    }

    private static func compareOptional(_ lhs: String?, _ rhs: String?) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): 0
        case (nil, _): -1
        case (_, nil): 1
        case let (a?, b?): NaturalOrder.compare(a, b)
        }
    }

    /// Splits, merges and de-duplicates statements as ruff does before sorting (see the type's doc).
    public static func normalise(_ statements: [ImportStatement]) -> [ImportStatement] {
        var result: [ImportStatement] = []
        var seen: Set<ImportStatement> = []
        var merged: [String: Int] = [:] // "level|module" → index in result of the merged statement
        func add(_ statement: ImportStatement) {
            if seen.insert(statement).inserted { result.append(statement) }
        }
        for statement in statements {
            switch statement {
            case .plain:
                add(statement)
            case let .from(module, level, members):
                for member in members {
                    if member.asName != nil || member.name == "*" {
                        add(.from(module: module, level: level, members: [member]))
                        continue
                    }
                    let groupKey = "\(level)|\(module ?? "")"
                    if let index = merged[groupKey], case let .from(m, l, existing) = result[index] {
                        if !existing.contains(member) { result[index] = .from(module: m, level: l, members: existing + [member]) }
                    } else {
                        merged[groupKey] = result.count
                        result.append(.from(module: module, level: level, members: [member]))
                    }
                }
            }
        }
        return result
    }

    /// Normalises, classifies and sorts an import block: the sections ruff would write, in order,
    /// each with its statements in order (members of `from` statements sorted).
    public static func arrange(_ statements: [ImportStatement], classifier: ImportClassifier) -> [(section: ImportSection, statements: [ImportStatement])] {
        var bySection: [ImportSection: [ImportStatement]] = [:]
        for statement in normalise(statements) {
            let section: ImportSection
            switch statement {
            case let .plain(module, _): section = classifier.section(module: module, level: 0)
            case let .from(module, level, _): section = classifier.section(module: module, level: level)
            }
            var sorted = statement
            if case let .from(module, level, members) = statement {
                sorted = .from(module: module, level: level, members: sortedMembers(members))
            }
            bySection[section, default: []].append(sorted)
        }
        return ImportSection.allCases.compactMap { section in
            guard let items = bySection[section] else { return nil }
            let plain = items.filter { if case .plain = $0 { true } else { false } }.sorted { compareStatements($0, $1) < 0 }
            let from = items.filter { if case .from = $0 { true } else { false } }.sorted { compareStatements($0, $1) < 0 }
            return (section, section == .future ? from + plain : plain + from)
        }
    }
}
