import BatchFixCore
import PythonSyntax

/// I001 unsorted import block (isort's default profile, as ruff applies it).
///
/// **What it does**: finds each block of consecutive import statements of one suite (module level or
/// nested), arranges it with `ImportOrder` (ruff's sections and order, with the project's
/// `ImportClassifier`), writes it with `ImportBlockRenderer` (wrapping at 88, the magic trailing
/// comma kept), and reports the block when its text differs. At module level the blank lines after
/// the block are part of it, as in ruff: one, or two before a `def`, `class` or decorator (own-line
/// comments between the block and that statement count as the statement's when no blank line
/// separates them); none at the end of the file. Comments move with their import as in ruff: own-line
/// comments above it (a blank line before them unless the import opens its section), a trailing
/// comment two spaces after it; comments above the block stay. The diagnostic spans the block's
/// statements; the fix replaces the block's lines (and, at module level, the blank lines after it).
/// **Why**: a stable order makes imports easy to scan and diffs small; it is what isort and ruff write.
/// **Example**: `import sys\nimport os\nx = 1\n` → `import os\nimport sys\n\nx = 1\n`.
/// **Fix safety**: safe; only the order and spacing of import statements change (duplicates merged).
///
/// **Scope.** It judges only blocks it reproduces exactly; others get no finding (never a finding
/// ruff would not make — checked against ruff 0.17.6 on the standard-library corpus): comments
/// inside parentheses, on a statement that is split or merged (`import a, b  # c`), or pushing a
/// line past 88 columns; `;`, statements in an
/// inline body (`if x: import y`), blocks at the end of a file without a final line ending, files
/// with `isort:` directives, `.pyi` stubs.
public struct UnsortedImportsCheck: PythonCheck {
    public let classifier: ImportClassifier
    /// Longest line before a `from` import is wrapped (ruff's default 88).
    public let lineLength: Int

    public init(classifier: ImportClassifier = ImportClassifier(), lineLength: Int = 88) {
        self.classifier = classifier
        self.lineLength = lineLength
    }

    public var name: String { "unsorted-imports" }
    public var codes: [String] { ["I001"] }
    public func kind(for code: String) -> IssueKind { .formatting }

    public func diagnostics(in document: Document) -> [Diagnostic] {
        guard document.path.fileExtension == "py" else { return [] }
        let parse = document.python
        guard parse.errors.isEmpty else { return [] }
        if parse.tokens.contains(where: { $0.kind == .comment && Self.isIsortDirective(parse.source[$0.range]) }) { return [] }
        return ImportBlockScanner(parse: parse).blocks.compactMap { judge($0, in: document) }
    }

    private func judge(_ block: ImportBlock, in document: Document) -> Diagnostic? {
        guard block.isJudgeable else { return nil }
        let source = document.bytes
        let ending = String(decoding: document.lineEnding, as: UTF8.self)
        let exploded = block.magicTrailingComma
        let keepWrapped: (ImportStatement) -> Bool = { statement in
            guard case let .from(module, level, members) = statement else { return false }
            return members.contains { exploded.contains(ImportBlock.key(module: module, level: level, member: $0)) }
        }
        let arranged = ImportOrder.arrange(block.statements, classifier: classifier)
        var expected: String
        if block.comments.isEmpty {
            expected = ImportBlockRenderer.render(
                arranged, lineLength: lineLength, lineEnding: ending, indent: String(decoding: block.indent, as: UTF8.self),
                keepWrapped: keepWrapped)
        } else {
            // A commented statement written twice would be merged into one: not modelled.
            let normalised = block.statements.map(ImportBlock.normalised)
            guard block.comments.keys.allSatisfy({ key in normalised.filter { $0 == key }.count == 1 }) else { return nil }
            guard let text = renderWithComments(arranged, block: block, lineEnding: ending, keepWrapped: keepWrapped) else { return nil }
            expected = text
        }
        let replaceEnd: Int
        switch block.following {
        case .endOfBlock(let endOfLastLine):
            replaceEnd = endOfLastLine
        case .statement(let lineStart, let isDefinition):
            replaceEnd = lineStart
            expected += String(repeating: ending, count: isDefinition ? 2 : 1)
        }
        guard !source[block.lineStart..<replaceEnd].elementsEqual(expected.utf8) else { return nil }
        return Diagnostic(
            code: "I001", range: TextRange(start: block.firstStatementStart, end: block.statementsEnd),
            message: "Import block is un-sorted or un-formatted",
            fix: [TextEdit(range: TextRange(start: block.lineStart, end: replaceEnd), replacement: expected)]
        )
    }

