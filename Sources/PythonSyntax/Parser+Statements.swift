extension Parser {
    /// `file: [statements] ENDMARKER`
    mutating func parseModule() {
        let mark = scratch.count
        while ok && kind != .endMarker {
            let before = p
            parseStatement()
            if ok && p == before { failHere() }  // progress guard
        }
        let body = finishList(mark)
        tree.root = NodeID(node(.module, 0, Int32(src.count), body))
    }

    /// `statement: compound_stmt | simple_stmts` — pushes the statement(s) onto the scratch stack.
    mutating func parseStatement() {
        switch kind {
        case .kwDef: scratch.append(parseFunctionDef(decorators: 0, start: curStart))
        case .kwIf: scratch.append(parseIf())
        case .kwClass: scratch.append(parseClassDef(decorators: 0))
        case .kwWith: scratch.append(parseWith(asyncStart: nil))
        case .kwFor: scratch.append(parseFor(asyncStart: nil))
        case .kwTry: scratch.append(parseTry())
        case .kwWhile: scratch.append(parseWhile())
        case .at: scratch.append(parseDecorated())
        case .kwAsync:
            let s = curStart
            switch peekKind(1) {
            case .kwDef: advance(); scratch.append(parseFunctionDef(decorators: 0, start: s, isAsync: true))
            case .kwWith: advance(); scratch.append(parseWith(asyncStart: s))
            case .kwFor: advance(); scratch.append(parseFor(asyncStart: s))
            default: failHere()
            }
        case .indent:
            failHere()
        case .name where isSoftKeyword("match"):
            if let m = tryParseMatch() { scratch.append(m) } else if ok { parseSimpleStatements() }
        default:
            parseSimpleStatements()
        }
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`
    mutating func parseSimpleStatements() {
        while ok {
            let before = p
            scratch.append(parseSimpleStatement())
            guard ok else { return }
            if kind == .semi {
                advance()
                if kind == .newline { advance(); return }
                continue
            }
            if kind == .newline { advance(); return }
            if kind == .endMarker { return }
            failHere()
            if p == before { return }
            return
        }
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`
    mutating func parseBlock(_ what: String, _ owner: Int32) -> Int32 {
        guard ok else { return 0 }
        if kind != .newline {
            let mark = scratch.count
            parseSimpleStatements()
            return finishList(mark)
        }
        advance()
        guard kind == .indent else {
            let line = lineNumber(owner)
            fail(curStart, "expected an indented block after \(what) on line \(line)")
            return 0
        }
        advance()
        let mark = scratch.count
        while ok && kind != .dedent && kind != .endMarker {
            let before = p
            parseStatement()
            if ok && p == before { failHere() }  // progress guard
        }
        guard ok else { return 0 }
        advance()  // DEDENT
        return finishList(mark)
    }

    func lineNumber(_ offset: Int32) -> Int {
        var line = 1
        var i = 0
        let e = min(Int(offset), src.count)
        while i < e {
            if src[i] == 10 { line += 1 } else if src[i] == 13 && (i + 1 >= src.count || src[i + 1] != 10) { line += 1 }
            i += 1
        }
        return line
    }

    /// Expects ':' after a compound statement header.
    mutating func expectColon() -> Bool {
        if kind == .colon { advance(); return true }
        failHere("expected ':'")
        return false
    }

    // MARK: - Simple statements

    mutating func parseSimpleStatement() -> Int32 {
        let s = curStart
        switch kind {
        case .kwPass: advance(); return node(.pass, s, lastEnd)
        case .kwBreak: advance(); return node(.breakStmt, s, lastEnd)
        case .kwContinue: advance(); return node(.continueStmt, s, lastEnd)
        case .kwReturn:
            advance()
            let v = atExpressionStart ? parseStarExpressions() : -1
            return node(.returnStmt, s, lastEnd, v)
        case .kwRaise:
            advance()
            var exc: Int32 = -1, cause: Int32 = -1
            if atExpressionStart {
                exc = parseExpression()
                if ok && kind == .kwFrom {
                    advance()
                    cause = parseExpression()
                }
            }
            return node(.raise, s, lastEnd, exc, cause)
        case .kwGlobal, .kwNonlocal:
            let k: NodeKind = kind == .kwGlobal ? .global : .nonlocal
            advance()
            var names: [Int32] = []
            repeat {
                guard kind == .name else { failHere(); return -1 }
                names.append(curStart)
                advance()
            } while accept(.comma)
            return node(k, s, lastEnd, tree.makeList(names[...]))
        case .kwDel:
            advance()
            let mark = scratch.count
            repeat {
                if !atExpressionStart { break }
                let t = parseBitOr()
                guard ok, setContext(t, .del) else { return -1 }
                scratch.append(t)
            } while accept(.comma)
            if scratch.count == mark { failHere(); return -1 }
            return node(.delete, s, lastEnd, finishList(mark))
        case .kwAssert:
            advance()
            let test = parseExpression()
            var msg: Int32 = -1
            if ok && kind == .comma { advance(); msg = parseExpression() }
            return node(.assert, s, lastEnd, test, msg)
        case .kwImport: return parseImport()
        case .kwFrom: return parseImportFrom()
        case .name where isSoftKeyword("type") && peekKind(1) == .name && (peekKind(2) == .equal || peekKind(2) == .lsqb):
            return parseTypeAlias()
        default:
            return parseExpressionStatement()
        }
    }

    /// `type_alias: "type" NAME [type_params] '=' expression`
    mutating func parseTypeAlias() -> Int32 {
        let s = curStart
        advance()
        let ns = curStart
        advance()
        let name = node(.name, ns, lastEnd, aux: ExprContext.store.rawValue, ns)
        let params = kind == .lsqb ? parseTypeParams() : 0
        guard ok, expect(.equal, "=") else { return -1 }
        let value = parseExpression()
        return node(.typeAlias, s, lastEnd, name, params, value)
    }

    /// `assignment`, `augassign`, annotated assignment, or `star_expressions` as an Expr statement.
    mutating func parseExpressionStatement() -> Int32 {
        let s = curStart
        let first = kind == .kwYield ? parseYieldExpression() : parseStarExpressions()
        guard ok else { return -1 }
        switch kind {
        case .equal:
            let mark = scratch.count
            var value = first
            while ok && kind == .equal {
                advance()
                guard setContext(value, .store) else { return -1 }
                scratch.append(value)
                value = kind == .kwYield ? parseYieldExpression() : parseStarExpressions()
            }
            guard ok else { return -1 }
            return node(.assign, s, lastEnd, finishList(mark), value)
        case .colon:
            let k = kindOf(first)
            var simple: Int32 = 0
            switch k {
            case .name: simple = isParenthesized(first) ? 0 : 1
            case .attribute, .subscript: simple = 0
            case .tuple: fail(start(first), "only single target (not tuple) can be annotated"); return -1
            case .list: fail(start(first), "only single target (not list) can be annotated"); return -1
            default: fail(start(first), "illegal target for annotation"); return -1
            }
            _ = setContext(first, .store)
            advance()
            let annotation = parseExpression()
            var value: Int32 = -1
            if ok && kind == .equal {
                advance()
                value = kind == .kwYield ? parseYieldExpression() : parseStarExpressions()
            }
            return node(.annAssign, s, lastEnd, first, annotation, value, simple)
        default:
            if let op = augmentedOperator(kind) {
                switch kindOf(first) {
                case .name, .attribute, .subscript:
                    _ = setContext(first, .store)
                default:
                    fail(start(first), "'\(describe(first))' is an illegal expression for augmented assignment")
                    return -1
                }
                advance()
                let value = kind == .kwYield ? parseYieldExpression() : parseStarExpressions()
                return node(.augAssign, s, lastEnd, aux: op.rawValue, first, value)
            }
            if kindOf(first) == .name && (kind == .string || kind == .name || kind == .number) && isPrintName(first) {
                fail(s, "Missing parentheses in call to 'print'. Did you mean print(...)?")
                return -1
            }
            return node(.expr, s, lastEnd, first)
        }
    }

    func isPrintName(_ id: Int32) -> Bool {
        let r = tree.nodes[Int(id)]
        return r.end - r.start == 5 && Array(src[Int(r.start)..<Int(r.end)]) == Array("print".utf8)
    }

    func augmentedOperator(_ k: TokenKind) -> BinaryOperator? {
        switch k {
        case .plusEqual: return .add
        case .minEqual: return .sub
        case .starEqual: return .mult
        case .atEqual: return .matMult
        case .slashEqual: return .div
        case .percentEqual: return .mod
        case .amperEqual: return .bitAnd
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .lShift
        case .rightShiftEqual: return .rShift
        case .doubleStarEqual: return .pow
        case .doubleSlashEqual: return .floorDiv
        default: return nil
        }
    }

    // MARK: - Imports

    /// `import_name: 'import' dotted_as_names`
    mutating func parseImport() -> Int32 {
        let s = curStart
        advance()
        let mark = scratch.count
        repeat {
            let a = parseAlias(dotted: true)
            guard ok else { return -1 }
            scratch.append(a)
        } while accept(.comma)
        return node(.importStmt, s, lastEnd, finishList(mark))
    }

    /// `dotted_as_name: dotted_name ['as' NAME]` / `import_from_as_name: NAME ['as' NAME]`
    mutating func parseAlias(dotted: Bool) -> Int32 {
        let s = curStart
        guard kind == .name else { failHere(); return -1 }
        advance()
        while dotted && ok && kind == .dot {
            advance()
            guard kind == .name else { failHere(); return -1 }
            advance()
        }
        let nameEnd = lastEnd
        var asname: Int32 = -1
        if kind == .kwAs {
            advance()
            guard kind == .name else { failHere(); return -1 }
            asname = curStart
            advance()
        }
        return node(.alias, s, lastEnd, s, nameEnd, asname)
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | 'from' ('.' | '...')+ 'import' import_from_targets`
    mutating func parseImportFrom() -> Int32 {
        let s = curStart
        advance()
        var level: Int32 = 0
        while kind == .dot || kind == .ellipsis {
            level += kind == .dot ? 1 : 3
            advance()
        }
        var modStart: Int32 = -1, modEnd: Int32 = -1
        if kind == .name {
            modStart = curStart
            advance()
            while ok && kind == .dot {
                advance()
                guard kind == .name else { failHere(); return -1 }
                advance()
            }
            modEnd = lastEnd
        } else if level == 0 {
            failHere()
            return -1
        }
        guard expect(.kwImport, "import") else { return -1 }
        let mark = scratch.count
        if kind == .star {
            let st = curStart
            advance()
            scratch.append(node(.alias, st, lastEnd, st, lastEnd, -1))
        } else if kind == .lpar {
            advance()
            repeat {
                if kind == .rpar && scratch.count > mark { break }
                let a = parseAlias(dotted: false)
                guard ok else { return -1 }
                scratch.append(a)
            } while accept(.comma)
            guard expect(.rpar) else { return -1 }
        } else {
            repeat {
                let a = parseAlias(dotted: false)
                guard ok else { return -1 }
                scratch.append(a)
            } while accept(.comma)
            if scratch.count > mark && toks[p - 1].kind == .comma && kind == .newline {
                fail(lastEnd - 1, "trailing comma not allowed without surrounding parentheses")
                return -1
            }
        }
        let names = finishList(mark)
        var r = NodeRecord(.importFrom, s, lastEnd)
        r.a = modStart; r.b = modEnd; r.c = names; r.d = level
        return tree.add(r)
    }

    // MARK: - Compound statements

    /// `if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block]`
    mutating func parseIf() -> Int32 {
        guard enter() else { return -1 }
        defer { leave() }
        let s = curStart
        let what = kind == .kwIf ? "'if' statement" : "'elif' statement"
        advance()
        let test = parseNamedExpression()
        guard ok, expectColon() else { return -1 }
        let body = parseBlock(what, s)
        guard ok else { return -1 }
        var orelse: Int32 = 0
        if kind == .kwElif {
            let e = parseIf()
            guard ok else { return -1 }
            orelse = tree.makeList([e][...])
        } else if kind == .kwElse {
            let es = curStart
            advance()
            guard expectColon() else { return -1 }
            orelse = parseBlock("'else' statement", es)
        }
        guard ok else { return -1 }
        let e = lastEnd
        return node(.ifStmt, s, e, test, body, orelse)
    }

    /// `while_stmt: 'while' named_expression ':' block [else_block]`
    mutating func parseWhile() -> Int32 {
        let s = curStart
        advance()
        let test = parseNamedExpression()
        guard ok, expectColon() else { return -1 }
        let body = parseBlock("'while' statement", s)
        var orelse: Int32 = 0
        if ok && kind == .kwElse {
            let es = curStart
            advance()
            guard expectColon() else { return -1 }
            orelse = parseBlock("'else' statement", es)
        }
        guard ok else { return -1 }
        let e = lastEnd
        return node(.whileStmt, s, e, test, body, orelse)
    }

    /// `for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]`
    mutating func parseFor(asyncStart: Int32?) -> Int32 {
        let s = asyncStart ?? curStart
        advance()
        let target = parseStarTargets()
        guard ok, expect(.kwIn, "in") else { return -1 }
        let iter = parseStarExpressions()
        guard ok, expectColon() else { return -1 }
        let body = parseBlock("'for' statement", s)
        var orelse: Int32 = 0
        if ok && kind == .kwElse {
            let es = curStart
            advance()
            guard expectColon() else { return -1 }
            orelse = parseBlock("'else' statement", es)
        }
        guard ok else { return -1 }
        let e = lastEnd
        return node(asyncStart == nil ? .forStmt : .asyncFor, s, e, target, iter, body, orelse)
    }

    /// `with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block | ['async'] 'with' ','.with_item+ ':' block`
    mutating func parseWith(asyncStart: Int32?) -> Int32 {
        let s = asyncStart ?? curStart
        advance()
        var items: Int32 = -1
        if kind == .lpar {
            // Parenthesized with-items first; fall back to an expression that starts with '('.
            let saved = save()
            advance()
            let mark = scratch.count
            while ok && kind != .rpar {
                scratch.append(parseWithItem())
                guard ok else { break }
                if !accept(.comma) { break }
            }
            if ok && kind == .rpar && scratch.count > mark {
                advance()
                if kind == .colon {
                    items = finishList(mark)
                }
            }
            if items < 0 { restore(saved) }
        }
        if items < 0 {
            let mark = scratch.count
            repeat {
                scratch.append(parseWithItem())
            } while ok && accept(.comma)
            guard ok else { return -1 }
            items = finishList(mark)
        }
        guard expectColon() else { return -1 }
        let body = parseBlock("'with' statement", s)
        guard ok else { return -1 }
        return node(asyncStart == nil ? .with : .asyncWith, s, lastEnd, items, body)
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | expression`
    mutating func parseWithItem() -> Int32 {
        let s = curStart
        let e = parseExpression()
        guard ok else { return -1 }
        var target: Int32 = -1
        if kind == .kwAs {
            advance()
            target = parseStarTarget()
            guard ok, setContext(target, .store) else { return -1 }
            guard kind == .comma || kind == .rpar || kind == .colon else { failHere(); return -1 }
        }
        return node(.withItem, s, lastEnd, e, target)
    }

    /// `try_stmt: 'try' ':' block finally_block | 'try' ':' block except_block+ [else_block] [finally_block] | 'try' ':' block except_star_block+ ...`
    mutating func parseTry() -> Int32 {
        let s = curStart
        advance()
        guard expectColon() else { return -1 }
        let body = parseBlock("'try' statement", s)
        guard ok else { return -1 }
        let mark = scratch.count
        var star: Bool? = nil
        while ok && kind == .kwExcept {
            let hs = curStart
            advance()
            let isStar = accept(.star)
            if let st = star, st != isStar {
                fail(hs, "cannot have both 'except' and 'except*' on the same 'try'")
                return -1
            }
            star = isStar
            var type: Int32 = -1, name: Int32 = -1
            if kind != .colon {
                type = parseExpression()
                guard ok else { return -1 }
                if kind == .comma {
                    fail(start(type), "multiple exception types must be parenthesized")
                    return -1
                }
                if kind == .kwAs {
                    advance()
                    guard kind == .name else { failHere(); return -1 }
                    name = curStart
                    advance()
                }
            } else if isStar {
                fail(curStart, "expected one or more exception types")
                return -1
            }
            guard expectColon() else { return -1 }
            let hbody = parseBlock(isStar ? "'except*' statement" : "'except' statement", hs)
            guard ok else { return -1 }
            scratch.append(node(.exceptHandler, hs, lastEnd, type, name, hbody))
        }
        let handlers = finishList(mark)
        var orelse: Int32 = 0, finalbody: Int32 = 0
        if ok && kind == .kwElse && handlers != 0 {
            let es = curStart
            advance()
            guard expectColon() else { return -1 }
            orelse = parseBlock("'else' statement", es)
        }
        if ok && kind == .kwFinally {
            let fs = curStart
            advance()
            guard expectColon() else { return -1 }
            finalbody = parseBlock("'finally' statement", fs)
        }
        guard ok else { return -1 }
        if handlers == 0 && finalbody == 0 {
            failHere("expected 'except' or 'finally' block")
            return -1
        }
        let e = lastEnd
        return node(star == true ? .tryStar : .tryStmt, s, e, body, handlers, orelse, finalbody)
    }

    /// `decorators: ('@' named_expression NEWLINE)+` then a class or function definition.
    mutating func parseDecorated() -> Int32 {
        let mark = scratch.count
        while ok && kind == .at {
            advance()
            scratch.append(parseNamedExpression())
            guard ok else { return -1 }
            guard expect(.newline) else { return -1 }
        }
        let decorators = finishList(mark)
        switch kind {
        case .kwDef: return parseFunctionDef(decorators: decorators, start: curStart)
        case .kwClass: return parseClassDef(decorators: decorators)
        case .kwAsync where peekKind(1) == .kwDef:
            let s = curStart
            advance()
            return parseFunctionDef(decorators: decorators, start: s, isAsync: true)
        default:
            failHere()
            return -1
        }
    }

    /// `function_def_raw: ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' [func_type_comment] block`
    mutating func parseFunctionDef(decorators: Int32, start s: Int32, isAsync: Bool = false) -> Int32 {
        advance()  // def
        guard kind == .name else { failHere(); return -1 }
        let name = curStart
        advance()
        let typeParams = kind == .lsqb ? parseTypeParams() : 0
        guard ok else { return -1 }
        guard kind == .lpar else { failHere("expected '('"); return -1 }
        advance()
        let args = parseParameters(closing: .rpar, annotations: true)
        guard ok, expect(.rpar) else { return -1 }
        var returns: Int32 = -1
        if kind == .rarrow {
            advance()
            returns = parseExpression()
        }
        guard ok, expectColon() else { return -1 }
        let body = parseBlock("function definition", s)
        guard ok else { return -1 }
        var r = NodeRecord(isAsync ? .asyncFunctionDef : .functionDef, s, lastEnd)
        r.a = name; r.b = args; r.c = body; r.d = decorators; r.e = returns; r.f = typeParams
        return tree.add(r)
    }

    /// `class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block`
    mutating func parseClassDef(decorators: Int32) -> Int32 {
        let s = curStart
        advance()
        guard kind == .name else { failHere(); return -1 }
        let name = curStart
        advance()
        let typeParams = kind == .lsqb ? parseTypeParams() : 0
        guard ok else { return -1 }
        var bases: Int32 = 0, keywords: Int32 = 0
        if kind == .lpar {
            (bases, keywords) = parseCallArguments()
            guard ok else { return -1 }
        }
        guard expectColon() else { return -1 }
        let body = parseBlock("class definition", s)
        guard ok else { return -1 }
        var r = NodeRecord(.classDef, s, lastEnd)
        r.a = name; r.b = bases; r.c = keywords; r.d = body; r.e = decorators; r.f = typeParams
        return tree.add(r)
    }
}
