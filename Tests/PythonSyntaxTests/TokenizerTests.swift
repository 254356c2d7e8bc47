import Testing
@testable import PythonSyntax

@Suite struct TokenizerTests {
    func kinds(_ s: String) -> [TokenKind] { PythonTokenizer.tokenize(Array(s.utf8)).tokens.map(\.kind) }
    func texts(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return PythonTokenizer.tokenize(bytes).tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func keepsCommentsAndNonLogicalNewlines() {
        #expect(kinds("x = 1  # c\n\n# only\ny\n") == [
            .name, .equal, .number, .comment, .newline, .nl, .comment, .nl, .name, .newline, .endMarker])
        #expect(texts("x = 1  # c\n")[3] == "# c")
    }

    @Test func implicitJoiningInsideBrackets() {
        #expect(kinds("(1,\n # c\n 2)\n") == [.lpar, .number, .comma, .nl, .comment, .nl, .number, .rpar, .newline, .endMarker])
    }

    @Test func indentAndDedent() {
        #expect(kinds("if x:\n    y\nz\n") == [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endMarker])
        // No final newline: NEWLINE and DEDENT still come.
        #expect(kinds("if x:\n  y") == [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .dedent, .endMarker])
        // Tabs count to the next multiple of 8; spaces-only equal indentation is consistent.
        #expect(PythonTokenizer.tokenize(Array("if x:\n\ty\n        z\n".utf8)).error != nil)  // tab vs 8 spaces: TabError
        #expect(PythonTokenizer.tokenize(Array("if x:\n    y\n  z\n".utf8)).error?.message == "unindent does not match any outer indentation level")
    }

    @Test func fstringTokens() {
        #expect(kinds(#"f"a{x!r:>{w}}b""#) == [
            .fstringStart, .fstringMiddle, .lbrace, .name, .exclamation, .name, .colon, .fstringMiddle,
            .lbrace, .name, .rbrace, .rbrace, .fstringMiddle, .fstringEnd, .newline, .endMarker])
        #expect(kinds(#"f"{"q"}""#) == [.fstringStart, .lbrace, .string, .rbrace, .fstringEnd, .newline, .endMarker])
    }

    @Test func numbers() {
        for ok in ["1_000", "0x_ff", "0o17", "0b1", "1e-3", "1.", ".5", "1_0.0_1e1_0", "10j", "0_0", "00", "09.5"] {
            #expect(kinds(ok) == [.number, .newline, .endMarker], "\(ok)")
        }
        for bad in ["1__0", "0777", "1_", "0x", "0b2", "1e"] {
            #expect(PythonTokenizer.tokenize(Array(bad.utf8)).error != nil, "\(bad)")
        }
    }

    @Test func stringPrefixes() {
        for ok in ["r''", "u''", "b''", "br''", "Rb''", "f''", "fR''", "rf''", "BR''"] {
            #expect(kinds(ok).first == (ok.lowercased().contains("f") ? .fstringStart : .string), "\(ok)")
        }
        // `ur` is not a prefix: a name, then a string.
        #expect(kinds("ur''").prefix(2) == [.name, .string])
    }

    @Test func byteRangesAndKeywords() {
        let toks = PythonTokenizer.tokenize(Array("def  é():".utf8)).tokens
        #expect(toks[0].kind == .kwDef && toks[0].range == 0..<3)
        #expect(toks[1].kind == .name && toks[1].range == 5..<7)
        #expect(MemoryLayout<Token>.size == 12)
    }

    @Test func encodingProblemsAreErrors() {
        #expect(PythonTokenizer.tokenize([0x78, 0x3D, 0xE9, 0x0A]).error != nil)  // invalid UTF-8
        #expect(PythonTokenizer.tokenize(Array("# coding: latin-1\nx = 'caf".utf8) + [0xE9, 0x27, 0x0A]).error != nil)
        #expect(PythonTokenizer.tokenize(Array("# coding: latin-1\nx = 1\n".utf8)).error == nil)  // ASCII only: fine
        #expect(PythonTokenizer.tokenize(Array("# -*- coding: utf-8 -*-\nx = 'é'\n".utf8)).error == nil)
        #expect(PythonTokenizer.tokenize([0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8)).error == nil)
    }
}