    /// The block's text with its comments where ruff puts them: own-line comments above their import
    /// (at the block's indentation, after a blank line unless the import opens its section), a
    /// trailing comment two spaces after it. Nil when a commented
    /// statement was merged into another or would be wrapped (not modelled).
    private func renderWithComments(
        _ arranged: [(section: ImportSection, statements: [ImportStatement])], block: ImportBlock,
        lineEnding: String, keepWrapped: (ImportStatement) -> Bool
    ) -> String? {
        let indent = String(decoding: block.indent, as: UTF8.self)
        var used = 0
        var out = ""
        for (index, section) in arranged.enumerated() {
            if index > 0 { out += lineEnding }
            for (position, statement) in section.statements.enumerated() {
                let lines = ImportBlockRenderer.lines(of: statement, lineLength: lineLength, indent: indent, wrap: keepWrapped(statement))
                guard let comments = block.comments[statement] else {
                    for line in lines { out += indent + line + lineEnding }
                    continue
                }
                used += 1
                guard lines.count == 1 else { return nil }
                // Comments above an import that is not the first of its section get a blank line before them.
                if !comments.above.isEmpty, position > 0 { out += lineEnding }
                for comment in comments.above { out += indent + comment + lineEnding }
                var line = indent + lines[0]
                if let trailing = comments.trailing {
                    line += "  " + trailing
                    if ImportBlockRenderer.width(line) > lineLength { return nil } // ruff may wrap: not modelled
                }
                out += line + lineEnding
            }
        }
        // Every commented statement must have come out as itself (not merged with another).
        return used == block.comments.count ? out : nil
    }

    /// `# isort: skip`, `# isort: off`, `# isort: split`, `# ruff: isort: ...` and the like.
    static func isIsortDirective(_ comment: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: comment, as: UTF8.self)
        return text.contains("isort:") || text.contains("isort :")
    }
}

/// A block of consecutive import statements of one suite, as the I001 check sees it.
struct ImportBlock {
    /// What the fix replaces after the block's last statement.
    enum Following {
        /// Only the block's own lines (nested blocks, and the end of the file): up to the end of the
        /// last statement's line, line ending included.
        case endOfBlock(endOfLastLine: Int)
        /// Module level: the blank lines up to the next statement (or the comments that lead it),
        /// which starts at `lineStart`; `isDefinition` asks for two blank lines instead of one.
        case statement(lineStart: Int, isDefinition: Bool)
    }

    var statements: [ImportStatement] = []
    /// Start of the first statement's line.
    var lineStart: Int
    /// The first statement's first byte.
    var firstStatementStart: Int
    /// The suite's indentation (empty at module level).
    var indent: ArraySlice<UInt8>
    /// Indentation depth (INDENT tokens) of the suite; 0 at module level.
    var depth: Int
    /// End of the last statement (before its line ending).
    var statementsEnd: Int = 0
    var following: Following = .endOfBlock(endOfLastLine: 0)
    /// `from` members written in a parenthesised list with a trailing comma (`key(module:level:member:)`).
    var magicTrailingComma: Set<String> = []
    /// Comments ruff moves with their import: own-line comments above it (after the block's first
    /// import) and the comment at the end of its line, keyed by the statement as `ImportOrder` writes it.
    var comments: [ImportStatement: (above: [String], trailing: String?)] = [:]
    /// False when the block holds something this check does not reproduce.
    var isJudgeable = true

    /// The statement as `ImportOrder.arrange` writes it (members sorted).
    static func normalised(_ statement: ImportStatement) -> ImportStatement {
        guard case let .from(module, level, members) = statement else { return statement }
        return .from(module: module, level: level, members: ImportOrder.sortedMembers(members))
    }

    static func key(module: String?, level: Int, member: ImportMember) -> String {
        "\(level)|\(module ?? "")|\(member.name)|\(member.asName ?? "")"
    }
}

/// Finds import blocks in a token stream: every logical line is looked at, so a statement the
/// block cannot hold (a comment, a `;`) ends up marking the block, never splitting it silently.
struct ImportBlockScanner {
    private(set) var blocks: [ImportBlock] = []

