import Testing
@testable import PythonSyntax

@Suite struct SourceMapTests {
    @Test func bytesAndCharacters() {
        let map = SourceMap(Array("é = 1\nx = 'ü'\n".utf8))
        #expect(map.location(of: 0) == (1, 0))
        #expect(map.location(of: 3) == (1, 3))          // after "é " in bytes
        #expect(map.characterLocation(of: 3) == (1, 2))
        #expect(map.location(of: 7) == (2, 0))
        #expect(map.offset(line: 2, column: 4) == 11)
        #expect(map.offset(line: 1, characterColumn: 2) == 3)
        #expect(map.offset(line: 9, column: 0) == nil)
    }

    @Test func lineEndings() {
        let map = SourceMap(Array("a\r\nb\rc\nd".utf8))
        #expect(map.lineStarts == [0, 3, 5, 7])
        #expect(map.line(of: 6) == 3)
        #expect(map.location(of: 7) == (4, 0))
    }

    @Test func bomIsNotAColumn() {
        let map = SourceMap([0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8))
        #expect(map.location(of: 3) == (1, 0))
        #expect(map.location(of: 7) == (1, 4))
    }

    @Test func errorsCarryLineAndColumn() {
        let r = PythonParser.parse(Array("x = 1\ny = (\n".utf8))
        let e = try! #require(r.errors.first)
        #expect(e.line == 2 && e.column == 4 && e.offset == 10)
        #expect(e.message.contains("never closed"))
    }
}
