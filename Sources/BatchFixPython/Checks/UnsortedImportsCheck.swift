import BatchFixCore
import PythonSyntax

/// I001 unsorted imports: a module-level import block that differs from what ruff's isort writes.
///
/// **What it does**: finds each block of consecutive module-level import statements, arranges it
/// with `ImportOrder` (ruff's sections and order, with the project's `ImportClassifier`), writes
/// it with `ImportBlockRenderer`, adds the blank lines ruff puts after a block (one, or two before
/// a `def`, `class` or decorator; none at the end of the file), and reports the block when the
/// text differs. The diagnostic spans the block's statements, as ruff's; the fix replaces the
/// block's lines up to the next statement.
/// **Why**: a stable import order makes diffs and merges small and shows dependencies at a glance.
/// **Example**: `import sys\nimport os\nx = 1\n` → `import os\nimport sys\n\nx = 1\n`.
/// **Fix safety**: safe (ruff's is too): only the order and spacing of import statements change,
/// except that duplicate imports are merged.
///
/// **Scope.** It judges only blocks it can reproduce exactly: module level, no comments in the
/// block or on the line right above it (own-line comments after it are fine: the blank lines go
/// before them), no `;`, no trailing comma in a
/// parenthesised list (ruff's "magic trailing comma"), no `isort:` directives in the file, not a
/// `.pyi` stub. Other blocks get no finding (never a finding ruff would not make).
public struct UnsortedImportsCheck: PythonCheck {
    public let classifier: ImportClassifier
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
        let source = parse.source
        let tokens = parse.tokens
        if tokens.contains(where: { $0.kind == .comment && Self.isIsortDirective(source[$0.range]) }) { return [] }
        var found: [Diagnostic] = []
        for block in ImportBlockScanner(parse: parse).blocks {
            guard let diagnostic = judge(block, in: document) else { continue }
            if document.isSuppressed("I001", at: diagnostic.range.start) { continue }
            found.append(diagnostic)
        }
        return found
    }

    private func judge(_ block: ImportBlock, in document: Document) -> Diagnostic? {
        guard block.isJudgeable else { return nil }
        let source = document.bytes
        let ending = String(decoding: document.lineEnding, as: UTF8.self)
        var expected = ImportBlockRenderer.render(
            ImportOrder.arrange(block.statements, classifier: classifier), lineLength: lineLength, lineEnding: ending)
        let replaceEnd: Int
        switch block.following {
        case .endOfFile(let endOfLastLine):
            replaceEnd = endOfLastLine
        case .statement(let lineStart, let isDefinition):
            replaceEnd = lineStart
            expected += String(repeating: ending, count: isDefinition ? 2 : 1)
        }
        let original = source[block.lineStart..<replaceEnd]
        guard !original.elementsEqual(expected.utf8) else { return nil }
        let range = TextRange(start: block.lineStart, end: block.statementsEnd)
        return Diagnostic(
            code: "I001", range: range, message: "Import block is un-sorted or un-formatted",
            fix: [TextEdit(range: TextRange(start: block.lineStart, end: replaceEnd), replacement: expected)]
        )
    }

    /// `# isort: skip`, `# isort: off`, `# isort: split`, `# ruff: isort: ...` and the like.
    static func isIsortDirective(_ comment: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: comment, as: UTF8.self)
        return text.contains("isort:") || text.contains("isort :")
    }
}

/// A block of consecutive module-level import statements, as the I001 check sees it.
struct ImportBlock {
    /// What follows the block.
    enum Following {
        /// Nothing but blank lines: the block ends at the end of its last line (line ending included).
        case endOfFile(endOfLastLine: Int)
        /// A statement starting at `lineStart`; `isDefinition` for `def`, `async def`, `class`, `@`.
        case statement(lineStart: Int, isDefinition: Bool)
    }

    var statements: [ImportStatement] = []
    /// Start of the first statement's line (module level: the statement's first byte).
    var lineStart: Int
    /// End of the last statement (before its line ending).
    var statementsEnd: Int = 0
    var following: Following = .endOfFile(endOfLastLine: 0)
    /// False when the block holds something this check does not reproduce (comments, `;`, `\`, magic trailing commas).
    var isJudgeable = true
}

/// Finds module-level import blocks in a token stream.
struct ImportBlockScanner {
    private(set) var blocks: [ImportBlock] = []

