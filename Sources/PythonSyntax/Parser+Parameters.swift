extension Parser {
    /// `params` / `lambda_params`: positional-only (`/`), regular, `*args` or bare `*`, keyword-only,
    /// `**kwargs`, with defaults and (for `def`) annotations. Stops before `closing`.
    mutating func parseParameters(closing: TokenKind, annotations: Bool) -> Int32 {
        if closing == .rpar { nesting += 1 }
        defer { if closing == .rpar { nesting -= 1 } }
        var posonly: [Int32] = [], args: [Int32] = [], defaults: [Int32] = []
        var kwonly: [Int32] = [], kwDefaults: [Int32] = []
        var vararg: Int32 = -1, kwarg: Int32 = -1
        var seenStar = false, seenSlash = false
        let s = curStart
        while ok && kind != closing {
            let before = p
            switch kind {
            case .slash:
                if seenSlash { failHere("/ may appear only once"); return -1 }
                if seenStar { failHere("/ must be ahead of *"); return -1 }
                if args.isEmpty { failHere("at least one argument must precede /"); return -1 }
                posonly = args
                args = []
                seenSlash = true
                advance()
            case .star:
                if seenStar { failHere("* argument may appear only once"); return -1 }
                seenStar = true
                advance()
                if kind == .name {
                    vararg = parseParameter(annotations: annotations, starAnnotation: true)
                } else if kind != .comma {
                    failHere("named arguments must follow bare *")
                    return -1
                }
            case .doubleStar:
                advance()
                guard kind == .name else { failHere(); return -1 }
                kwarg = parseParameter(annotations: annotations, starAnnotation: false)
                if ok && kind == .equal { failHere("var-keyword argument cannot have default value"); return -1 }
            case .name:
                let a = parseParameter(annotations: annotations, starAnnotation: false)
                var d: Int32 = -1
                if ok && kind == .equal {
                    advance()
                    d = parseExpression()
                }
                guard ok else { return -1 }
                if seenStar {
                    kwonly.append(a)
                    kwDefaults.append(d)
                } else {
                    if d >= 0 {
                        defaults.append(d)
                    } else if !defaults.isEmpty {
                        fail(start(a), "parameter without a default follows parameter with a default")
                        return -1
                    }
                    args.append(a)
                }
            default:
                failHere()
                return -1
            }
            guard ok else { return -1 }
            if kwarg >= 0 {
                _ = accept(.comma)
                if kind != closing { failHere("arguments cannot follow var-keyword argument"); return -1 }
                break
            }
            if !accept(.comma) { break }
            if p == before { failHere(); return -1 }
        }
        guard ok else { return -1 }
        if seenStar && vararg < 0 && kwonly.isEmpty {
            fail(s, "named arguments must follow bare *")
            return -1
        }
        var r = NodeRecord(.arguments, s, lastEnd)
        r.a = tree.makeList(posonly[...]); r.b = tree.makeList(args[...]); r.c = vararg
        r.d = tree.makeList(kwonly[...]); r.e = tree.makeList(kwDefaults[...]); r.f = kwarg
        r.g = tree.makeList(defaults[...])
        return tree.add(r)
    }

    /// `param: NAME annotation?` (`star_annotation` for `*args: *Ts`)
    mutating func parseParameter(annotations: Bool, starAnnotation: Bool) -> Int32 {
        let s = curStart
        advance()
        var annotation: Int32 = -1
        if annotations && kind == .colon {
            advance()
            annotation = starAnnotation ? parseStarExpression() : parseExpression()
        }
        return node(.arg, s, lastEnd, s, annotation)
    }

    /// `type_params: '[' type_param_seq ']'`
    mutating func parseTypeParams() -> Int32 {
        advance()
        let mark = scratch.count
        while ok && kind != .rsqb {
            let s = curStart
            switch kind {
            case .name:
                advance()
                var bound: Int32 = -1, def: Int32 = -1
                if kind == .colon { advance(); bound = parseExpression() }
                if ok && kind == .equal { advance(); def = parseExpression() }
                scratch.append(node(.typeVar, s, lastEnd, s, bound, def))
            case .star, .doubleStar:
                let isStar = kind == .star
                advance()
                guard kind == .name else { failHere(); return 0 }
                let name = curStart
                advance()
                if kind == .colon {
                    failHere(isStar ? "cannot use bound with TypeVarTuple" : "cannot use bound with ParamSpec")
                    return 0
                }
                var def: Int32 = -1
                if kind == .equal { advance(); def = isStar ? parseStarExpression() : parseExpression() }
                scratch.append(node(isStar ? .typeVarTuple : .paramSpec, s, lastEnd, name, def))
            default:
                failHere()
                return 0
            }
            if !accept(.comma) { break }
        }
        guard ok else { return 0 }
        if scratch.count == mark { failHere("Type parameter list cannot be empty"); return 0 }
        guard expect(.rsqb) else { return 0 }
        return finishList(mark)
    }
}
