import BatchFixCore
import PythonSyntax

/// F401 unused import (and F811, an import redefined by an identical import before any use).
///
/// **What it does**: finds imported names that the file never uses.
/// **Why**: they slow start-up, hide real dependencies and confuse readers.
/// **Example**: `import os, sys` with only `sys` used → `import sys`.
/// **Fix safety**: removal is offered only where no use can exist: no use of the name resolves to
/// the import under Python's scoping rules (`SemanticIndex`: LEGB, class scopes, comprehensions,
/// `global`/`nonlocal`; a name shadowed in another scope does not keep it), every occurrence of the
/// name is one the index modelled (anything else keeps it, as before), no parameter has its name
/// (pytest fixtures, U23), and the name is inside no string (`__all__`, string annotations, doctests,
/// `mock.patch("pkg.mod.name")`) and no `# type:` comment. Files that reach names dynamically
/// (`globals()`, `locals()`, `eval`, `exec`, `vars()`, a module `__getattr__`, a computed `__all__`)
/// get no findings for module-level imports (RELIABILITY U21); imports inside functions are still judged. A star import is never touched; it does not make other imports used (a name the
/// file never mentions cannot be read through it), so they are judged as in any file. Imports in class bodies, in `try` blocks guarding `ImportError`,
/// in `except ImportError` handlers, under `sys.version_info` tests or `suppress(...)`, `__future__`
/// imports and explicit re-exports (`import x as x`) are kept. In `__init__.py` an unused import is
/// reported but not removed (it may be a re-export); so is a module-level import in `conftest.py`
/// (pytest finds fixtures and hooks there by name, U23). Uses are resolved by the semantic index
/// (Python's scopes) where it models every occurrence of the name; this errs on the side of keeping:
/// it may keep an import ruff would remove (a name in a string, a parameter of the same name), never
/// the reverse.
public struct UnusedImportCheck: PythonCheck {
    /// Modules whose unused imports are kept (`allowed-unused-imports`: side-effect imports, RELIABILITY U01).
    public let allowedUnusedImports: [String]

    public init(allowedUnusedImports: [String] = []) {
        self.allowedUnusedImports = allowedUnusedImports
    }

