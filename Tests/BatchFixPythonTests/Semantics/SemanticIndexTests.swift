import BatchFixCore
import PythonSyntax
import Testing
@testable import BatchFixPython

/// Which import bindings of `source` the index finds used (by bound name and line), and which not.
private func importUsage(_ source: String, countingParameterNames: Bool = false) -> (used: [String], unused: [String]) {
    let parse = PythonParser.parse(Array(source.utf8))
    #expect(parse.errors.isEmpty, "test source must parse: \(parse.errors)")
    let index = SemanticIndex(parse)
    var used: [String] = [], unused: [String] = []
    for binding in index.importBindings {
        let b = index.bindings[binding]
        let label = "\(b.name)@\(parse.sourceMap.location(of: b.range.lowerBound).line)"
        if index.isUsed(binding, countingParameterNames: countingParameterNames) { used.append(label) } else { unused.append(label) }
    }
    return (used, unused)
}

@Suite struct SemanticIndexTests {
    @Test func moduleLevelUseAndUnused() {
        let r = importUsage("import os\nimport sys\nprint(os.sep)\n")
        #expect(r.used == ["os@1"])
        #expect(r.unused == ["sys@2"])
    }

    @Test func functionLocalShadowsImport() {
        let r = importUsage("import os\ndef f():\n    os = 1\n    return os\n")
        #expect(r.unused == ["os@1"])
    }

    @Test func functionReadsGlobalImport() {
        let r = importUsage("import os\ndef f():\n    return os.getcwd()\n")
        #expect(r.used == ["os@1"])
    }

    @Test func useInFunctionDoesNotReachAnotherFunctionsImport() {
        let r = importUsage("def f():\n    import json\n    return 1\ndef g():\n    return json.dumps(1)\n")
        #expect(r.unused == ["json@2"])
    }

    @Test func nestedFunctionSeesEnclosingFunctionImport() {
        let r = importUsage("def f():\n    import json\n    def g():\n        return json\n    return g\n")
        #expect(r.used == ["json@2"])
    }

    @Test func classScopeIsInvisibleFromMethods() {
        // The method's `path` is the module import, not the class attribute.
        let source = "import path\nclass C:\n    path = 1\n    def m(self):\n        return path\n"
        #expect(importUsage(source).used == ["path@1"])
        // A class-body import is not visible from a method: the method reads the global (a builtin here).
        let r = importUsage("class C:\n    import json\n    def m(self):\n        return json\n")
        #expect(r.unused == ["json@2"])
    }

    @Test func classBodyReadOfNameItAlsoBindsIsConservative() {
        // `x = x` in a class body reads the global first.
        #expect(importUsage("from m import x\nclass C:\n    x = x\n").used == ["x@1"])
    }

    @Test func comprehensionVariablesAreLocal() {
        let r = importUsage("import x\ndef f(items):\n    return [x for x in items]\n")
        #expect(r.unused == ["x@1"])
    }

    @Test func comprehensionFirstIterableIsEvaluatedOutside() {
        // In a class body the first iterable sees class names; later parts do not.
        let source = "import items\nimport other\nclass C:\n    items = []\n    other = []\n    a = [i for i in items]\n    b = [j for i in items for j in other]\n"
        let r = importUsage(source)
        // `items` (first iterable) resolves to the class binding and, conservatively, the import;
        // `other` (second iterable, inside the comprehension) skips the class and reads the import.
        #expect(r.used == ["items@1", "other@2"])
    }

    @Test func walrusInComprehensionBindsInEnclosingFunction() {
        let source = "import last\ndef f(items):\n    [last := i for i in items]\n    return last\n"
        #expect(importUsage(source).unused == ["last@1"])
    }

    @Test func lambdaParametersShadowAndDefaultsAreOutside() {
        #expect(importUsage("import x\nf = lambda x: x\n").unused == ["x@1"])
        #expect(importUsage("import y\nf = lambda x=y: x\n").used == ["y@1"])
    }

