import PythonSyntax

/// Walks a module once (iteratively: no recursion, so any nesting the parser accepts is fine) and
/// records scopes, bindings and unresolved uses. Order does not matter: the index is flow-insensitive.
struct SemanticIndexBuilder {
    let parse: ParseResult
    var scopes: [SemanticIndex.Scope] = []
    var bindings: [SemanticIndex.Binding] = []
    var uses: [SemanticIndex.Use] = []
    var exportedNames: [String] = []
    /// One bit per source byte: set where an identifier the index modelled starts.
    var explained: [UInt64]

    private struct Item {
        var node: NodeID
        var scope: Int
        /// Inside an annotation: string constants are forward references.
        var annotation: Bool
        var typeChecking: Bool
        /// What a `Name` in store context binds as.
        var bindKind: SemanticIndex.BindingKind
    }
    private var stack: [Item] = []

    init(parse: ParseResult) {
        self.parse = parse
        explained = Array(repeating: 0, count: parse.source.count / 64 + 1)
    }

    mutating func markExplained(_ offset: Int) {
        guard offset >= 0, offset / 64 < explained.count else { return }
        explained[offset / 64] |= 1 << UInt64(offset % 64)
    }

    mutating func build() {
        scopes.append(SemanticIndex.Scope(kind: .module, node: parse.module, parent: nil))
        guard parse.module.exists else { return }
        for statement in parse.body(parse.module) {
            push(statement, scope: 0, annotation: false, typeChecking: false)
        }
        while let item = stack.popLast() { visit(item) }
    }

    // MARK: - Recording

    private mutating func push(_ node: NodeID?, scope: Int, annotation: Bool, typeChecking: Bool, bindKind: SemanticIndex.BindingKind = .assignment) {
        guard let node, node.exists else { return }
        stack.append(Item(node: node, scope: scope, annotation: annotation, typeChecking: typeChecking, bindKind: bindKind))
    }

    private mutating func newScope(_ kind: SemanticIndex.ScopeKind, _ node: NodeID, parent: Int) -> Int {
        scopes.append(SemanticIndex.Scope(kind: kind, node: node, parent: parent))
        return scopes.count - 1
    }

    private mutating func bind(_ name: String, _ kind: SemanticIndex.BindingKind, scope: Int, range: Range<Int>, node: NodeID,
                               typeChecking: Bool, module: String? = nil, explain: Bool = true) {
        bindings.append(SemanticIndex.Binding(name: name, kind: kind, scope: scope, writtenIn: scope, range: range, node: node,
                                              isTypeChecking: typeChecking, importedModule: module))
        if explain { markExplained(range.lowerBound) }
    }

    private mutating func use(_ name: String, _ kind: SemanticIndex.UseKind, scope: Int, offset: Int?) {
        uses.append(SemanticIndex.Use(name: name, kind: kind, scope: scope, offset: offset))
        if let offset, kind != .parameterName { markExplained(offset) }
    }

    /// The nearest enclosing scope that is not a comprehension (where a walrus target binds).
    private func walrusScope(_ scope: Int) -> Int {
        var current = scope
        while scopes[current].kind == .comprehension, let parent = scopes[current].parent { current = parent }
        return current
    }

    // MARK: - Visiting

