import PythonSyntax

/// The module semantic index: Python's scopes, the names each scope binds, and every use of a name
/// resolved (LEGB) to the bindings it can refer to.
///
/// Flow-insensitive and conservative: a use resolves to *every* binding of its name in the scope
/// that Python's scoping rules select, and where the rules leave a choice at run time (a class body
/// or the module reading a name it also binds), to the candidates of the enclosing scopes as well.
/// Covered: module, class, function, lambda, comprehension and PEP 695 type-parameter scopes;
/// `global`/`nonlocal` redirecting bindings; walrus targets in comprehensions binding in the
/// enclosing function; the first iterable of a comprehension evaluated outside it; parameters,
/// defaults, decorators, bases and annotations in their right scopes; imports, assignments of every
/// form, `for`/`with`/`except` targets, `match` captures, `del` (a use and a binding), augmented
/// assignment (a use and a binding); names inside string annotations, `cast("T", x)`,
/// `TypeVar(bound="T")`, `TypeAlias` values; `__all__` entries (list/tuple/`+`/`+=`/`.extend`/
/// `.append`); `from __future__` imports; `if TYPE_CHECKING:` blocks.
///
/// Every identifier position the index accounts for is recorded (`explains(offset:)`), so a caller
/// that compares with a token scan can treat any position the index did not model as a use.
public struct SemanticIndex: Sendable {
    /// What kind of scope.
    public enum ScopeKind: UInt8, Sendable {
        case module, classBody, function, lambda, comprehension
        /// A PEP 695 annotation scope (type parameters of a generic def/class/type alias, or the
        /// lazily evaluated value of a `type` statement). It sees the names of a directly enclosing class.
        case typeParameters
    }

    /// One scope.
    public struct Scope: Sendable {
        public let kind: ScopeKind
        /// The node that opens it (the module for the module scope).
        public let node: NodeID
        /// The enclosing scope; nil for the module.
        public let parent: Int?
        /// Names declared `global` in this scope.
        public internal(set) var globals: Set<String> = []
        /// Names declared `nonlocal` in this scope.
        public internal(set) var nonlocals: Set<String> = []
        /// True when `from m import *` appears in it.
        public internal(set) var hasStarImport = false
    }

    /// How a binding is made.
    public enum BindingKind: UInt8, Sendable {
        case importAlias, futureImport, assignment, augmentedAssignment, annotatedAssignment, annotationOnly
        case loopTarget, withTarget, exceptHandler, functionDefinition, classDefinition, parameter
        case matchCapture, deletion, namedExpression, comprehensionTarget, typeParameter, typeAlias
    }

    /// One binding of a name.
    public struct Binding: Sendable {
        public let name: String
        public let kind: BindingKind
        /// The scope the binding lands in (after `global`/`nonlocal` and walrus redirection).
        public internal(set) var scope: Int
        /// The scope whose code contains it.
        public let writtenIn: Int
        /// The identifier's bytes (for an import: the whole alias, `a.b as c`).
        public let range: Range<Int>
        /// The node that makes it (the `alias` node for imports).
        public let node: NodeID
        /// Inside an `if TYPE_CHECKING:` block.
        public let isTypeChecking: Bool
        /// For `import a.b` / `from m import n`: the module imported (`a.b`, `m`).
        public let importedModule: String?
    }

    /// How a name is used.
    public enum UseKind: UInt8, Sendable {
        /// A `Name` load.
        case load
        /// `del name`.
        case deletion
        /// The read of `name += ...`.
        case augmentedAssignment
        /// A name inside a string annotation, a `cast`/`TypeVar` string or a `TypeAlias` string value.
        case stringAnnotation
        /// An `__all__` entry.
        case dunderAll
        /// A `global`/`nonlocal` declaration (counted as a use of the outer binding, conservatively).
        case declaration
        /// A parameter with the name of an outer binding (pytest fixtures imported and requested by
        /// parameter name, RELIABILITY U23). Not a use for Python; a policy keep for callers.
        case parameterName
    }

    /// One use, with the bindings it resolves to.
    public struct Use: Sendable {
        public let name: String
        public let kind: UseKind
        /// The scope the use is evaluated in.
        public let scope: Int
        /// Byte offset of the identifier (nil for names found inside strings).
        public let offset: Int?
    }

    public private(set) var scopes: [Scope] = []
    public private(set) var bindings: [Binding] = []
    public private(set) var uses: [Use] = []
    /// Entries of `__all__` written as string literals.
    public private(set) var exportedNames: [String] = []
    /// One bit per source byte, set at the start of every identifier the index accounted for.
    private var explained: [UInt64] = []
    /// Import bindings by the start offset of their alias.
    private var importByOffset: [Int: Int] = [:]

    /// Builds the index of a parsed module. A module with syntax errors gets the index of what parsed.
    public init(_ parse: ParseResult) {
        var builder = SemanticIndexBuilder(parse: parse)
        builder.build()
        scopes = builder.scopes
        bindings = builder.bindings
        uses = builder.uses
        exportedNames = builder.exportedNames
        explained = builder.explained
        resolve()
        for (index, binding) in bindings.enumerated() where binding.kind == .importAlias || binding.kind == .futureImport {
            importByOffset[binding.range.lowerBound] = index
        }
    }