    init(parse: ParseResult) {
        let tokens = parse.tokens
        let source = parse.source
        var depth = 0
        var index = 0
        var current: ImportBlock? = nil
        var commentAfterBlock = false
        var firstCommentLineStart: Int? = nil
        var pendingComments: [String] = []

        // The BOM is not part of line 1: a block starting there starts after it.
        func lineStart(_ offset: Int) -> Int { ImportScan.lineStart(of: offset, in: source) }
        func endOfLine(_ offset: Int) -> Int {
            var end = offset
            while end < source.count, source[end] != 0x0A, source[end] != 0x0D { end += 1 }
            if end < source.count, source[end] == 0x0D { end += 1 }
            if end < source.count, source[end] == 0x0A { end += 1 }
            return end
        }
        /// Ends the current block with what follows it.
        func close(nextStatement: (lineStart: Int, isDefinition: Bool)?) {
            guard var block = current else { return }
            let lastLineEnd = endOfLine(block.statementsEnd)
            if block.depth == 0, let next = nextStatement {
                var followingStart = next.lineStart
                var isDefinition = next.isDefinition
                if commentAfterBlock {
                    if let commentStart = firstCommentLineStart {
                        // Comments run into the statement belong to it; a blank line detaches them.
                        if Self.containsBlankLine(source, from: commentStart, to: next.lineStart) { isDefinition = false }
                        followingStart = commentStart
                    } else {
                        block.isJudgeable = false
                    }
                }
                block.following = .statement(lineStart: followingStart, isDefinition: isDefinition)
            } else {
                if lastLineEnd == block.statementsEnd { block.isJudgeable = false } // no line ending: not modelled
                if block.depth == 0, commentAfterBlock { block.isJudgeable = false } // comments before the end of file
                block.following = .endOfBlock(endOfLastLine: lastLineEnd)
            }
            blocks.append(block)
            current = nil
            commentAfterBlock = false
            firstCommentLineStart = nil
            pendingComments = []
        }

        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .indent:
                depth += 1; index += 1; continue
            case .dedent:
                // Leaving the suite ends its block.
                if let block = current, depth <= block.depth { close(nextStatement: nil) }
                depth -= 1; index += 1; continue
            case .nl, .newline:
                index += 1; continue
            case .comment:
                if current != nil {
                    let start = Int(token.start)
                    let begin = lineStart(start)
                    let ownLine = source[begin..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
                    if !commentAfterBlock {
                        commentAfterBlock = true
                        firstCommentLineStart = ownLine ? begin : nil
                    }
                    if ownLine { pendingComments.append(String(decoding: source[token.range], as: UTF8.self)) } else { current!.isJudgeable = false }
                }
                index += 1
                continue
            case .endMarker:
                close(nextStatement: nil)
                index += 1
                continue
            default:
                break
            }
            // `index` is at the first token of a logical line.
            let start = Int(token.start)
            let begin = lineStart(start)
            let ownLine = source[begin..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
            if ownLine, token.kind == .kwImport || token.kind == .kwFrom,
               let parsed = Self.parseImport(tokens: tokens, source: source, at: index) {
                if let block = current, block.depth != depth { close(nextStatement: nil) }
                if current == nil {
                    current = ImportBlock(lineStart: begin, firstStatementStart: start, indent: source[begin..<start], depth: depth)
                    commentAfterBlock = false
                    firstCommentLineStart = nil
                    pendingComments = []
                    // Comments above the block stay where they are (ruff's block starts at its first import).
                }
                let above = pendingComments
                commentAfterBlock = false
                firstCommentLineStart = nil
                pendingComments = []
                current!.statements.append(contentsOf: parsed.statements)
                current!.magicTrailingComma.formUnion(parsed.magicTrailingComma)
                current!.statementsEnd = Int(tokens[parsed.last].end)
                if !parsed.clean { current!.isJudgeable = false }
                var next = parsed.last + 1
                var trailing: String? = nil
                if next < tokens.count, tokens[next].kind == .comment {
                    trailing = String(decoding: source[tokens[next].range], as: UTF8.self)
                    next += 1
                }
                if !above.isEmpty || trailing != nil {
                    // Comments travel with a statement only when it stays one statement (not split or merged).
                    guard parsed.statements.count == 1, let statement = parsed.statements.first,
                          current!.comments[ImportBlock.normalised(statement)] == nil else {
                        current!.isJudgeable = false
                        index = next
                        continue
                    }
                    current!.comments[ImportBlock.normalised(statement)] = (above, trailing)
                }
                if next >= tokens.count || tokens[next].kind != .newline { current!.isJudgeable = false } // `;` or worse
                index = next
                continue
            }
            // Any other statement ends the block.
            if current != nil {
                var isDefinition = token.kind == .kwDef || token.kind == .kwClass || token.kind == .at
                if token.kind == .kwAsync, index + 1 < tokens.count, tokens[index + 1].kind == .kwDef { isDefinition = true }
                close(nextStatement: (begin, isDefinition))
            }
            // Skip to the end of this logical line.
            while index < tokens.count, tokens[index].kind != .newline, tokens[index].kind != .endMarker { index += 1 }
        }
        close(nextStatement: nil)
    }

