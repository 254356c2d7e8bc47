extension Parser {
    /// True if the current token can begin an expression (used after a trailing comma).
    var atExpressionStart: Bool {
        switch kind {
        case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .star,
             .ellipsis, .kwNone, .kwTrue, .kwFalse, .kwNot, .kwLambda, .kwAwait:
            return true
        default: return false
        }
    }

    /// Inside brackets, two expressions in a row get CPython's "Perhaps you forgot a comma?" error
    /// at the first one (its `invalid_expression` rule).
    mutating func checkMissingComma(_ element: Int32) {
        guard ok, element >= 0, atExpressionStart, kind != .minus, kind != .plus, kind != .star else { return }
        let r = tree.nodes[Int(element)]
        // CPython skips `NAME STRING` (print "x") and expressions starting with a soft keyword.
        let softKeyword = [StaticString("match"), "case", "type", "_"].contains { word in
            Int(r.end - r.start) >= word.utf8CodeUnitCount && src[Int(r.start)..<Int(r.start) + word.utf8CodeUnitCount]
                .elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
                && (Int(r.end - r.start) == word.utf8CodeUnitCount || !isIdentChar(src[Int(r.start) + word.utf8CodeUnitCount]))
        }
        if (r.kind == .name && (kind == .string || kind == .fstringStart)) || softKeyword { failHere(); return }
        // The second expression must parse; reading it may run into a tokenizer error, which then wins.
        // CPython's PEG parser accepts any expression *prefix* here, so only the first operand
        // (after prefix operators) has to parse: an atom, or a whole lambda.
        // It also reads ahead greedily: reaching a tokenizer error on the way makes that error win.
        let saved = save()
        inCommaCheck = true
        _ = parseExpression()
        let hitTokenizerError = toks[p].kind == .errorToken || (errorTokenIndex.map { furthest >= $0 } ?? false)
        restore(saved)
        while [.minus, .plus, .tilde, .kwNot, .kwAwait].contains(kind) { advance() }
        _ = kind == .kwLambda ? parseLambda() : parseAtom()
        inCommaCheck = false
        let parsed = ok
        restore(saved)
        if hitTokenizerError, let e = tokenizerError { error = e; return }
        if parsed {
            fail(r.start, "invalid syntax. Perhaps you forgot a comma?")
        } else {
            failHere()
        }
    }

    /// `star_expressions: star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression`
    mutating func parseStarExpressions() -> Int32 {
        let s = curStart
        let first = parseStarExpression()
        guard ok, kind == .comma else { return first }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if !atExpressionStart { break }
            scratch.append(parseStarExpression())
        }
        let list = finishList(mark)
        return node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, list)
    }

    /// `star_expression: '*' bitwise_or | expression`
    mutating func parseStarExpression() -> Int32 {
        if kind == .star {
            let s = curStart
            advance()
            let v = parseBitOr()
            return node(.starred, s, lastEnd, aux: ExprContext.load.rawValue, v)
        }
        return parseExpression()
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']` as a Tuple when there is a comma
    /// (match subjects, `for` iterables are star_expressions).
    mutating func parseStarNamedExpressionsTuple() -> Int32 {
        let s = curStart
        let first = parseStarNamedExpression()
        guard ok, kind == .comma else { return first }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if !atExpressionStart { break }
            scratch.append(parseStarNamedExpression())
        }
        return node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, finishList(mark))
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    mutating func parseStarNamedExpression() -> Int32 {
        if kind == .star {
            let s = curStart
            advance()
            let v = parseBitOr()
            return node(.starred, s, lastEnd, aux: ExprContext.load.rawValue, v)
        }
        return parseNamedExpression()
    }

    /// `named_expression: NAME ':=' expression | expression !':='`
    mutating func parseNamedExpression() -> Int32 {
        if kind == .name && peekKind(1) == .colonEqual {
            let s = curStart
            let target = node(.name, s, curEnd, aux: ExprContext.store.rawValue, s)
            advance(); advance()
            let value = parseExpression()
            return node(.namedExpr, s, lastEnd, target, value)
        }
        let e = parseExpression()
        if ok && kind == .colonEqual {
            failHere("cannot use assignment expressions with \(describe(e))")
        }
        return e
    }

    /// `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    mutating func parseExpression() -> Int32 {
        guard enter() else { return -1 }
        defer { leave() }
        if kind == .kwLambda { return parseLambda() }
        let s = curStart
        let body = parseDisjunction()
        // In valid code no expression inside brackets is directly followed by another one.
        if nesting > 0 && ok && atExpressionStart && !inCommaCheck { checkMissingComma(body); return -1 }
        guard ok, kind == .kwIf else { return body }
        advance()
        let test = parseDisjunction()
        guard ok else { return -1 }
        if kind != .kwElse {
            // CPython points at the start of the whole conditional expression.
            if kind == .colon { failHere() } else { fail(s, "expected 'else' after 'if' expression") }
            return -1
        }
        advance()
        let orelse = parseExpression()
        return node(.ifExp, s, lastEnd, test, body, orelse)
    }

    /// `disjunction: conjunction ('or' conjunction)+ | conjunction`
    mutating func parseDisjunction() -> Int32 {
        let s = curStart
        let first = parseConjunction()
        guard ok, kind == .kwOr else { return first }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .kwOr {
            advance()
            scratch.append(parseConjunction())
        }
        return node(.boolOp, s, lastEnd, aux: BoolOperator.or.rawValue, finishList(mark))
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    mutating func parseConjunction() -> Int32 {
        let s = curStart
        let first = parseInversion()
        guard ok, kind == .kwAnd else { return first }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .kwAnd {
            advance()
            scratch.append(parseInversion())
        }
        return node(.boolOp, s, lastEnd, aux: BoolOperator.and.rawValue, finishList(mark))
    }

    /// `inversion: 'not' inversion | comparison`
    mutating func parseInversion() -> Int32 {
        if kind == .kwNot {
            guard enter() else { return -1 }
            defer { leave() }
            let s = curStart
            advance()
            let v = parseInversion()
            return node(.unaryOp, s, lastEnd, aux: UnaryOperator.not.rawValue, v)
        }
        return parseComparison()
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    mutating func parseComparison() -> Int32 {
        let s = curStart
        let left = parseBitOr()
        guard ok else { return -1 }
        var ops: [Int32] = []
        let mark = scratch.count
        while ok, compareOp(kind, &ops) != nil {
            advance()
            scratch.append(parseBitOr())
        }
        if ops.isEmpty { scratch.removeSubrange(mark...); return left }
        let opsList = tree.makeList(ops[...])
        return node(.compare, s, lastEnd, left, opsList, finishList(mark))
    }

    /// Maps the current token to a comparison operator, consuming the first word of two-word
    /// operators (`is not`, `not in`); returns nil when the token is not a comparison.
    mutating func compareOp(_ k: TokenKind, _ ops: inout [Int32]) -> CompareOperator? {
        let op: CompareOperator
        switch k {
        case .eqEqual: op = .eq
        case .notEqual: op = .notEq
        case .less: op = .lt
        case .lessEqual: op = .ltE
        case .greater: op = .gt
        case .greaterEqual: op = .gtE
        case .kwIn: op = .in
        case .kwIs:
            if peekKind(1) == .kwNot { advance(); op = .isNot } else { op = .is }
        case .kwNot:
            guard peekKind(1) == .kwIn else { return nil }
            advance(); op = .notIn
        default: return nil
        }
        ops.append(Int32(op.rawValue))
        return op
    }

    static func binaryPrecedence(_ k: TokenKind) -> (Int, BinaryOperator)? {
        switch k {
        case .vbar: return (1, .bitOr)
        case .circumflex: return (2, .bitXor)
        case .amper: return (3, .bitAnd)
        case .leftShift: return (4, .lShift)
        case .rightShift: return (4, .rShift)
        case .plus: return (5, .add)
        case .minus: return (5, .sub)
        case .star: return (6, .mult)
        case .slash: return (6, .div)
        case .doubleSlash: return (6, .floorDiv)
        case .percent: return (6, .mod)
        case .at: return (6, .matMult)
        default: return nil
        }
    }

    /// `bitwise_or` down to `term`: left-associative binary operators by precedence climbing.
    mutating func parseBitOr() -> Int32 { parseBinary(1) }

    mutating func parseBinary(_ minPrec: Int) -> Int32 {
        let s = curStart
        var left = parseFactor()
        while ok, let (prec, op) = Parser.binaryPrecedence(kind), prec >= minPrec {
            advance()
            let right = parseBinary(prec + 1)
            left = node(.binOp, s, lastEnd, aux: op.rawValue, left, right)
        }
        return left
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power`
    mutating func parseFactor() -> Int32 {
        let op: UnaryOperator
        switch kind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return parsePower()
        }
        guard enter() else { return -1 }
        defer { leave() }
        let s = curStart
        advance()
        let v = parseFactor()
        return node(.unaryOp, s, lastEnd, aux: op.rawValue, v)
    }

    /// `power: await_primary '**' factor | await_primary`
    mutating func parsePower() -> Int32 {
        let s = curStart
        let left = parseAwaitPrimary()
        guard ok, kind == .doubleStar else { return left }
        guard enter() else { return -1 }
        defer { leave() }
        advance()
        let right = parseFactor()
        return node(.binOp, s, lastEnd, aux: BinaryOperator.pow.rawValue, left, right)
    }

    /// `await_primary: 'await' primary | primary`
    mutating func parseAwaitPrimary() -> Int32 {
        if kind == .kwAwait {
            let s = curStart
            advance()
            let v = parsePrimary()
            return node(.await, s, lastEnd, v)
        }
        return parsePrimary()
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom`
    mutating func parsePrimary() -> Int32 {
        let s = curStart
        var e = parseAtom()
        while ok {
            switch kind {
            case .dot:
                advance()
                guard kind == .name else { failHere(); return -1 }
                let attr = curStart
                advance()
                e = node(.attribute, s, lastEnd, aux: ExprContext.load.rawValue, e, attr)
            case .lpar:
                let (args, keywords) = parseCallArguments()
                e = node(.call, s, lastEnd, e, args, keywords)
            case .lsqb:
                advance()
                nesting += 1
                let slice = parseSlices()
                nesting -= 1
                guard expect(.rsqb) else { return -1 }
                e = node(.subscript, s, lastEnd, aux: ExprContext.load.rawValue, e, slice)
            default:
                return e
            }
        }
        return e
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    mutating func parseSlices() -> Int32 {
        let s = curStart
        let first = parseSliceItem()
        guard ok else { return -1 }
        if kind != .comma {
            if kindOf(first) == .starred {
                let list = tree.makeList([first][...])
                return node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, list)
            }
            return first
        }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if kind == .rsqb { break }
            scratch.append(parseSliceItem())
        }
        return node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, finishList(mark))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression` (or a starred item)
    mutating func parseSliceItem() -> Int32 {
        let s = curStart
        if kind == .star {
            advance()
            let v = parseBitOr()
            return node(.starred, s, lastEnd, aux: ExprContext.load.rawValue, v)
        }
        var lower: Int32 = -1
        if kind != .colon {
            lower = parseNamedExpression()
            guard ok, kind == .colon else { return lower }
        }
        advance()  // ':'
        var upper: Int32 = -1, step: Int32 = -1
        if kind != .colon && kind != .comma && kind != .rsqb { upper = parseExpression() }
        if ok && kind == .colon {
            advance()
            if kind != .comma && kind != .rsqb { step = parseExpression() }
        }
        return node(.slice, s, lastEnd, lower, upper, step)
    }

    /// `atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list | listcomp | dict | set | dictcomp | setcomp | '...'`
    mutating func parseAtom() -> Int32 {
        let s = curStart, e = curEnd
        switch kind {
        case .name:
            advance()
            return node(.name, s, e, aux: ExprContext.load.rawValue, s)
        case .number:
            let ck = numberKind(s, e)
            let idx = Int32(p)
            advance()
            return node(.constant, s, e, ck.rawValue, idx, idx)
        case .string, .fstringStart:
            return parseStrings()
        case .kwNone: advance(); return node(.constant, s, e, ConstantKind.none.rawValue)
        case .kwTrue: advance(); return node(.constant, s, e, ConstantKind.true.rawValue)
        case .kwFalse: advance(); return node(.constant, s, e, ConstantKind.false.rawValue)
        case .ellipsis: advance(); return node(.constant, s, e, ConstantKind.ellipsis.rawValue)
        case .lpar: return parseParenthesized()
        case .lsqb: return parseListDisplay()
        case .lbrace: return parseBraceDisplay()
        default:
            failHere()
            return -1
        }
    }

    func numberKind(_ s: Int32, _ e: Int32) -> ConstantKind {
        let last = src[Int(e) - 1] | 0x20
        if last == 106 { return .complex }  // j
        if e - s > 1 && src[Int(s)] == 48 {
            let x = src[Int(s) + 1] | 0x20
            if x == 120 || x == 111 || x == 98 { return .int }
        }
        var i = Int(s)
        while i < Int(e) {
            let c = src[i]
            if c == 46 || c | 0x20 == 101 { return .float }
            i += 1
        }
        return .int
    }

    /// `group: '(' (yield_expr | named_expression) ')'`, `tuple`, `genexp`
    mutating func parseParenthesized() -> Int32 {
        guard enter() else { return -1 }
        nesting += 1
        defer { leave(); nesting -= 1 }
        let s = curStart
        advance()
        if kind == .rpar {
            advance()
            return node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, 0)
        }
        if kind == .kwYield {
            let y = parseYieldExpression()
            guard expect(.rpar) else { return -1 }
            markParenthesized(y)
            return y
        }
        let first = parseStarNamedExpression()
        guard ok else { return -1 }
        if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
            let gens = parseComprehensionClauses()
            guard expect(.rpar) else { return -1 }
            return node(.generatorExp, s, lastEnd, first, gens)
        }
        if kind == .rpar {
            advance()
            if kindOf(first) == .starred {
                fail(start(first), "cannot use starred expression here")
                return -1
            }
            markParenthesized(first)
            return first
        }
        guard ok, kind == .comma else { failHere(); return -1 }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if kind == .rpar { break }
            let e = parseStarNamedExpression()
            scratch.append(e)
        }
        guard ok, expect(.rpar) else { return -1 }
        let t = node(.tuple, s, lastEnd, aux: ExprContext.load.rawValue, finishList(mark))
        markParenthesized(t)
        return t
    }

    /// `list: '[' [star_named_expressions] ']'`, `listcomp: '[' named_expression for_if_clauses ']'`
    mutating func parseListDisplay() -> Int32 {
        guard enter() else { return -1 }
        nesting += 1
        defer { leave(); nesting -= 1 }
        let s = curStart
        advance()
        if kind == .rsqb {
            advance()
            return node(.list, s, lastEnd, aux: ExprContext.load.rawValue, 0)
        }
        let first = parseStarNamedExpression()
        guard ok else { return -1 }
        if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
            let gens = parseComprehensionClauses()
            guard expect(.rsqb) else { return -1 }
            return node(.listComp, s, lastEnd, first, gens)
        }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if kind == .rsqb { break }
            let e = parseStarNamedExpression()
            scratch.append(e)
        }
        guard ok, expect(.rsqb) else { return -1 }
        return node(.list, s, lastEnd, aux: ExprContext.load.rawValue, finishList(mark))
    }

    /// `dict`, `set`, `dictcomp`, `setcomp`: `'{' ... '}'`
    mutating func parseBraceDisplay() -> Int32 {
        guard enter() else { return -1 }
        nesting += 1
        defer { leave(); nesting -= 1 }
        let s = curStart
        advance()
        if kind == .rbrace {
            advance()
            return node(.dict, s, lastEnd, 0, 0)
        }
        // First item decides dict or set.
        var firstKey: Int32 = -1, firstValue: Int32 = -1
        if kind == .doubleStar {
            advance()
            firstValue = parseBitOr()
        } else {
            let first = parseStarNamedExpression()
            guard ok else { return -1 }
            if kind == .colon {
                advance()
                firstKey = first
                firstValue = parseExpression()
                guard ok else { return -1 }
                if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
                    let gens = parseComprehensionClauses()
                    guard expect(.rbrace) else { return -1 }
                    return node(.dictComp, s, lastEnd, firstKey, firstValue, gens)
                }
            } else {
                // Set or set comprehension.
                if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
                    let gens = parseComprehensionClauses()
                    guard expect(.rbrace) else { return -1 }
                    return node(.setComp, s, lastEnd, first, gens)
                }
                let mark = scratch.count
                scratch.append(first)
                while ok && kind == .comma {
                    advance()
                    if kind == .rbrace { break }
                    let e = parseStarNamedExpression()
                    scratch.append(e)
                }
                guard ok, expect(.rbrace) else { return -1 }
                return node(.set, s, lastEnd, finishList(mark))
            }
        }
        guard ok else { return -1 }
        var keys: [Int32] = [firstKey]
        var values: [Int32] = [firstValue]
        while ok && kind == .comma {
            advance()
            if kind == .rbrace { break }
            if kind == .doubleStar {
                advance()
                keys.append(-1)
                values.append(parseBitOr())
            } else {
                keys.append(parseExpression())
                guard ok, expect(.colon, ":") else { return -1 }
                values.append(parseExpression())
            }
        }
        guard ok, expect(.rbrace) else { return -1 }
        let k = tree.makeList(keys[...]), v = tree.makeList(values[...])
        return node(.dict, s, lastEnd, k, v)
    }

    /// `for_if_clauses: ('async'? 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+`
    mutating func parseComprehensionClauses() -> Int32 {
        let mark = scratch.count
        while ok && (kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor)) {
            let s = curStart
            var isAsync: Int32 = 0
            if kind == .kwAsync { isAsync = 1; advance() }
            advance()  // for
            let target = parseStarTargets()
            guard ok else { return 0 }
            guard expect(.kwIn, "in") else { return 0 }
            let iter = parseDisjunction()
            let ifMark = scratch.count
            while ok && kind == .kwIf {
                advance()
                scratch.append(parseDisjunction())
            }
            let ifs = finishList(ifMark)
            scratch.append(node(.comprehension, s, lastEnd, target, iter, ifs, isAsync))
        }
        return finishList(mark)
    }

    /// `arguments: args [','] &')'` — returns (args list, keywords list); consumes the parentheses.
    /// A generator expression as the only argument takes the parentheses as its range.
    mutating func parseCallArguments() -> (Int32, Int32) {
        guard enter() else { return (0, 0) }
        nesting += 1
        defer { leave(); nesting -= 1 }
        let lpar = curStart
        advance()
        let argMark = scratch.count
        var keywords: [Int32] = []
        var count = 0
        var positionalAfterKeyword: String?
        while ok && kind != .rpar {
            let s = curStart
            if kind == .star {
                if keywords.contains(where: { tree.nodes[Int($0)].a < 0 }) {
                    failHere("iterable argument unpacking follows keyword argument unpacking")
                    break
                }
                advance()
                let v = parseExpression()
                scratch.append(node(.starred, s, lastEnd, aux: ExprContext.load.rawValue, v))
            } else if kind == .doubleStar {
                advance()
                let v = parseExpression()
                keywords.append(node(.keyword, s, lastEnd, -1, v))
            } else if kind == .name && peekKind(1) == .equal {
                advance(); advance()
                let v = parseExpression()
                keywords.append(node(.keyword, s, lastEnd, s, v))
            } else {
                let e = parseNamedExpression()
                guard ok else { break }
                if kind == .kwFor || (kind == .kwAsync && peekKind(1) == .kwFor) {
                    let gens = parseComprehensionClauses()
                    guard ok else { break }
                    if count == 0 && kind == .rpar && keywords.isEmpty {
                        advance()
                        let g = node(.generatorExp, lpar, lastEnd, e, gens)
                        scratch.append(g)
                        let args = finishList(argMark)
                        return (args, 0)
                    }
                    fail(s, "Generator expression must be parenthesized")
                    break
                }
                if !keywords.isEmpty && kindOf(e) != .starred && positionalAfterKeyword == nil {
                    // CPython reports this after reading the whole argument list (at its last token).
                    positionalAfterKeyword = keywords.contains(where: { tree.nodes[Int($0)].a < 0 })
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument"
                }
                scratch.append(e)
            }
            count += 1
            guard ok else { break }
            if kind == .comma { advance() } else { break }
        }
        guard ok, expect(.rpar) else { scratch.removeSubrange(argMark...); return (0, 0) }
        if let message = positionalAfterKeyword {
            fail(lastEnd - 1, message)
            scratch.removeSubrange(argMark...)
            return (0, 0)
        }
        let args = finishList(argMark)
        return (args, tree.makeList(keywords[...]))
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    mutating func parseYieldExpression() -> Int32 {
        let s = curStart
        advance()
        if kind == .kwFrom {
            advance()
            let v = parseExpression()
            return node(.yieldFrom, s, lastEnd, v)
        }
        if atExpressionStart {
            let v = parseStarExpressions()
            return node(.yield, s, lastEnd, v)
        }
        return node(.yield, s, lastEnd, -1)
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    mutating func parseLambda() -> Int32 {
        let s = curStart
        advance()
        let args = parseParameters(closing: .colon, annotations: false)
        guard ok, expect(.colon, ":") else { return -1 }
        let body = parseExpression()
        return node(.lambda, s, lastEnd, args, body)
    }

    // MARK: - Targets

    /// `star_targets`: comma-separated `'*'? target` as a Tuple when there is a comma. Targets are
    /// parsed at `bitwise_or` level (so `in` ends them) and then checked and set to Store.
    mutating func parseStarTargets() -> Int32 {
        let s = curStart
        let first = parseStarTarget()
        guard ok else { return -1 }
        if kind != .comma { return setContext(first, .store) ? first : -1 }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if !atExpressionStart || kind == .kwNot || kind == .kwLambda { break }
            scratch.append(parseStarTarget())
        }
        let t = node(.tuple, s, lastEnd, aux: ExprContext.store.rawValue, finishList(mark))
        return setContext(t, .store) ? t : -1
    }

    mutating func parseStarTarget() -> Int32 {
        if kind == .star {
            let s = curStart
            advance()
            let v = parseBitOr()
            return node(.starred, s, lastEnd, aux: ExprContext.load.rawValue, v)
        }
        return parseBitOr()
    }

    /// Sets the context of an assignment / deletion target; records CPython's error for invalid ones.
    mutating func setContext(_ id: Int32, _ ctx: ExprContext) -> Bool {
        guard id >= 0 else { return false }
        let r = tree.nodes[Int(id)]
        switch r.kind {
        case .name, .attribute, .subscript:
            tree.nodes[Int(id)].aux = ctx.rawValue
            return true
        case .starred where ctx != .del:
            tree.nodes[Int(id)].aux = ctx.rawValue
            return setContext(r.a, ctx)
        case .tuple, .list:
            tree.nodes[Int(id)].aux = ctx.rawValue
            for item in tree.listSlice(r.a) where !setContext(item, ctx) { return false }
            return true
        default:
            let verb = ctx == .del ? "delete" : "assign to"
            fail(r.start, "cannot \(verb) \(describe(id))")
            return false
        }
    }

    /// CPython's description of an expression in error messages.
    func describe(_ id: Int32) -> String {
        guard id >= 0 else { return "expression" }
        switch kindOf(id) {
        case .call: return "function call"
        case .constant:
            switch ConstantKind(rawValue: tree.nodes[Int(id)].a) {
            case .none?: return "None"
            case .true?: return "True"
            case .false?: return "False"
            case .ellipsis?: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .binOp, .unaryOp, .boolOp: return "expression"
        case .lambda: return "lambda"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .joinedStr: return "f-string expression"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .generatorExp: return "generator expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .tuple: return "tuple"
        case .list: return "list"
        default: return "expression"
        }
    }
}
