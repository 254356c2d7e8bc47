import PythonSyntax
import Testing

/// Found by comparing W291/W293/W292/W391 with ruff on generated files: a last line of only
/// whitespace, without a line ending, whose width matches no open indentation level, was rejected
/// ("unindent does not match any outer indentation level") though CPython accepts the file; the
/// pack then reported nothing in such files. Fixed in PythonSyntax's tokenizer; kept as a regression test.
@Suite("Whitespace-only last lines parse, as in CPython")
struct KnownParserIssueTests {
    @Test("whitespace-only last line without newline after an indented block parses")
    func whitespaceOnlyLastLine() {
        for source in ["if x:\n    y = 2\n  ", "def f():\n    y = 2  \n ", "x = 1\nif x:\n    y = 2\n \t"] {
            let errors = PythonParser.parse(Array(source.utf8)).errors
            #expect(errors.isEmpty, "\(source.debugDescription): \(errors.first?.message ?? "")")
        }
    }
}
