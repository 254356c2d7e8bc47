/// The canonical text dump of a parse result, byte for byte what `/work/shared/corpus/ast_dump.py`
/// prints for one file under CPython 3.13 (`== PATH` header, one line per field, depth-first).
public enum ASTDump {
    /// Dumps `result` under the header `== path`; a file with errors prints its first SyntaxError line.
    public static func dump(_ result: ParseResult, path: String) -> String {
        var out = "== " + path + "\n"
        if let e = result.errors.first {
            let col = result.sourceMap.characterLocation(of: e.offset).column + 1
            out += "SyntaxError \(e.line):\(col) \(e.message)\n"
            return out
        }
        guard result.tree.root.exists else { return out }
        // The dump recurses once per tree level (bounded by the parser's depth limit).
        return withStack(atLeast: Parser.maxDepth * 1024 + (256 << 10)) {
            var writer = DumpWriter(result: result)
            writer.out = out
            writer.out.reserveCapacity(result.source.count * 12)
            writer.dump(result.tree.root.raw, name: "module", depth: 0)
            return writer.out
        }
    }
}

struct DumpWriter {
    let result: ParseResult
    var out = ""

    init(result: ParseResult) { self.result = result }

    mutating func pad(_ depth: Int) {
        for _ in 0..<depth { out += "  " }
    }

    mutating func position(_ r: NodeRecord) {
        let map = result.sourceMap
        let s = map.location(of: Int(r.start)), e = map.location(of: Int(r.end))
        out += " \(s.line):\(s.column)-\(e.line):\(e.column)"
    }

    mutating func dump(_ id: Int32, name: String, depth: Int) {
        let r = result.tree.nodes[Int(id)]
        let spec = NodeSchema.table[Int(r.kind.rawValue)]
        pad(depth)
        out += name + ": " + spec.name
        if spec.positioned { position(r) }
        out += "\n"
        let tree = result.tree
        for field in spec.fields {
            let v = r.slot(field.slot)
            switch field.type {
            case .node:
                dump(v, name: field.name, depth: depth + 1)
            case .optNode:
                if v >= 0 { dump(v, name: field.name, depth: depth + 1) } else { scalar(field.name, "None", depth + 1) }
            case .nodeList:
                let items = tree.listSlice(v)
                if items.isEmpty { scalar(field.name, "[]", depth + 1) }
                for (i, item) in items.enumerated() {
                    if item >= 0 { dump(item, name: "\(field.name)[\(i)]", depth: depth + 1) }
                    else { scalar("\(field.name)[\(i)]", "None", depth + 1) }
                }
            case .ident:
                scalar(field.name, PythonLiteral.jsonQuote(result.identifier(at: v)), depth + 1)
            case .optIdent:
                scalar(field.name, v >= 0 ? PythonLiteral.jsonQuote(result.identifier(at: v)) : "None", depth + 1)
            case .identList:
                let items = tree.listSlice(v)
                if items.isEmpty { scalar(field.name, "[]", depth + 1) }
                for (i, item) in items.enumerated() {
                    scalar("\(field.name)[\(i)]", PythonLiteral.jsonQuote(result.identifier(at: item)), depth + 1)
                }
            case .dotted:
                if v >= 0 {
                    scalar(field.name, PythonLiteral.jsonQuote(result.dottedName(v, r.slot(field.slot + 1))), depth + 1)
                } else {
                    scalar(field.name, "None", depth + 1)
                }
            case .value:
                scalar(field.name, result.constantRepr(r), depth + 1)
            case .strKind:
                scalar(field.name, v == 1 ? "\"u\"" : "None", depth + 1)
            case .ctx:
                pad(depth + 1)
                out += field.name + ": " + (r.aux == 0 ? "Load" : r.aux == 1 ? "Store" : "Del") + "\n"
            case .boolOp:
                pad(depth + 1)
                out += field.name + ": " + (r.aux == 0 ? "And" : "Or") + "\n"
            case .binOp:
                pad(depth + 1)
                out += field.name + ": " + BinaryOperator.names[Int(r.aux)] + "\n"
            case .unaryOp:
                pad(depth + 1)
                out += field.name + ": " + UnaryOperator.names[Int(r.aux)] + "\n"
            case .cmpOps:
                for (i, op) in tree.listSlice(v).enumerated() {
                    pad(depth + 1)
                    out += "\(field.name)[\(i)]: " + CompareOperator.names[Int(op)] + "\n"
                }
            case .int:
                scalar(field.name, String(v), depth + 1)
            case .noneValue:
                scalar(field.name, "None", depth + 1)
            case .emptyList:
                scalar(field.name, "[]", depth + 1)
            }
        }
    }

