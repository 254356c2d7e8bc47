import PythonSyntax
import Testing

/// Found by comparing W291/W293/W292/W391 with ruff on generated files: a last line of only
/// whitespace, without a line ending, whose width matches no open indentation level, is rejected
/// ("unindent does not match any outer indentation level") though CPython accepts the file. The
/// pack then reports nothing in such files (safe, but nothing gets fixed). The bug is in
/// PythonSyntax's tokenizer, outside this pack; this test fails once it is fixed, so the known
/// issue can be removed.
@Suite("Known PythonSyntax issue seen from the Python pack")
struct KnownParserIssueTests {
    @Test("whitespace-only last line without newline after an indented block parses")
    func whitespaceOnlyLastLine() {
        withKnownIssue("PythonSyntax: whitespace-only unterminated last line is taken as a bad dedent") {
            for source in ["if x:\n    y = 2\n  ", "def f():\n    y = 2  \n ", "x = 1\nif x:\n    y = 2\n \t"] {
                let errors = PythonParser.parse(Array(source.utf8)).errors
                #expect(errors.isEmpty, "\(source.debugDescription): \(errors.first?.message ?? "")")
            }
        }
    }
}
