import BatchFixCore
import PythonSyntax

extension Document {
    /// The semantic index of this snapshot's parse, built once per document version and shared.
    public var semantics: SemanticIndex {
        cached(SemanticIndex.self) { SemanticIndex(python) }
    }
}