    mutating func scalar(_ name: String, _ value: String, _ depth: Int) {
        pad(depth)
        out += name + " = " + value + "\n"
    }
}

extension ParseResult {
    /// The identifier starting at byte `offset` (NFKC-normalised like CPython when non-ASCII).
    public func identifier(at offset: Int32) -> String {
        var e = Int(offset)
        var ascii = true
        while e < source.count && isIdentChar(source[e]) { if source[e] >= 128 { ascii = false }; e += 1 }
        if e == Int(offset) { return "*" }  // `from m import *`
        let bytes = source[Int(offset)..<e]
        return ascii ? String(decoding: bytes, as: UTF8.self) : PythonLiteral.normalizeIdentifier(bytes)
    }

    /// A dotted name written in `start..<end` (whitespace and line continuations dropped).
    func dottedName(_ start: Int32, _ end: Int32) -> String {
        var parts: [String] = []
        var i = Int(start)
        let e = Int(end)
        while i < e {
            let c = source[i]
            if isIdentChar(c) {
                parts.append(identifier(at: Int32(i)))
                while i < e && isIdentChar(source[i]) { i += 1 }
            } else if c == 42 {
                parts.append("*"); i += 1
            } else {
                i += 1
            }
        }
        return parts.joined(separator: ".")
    }

    /// Python `repr`-style text of a Constant / MatchSingleton value, as ast_dump.py prints it.
    func constantRepr(_ r: NodeRecord) -> String {
        switch ConstantKind(rawValue: r.a) ?? .none {
        case .none: return "None"
        case .true: return "True"
        case .false: return "False"
        case .ellipsis: return "Ellipsis"
        case .int:
            let t = tokens[Int(r.b)]
            return PythonLiteral.intDecimal(source[Int(t.start)..<Int(t.end)]) ?? "?"
        case .float:
            let t = tokens[Int(r.b)]
            return PythonLiteral.floatRepr(source[Int(t.start)..<Int(t.end)]) ?? "?"
        case .complex:
            let t = tokens[Int(r.b)]
            return PythonLiteral.imaginaryRepr(source[Int(t.start)..<Int(t.end)]) ?? "?"
        case .str, .decodedStr:
            return PythonLiteral.jsonQuote(stringValue(r) ?? [])
        case .bytes:
            return PythonLiteral.bytesDump(bytesValue(r) ?? [])
        }
    }

    /// Code points of a str Constant (nil if the node is not a str constant).
    func stringValue(_ r: NodeRecord) -> [UInt32]? {
        switch ConstantKind(rawValue: r.a) {
        case .decodedStr?: return tree.strings[Int(r.b)]
        case .str?:
            var out: [UInt32] = []
            var i = Int(r.b)
            while i <= Int(r.c) {
                if tokens[i].kind == .string, case .success(let v) = StringDecoding.decodeStr(source, tokens[i]) {
                    out.append(contentsOf: v)
                }
                i += 1
            }
            return out
        default: return nil
        }
    }

    /// Bytes of a bytes Constant (nil if the node is not a bytes constant).
    func bytesValue(_ r: NodeRecord) -> [UInt8]? {
        guard ConstantKind(rawValue: r.a) == .bytes else { return nil }
        var out: [UInt8] = []
        var i = Int(r.b)
        while i <= Int(r.c) {
            if tokens[i].kind == .string, case .success(let v) = StringDecoding.decodeBytes(source, tokens[i]) {
                out.append(contentsOf: v)
            }
            i += 1
        }
        return out
    }
}
