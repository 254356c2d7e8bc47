import Testing
@testable import PythonSyntax

/// The typed API that scope/binding analysis builds on.
@Suite struct SyntaxAPITests {
    let source = """
    import os, a.b as c  # why
    from ..pkg.mod import (x as y, z)
    from . import *
    G = 1
    @deco
    def f(p, /, q: int = 1, *args, k, m=2, **kw) -> str:
        global G
        del q
        G += 1
        t: int = "s" 'x'
        return [n for n in args if n]
    class K(Base, metaclass=M):
        attr.value = lambda v=1: v
    try:
        pass
    except E as err:
        pass

    """

    var result: ParseResult { PythonParser.parse(Array(source.utf8)) }

    @Test func imports() throws {
        let r = result
        let stmts = r.body(r.module)
        let imp = try #require(r.importStatement(stmts[0]))
        #expect(!imp.isFrom && imp.aliases.map(\.name) == ["os", "a.b"])
        #expect(imp.aliases.map(\.boundName) == ["os", "c"])
        #expect(r.text(imp.aliases[1].range) == "a.b as c")
        #expect(r.text(imp.aliases[1].asname!.range) == "c")
        let from = try #require(r.importStatement(stmts[1]))
        #expect(from.isFrom && from.module == "pkg.mod" && from.level == 2)
        #expect(from.aliases.map(\.name) == ["x", "z"] && from.aliases[0].asname?.name == "y")
        let star = try #require(r.importStatement(stmts[2]))
        #expect(star.module == nil && star.level == 1 && star.aliases[0].name == "*" && star.aliases[0].boundName == nil)
    }

    @Test func functionScope() throws {
        let r = result
        let def = r.body(r.module)[4]
        let scope = try #require(r.scope(def))
        #expect(scope.name?.name == "f" && r.text(scope.name!.range) == "f")
        #expect(scope.parameters.map(\.name.name) == ["p", "q", "args", "k", "m", "kw"])
        #expect(scope.parameters.map(\.kind) == [.positionalOnly, .regular, .varArgs, .keywordOnly, .keywordOnly, .varKeywords])
        #expect(scope.parameters[1].defaultValue != nil && scope.parameters[0].defaultValue == nil)
        #expect(scope.parameters[4].defaultValue != nil && scope.parameters[3].defaultValue == nil)
        #expect(scope.decorators.count == 1 && r.name(scope.decorators[0])?.id == "deco")
        #expect(r.text(scope.returns!) == "str")
        #expect(scope.body.count == 5)
        #expect(r.declaredNames(scope.body[0])?.map(\.name) == ["G"])
        #expect(r.deleteTargets(scope.body[1]).map { $0.map { r.name($0)?.ctx } } == [.del])
        let aug = try #require(r.assignment(scope.body[2]))
        if case .augmented(let op) = aug.form { #expect(op == .add) } else { Issue.record("not augmented") }
        let ann = try #require(r.assignment(scope.body[3]))
        #expect(r.stringValue(ann.value!) == "sx")
        #expect(r.name(ann.targets[0])?.ctx == .store)
        let comps = r.nodes(of: .listComp)
        #expect(comps.count == 1)
        let comp = try #require(r.scope(comps[0]))
        #expect(comp.generators.count == 1)
    }

    @Test func classAndLambda() throws {
        let r = result
        let cls = try #require(r.scope(r.body(r.module)[5]))
        #expect(cls.kind == .classDef && cls.bases.count == 1 && cls.keywords.count == 1)
        #expect(r.identifier(cls.keywords[0], "arg")?.name == "metaclass")
        let assign = try #require(r.assignment(cls.body[0]))
        let attr = try #require(r.attribute(assign.targets[0]))
        #expect(attr.attr.name == "value" && attr.ctx == .store && r.name(attr.value)?.ctx == .load)
        let lambda = try #require(r.scope(assign.value!))
        #expect(lambda.parameters.map(\.name.name) == ["v"])
    }

    @Test func tryHandlersAndBlocks() throws {
        let r = result
        let tryStmt = r.body(r.module)[6]
        #expect(r.kind(tryStmt) == .tryStmt)
        let handler = r.list(tryStmt, "handlers")[0]
        #expect(r.handlerName(handler)?.name == "err")
        #expect(r.blocks(tryStmt).map(\.field) == ["body", "orelse", "finalbody"])
    }

    @Test func walkAndComments() {
        let r = result
        var count = 0
        r.walk { _ in count += 1; return true }
        #expect(count > 40)
        #expect(r.nodes(of: .name).allSatisfy { r.kind($0) == .name })
        #expect(r.comments.count == 1 && r.text(r.comments[0].range) == "# why")
        let pos = r.position(r.body(r.module)[4])
        #expect(pos.line == 6 && pos.column == 0)  // decorated def starts at `def`
    }

    @Test func tokensAndLines() throws {
        let r = result
        let first = r.body(r.module)[0]
        #expect(r.text(r.lineRange(first)) == "import os, a.b as c  # why\n")
        #expect(r.comments(in: r.lineRange(first)).count == 1)
        let i = try #require(r.tokenIndex(at: 7))  // inside "os"
        #expect(r.tokens[i].kind == .name && r.text(r.tokens[i].range) == "os")
        #expect(r.tokenIndex(at: 6) == nil)  // the space
        let def = r.body(r.module)[4]
        #expect(r.text(r.lineRange(def)).hasPrefix("def f(p"))
    }

    @Test func concurrentParsesAgree() async {
        let sources = (0..<16).map { i in Array((source + "\nx\(i) = \(i)\n").utf8) }
        let dumps = await withTaskGroup(of: (Int, String).self) { group in
            for (i, s) in sources.enumerated() {
                group.addTask { (i, ASTDump.dump(PythonParser.parse(s), path: "t.py")) }
            }
            var out = [String](repeating: "", count: sources.count)
            for await (i, d) in group { out[i] = d }
            return out
        }
        for (i, s) in sources.enumerated() {
            #expect(dumps[i] == ASTDump.dump(PythonParser.parse(s), path: "t.py"))
        }
    }
}
