import BatchFixCore
import PythonSyntax

/// Keeps Python files parseable: a change whose result has a syntax error is rejected, with the
/// error's line and column.
///
/// Uses our own Python 3.13 parser, cached on the document snapshot, so the checks that verify the
/// same version reuse the parse.
public struct PythonValidator: DocumentValidator {
    public init() {}
    public var fileExtensions: Set<String> { PythonPack.fileExtensions }

    public func problem(in document: Document) -> ValidationProblem? {
        guard let error = document.python.errors.first else { return nil }
        return ValidationProblem(line: error.line, column: error.column + 1, message: "syntax error: \(error.message)")
    }
}

extension Document {
    /// The parse of this snapshot, computed once and shared by validators, checks and agents.
    public var python: ParseResult {
        cached(ParseResult.self) { PythonParser.parse(bytes) }
    }
}
