extension Parser {
    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT`
    ///
    /// `match` is a soft keyword: the header is tried first and, when it does not fit, the tokens are
    /// parsed again as an ordinary statement. Returns nil in that case.
    mutating func tryParseMatch() -> Int32? {
        let saved = save()
        let s = curStart
        advance()
        guard atExpressionStart || kind == .kwNot || kind == .kwLambda else { restore(saved); return nil }
        let subject = parseStarNamedExpressionsTuple()
        guard ok, kind == .colon, peekKind(1) == .newline else { restore(saved); return nil }
        advance()
        advance()
        guard kind == .indent else {
            fail(curStart, "expected an indented block after 'match' statement on line \(lineNumber(s))")
            return -1
        }
        advance()
        let mark = scratch.count
        while ok && isSoftKeyword("case") {
            scratch.append(parseCase())
        }
        guard ok else { return -1 }
        if scratch.count == mark { failHere(); return -1 }
        guard expect(.dedent) else { return -1 }
        let cases = finishList(mark)
        return node(.match, s, lastEnd, subject, cases)
    }

    /// `case_block: "case" patterns guard? ':' block`
    mutating func parseCase() -> Int32 {
        let s = curStart
        advance()
        let pattern = parsePatterns()
        guard ok else { return -1 }
        var guardExpr: Int32 = -1
        if kind == .kwIf {
            advance()
            guardExpr = parseNamedExpression()
        }
        guard ok, expectColon() else { return -1 }
        let body = parseBlock("'case' statement", s)
        guard ok else { return -1 }
        return node(.matchCase, s, lastEnd, pattern, guardExpr, body)
    }

    /// `patterns: open_sequence_pattern | pattern`
    mutating func parsePatterns() -> Int32 {
        let s = curStart
        let first = parseMaybeStarPattern()
        guard ok else { return -1 }
        if kind != .comma {
            if kindOf(first) == .matchStar { fail(s, "invalid syntax"); return -1 }
            return first
        }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .comma {
            advance()
            if kind == .colon || kind == .kwIf { break }
            scratch.append(parseMaybeStarPattern())
        }
        guard ok else { return -1 }
        return node(.matchSequence, s, lastEnd, finishList(mark))
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    mutating func parseMaybeStarPattern() -> Int32 {
        if kind == .star {
            let s = curStart
            advance()
            guard kind == .name else { failHere(); return -1 }
            let name: Int32 = isSoftKeyword("_") ? -1 : curStart
            advance()
            return node(.matchStar, s, lastEnd, name)
        }
        return parsePattern()
    }

    /// `pattern: as_pattern | or_pattern`; `as_pattern: or_pattern 'as' pattern_capture_target`
    mutating func parsePattern() -> Int32 {
        guard enter() else { return -1 }
        defer { leave() }
        let s = curStart
        let p0 = parseOrPattern()
        guard ok, kind == .kwAs else { return p0 }
        advance()
        guard kind == .name else { failHere(); return -1 }
        if isSoftKeyword("_") { failHere("cannot use '_' as a target"); return -1 }
        let name = curStart
        advance()
        return node(.matchAs, s, lastEnd, p0, name)
    }

    /// `or_pattern: '|'.closed_pattern+`
    mutating func parseOrPattern() -> Int32 {
        let s = curStart
        let first = parseClosedPattern()
        guard ok, kind == .vbar else { return first }
        let mark = scratch.count
        scratch.append(first)
        while ok && kind == .vbar {
            advance()
            scratch.append(parseClosedPattern())
        }
        return node(.matchOr, s, lastEnd, finishList(mark))
    }

    /// `closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern | group_pattern | sequence_pattern | mapping_pattern | class_pattern`
    mutating func parseClosedPattern() -> Int32 {
        let s = curStart, e = curEnd
        switch kind {
        case .number, .minus:
            let v = parseSignedNumberOrComplex()
            return node(.matchValue, s, lastEnd, v)
        case .string, .fstringStart:
            let v = parseStrings()
            return node(.matchValue, s, lastEnd, v)
        case .kwNone: advance(); return node(.matchSingleton, s, e, ConstantKind.none.rawValue)
        case .kwTrue: advance(); return node(.matchSingleton, s, e, ConstantKind.true.rawValue)
        case .kwFalse: advance(); return node(.matchSingleton, s, e, ConstantKind.false.rawValue)
        case .name:
            let wildcard = isSoftKeyword("_")
            let dotted = peekKind(1) == .dot
            if !dotted && peekKind(1) != .lpar {
                advance()
                return node(.matchAs, s, e, -1, wildcard ? -1 : s)
            }
            let value = parseNameOrAttribute()
            guard ok else { return -1 }
            if kind == .lpar { return parseClassPattern(s, value) }
            return node(.matchValue, s, lastEnd, value)
        case .lpar:
            advance()
            if kind == .rpar { advance(); return node(.matchSequence, s, lastEnd, 0) }
            let first = parseMaybeStarPattern()
            guard ok else { return -1 }
            if kind == .rpar {
                advance()
                if kindOf(first) == .matchStar { return node(.matchSequence, s, lastEnd, tree.makeList([first][...])) }
                return first
            }
            guard kind == .comma else { failHere(); return -1 }
            let mark = scratch.count
            scratch.append(first)
            while ok && kind == .comma {
                advance()
                if kind == .rpar { break }
                scratch.append(parseMaybeStarPattern())
            }
            guard ok, expect(.rpar) else { return -1 }
            return node(.matchSequence, s, lastEnd, finishList(mark))
        case .lsqb:
            advance()
            let mark = scratch.count
            while ok && kind != .rsqb {
                scratch.append(parseMaybeStarPattern())
                if !accept(.comma) { break }
            }
            guard ok, expect(.rsqb) else { return -1 }
            return node(.matchSequence, s, lastEnd, finishList(mark))
        case .lbrace:
            return parseMappingPattern()
        default:
            failHere()
            return -1
        }
    }

    /// `name_or_attr: attr | NAME` as a Name or Attribute chain (Load).
    mutating func parseNameOrAttribute() -> Int32 {
        let s = curStart
        var v = node(.name, s, curEnd, aux: ExprContext.load.rawValue, s)
        advance()
        while ok && kind == .dot {
            advance()
            guard kind == .name else { failHere(); return -1 }
            let attr = curStart
            advance()
            v = node(.attribute, s, lastEnd, aux: ExprContext.load.rawValue, v, attr)
        }
        return v
    }

    /// `signed_number` and `complex_number`: `-1`, `1 + 2j`, `-1 - 2j`
    mutating func parseSignedNumberOrComplex() -> Int32 {
        let s = curStart
        var left: Int32
        if kind == .minus {
            advance()
            guard kind == .number else { failHere(); return -1 }
            let n = parseAtom()
            left = node(.unaryOp, s, lastEnd, aux: UnaryOperator.uSub.rawValue, n)
        } else {
            left = parseAtom()
        }
        guard ok, kind == .plus || kind == .minus else { return left }
        let op: BinaryOperator = kind == .plus ? .add : .sub
        advance()
        guard kind == .number, numberKind(curStart, curEnd) == .complex else {
            failHere("imaginary number required in complex literal")
            return -1
        }
        let right = parseAtom()
        return node(.binOp, s, lastEnd, aux: op.rawValue, left, right)
    }

    /// `class_pattern: name_or_attr '(' [pattern_arguments ','?] ')'`
    mutating func parseClassPattern(_ s: Int32, _ cls: Int32) -> Int32 {
        advance()
        let patMark = scratch.count
        var kwdAttrs: [Int32] = [], kwdPatterns: [Int32] = []
        while ok && kind != .rpar {
            if kind == .name && peekKind(1) == .equal {
                kwdAttrs.append(curStart)
                advance(); advance()
                kwdPatterns.append(parsePattern())
            } else {
                if !kwdAttrs.isEmpty {
                    failHere("positional patterns follow keyword patterns")
                    return -1
                }
                scratch.append(parsePattern())
            }
            if !accept(.comma) { break }
        }
        guard ok, expect(.rpar) else { return -1 }
        let patterns = finishList(patMark)
        return node(.matchClass, s, lastEnd, cls, patterns, tree.makeList(kwdAttrs[...]), tree.makeList(kwdPatterns[...]))
    }

    /// `mapping_pattern: '{' [items_pattern] [double_star_pattern] ','? '}'`
    mutating func parseMappingPattern() -> Int32 {
        let s = curStart
        advance()
        var keys: [Int32] = [], patterns: [Int32] = []
        var rest: Int32 = -1
        while ok && kind != .rbrace {
            if kind == .doubleStar {
                advance()
                guard kind == .name else { failHere(); return -1 }
                rest = curStart
                advance()
                _ = accept(.comma)
                break
            }
            let key: Int32
            switch kind {
            case .number, .minus: key = parseSignedNumberOrComplex()
            case .string, .fstringStart: key = parseStrings()
            case .kwNone, .kwTrue, .kwFalse: key = parseAtom()
            case .name: key = parseNameOrAttribute()
            default: failHere(); return -1
            }
            guard ok, expect(.colon, ":") else { return -1 }
            keys.append(key)
            patterns.append(parsePattern())
            if !accept(.comma) { break }
        }
        guard ok, expect(.rbrace) else { return -1 }
        return node(.matchMapping, s, lastEnd, tree.makeList(keys[...]), tree.makeList(patterns[...]), rest)
    }
}
