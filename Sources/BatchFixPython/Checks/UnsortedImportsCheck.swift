import BatchFixCore
import PythonSyntax

/// I001 unsorted import block (isort's default profile, as ruff applies it).
///
/// **What it does**: finds a block of consecutive import statements whose text differs from the
/// sorted block: sections future, standard library, third party, first party, local (relative),
/// one blank line between sections, `import x` before `from x import y` within a section, names
/// sorted (constants, classes, then the rest), `import a, b` split, `from` imports of one module
/// merged, duplicates dropped, long `from` imports wrapped in parentheses one name a line; at the
/// top level, one blank line after the block (two before a `def`, `class` or decorator).
/// **Why**: a stable order makes imports easy to scan and diffs small; it is what isort and ruff write.
/// **Example**: `import sys\nimport os\n` → `import os\nimport sys\n`.
/// **Fix safety**: safe; the block is rewritten as a whole, nothing else moves. Blocks with comments,
/// `;`, backslash continuations or statements sharing a line are left alone (not reported): moving
/// comments is where sorters lose information.
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
        let parse = document.python
        guard parse.errors.isEmpty else { return [] }
        let scan = ImportScan(parse)
        let tokens = scan.tokens
        let bytes = document.bytes
        var found: [Diagnostic] = []
        var blockStart = 0
        let statements = scan.statements
        while blockStart < statements.count {
            // Grow the block while the next statement follows with only blank lines between.
            var blockEnd = blockStart
            while blockEnd + 1 < statements.count, Self.follows(statements[blockEnd + 1], statements[blockEnd], tokens: tokens) {
                blockEnd += 1
            }
            defer { blockStart = blockEnd + 1 }
            let block = Array(statements[blockStart...blockEnd])
            guard block.allSatisfy({ Self.isSortable($0, tokens: tokens, bytes: bytes) }) else { continue }
            let firstStart = Int(tokens[block[0].firstToken].start)
            let lineStart = Self.lineStart(of: firstStart, in: bytes)
            let indent = Array(bytes[lineStart..<firstStart])
            guard indent.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            let lastNewline = tokens[block.last!.terminator]
            var replaceEnd = Int(lastNewline.end)
            // Names written in a parenthesised import ending in a comma keep that one-a-line layout.
            let exploded = Set(block.filter(\.magicTrailingComma).flatMap { statement -> [String] in
                guard case let .from(module, level, members)? = statement.sortable.first else { return [] }
                return members.map { "\(level)|\(module ?? "")|\($0.name)|\($0.asName ?? "")" }
            })
            var expected = render(block.flatMap(\.sortable), indent: indent, lineEnding: document.lineEnding, exploded: exploded)
            if block[0].block == 0 {
                // Top level: the blank lines after the block are part of it (unless the file ends).
                var next = block.last!.terminator + 1
                while next < tokens.count, tokens[next].kind == .nl { next += 1 }
                if next < tokens.count, tokens[next].kind != .endMarker, tokens[next].kind != .dedent {
                    replaceEnd = Self.lineStart(of: Int(tokens[next].start), in: bytes)
                    // Comment lines right above a def/class belong to it; a blank line detaches them.
                    var code = next
                    while code + 1 < tokens.count, tokens[code].kind == .comment, tokens[code + 1].kind == .nl { code += 2 }
                    let kind = code < tokens.count ? tokens[code].kind : .endMarker
                    let blankLines = kind == .kwDef || kind == .kwClass || kind == .at || (kind == .kwAsync && code + 1 < tokens.count && tokens[code + 1].kind == .kwDef) ? 2 : 1
                    for _ in 0..<blankLines { expected += document.lineEnding }
                }
            }
            let range = TextRange(start: lineStart, end: replaceEnd)
            guard Array(bytes[range.asRange]) != expected else { continue }
            found.append(Diagnostic(
                code: "I001", range: TextRange(start: firstStart, end: Int(tokens[block.last!.lastToken].end)),
                message: "Import block is un-sorted or un-formatted",
                fix: [TextEdit(range: range, replacement: expected)]
            ))
        }
        return found
    }

    /// The sorted text of a block, each line indented by `indent`.
    func render(_ statements: [ImportStatement], indent: [UInt8], lineEnding: [UInt8], exploded: Set<String> = []) -> [UInt8] {
        let text = ImportBlockRenderer.render(
            ImportOrder.arrange(statements, classifier: classifier), lineLength: lineLength,
            lineEnding: String(decoding: lineEnding, as: UTF8.self), indent: String(decoding: indent, as: UTF8.self),
            keepWrapped: { statement in
                guard case let .from(module, level, members) = statement else { return false }
                return members.contains { exploded.contains("\(level)|\(module ?? "")|\($0.name)|\($0.asName ?? "")") }
            }
        )
        return Array(text.utf8)
    }

    /// True when `next` is in the same block as `previous` with only blank lines between.
    static func follows(_ next: ImportScan.Statement, _ previous: ImportScan.Statement, tokens: [Token]) -> Bool {
        guard next.block == previous.block, tokens[previous.terminator].kind == .newline, !next.afterSemicolon else { return false }
        var index = previous.terminator + 1
        while index < next.firstToken {
            guard tokens[index].kind == .nl else { return false }
            index += 1
        }
        return true
    }

    /// A statement we can rewrite without losing anything: on its own line(s), no comment inside or
    /// after it, no backslash continuation, not in an inline body.
    static func isSortable(_ statement: ImportScan.Statement, tokens: [Token], bytes: [UInt8]) -> Bool {
        guard !statement.afterSemicolon, tokens[statement.terminator].kind == .newline, !statement.sortable.isEmpty else { return false }
        if statement.firstToken > 0 {
            var before = statement.firstToken - 1
            while before > 0, tokens[before].kind == .nl { before -= 1 }
            if tokens[before].kind == .colon { return false }  // `if x: import y`
        }
        for index in statement.firstToken...statement.terminator where tokens[index].kind == .comment { return false }
        let start = Int(tokens[statement.firstToken].start)
        let end = Int(tokens[statement.terminator].start)
        return !bytes[start..<end].contains(UInt8(ascii: "\\"))
    }

    static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D { index -= 1 }
        return index
    }
}