    /// True when a line between `from` and `to` (both line starts) holds only whitespace.
    static func containsBlankLine(_ source: [UInt8], from: Int, to: Int) -> Bool {
        var onlySpace = true
        var k = from
        while k < to {
            let byte = source[k]
            if byte == 0x0A || byte == 0x0D {
                if onlySpace { return true }
                if byte == 0x0D, k + 1 < to, source[k + 1] == 0x0A { k += 1 }
                onlySpace = true
            } else if byte != 0x20, byte != 0x09, byte != 0x0C {
                onlySpace = false
            }
            k += 1
        }
        return false
    }

    /// Parses `import a.b as c, d` or `from ..m import (x as y, z,)` starting at token `start`:
    /// the statements (one per module for `import`), the index of the last token, whether it holds
    /// no comment, and the members of a parenthesised list that ends with a comma.
    static func parseImport(tokens: [Token], source: [UInt8], at start: Int)
        -> (statements: [ImportStatement], last: Int, clean: Bool, magicTrailingComma: Set<String>)? {
        var i = start
        var clean = true
        func text(_ k: Int) -> String { String(decoding: source[tokens[k].range], as: UTF8.self) }
        func skipTrivia() {
            while i < tokens.count, tokens[i].kind == .nl || tokens[i].kind == .comment {
                if tokens[i].kind == .comment { clean = false }
                i += 1
            }
        }
        func dottedName() -> String? {
            guard i < tokens.count, tokens[i].kind == .name else { return nil }
            var name = text(i)
            i += 1
            while i + 1 < tokens.count, tokens[i].kind == .dot, tokens[i + 1].kind == .name {
                name += "." + text(i + 1)
                i += 2
            }
            return name
        }
        func asName() -> String? {
            guard i + 1 < tokens.count, tokens[i].kind == .kwAs, tokens[i + 1].kind == .name else { return nil }
            defer { i += 2 }
            return text(i + 1)
        }
        if tokens[i].kind == .kwImport {
            i += 1
            var statements: [ImportStatement] = []
            while true {
                guard let module = dottedName() else { return nil }
                statements.append(.plain(module: module, asName: asName()))
                guard i < tokens.count, tokens[i].kind == .comma else { break }
                i += 1
            }
            return (statements, i - 1, clean, [])
        }
        i += 1 // from
        var level = 0
        while i < tokens.count, tokens[i].kind == .dot || tokens[i].kind == .ellipsis {
            level += tokens[i].kind == .dot ? 1 : 3
            i += 1
        }
        let module = dottedName()
        guard module != nil || level > 0, i < tokens.count, tokens[i].kind == .kwImport else { return nil }
        i += 1
        if i < tokens.count, tokens[i].kind == .star {
            return ([.from(module: module, level: level, members: [ImportMember("*")])], i, clean, [])
        }
        var members: [ImportMember] = []
        var trailingComma = false
        let parenthesised = i < tokens.count && tokens[i].kind == .lpar
        if parenthesised { i += 1 }
        while true {
            if parenthesised { skipTrivia() }
            guard i < tokens.count, tokens[i].kind == .name else { return nil }
            let name = text(i)
            i += 1
            members.append(ImportMember(name, as: asName()))
            if parenthesised { skipTrivia() }
            guard i < tokens.count, tokens[i].kind == .comma else { break }
            i += 1
            if parenthesised {
                skipTrivia()
                if i < tokens.count, tokens[i].kind == .rpar { trailingComma = true; break }
            }
        }
        let statement = ImportStatement.from(module: module, level: level, members: members)
        let magic = trailingComma ? Set(members.map { ImportBlock.key(module: module, level: level, member: $0) }) : []
        if parenthesised {
            guard i < tokens.count, tokens[i].kind == .rpar else { return nil }
            return ([statement], i, clean, magic)
        }
        return ([statement], i - 1, clean, magic)
    }
}