    public var name: String { "unused-import" }
    public var codes: [String] { ["F401", "F811"] }
    public func kind(for code: String) -> IssueKind { code == "F811" ? .deadCode : .importError }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        let parse = document.python
        guard parse.errors.isEmpty else { return [] }
        let scan = document.importScan
        let isPackageInit = document.path.fileName == "__init__.py" || document.path.fileName == "__init__.pyi"
        // pytest reads fixtures and hooks from conftest.py's namespace by name (U23).
        let isConftest = document.path.fileName == "conftest.py"
        // The last import binding of each name in each scope is the one F401 is about; an earlier
        // identical import in the same block, unused before the next one, is F811 (as ruff reports).
        var lastBinding: [String: (statement: Int, alias: Int)] = [:]
        for (statementIndex, statement) in scan.statements.enumerated() {
            for (aliasIndex, alias) in statement.aliases.enumerated() {
                lastBinding["\(statement.scope):\(alias.boundName)"] = (statementIndex, aliasIndex)
            }
        }
        // Every removable binding of each name in each scope, in order.
        // A binding that cannot be removed (suppressed, guarded, a re-export) ends the run of earlier
        // bindings removed with the last one: ruff, fixing again, would stop there too.
        // noqa on the name's line, the statement's first line or its closing line (RELIABILITY U24);
        // a noqa at the end of a physical line covers every `;`-joined statement on it.
        func isSuppressed(_ code: String, _ alias: ImportScan.Alias, _ statement: ImportScan.Statement) -> Bool {
            let statementStart = Int(scan.tokens[statement.firstToken].start)
            let statementEnd = Int(scan.tokens[statement.lastToken].start)
            return document.isSuppressed(code, at: alias.range.start, parent: statementStart) || document.isSuppressed(code, at: statementEnd)
        }
        var bindings: [String: [(statement: Int, alias: Int)]] = [:]
        for (statementIndex, statement) in scan.statements.enumerated() {
            for (aliasIndex, alias) in statement.aliases.enumerated() {
                let key = "\(statement.scope):\(alias.boundName)"
                let removable = statement.fixable && !alias.isFuture && !alias.isExplicitReexport && !isDunder(alias.boundName)
                    && !isSuppressed("F401", alias, statement)
                if removable {
                    bindings[key, default: []].append((statementIndex, aliasIndex))
                } else {
                    bindings[key] = []
                }
            }
        }
        var found: [Diagnostic] = []
        var previousBinding: [String: (statement: Int, alias: Int)] = [:]
        for (statementIndex, statement) in scan.statements.enumerated() {
            for (aliasIndex, alias) in statement.aliases.enumerated() {
                let suppressed: ([String]) -> Bool = { codes in codes.contains { isSuppressed($0, alias, statement) } }
                let scopeKey = "\(statement.scope):\(alias.boundName)"
                if let earlier = previousBinding[scopeKey] {
                    let earlierStatement = scan.statements[earlier.statement]
                    let first = earlierStatement.aliases[earlier.alias]
                    if earlierStatement.block == statement.block, first.identity == alias.identity,
                       !scan.isUsed(alias.boundName, between: first.lastToken, and: alias.firstToken), !suppressed(["F811"]) {
                        let line = document.lines.lineAndColumn(of: first.range.start, in: document.bytes).line
                        // Removing an identical duplicate changes no binding, so it is safe in `__init__.py`
                        // too; like ruff, the redefinition goes and the first import stays.
                        // Also in class bodies, ImportError handlers and guarded blocks: the first import
                        // already bound the same thing in the same block, so the duplicate does nothing.
                        found.append(Diagnostic(
                            code: "F811", range: alias.range,
                            message: "Redefinition of unused `\(alias.boundName)` from line \(line)",
                            subject: alias.boundName,
                            fix: scan.removal(of: aliasIndex, in: statementIndex, document: document)
                        ))
                    }
                }
                previousBinding[scopeKey] = (statementIndex, aliasIndex)
                guard lastBinding[scopeKey]! == (statementIndex, aliasIndex) else { continue }
                // `from _datetime import __doc__`: a dunder binding is module metadata that
                // the import machinery and other modules read.
                guard statement.fixable, !alias.isFuture, !alias.isExplicitReexport, !isDunder(alias.boundName) else { continue }
                if scan.dynamicNameAccess, statement.scope == 0 { continue }
                if allowedUnusedImports.contains(where: { alias.module == $0 || alias.module.hasPrefix($0 + ".") }) { continue }
                guard !isUsed(alias, of: statement, scan: scan, document: document), !suppressed(["F401"]) else { continue }
                var finding = Diagnostic(
                    code: "F401", range: alias.range,
                    message: "`\(alias.qualifiedName)` imported but unused",
                    subject: alias.boundName,
                    fix: isPackageInit || (isConftest && statement.scope == 0) ? nil : removalWithEarlierBindings(scopeKey, upTo: (statementIndex, aliasIndex), bindings: bindings, scan: scan, document: document)
                )
                finding.moduleAttribute = statement.scope == 0
                found.append(finding)
            }
        }
        return found
    }

    /// Removes the last binding of an unused name together with the earlier removable bindings of it
    /// in the same scope (`import xml` then `import xml.dom`, neither used): removing only the last
    /// would leave the earlier one unused (ruff gets there by fixing again; we fix once). Nil when two
    /// of them share a statement or their edits overlap.
    private func removalWithEarlierBindings(_ scopeKey: String, upTo last: (statement: Int, alias: Int),
                                            bindings: [String: [(statement: Int, alias: Int)]],
                                            scan: ImportScan, document: Document) -> [TextEdit]? {
        let earlier = (bindings[scopeKey] ?? []).filter { $0.statement < last.statement || ($0.statement == last.statement && $0.alias < last.alias) }
        guard !earlier.isEmpty else { return scan.removal(of: last.alias, in: last.statement, document: document) }
        var statementsSeen: Set<Int> = []
        var edits: [TextEdit] = []
        for binding in earlier + [last] {
            if !statementsSeen.insert(binding.statement).inserted { return nil }
            guard let removal = scan.removal(of: binding.alias, in: binding.statement, document: document) else { return nil }
            edits += removal
        }
        let sorted = edits.sorted { $0.range.start < $1.range.start }
        // `import re; import re` on one line: the removals overlap. No fix now; the F811 fix of the
        // duplicate runs first, then this finding is fixable alone on the new text.
        for (first, second) in zip(sorted, sorted.dropFirst()) where first.range.end > second.range.start { return nil }
        return sorted
    }

    /// Whether an import may be used. The semantic index decides only where it modelled every
    /// occurrence of the name: a name in any string or `# type:` comment keeps the import, and so does
    /// any occurrence the index did not account for (it then falls back to the name-anywhere rule).
    private func isUsed(_ alias: ImportScan.Alias, of statement: ImportScan.Statement, scan: ImportScan, document: Document) -> Bool {
        let name = alias.boundName
        if scan.isInStringOrTypeComment(name) { return true }
        guard scan.appearsAsName(name) else { return false }
        // Fast path: every occurrence of the name is plainly a read, so only imports bind it; a read
        // inside this import's function (or anywhere, for a module-level import) that lies in no other
        // function or class importing the name (unless that one encloses this import) resolves here.
        if statement.scope == 0 || scan.scopeTokenRanges[statement.scope] != nil, let reads = scan.plainReads(of: name) {
            let own = statement.scope == 0 ? nil : scan.scopeTokenRanges[statement.scope]
            let others = scan.statements.compactMap { other -> Range<Int>? in
                guard other.scope != statement.scope, other.scope != 0, other.aliases.contains(where: { $0.boundName == name }) else { return nil }
                guard let range = scan.scopeTokenRanges[other.scope] else { return 0..<Int.max }  // unknown: shadows everything
                if let own, range.lowerBound <= own.lowerBound, own.upperBound <= range.upperBound { return nil }  // encloses this import
                return range
            }
            if reads.contains(where: { read in (own?.contains(read) ?? true) && !others.contains { $0.contains(read) } }) { return true }
        }
        // Built once per document version, and only for files where it can change the answer.
        let index = document.semantics
        guard let binding = index.importBinding(at: alias.range.start) else { return true }
        // Parameter names count (pytest fixtures requested by name, RELIABILITY U23).
        if index.isUsed(binding, countingParameterNames: true) { return true }
        return scan.useOffsets(of: name).contains { !index.explains(offset: $0) }
    }
}

private func isDunder(_ name: String) -> Bool {
    name.count > 4 && name.hasPrefix("__") && name.hasSuffix("__")
}
