/// A syntax error: where and why. A value, never thrown by the parser API.
public struct SyntaxError: Sendable, Error, Hashable {
    /// Byte offset in the source.
    public let offset: Int
    /// 1-based line (matches CPython's `SyntaxError.lineno`).
    public let line: Int
    /// 0-based UTF-8 byte column within the line.
    public let column: Int
    /// What went wrong (CPython's wording where it was practical; informative only).
    public let message: String

    /// Creates an error record.
    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset; self.line = line; self.column = column; self.message = message
    }
}

/// The result of parsing one file: the tree (possibly partial), all tokens, the source map and errors.
public struct ParseResult: Sendable {
    /// Syntax errors, first one first; empty for a valid file. The parser stops at the first error.
    public let errors: [SyntaxError]
    /// The node arena; `tree.root` is the `Module` node.
    public let tree: SyntaxTree
    /// Every token, comments and NL included, ending with `.endMarker`.
    public let tokens: [Token]
    /// Offset ↔ line/column conversion.
    public let sourceMap: SourceMap
    /// The bytes that were parsed.
    public let source: [UInt8]

    /// True when there are no errors.
    public var isValid: Bool { errors.isEmpty }
}

/// Entry point: parses a whole Python 3.13 file.
public enum PythonParser {
    /// Parses `source` (bytes as on disk). Never throws, never traps: errors are in `ParseResult.errors`.
    public static func parse(_ source: [UInt8]) -> ParseResult {
        let tokenized = PythonTokenizer.tokenize(source)
        let map = SourceMap(source)
        // Recursion is bounded (brackets by the tokenizer, other nesting by `Parser.maxDepth`); make
        // sure the thread has the stack that bound needs, or parse on a thread with a large stack.
        let outcome = withStack(atLeast: Parser.stackBudget(tokenized)) {
            Parser.run(source: source, tokens: tokenized)
        }
        let errors = outcome.error.map { e -> [SyntaxError] in
            let loc = map.location(of: e.offset)
            return [SyntaxError(offset: e.offset, line: loc.line, column: loc.column, message: e.message)]
        } ?? []
        return ParseResult(errors: errors, tree: outcome.tree, tokens: tokenized.tokens, sourceMap: map, source: source)
    }
}

struct ParserOutcome: Sendable {
    var tree: SyntaxTree
    var error: TokenizerError?
}
