/// A run of literal text in an f-string being merged into one Constant.
struct TextRun {
    var text: [UInt32] = []
    var start: Int32 = -1
    var end: Int32 = 0
    /// 1 when the run starts with a `u`-prefixed string (CPython then gives the Constant kind "u").
    var kind: Int32 = 0

    mutating func append(_ scalars: [UInt32], _ s: Int32, _ e: Int32, unicodePrefix: Bool = false) {
        if start < 0 { start = s; kind = unicodePrefix ? 1 : 0 }
        end = e
        text.append(contentsOf: scalars)
    }
}

extension Parser {
    /// `strings: (fstring | string)+` — adjacent literals concatenate into one Constant, or one
    /// JoinedStr when an f-string is among them (adjacent literal parts merged, empty ones dropped).
    mutating func parseStrings() -> Int32 {
        let s = curStart
        // Look ahead over the whole run: any f-string? bytes mixed with str?
        var i = p
        var hasF = false, hasBytes = false, hasStr = false
        var lastPlain = p
        var depthF = 0
        scan: while true {
            let t = toks[i]
            switch t.kind {
            case .string:
                if depthF == 0 {
                    if StringFlags(rawValue: t.flags).contains(.bytes) { hasBytes = true } else { hasStr = true }
                    lastPlain = i
                }
            case .fstringStart:
                if depthF == 0 { hasF = true; hasStr = true }
                depthF += 1
            case .fstringEnd:
                depthF -= 1
            case .comment, .nl:
                break
            case .endMarker, .errorToken:
                if depthF == 0 { break scan }
                break scan
            default:
                if depthF == 0 { break scan }
            }
            i += 1
        }
        if hasBytes && hasStr {
            fail(s, "cannot mix bytes and nonbytes literals")
            return -1
        }
        if !hasF {
            let first = Int32(p)
            let unicodeFlag: Int32 = StringFlags(rawValue: toks[p].flags).contains(.unicode) ? 1 : 0
            while ok && kind == .string {
                validateStringToken(p)
                advance()
            }
            guard ok else { return -1 }
            let ck: ConstantKind = hasBytes ? .bytes : .str
            return node(.constant, s, lastEnd, ck.rawValue, first, Int32(lastPlain), unicodeFlag)
        }
        guard enter() else { return -1 }
        defer { leave() }
        var run = TextRun()
        let mark = scratch.count
        while ok && (kind == .string || kind == .fstringStart) {
            if kind == .string {
                let t = toks[p]
                switch StringDecoding.decodeStr(src, t) {
                case .success(let v):
                    run.append(v, t.start, t.end, unicodePrefix: StringFlags(rawValue: t.flags).contains(.unicode))
                case .failure(let e): literalError(t, e); return -1
                }
                advance()
            } else {
                parseFString(&run)
            }
        }
        guard ok else { return -1 }
        flush(&run)
        return node(.joinedStr, s, lastEnd, finishList(mark))
    }

    /// Checks that a plain string token decodes (bad escapes are syntax errors in CPython).
    mutating func validateStringToken(_ index: Int) {
        let t = toks[index]
        let b = StringDecoding.body(src, t)
        if b.flags.contains(.bytes) {
            if case .failure(let e) = StringDecoding.decodeBytes(src, t) { literalError(t, e) }
        } else if !b.flags.contains(.raw) && src[b.start..<b.end].contains(92) {
            if case .failure(let e) = StringDecoding.decodeStr(src, t) { literalError(t, e) }
        }
    }

    mutating func literalError(_ t: Token, _ e: LiteralError) {
        let b = StringDecoding.body(src, t)
        fail(Int32(b.start + e.offset), e.message)
    }

