import BatchFixCore
import Testing
@testable import BatchFixPython

/// F401 names reported for `source` (by subject), and the text after applying every fix.
private func unused(_ source: String, file: String = "mod.py", allowed: [String] = []) throws -> (names: [String], fixed: String) {
    let document = Document(path: try ProjectPath(file), bytes: Array(source.utf8), version: 0)
    let found = UnusedImportCheck(allowedUnusedImports: allowed).diagnostics(in: document).filter { $0.code == "F401" }
    var bytes = Array(source.utf8)
    let edits = found.compactMap(\.fix).flatMap { $0 }.sorted { $0.range.start > $1.range.start }
    for edit in edits { bytes.replaceSubrange(edit.range.start..<edit.range.end, with: edit.replacement) }
    return (found.compactMap(\.subject), String(decoding: bytes, as: UTF8.self))
}

@Suite struct UnusedImportScopeTests {
    // MARK: Now precise about scopes

    @Test func importShadowedByALocalIsUnused() throws {
        let r = try unused("import os\ndef f():\n    os = 1\n    return os\n")
        #expect(r.names == ["os"])
        #expect(r.fixed == "def f():\n    os = 1\n    return os\n")
    }

    @Test func nameUsedOnlyInAnotherFunctionsScope() throws {
        let source = "def f():\n    import json\n    return 1\n\ndef g():\n    json = 2\n    return json\n"
        let r = try unused(source)
        #expect(r.names == ["json"])
        #expect(r.fixed == "def f():\n    return 1\n\ndef g():\n    json = 2\n    return json\n")
    }

    @Test func comprehensionVariableDoesNotUseTheImport() throws {
        #expect(try unused("from m import x\nvalues = [x for x in range(3)]\n").names == ["x"])
    }

    @Test func keywordArgumentNameIsNoUse() throws {
        #expect(try unused("from m import key\nprint(sorted([], key=len))\n").names == ["key"])
    }

    @Test func functionImportUsedOnlyAtModuleLevelIsUnused() throws {
        // The module-level read cannot see the function's local import.
        let source = "def f():\n    import sys\n    return 1\n\ntry:\n    sys\nexcept NameError:\n    pass\n"
        #expect(try unused(source).names == ["sys"])
    }

    @Test func readsInsideAFunctionWithItsOwnImportDoNotUseTheModuleImport() throws {
        let source = "import os\n\ndef f():\n    import os\n    return os.sep\n"
        let r = try unused(source)
        #expect(r.names == ["os"])
        #expect(r.fixed == "\ndef f():\n    import os\n    return os.sep\n")
    }

    @Test func functionImportReadOnlyInAnotherFunctionThatImportsItToo() throws {
        let source = "def f():\n    import os\n    return 1\n\ndef g():\n    import os\n    return os.sep\n"
        let document = Document(path: try ProjectPath("mod.py"), bytes: Array(source.utf8), version: 0)
        let found = UnusedImportCheck().diagnostics(in: document).filter { $0.code == "F401" }
        #expect(found.map { document.lines.lineAndColumn(of: $0.range.start, in: document.bytes).line } == [2])
    }

    // MARK: Still kept

    @Test func readsThroughNestedFunctionsAndClassBases() throws {
        #expect(try unused("def f():\n    import os\n    def g():\n        return os.sep\n    return g\n").names.isEmpty)
        #expect(try unused("from m import Base\nclass C(Base):\n    pass\n").names.isEmpty)
        #expect(try unused("from m import Base\nclass C(Base, metaclass=Meta):\n    Base = 1\n").names.isEmpty)
    }

    @Test func usesThroughEnclosingScopesKeepTheImport() throws {
        #expect(try unused("import os\ndef f():\n    def g():\n        return os.sep\n    return g\n").names.isEmpty)
        #expect(try unused("import os\nclass C:\n    sep = os.sep\n").names.isEmpty)
        #expect(try unused("from m import x\nclass C:\n    x = x\n").names.isEmpty)
        #expect(try unused("import os\nimport os.path\nprint(os.path.join('a'))\n").names.isEmpty)
    }

    @Test func nameInAnyStringOrTypeCommentStillKeepsTheImport() throws {
        #expect(try unused("import os\ndef f():\n    os = 1\n    return os, 'os'\n").names.isEmpty)
        #expect(try unused("from m import T\ndef f():\n    T = 1\n    x = []  # type: List[T]\n    return T, x\n").names.isEmpty)
    }

    @Test func parameterNamedLikeTheImportKeepsIt() throws {
        // RELIABILITY U23: a pytest fixture imported and requested by parameter name.
        #expect(try unused("from fixtures import db\ndef test_it(db):\n    assert db\n").names.isEmpty)
    }

    @Test func dynamicAccessAndOtherKeepRulesStillApply() throws {
        #expect(try unused("import os\ndef f():\n    os = 1\n    return os\nprint(globals())\n").names.isEmpty)
        #expect(try unused("import os\ndef f():\n    os = 1\n    return os\n", allowed: ["os"]).names.isEmpty)
        #expect(try unused("import os  # noqa: F401\ndef f():\n    os = 1\n    return os\n").names.isEmpty)
        #expect(try unused("from __future__ import annotations\n").names.isEmpty)
        #expect(try unused("import os as os\n").names.isEmpty)
        #expect(try unused("class C:\n    import os\n    def f(self):\n        return 1\n").names.isEmpty)
        #expect(try unused("try:\n    import os\nexcept ImportError:\n    os = None\n").names.isEmpty)
    }

    @Test func packageInitReportsWithoutFix() throws {
        let r = try unused("import os\ndef f():\n    os = 1\n    return os\n", file: "pkg/__init__.py")
        #expect(r.names == ["os"])
        #expect(r.fixed == "import os\ndef f():\n    os = 1\n    return os\n")
    }

    @Test func unmodelledOccurrenceFallsBackToKeeping() throws {
        // A class-pattern keyword (`Point(x=...)`) is not modelled by the index: the import stays.
        let source = "from m import x\ndef f(p):\n    match p:\n        case Point(x=0):\n            return 1\n"
        #expect(try unused(source).names.isEmpty)
    }
}