    private mutating func visit(_ item: Item) {
        let node = item.node
        let scope = item.scope
        let tc = item.typeChecking
        switch parse.kind(node) {
        case .name:
            guard let name = parse.name(node) else { return }
            switch name.ctx {
            case .load: use(name.id, .load, scope: scope, offset: name.range.lowerBound)
            case .store: bind(name.id, item.bindKind, scope: scope, range: name.range, node: node, typeChecking: tc)
            case .del:
                use(name.id, .deletion, scope: scope, offset: name.range.lowerBound)
                bind(name.id, .deletion, scope: scope, range: name.range, node: node, typeChecking: tc, explain: false)
            }
        case .constant:
            if item.annotation, let text = parse.stringValue(node) { useStringAnnotation(text, scope: scope, depth: 0) }
        case .functionDef, .asyncFunctionDef, .classDef:
            visitDefinition(item)
        case .lambda:
            guard let view = parse.scope(node) else { return }
            for parameter in view.parameters { push(parameter.defaultValue, scope: scope, annotation: false, typeChecking: tc) }
            let inner = newScope(.lambda, node, parent: scope)
            bindParameters(view.parameters, in: inner, typeChecking: tc, annotationScope: nil)
            for expression in view.expressions { push(expression, scope: inner, annotation: false, typeChecking: tc) }
        case .listComp, .setComp, .generatorExp, .dictComp:
            guard let view = parse.scope(node) else { return }
            let inner = newScope(.comprehension, node, parent: scope)
            for (index, generator) in view.generators.enumerated() {
                // The first iterable is evaluated in the enclosing scope.
                push(parse.child(generator, "iter"), scope: index == 0 ? scope : inner, annotation: false, typeChecking: tc)
                push(parse.child(generator, "target"), scope: inner, annotation: false, typeChecking: tc, bindKind: .comprehensionTarget)
                for condition in parse.list(generator, "ifs") { push(condition, scope: inner, annotation: false, typeChecking: tc) }
            }
            for expression in view.expressions { push(expression, scope: inner, annotation: false, typeChecking: tc) }
        case .namedExpr:
            if let target = parse.child(node, "target"), let name = parse.name(target) {
                bind(name.id, .namedExpression, scope: walrusScope(scope), range: name.range, node: target, typeChecking: tc)
            }
            push(parse.child(node, "value"), scope: scope, annotation: item.annotation, typeChecking: tc)
        case .importStmt, .importFrom:
            guard let statement = parse.importStatement(node) else { return }
            let isFuture = statement.isFrom && statement.module == "__future__" && statement.level == 0
            for alias in statement.aliases {
                guard let bound = alias.boundName else {
                    scopes[scope].hasStarImport = true
                    continue
                }
                let module = statement.isFrom ? String(repeating: ".", count: statement.level) + (statement.module ?? "") : alias.name
                bind(bound, isFuture ? .futureImport : .importAlias, scope: scope, range: alias.range, node: alias.node,
                     typeChecking: tc, module: module, explain: false)
            }
        case .global, .nonlocal:
            let isGlobal = parse.kind(node) == .global
            for name in parse.declaredNames(node) ?? [] {
                if isGlobal { scopes[scope].globals.insert(name.name) } else { scopes[scope].nonlocals.insert(name.name) }
                use(name.name, .declaration, scope: scope, offset: name.range.lowerBound)
            }
        case .augAssign:
            if let target = parse.child(node, "target"), let name = parse.name(target) {
                use(name.id, .augmentedAssignment, scope: scope, offset: name.range.lowerBound)
                bind(name.id, .augmentedAssignment, scope: scope, range: name.range, node: target, typeChecking: tc, explain: false)
                if scope == 0, name.id == "__all__" { collectAll(parse.child(node, "value")) }
            } else {
                push(parse.child(node, "target"), scope: scope, annotation: false, typeChecking: tc)
            }
            push(parse.child(node, "value"), scope: scope, annotation: false, typeChecking: tc)
        case .assign:
            for target in parse.list(node, "targets") {
                push(target, scope: scope, annotation: false, typeChecking: tc)
                if scope == 0, parse.name(target)?.id == "__all__" { collectAll(parse.child(node, "value")) }
            }
            push(parse.child(node, "value"), scope: scope, annotation: false, typeChecking: tc)
        case .annAssign:
            let target = parse.child(node, "target")
            let value = parse.child(node, "value")
            let annotation = parse.child(node, "annotation")
            push(target, scope: scope, annotation: false, typeChecking: tc, bindKind: value == nil ? .annotationOnly : .annotatedAssignment)
            push(annotation, scope: scope, annotation: true, typeChecking: tc)
            // `X: TypeAlias = "Fruit"`: the value is a type expression too.
            let isTypeAlias = annotation.map { annotationNames($0).contains("TypeAlias") } ?? false
            push(value, scope: scope, annotation: isTypeAlias, typeChecking: tc)
            if scope == 0, let target, parse.name(target)?.id == "__all__" { collectAll(value) }
        case .typeAlias:
            push(parse.child(node, "name"), scope: scope, annotation: false, typeChecking: tc, bindKind: .typeAlias)
            let typeParams = parse.list(node, "type_params")
            var inner = scope
            if !typeParams.isEmpty {
                inner = newScope(.typeParameters, node, parent: scope)
                bindTypeParameters(typeParams, in: inner, typeChecking: tc)
            }
            let valueScope = newScope(.typeParameters, node, parent: inner)
            push(parse.child(node, "value"), scope: valueScope, annotation: true, typeChecking: tc)
        case .forStmt, .asyncFor:
            push(parse.child(node, "target"), scope: scope, annotation: false, typeChecking: tc, bindKind: .loopTarget)
            push(parse.child(node, "iter"), scope: scope, annotation: false, typeChecking: tc)
            for statement in parse.body(node) + parse.list(node, "orelse") { push(statement, scope: scope, annotation: false, typeChecking: tc) }
        case .withItem:
            push(parse.child(node, "context_expr"), scope: scope, annotation: false, typeChecking: tc)
            push(parse.child(node, "optional_vars"), scope: scope, annotation: false, typeChecking: tc, bindKind: .withTarget)
        case .exceptHandler:
            if let name = parse.handlerName(node) {
                bind(name.name, .exceptHandler, scope: scope, range: name.range, node: node, typeChecking: tc)
            }
            push(parse.child(node, "type"), scope: scope, annotation: false, typeChecking: tc)
            for statement in parse.body(node) { push(statement, scope: scope, annotation: false, typeChecking: tc) }
        case .matchAs, .matchStar, .matchMapping:
            let field = parse.kind(node) == .matchMapping ? "rest" : "name"
            if let name = parse.identifier(node, field) {
                bind(name.name, .matchCapture, scope: scope, range: name.range, node: node, typeChecking: tc)
            }
            for child in parse.children(node) { push(child, scope: scope, annotation: false, typeChecking: tc) }
        case .keyword:
            if let name = parse.identifier(node, "arg") { markExplained(name.range.lowerBound) }
            push(parse.child(node, "value"), scope: scope, annotation: false, typeChecking: tc)
        case .call:
            visitCall(item)
        case .ifStmt:
            let test = parse.child(node, "test")
            let guardsTypeChecking = test.map { isTypeCheckingTest($0) } ?? false
            push(test, scope: scope, annotation: false, typeChecking: tc)
            for statement in parse.body(node) { push(statement, scope: scope, annotation: false, typeChecking: tc || guardsTypeChecking) }
            for statement in parse.list(node, "orelse") { push(statement, scope: scope, annotation: false, typeChecking: tc) }
        default:
            for child in parse.children(node) {
                push(child, scope: scope, annotation: item.annotation, typeChecking: tc, bindKind: item.bindKind)
            }
        }
    }