    // MARK: - Questions

    /// The import binding whose alias starts at `offset` (`import a.b as c`: the offset of `a`).
    public func importBinding(at offset: Int) -> Int? { importByOffset[offset] }

    /// The import bindings, in source order.
    public var importBindings: [Int] {
        bindings.indices
            .filter { bindings[$0].kind == .importAlias || bindings[$0].kind == .futureImport }
            .sorted { bindings[$0].range.lowerBound < bindings[$1].range.lowerBound }
    }

    /// True when some use resolves to `binding`; parameter-name matches count only when asked.
    /// Resolution is done on demand (only the names asked about pay for it).
    public func isUsed(_ binding: Int, countingParameterNames: Bool = false) -> Bool {
        let name = bindings[binding].name
        return uses.indices.contains { index in
            let use = uses[index]
            return use.name == name && (countingParameterNames || use.kind != .parameterName) && resolved(index).contains(binding)
        }
    }

    /// The indices of the uses that resolve to `binding`.
    public func uses(of binding: Int) -> [Int] {
        let name = bindings[binding].name
        return uses.indices.filter { uses[$0].name == name && resolved($0).contains(binding) }
    }

    /// The bindings use `index` can refer to (empty: a builtin, or an unknown name).
    public func resolved(_ index: Int) -> [Int] {
        let use = uses[index]
        switch use.kind {
        case .dunderAll:
            return local(use.name, 0)
        case .declaration, .parameterName:
            // Resolved from the enclosing scope: the declaring scope's own bindings are redirected
            // (global/nonlocal) or are the parameter itself.
            guard let parent = scopes[use.scope].parent else { return local(use.name, 0) }
            return scopes[use.scope].globals.contains(use.name) ? local(use.name, 0) : resolve(use.name, from: parent)
        default:
            return resolve(use.name, from: use.scope)
        }
    }

    /// True when the identifier starting at `offset` is one the index modelled (a name, parameter,
    /// def/class name, keyword argument name, declared name, handler name, capture or type parameter).
    public func explains(offset: Int) -> Bool {
        guard offset >= 0, offset / 64 < explained.count else { return false }
        return explained[offset / 64] & (1 << UInt64(offset % 64)) != 0
    }

    /// The bindings a use of `name` evaluated in `scope` can refer to.
    public func resolve(_ name: String, from scope: Int) -> [Int] {
        var out: [Int] = []
        var current = scope
        // True while every scope left behind was a PEP 695 annotation scope (they see class names).
        var throughAnnotationScopesOnly = true
        var first = true
        while true {
            let s = scopes[current]
            // Class scopes are invisible from nested scopes, except from annotation scopes directly in them.
            if s.kind == .classBody, !first, !throughAnnotationScopesOnly {
                guard let parent = s.parent else { return out }
                current = parent
                continue
            }
            if s.globals.contains(name) {
                out += local(name, 0)
                return out
            }
            if !s.nonlocals.contains(name) {
                let here = local(name, current)
                if !here.isEmpty {
                    out += here
                    // A class body or the module reading a name it binds may still read the outer one
                    // (before the binding runs): keep looking, conservatively.
                    if s.kind != .classBody { return out }
                }
            }
            guard let parent = s.parent else { return out }
            throughAnnotationScopesOnly = throughAnnotationScopesOnly && s.kind == .typeParameters
            first = false
            current = parent
        }
    }

    private func local(_ name: String, _ scope: Int) -> [Int] { localTable[scope][name] ?? [] }
    private var localTable: [[String: [Int]]] = []

    // MARK: - Resolution

    private mutating func resolve() {
        // Redirect bindings of names declared global / nonlocal.
        var raw: [[String: [Int]]] = Array(repeating: [:], count: scopes.count)
        for (index, binding) in bindings.enumerated() { raw[binding.scope][binding.name, default: []].append(index) }
        func isLocal(_ name: String, _ scope: Int) -> Bool {
            raw[scope][name] != nil && !scopes[scope].globals.contains(name) && !scopes[scope].nonlocals.contains(name)
        }
        let declaring = Set(scopes.indices.filter { !scopes[$0].globals.isEmpty || !scopes[$0].nonlocals.isEmpty })
        guard !declaring.isEmpty else {
            localTable = raw
            return
        }
        for index in bindings.indices where declaring.contains(bindings[index].scope) {
            let name = bindings[index].name
            var target = bindings[index].scope
            var hops = 0
            while hops < 1000 {
                hops += 1
                let s = scopes[target]
                if s.globals.contains(name) { target = 0; break }
                guard s.nonlocals.contains(name) else { break }
                // The nearest enclosing function-like scope that binds the name.
                var candidate = s.parent
                while let c = candidate, scopes[c].kind == .classBody || scopes[c].kind == .module || !(isLocal(name, c) || scopes[c].nonlocals.contains(name) || scopes[c].globals.contains(name)) {
                    if scopes[c].kind == .module { candidate = nil; break }
                    candidate = scopes[c].parent
                }
                guard let found = candidate else { break }
                target = found
            }
            bindings[index].scope = target
        }
        localTable = Array(repeating: [:], count: scopes.count)
        for (index, binding) in bindings.enumerated() { localTable[binding.scope][binding.name, default: []].append(index) }
    }
}
