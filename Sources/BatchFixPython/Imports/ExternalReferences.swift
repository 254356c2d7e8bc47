import BatchFixCore
import PythonSyntax

/// What one file may read from other modules by name, for the project-wide search of RELIABILITY
/// U22: an import another file reads (`from pkg.mod import shutil`, `mod.shutil.which`) is a
/// re-export, not an unused import.
///
/// Modules are matched by their last dotted component (`pkg.mod` → `mod`), which may match a
/// different module of the same name: that only keeps more imports.
struct ExternalReferences: Sendable {
    /// `mod.name` for every `from ...mod import name`, every attribute pair `mod.name` (also through an
    /// alias: `import pkg.mod as m` then `m.name`), and `mod.*` for `from ...mod import *`.
    private(set) var references: Set<String> = []

    init(_ parse: ParseResult) {
        let scan = ImportScan(parse)
        let tokens = parse.tokens
        // Aliases that stand for a module: `import pkg.mod as m`, `from pkg import mod as m`.
        var aliases: [String: String] = [:]
        for statement in scan.statements {
            for alias in statement.aliases {
                let target = alias.qualifiedName.split(separator: ".").last.map(String.init) ?? alias.qualifiedName
                if alias.boundName != target { aliases[alias.boundName] = target }
                // `from ...mod import name`: the module part is the qualified name without its last part.
                if tokens[statement.firstToken].kind == .kwFrom {
                    let module = alias.qualifiedName.split(separator: ".").dropLast().last.map(String.init)
                    let name = alias.qualifiedName.split(separator: ".").last.map(String.init) ?? ""
                    if let module { references.insert(module + "." + name) }
                }
            }
            if statement.isStarImport, let module = statement.starModule?.split(separator: ".").last {
                references.insert(module + ".*")
            }
        }
        // Attribute pairs `a.b` anywhere.
        var index = 0
        while index + 2 < tokens.count {
            if tokens[index].kind == .name, tokens[index + 1].kind == .dot, tokens[index + 2].kind == .name {
                let left = scan.text(index)
                let right = scan.text(index + 2)
                references.insert(left + "." + right)
                if let module = aliases[left] { references.insert(module + "." + right) }
            }
            index += 1
        }
    }

    /// True when this file may read `name` from a module whose last component is `module`.
    func mayRead(_ name: String, from module: String) -> Bool {
        references.contains(module + "." + name) || (!name.hasPrefix("_") && references.contains(module + ".*"))
    }
}

extension Document {
    /// The names this snapshot may read from other modules, computed once.
    var externalReferences: ExternalReferences {
        cached(ExternalReferences.self) { ExternalReferences(python) }
    }

    /// The last component of this file's module name: `pkg/mod.py` → `mod`, `pkg/__init__.py` → `pkg`.
    var moduleComponent: String {
        let parts = path.value.split(separator: "/")
        guard let file = parts.last else { return "" }
        let stem = file.split(separator: ".").first.map(String.init) ?? String(file)
        if stem == "__init__", parts.count >= 2 { return String(parts[parts.count - 2]) }
        return stem
    }
}