    @Test func pep695TypeParameterScopes() {
        // The type parameter T shadows the import inside the generic function.
        #expect(importUsage("from m import T\ndef f[T](x: T) -> T:\n    return x\n").unused == ["T@1"])
        // A bound is evaluated in the type-parameter scope and sees the module.
        #expect(importUsage("from m import Base\nclass C[T: Base]:\n    pass\n").used == ["Base@1"])
        #expect(importUsage("from m import V\ntype Alias[T] = dict[T, V]\n").used == ["V@1"])
    }

    @Test func annotationScopesSeeClassNamesButTheirFunctionsDoNot() {
        let source = "from m import A\nclass C:\n    A = int\n    def m[T](self, x: A) -> T:\n        return A\n"
        let index = SemanticIndex(PythonParser.parse(Array(source.utf8)))
        let imported = index.importBindings[0]
        let classAttribute = index.bindings.indices.first { index.bindings[$0].name == "A" && index.bindings[$0].kind == .assignment }!
        let typeScope = index.scopes.indices.first { index.scopes[$0].kind == .typeParameters }!
        let function = index.scopes.indices.first { index.scopes[$0].kind == .function }!
        #expect(Set(index.resolve("A", from: typeScope)) == [classAttribute, imported])
        #expect(index.resolve("A", from: function) == [imported])
    }

    @Test func parametersShadowImportsAndCountAsPolicyUses() {
        let source = "from fixtures import tmp_db\ndef test_it(tmp_db):\n    assert tmp_db\n"
        #expect(importUsage(source).unused == ["tmp_db@1"])
        #expect(importUsage(source, countingParameterNames: true).used == ["tmp_db@1"])
    }

    @Test func globalDeclarationRedirectsBindings() {
        let source = "def setup():\n    global np\n    import numpy as np\ndef use():\n    return np.zeros(3)\n"
        #expect(importUsage(source).used == ["np@3"])
    }

    @Test func nonlocalDeclarationRedirectsBindings() {
        let source = "def outer():\n    import json\n    def inner():\n        nonlocal json\n        json = None\n    inner()\n"
        let parse = PythonParser.parse(Array(source.utf8))
        let index = SemanticIndex(parse)
        let assigned = index.bindings.first { $0.name == "json" && $0.kind == .assignment }!
        #expect(index.scopes[assigned.scope].kind == .function)
        #expect(index.scopes[assigned.scope].node == index.scopes[index.bindings[index.importBindings[0]].scope].node)
    }

    @Test func deleteAndAugmentedAssignmentAreUses() {
        #expect(importUsage("import os\ndel os\n").used == ["os@1"])
        #expect(importUsage("from m import total\ntotal += 1\n").used == ["total@1"])
        // `del` in a function makes the name local there: it does not touch the module's import.
        #expect(importUsage("import os\ndef f():\n    del os\n").unused == ["os@1"])
    }

    @Test func bindingFormsShadowInFunctions() {
        let forms = [
            "for x in range(3):\n        pass",
            "with open('f') as x:\n        pass",
            "try:\n        pass\n    except E as x:\n        pass",
            "def x():\n        pass",
            "class x:\n        pass",
            "x: int = 1",
            "match 1:\n        case [x]:\n            pass",
            "match 1:\n        case {**x}:\n            pass",
            "match 1:\n        case [*x]:\n            pass",
            "(x := 1)",
            "import y as x",
        ]
        for form in forms {
            let source = "import x\ndef f():\n    \(form)\n    return x\n"
            #expect(importUsage(source).unused.contains("x@1"), "\(form)")
        }
    }

    @Test func stringAnnotationsAndTypingCalls() {
        #expect(importUsage("from m import Fruit\ndef f(x: 'Fruit'):\n    pass\n").used == ["Fruit@1"])
        #expect(importUsage("from m import Fruit\nx: list['Fruit'] = []\n").used == ["Fruit@1"])
        #expect(importUsage("from m import Fruit\ndef f() -> \"list['Fruit']\":\n    pass\n").used == ["Fruit@1"])
        #expect(importUsage("from typing import cast\nfrom m import Veg\ny = cast('Veg', 1)\n").used == ["cast@1", "Veg@2"])
        #expect(importUsage("from typing import TypeVar\nfrom m import D\nT = TypeVar('T', bound='D')\n").used == ["TypeVar@1", "D@2"])
        #expect(importUsage("from typing import TypeAlias\nfrom m import Fruit\nA: TypeAlias = 'Fruit'\n").used == ["TypeAlias@1", "Fruit@2"])
        // A plain string that is no annotation is not a use for the index.
        #expect(importUsage("from m import Fruit\nx = 'Fruit'\n").unused == ["Fruit@1"])
    }