    init(parse: ParseResult) {
        let tokens = parse.tokens
        let source = parse.source
        var depth = 0           // indentation depth (INDENT/DEDENT)
        var index = 0
        var current: ImportBlock? = nil
        var pendingCommentAfterBlock = false
        var firstCommentLineStart: Int? = nil

        func lineStart(_ offset: Int) -> Int {
            var k = offset
            while k > 0, source[k - 1] != 0x0A, source[k - 1] != 0x0D { k -= 1 }
            return k
        }
        func close(following: ImportBlock.Following) {
            guard var block = current else { return }
            block.following = following
            blocks.append(block)
            current = nil
            pendingCommentAfterBlock = false
            firstCommentLineStart = nil
        }

        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .indent: depth += 1; index += 1; continue
            case .dedent: depth -= 1; index += 1; continue
            case .nl, .newline: index += 1; continue
            case .comment:
                if current != nil, !pendingCommentAfterBlock {
                    pendingCommentAfterBlock = true
                    firstCommentLineStart = lineStart(Int(token.start))
                    if firstCommentLineStart != Int(token.start) - Self.indentWidth(source, before: Int(token.start)) {
                        firstCommentLineStart = nil // a comment after code on the line: not modelled
                    }
                }
                index += 1
                continue
            case .endMarker:
                if let block = current {
                    // End of file: the block's text runs through its last line's ending.
                    var end = block.statementsEnd
                    if end < source.count, source[end] == 0x0D { end += 1 }
                    if end < source.count, source[end] == 0x0A { end += 1 }
                    if end == block.statementsEnd { current!.isJudgeable = false } // no final line ending: not modelled
                    if pendingCommentAfterBlock { current!.isJudgeable = false }     // comments before the end of file: not modelled
                    close(following: .endOfFile(endOfLastLine: end))
                }
                index += 1
                continue
            default: break
            }
            // `index` is at the first token of a logical line.
            let start = Int(token.start)
            let atModuleLevel = depth == 0 && lineStart(start) == start
            if atModuleLevel, token.kind == .kwImport || token.kind == .kwFrom,
               let (statement, last, clean) = Self.parseImport(tokens: tokens, source: source, at: index) {
                if current == nil {
                    current = ImportBlock(lineStart: start)
                    pendingCommentAfterBlock = false
                    firstCommentLineStart = nil
                    // A comment on the line right above the block travels with its first import in ruff: not modelled.
                    if Self.previousLineIsComment(source, lineStart: start) { current!.isJudgeable = false }
                }
                if pendingCommentAfterBlock { current!.isJudgeable = false; pendingCommentAfterBlock = false }
                current!.statements.append(contentsOf: statement)
                current!.statementsEnd = Int(tokens[last].end)
                if !clean { current!.isJudgeable = false }
                // The statement must end with NEWLINE (not `;`), and no backslash may join its lines.
                var next = last + 1
                if next < tokens.count, tokens[next].kind == .comment { current!.isJudgeable = false; next += 1 }
                if next >= tokens.count || tokens[next].kind != .newline { current!.isJudgeable = false }
                index = next
                continue
            }
            // Any other statement ends the block. Own-line comments between the block and it belong
            // to the statement: the blank lines go before them.
            if current != nil {
                var isDefinition = token.kind == .kwDef || token.kind == .kwClass || token.kind == .at
                if token.kind == .kwAsync, index + 1 < tokens.count, tokens[index + 1].kind == .kwDef { isDefinition = true }
                var followingStart = lineStart(start)
                if pendingCommentAfterBlock {
                    if let commentStart = firstCommentLineStart {
                        // Comments count as the statement's own only when they run into it without a
                        // blank line; otherwise ruff treats them as a plain statement (one blank line).
                        if Self.containsBlankLine(source, from: commentStart, to: lineStart(start)) { isDefinition = false }
                        followingStart = commentStart
                    } else {
                        current!.isJudgeable = false
                    }
                }
                close(following: .statement(lineStart: followingStart, isDefinition: isDefinition))
            }
            // Skip to the end of this logical line (NEWLINE at bracket depth 0).
            while index < tokens.count, tokens[index].kind != .newline, tokens[index].kind != .endMarker { index += 1 }
        }
        if current != nil { close(following: .endOfFile(endOfLastLine: source.count)) }
    }

    /// True when a line between `from` and `to` (both line starts) holds only whitespace.
    static func containsBlankLine(_ source: [UInt8], from: Int, to: Int) -> Bool {
        var lineBegin = from
        var onlySpace = true
        var k = from
        while k < to {
            let byte = source[k]
            if byte == 0x0A || byte == 0x0D {
                if onlySpace, k >= lineBegin { return true }
                if byte == 0x0D, k + 1 < to, source[k + 1] == 0x0A { k += 1 }
                lineBegin = k + 1
                onlySpace = true
            } else if byte != 0x20, byte != 0x09, byte != 0x0C {
                onlySpace = false
            }
            k += 1
        }
        return false
    }

    /// Number of space/tab/form-feed bytes right before `offset` on its line.
    static func indentWidth(_ source: [UInt8], before offset: Int) -> Int {
        var k = offset
        while k > 0, source[k - 1] == 0x20 || source[k - 1] == 0x09 || source[k - 1] == 0x0C { k -= 1 }
        return offset - k
    }

    /// True when the line before the one starting at `lineStart` holds only a comment.
    static func previousLineIsComment(_ source: [UInt8], lineStart: Int) -> Bool {
        guard lineStart > 0 else { return false }
        var end = lineStart - 1
        if end > 0, source[end] == 0x0A, source[end - 1] == 0x0D { end -= 1 }
        var start = end
        while start > 0, source[start - 1] != 0x0A, source[start - 1] != 0x0D { start -= 1 }
        let line = source[start..<end].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
        return line.first == UInt8(ascii: "#")
    }

    /// Parses `import a.b as c, d` or `from ..m import (x as y, z)` starting at token `i`.
    /// Returns the statements (one per module for `import`), the index of the last token, and
    /// whether the statement is free of things the renderer does not model (comments, magic commas).
    static func parseImport(tokens: [Token], source: [UInt8], at start: Int) -> ([ImportStatement], Int, Bool)? {
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
            return (statements, i - 1, clean)
        }
        // from
        i += 1
        var level = 0
        while i < tokens.count, tokens[i].kind == .dot || tokens[i].kind == .ellipsis {
            level += tokens[i].kind == .dot ? 1 : 3
            i += 1
        }
        let module = dottedName()
        guard module != nil || level > 0, i < tokens.count, tokens[i].kind == .kwImport else { return nil }
        i += 1
        var members: [ImportMember] = []
        if i < tokens.count, tokens[i].kind == .star {
            return ([.from(module: module, level: level, members: [ImportMember("*")])], i, clean)
        }
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
                if i < tokens.count, tokens[i].kind == .rpar { clean = false; break } // magic trailing comma
            }
        }
        if parenthesised {
            guard i < tokens.count, tokens[i].kind == .rpar else { return nil }
            return ([.from(module: module, level: level, members: members)], i, clean)
        }
        return ([.from(module: module, level: level, members: members)], i - 1, clean)
    }
}
