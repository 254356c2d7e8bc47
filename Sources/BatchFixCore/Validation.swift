/// Checks that a file's new text is still valid for its type (Python parses, TOML parses) before a
/// change is kept. One validator per file type, chosen by extension.
public protocol DocumentValidator: Sendable {
    /// Extensions this validator covers, without the dot (`py`, `pyi`, `toml`).
    var fileExtensions: Set<String> { get }
    /// nil when `document` is valid; otherwise the first problem, with its position.
    func problem(in document: Document) -> ValidationProblem?
}

/// Why a text is invalid, with its 1-based line and column when known.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(line: Int? = nil, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(line):\(column): \(message)"
        case let (line?, nil): "\(line): \(message)"
        default: message
        }
    }
}

/// Every text file must stay valid UTF-8 without NUL bytes, whatever its type.
public struct UTF8Validator: DocumentValidator {
    public init() {}
    public var fileExtensions: Set<String> { [] }

    public func problem(in document: Document) -> ValidationProblem? {
        if let nul = FileSystem.firstNUL(document.bytes) {
            let (line, column) = document.lines.lineAndColumn(of: nul, in: document.bytes)
            return ValidationProblem(line: line, column: column, message: "NUL byte in text")
        }
        if let bad = FileSystem.firstInvalidUTF8(document.bytes) {
            let (line, column) = document.lines.lineAndColumn(of: bad, in: document.bytes)
            return ValidationProblem(line: line, column: column, message: "invalid UTF-8")
        }
        return nil
    }
}

/// The validators of a run, looked up by file extension; UTF-8 validity is always checked.
public struct ValidatorSet: Sendable {
    private let byExtension: [String: any DocumentValidator]
    private let universal = UTF8Validator()

    public init(_ validators: [any DocumentValidator]) {
        var map: [String: any DocumentValidator] = [:]
        for validator in validators {
            for ext in validator.fileExtensions { map[ext] = validator }
        }
        byExtension = map
    }

    /// The first problem in `document`, or nil when every applicable validator accepts it.
    public func problem(in document: Document) -> ValidationProblem? {
        if let problem = universal.problem(in: document) { return problem }
        return byExtension[document.path.fileExtension]?.problem(in: document)
    }

    /// Like `problem(in:)`, memoised on the snapshot so each version is validated once.
    func cachedProblem(in document: Document) -> ValidationProblem? {
        document.cached(ValidationMemo.self) { ValidationMemo(problem: problem(in: document)) }.problem
    }
}

private struct ValidationMemo: Sendable {
    let problem: ValidationProblem?
}