    @Test func dunderAllForms() {
        #expect(importUsage("from m import a, b\n__all__ = ['a']\n").unused == ["b@1"])
        #expect(importUsage("from m import a, b\n__all__ = ('a', 'b')\n").used == ["a@1", "b@1"])
        #expect(importUsage("from m import a, b\n__all__ = ['a']\n__all__ += ['b']\n").used == ["a@1", "b@1"])
        #expect(importUsage("from m import a, b\n__all__ = []\n__all__.extend(['a'])\n__all__.append('b')\n").used == ["a@1", "b@1"])
        #expect(importUsage("from m import a, b\n__all__ = ['a'] + ['b']\n").used == ["a@1", "b@1"])
    }

    @Test func futureImportsAreMarked() {
        let parse = PythonParser.parse(Array("from __future__ import annotations\n".utf8))
        let index = SemanticIndex(parse)
        #expect(index.importBindings.map { index.bindings[$0].kind } == [.futureImport])
    }

    @Test func submoduleImportsBindTheTopName() {
        let source = "import a\nimport a.b\nprint(a.b.c)\n"
        let parse = PythonParser.parse(Array(source.utf8))
        let index = SemanticIndex(parse)
        #expect(index.importBindings.map { index.bindings[$0].importedModule } == ["a", "a.b"])
        // Both bind `a`; the attribute chain uses both (never remove both: U18/U19).
        #expect(importUsage(source).used == ["a@1", "a@2"])
    }

    @Test func typeCheckingBlocks() {
        let source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from m import Fruit\ndef f(x: Fruit):\n    pass\n"
        let parse = PythonParser.parse(Array(source.utf8))
        let index = SemanticIndex(parse)
        let fruit = index.importBindings.first { index.bindings[$0].name == "Fruit" }!
        #expect(index.bindings[fruit].isTypeChecking)
        #expect(importUsage(source).used == ["TYPE_CHECKING@1", "Fruit@3"])
    }

    @Test func decoratorsBasesAndDefaultsAreEvaluatedOutside() {
        let source = "from m import deco, Base, DEFAULT\n@deco\nclass C(Base):\n    def f(self, x=DEFAULT):\n        pass\n"
        #expect(importUsage(source).used == ["deco@1", "Base@1", "DEFAULT@1"])
    }

    @Test func explainedOffsetsCoverModelledIdentifiers() {
        let source = "import os\ndef f(a, *b, c=1, **d):\n    global g\n    return os.path(a, key=b)\n"
        let parse = PythonParser.parse(Array(source.utf8))
        let index = SemanticIndex(parse)
        for word in ["f", "a", "*b", "c", "**d", "g", "os", "key"] {
            let bytes = Array(source.utf8)
            let needle = Array(word.trimmingPrefix(while: { $0 == "*" }).utf8)
            // First occurrence after the import line.
            func isIdentifierByte(_ i: Int) -> Bool {
                i >= 0 && i < bytes.count && (bytes[i] == 0x5F || (bytes[i] | 0x20 >= 0x61 && bytes[i] | 0x20 <= 0x7A))
            }
            let start = (10..<bytes.count).first {
                bytes[$0..<min(bytes.count, $0 + needle.count)].elementsEqual(needle) && !isIdentifierByte($0 - 1) && !isIdentifierByte($0 + needle.count)
            }!
            #expect(index.explains(offset: start), "\(word)")
        }
        #expect(!index.explains(offset: 7))  // `os` in the import statement itself
    }

    @Test func deeplyNestedSourceDoesNotOverflow() {
        var source = "import os\n"
        var indent = ""
        for i in 0..<90 {
            source += "\(indent)def f\(i)():\n"
            indent += " "
        }
        source += "\(indent)return os\n"
        #expect(importUsage(source).used == ["os@1"])
    }
}