    /// `def` / `async def` / `class`, with PEP 695 type parameters.
    private mutating func visitDefinition(_ item: Item) {
        guard let view = parse.scope(item.node) else { return }
        let scope = item.scope
        let tc = item.typeChecking
        let isClass = view.kind == .classDef
        if let name = view.name {
            bind(name.name, isClass ? .classDefinition : .functionDefinition, scope: scope, range: name.range, node: item.node, typeChecking: tc)
        }
        for decorator in view.decorators { push(decorator, scope: scope, annotation: false, typeChecking: tc) }
        // Defaults are evaluated where the def runs, even for generic functions.
        for parameter in view.parameters { push(parameter.defaultValue, scope: scope, annotation: false, typeChecking: tc) }
        var outer = scope
        if !view.typeParams.isEmpty {
            outer = newScope(.typeParameters, item.node, parent: scope)
            bindTypeParameters(view.typeParams, in: outer, typeChecking: tc)
        }
        if isClass {
            for base in view.bases { push(base, scope: outer, annotation: false, typeChecking: tc) }
            for keyword in view.keywords { push(keyword, scope: outer, annotation: false, typeChecking: tc) }
            let inner = newScope(.classBody, item.node, parent: outer)
            for statement in view.body { push(statement, scope: inner, annotation: false, typeChecking: tc) }
        } else {
            push(view.returns, scope: outer, annotation: true, typeChecking: tc)
            let inner = newScope(.function, item.node, parent: outer)
            bindParameters(view.parameters, in: inner, typeChecking: tc, annotationScope: outer)
            for statement in view.body { push(statement, scope: inner, annotation: false, typeChecking: tc) }
        }
    }

    private mutating func bindParameters(_ parameters: [Parameter], in scope: Int, typeChecking: Bool, annotationScope: Int?) {
        for parameter in parameters {
            bind(parameter.name.name, .parameter, scope: scope, range: parameter.name.range, node: parameter.node, typeChecking: typeChecking)
            // Policy (U23): a parameter named like an outer binding keeps it (pytest fixtures).
            use(parameter.name.name, .parameterName, scope: scope, offset: parameter.name.range.lowerBound)
            if let annotationScope { push(parameter.annotation, scope: annotationScope, annotation: true, typeChecking: typeChecking) }
        }
    }