    /// Emits the pending text run as a Constant (if it holds any text) onto the scratch stack.
    mutating func flush(_ run: inout TextRun) {
        if run.start >= 0 && !run.text.isEmpty {
            tree.strings.append(run.text)
            let idx = Int32(tree.strings.count - 1)
            scratch.append(node(.constant, run.start, run.end, ConstantKind.decodedStr.rawValue, idx, idx, run.kind))
        }
        run = TextRun()
    }

    /// `fstring: FSTRING_START fstring_middle* FSTRING_END`
    mutating func parseFString(_ run: inout TextRun) {
        let raw = StringFlags(rawValue: toks[p].flags).contains(.raw)
        advance()
        while ok {
            switch kind {
            case .fstringMiddle:
                let t = toks[p]
                switch StringDecoding.decodeMiddle(src, t, raw: raw) {
                case .success(let v): run.append(v, t.start, t.end)
                case .failure(let e): fail(t.start + Int32(e.offset), e.message); return
                }
                advance()
            case .lbrace:
                parseReplacementField(&run, raw: raw)
            case .fstringEnd:
                advance()
                return
            default:
                failHere("f-string: expecting '}'")
                return
            }
        }
    }

    /// `fstring_replacement_field: '{' (yield_expr | star_expressions) '='? [fstring_conversion] [fstring_full_format_spec] '}'`
    mutating func parseReplacementField(_ run: inout TextRun, raw: Bool) {
        guard enter() else { return }
        nesting += 1
        defer { leave(); nesting -= 1 }
        let s = curStart
        advance()
        let exprStart = lastEnd
        if kind == .rbrace || kind == .exclamation || kind == .colon || kind == .equal {
            failHere("f-string: valid expression required before '\(kind == .rbrace ? "}" : kind == .colon ? ":" : kind == .equal ? "=" : "!")'")
            return
        }
        let value = kind == .kwYield ? parseYieldExpression() : parseStarExpressions()
        guard ok else { return }
        var debug = false
        if kind == .equal {
            advance()
            debug = true
            guard kind != .errorToken && kind != .endMarker && curStart >= exprStart else { failHere(); return }
            run.append(StringDecoding.scalars(src, Int(exprStart), Int(curStart)), exprStart, curStart)
        }
        var conversion: Int32 = -1
        var conversionToken: Token?
        if kind == .exclamation {
            advance()
            guard kind == .name else { failHere("f-string: missing conversion character"); return }
            // Checked once the field is complete, like CPython (a missing '}' is reported first).
            conversionToken = toks[p]
            advance()
        }
        var spec: Int32 = -1
        if kind == .colon {
            let cs = curStart
            advance()
            var specRun = TextRun()
            let mark = scratch.count
            while ok && kind != .rbrace {
                switch kind {
                case .fstringMiddle:
                    let t = toks[p]
                    switch StringDecoding.decodeMiddle(src, t, raw: raw) {
                    case .success(let v): specRun.append(v, t.start, t.end)
                    case .failure(let e): fail(t.start + Int32(e.offset), e.message); return
                    }
                    advance()
                case .lbrace:
                    if specNesting >= 2 {
                        failHere("f-string: expressions nested too deeply")
                        return
                    }
                    specNesting += 1
                    parseReplacementField(&specRun, raw: raw)
                    specNesting -= 1
                default:
                    failHere("f-string: expecting '}'")
                }
            }
            guard ok else { return }
            flush(&specRun)
            // The spec spans the ':' through its last part (CPython's range).
            spec = node(.joinedStr, cs, lastEnd, finishList(mark))
        }
        guard kind == .rbrace else { failHere("f-string: expecting '}'"); return }
        if let t = conversionToken {
            let c = src[Int(t.start)]
            guard t.end - t.start == 1, c == 115 || c == 114 || c == 97 else {
                fail(t.start, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
                return
            }
            conversion = Int32(c)
        }
        if debug && conversion == -1 && spec == -1 { conversion = 114 }
        advance()
        flush(&run)
        scratch.append(node(.formattedValue, s, lastEnd, value, conversion, spec))
    }
}
