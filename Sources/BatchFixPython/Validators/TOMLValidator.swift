import BatchFixCore
import TOMLKit

/// Keeps `pyproject.toml` and other TOML files parseable: a change that breaks TOML syntax is rejected.
///
/// Uses TOMLKit (toml++ underneath), a full TOML 1.0 parser, rather than a hand check.
public struct TOMLValidator: DocumentValidator {
    public init() {}
    public var fileExtensions: Set<String> { ["toml"] }

    public func problem(in document: Document) -> ValidationProblem? {
        do {
            _ = try TOMLTable(string: document.text)
            return nil
        } catch let error as TOMLParseError {
            return ValidationProblem(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            return ValidationProblem(message: "invalid TOML: \(error)")
        }
    }
}