    private mutating func bindTypeParameters(_ typeParams: [NodeID], in scope: Int, typeChecking: Bool) {
        for parameter in typeParams {
            if let name = parse.identifier(parameter, "name") {
                bind(name.name, .typeParameter, scope: scope, range: name.range, node: parameter, typeChecking: typeChecking)
            }
            push(parse.child(parameter, "bound"), scope: scope, annotation: true, typeChecking: typeChecking)
            push(parse.child(parameter, "default_value"), scope: scope, annotation: true, typeChecking: typeChecking)
        }
    }

    /// Calls whose string arguments are type expressions: `cast("T", x)`, `TypeVar("T", "A", bound="B")`.
    private mutating func visitCall(_ item: Item) {
        let node = item.node
        let function = parse.child(node, "func")
        let callee: String? = function.flatMap { f in parse.name(f)?.id ?? parse.attribute(f)?.attr.name }
        let args = parse.list(node, "args")
        var typeArguments: Set<NodeID> = []
        switch callee {
        case "cast":
            if let first = args.first { typeArguments.insert(first) }
        case "TypeVar":
            for argument in args.dropFirst() { typeArguments.insert(argument) }
            for keyword in parse.list(node, "keywords") where parse.identifier(keyword, "arg")?.name == "bound" {
                if let value = parse.child(keyword, "value") { typeArguments.insert(value) }
            }
        case "extend", "append":
            if item.scope == 0, let function, let attribute = parse.attribute(function), parse.name(attribute.value)?.id == "__all__" {
                for argument in args { collectAll(argument) }
            }
        default: break
        }
        push(function, scope: item.scope, annotation: item.annotation, typeChecking: item.typeChecking)
        for argument in args {
            push(argument, scope: item.scope, annotation: item.annotation || typeArguments.contains(argument), typeChecking: item.typeChecking)
        }
        for keyword in parse.list(node, "keywords") {
            if let name = parse.identifier(keyword, "arg") { markExplained(name.range.lowerBound) }
            let value = parse.child(keyword, "value")
            push(value, scope: item.scope, annotation: item.annotation || value.map { typeArguments.contains($0) } == true, typeChecking: item.typeChecking)
        }
    }

    // MARK: - Strings, __all__, TYPE_CHECKING

    /// Parses a forward reference and records the names it reads (nested quotes up to a few levels).
    private mutating func useStringAnnotation(_ text: String, scope: Int, depth: Int) {
        guard depth < 4, text.utf8.count < 10_000 else { return }
        let sub = PythonParser.parse(Array("(\n\(text)\n)".utf8))
        guard sub.errors.isEmpty, sub.module.exists else { return }
        var names: [String] = []
        var nested: [String] = []
        sub.walk { id in
            if let name = sub.name(id) { names.append(name.id) }
            if let value = sub.stringValue(id) { nested.append(value) }
            return true
        }
        for name in names { use(name, .stringAnnotation, scope: scope, offset: nil) }
        for value in nested { useStringAnnotation(value, scope: scope, depth: depth + 1) }
    }

    /// String entries of an `__all__` value: list/tuple literals, concatenations of them, single strings.
    private mutating func collectAll(_ value: NodeID?) {
        guard let value, value.exists else { return }
        switch parse.kind(value) {
        case .list, .tuple:
            for element in parse.list(value, "elts") { collectAll(element) }
        case .binOp:
            collectAll(parse.child(value, "left"))
            collectAll(parse.child(value, "right"))
        case .constant:
            if let text = parse.stringValue(value) {
                exportedNames.append(text)
                use(text, .dunderAll, scope: 0, offset: nil)
            }
        default: break
        }
    }

    /// Names and attribute names in an annotation expression (to recognise `TypeAlias`).
    private func annotationNames(_ node: NodeID) -> Set<String> {
        var out: Set<String> = []
        parse.walk(from: node) { id in
            if let name = parse.name(id) { out.insert(name.id) }
            if let attribute = parse.attribute(id) { out.insert(attribute.attr.name) }
            return true
        }
        return out
    }

    /// `TYPE_CHECKING` or `typing.TYPE_CHECKING` (also `typing_extensions.`, any module).
    private func isTypeCheckingTest(_ test: NodeID) -> Bool {
        if let name = parse.name(test) { return name.id == "TYPE_CHECKING" }
        if let attribute = parse.attribute(test) { return attribute.attr.name == "TYPE_CHECKING" }
        return false
    }
}
