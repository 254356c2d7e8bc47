import Testing
@testable import BatchFixCore

@Suite struct TextRangeTests {
    @Test func insertionsInsideARangeOverlapIt() {
        #expect(TextRange(start: 2, end: 2).overlaps(TextRange(start: 1, end: 4)))
        #expect(!TextRange(start: 1, end: 1).overlaps(TextRange(start: 1, end: 4)))
        #expect(!TextRange(start: 0, end: 2).overlaps(TextRange(start: 2, end: 4)))
    }
}
