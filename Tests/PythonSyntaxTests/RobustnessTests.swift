import Foundation
import Testing
@testable import PythonSyntax

/// Any input returns a module or errors, in bounded time, without trapping.
@Suite struct RobustnessTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    func check(_ bytes: [UInt8]) {
        let r = PythonParser.parse(bytes)
        for e in r.errors { #expect(e.offset >= 0 && e.offset <= bytes.count && e.line >= 1) }
        if r.errors.isEmpty { #expect(r.tree.root.exists) }
        _ = ASTDump.dump(r, path: "x.py")
    }

    @Test func randomBytes() {
        var rng = SplitMix(state: 42)
        for _ in 0..<300 {
            let n = Int.random(in: 0..<400, using: &rng)
            check((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    @Test func randomPythonishBytes() {
        let alphabet = Array("()[]{}:;,.=+-*/%@<>!~^&|'\"#\\\n\r\t\u{0C} abcxyz019_fbruFBR".utf8)
        var rng = SplitMix(state: 7)
        for _ in 0..<1500 {
            let n = Int.random(in: 0..<200, using: &rng)
            check((0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
        }
    }

    @Test func mutatedFixtures() throws {
        let dir = FixtureTests.directory
        var rng = SplitMix(state: 99)
        for name in FixtureTests.names where name.hasPrefix("g_") || name.hasPrefix("tok_") {
            let source = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            for _ in 0..<25 {
                var s = source
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: s = Array(s.prefix(Int.random(in: 0...s.count, using: &rng)))
                case 1: if !s.isEmpty { s.remove(at: Int.random(in: 0..<s.count, using: &rng)) }
                default: if !s.isEmpty { s[Int.random(in: 0..<s.count, using: &rng)] = UInt8.random(in: 0...127, using: &rng) }
                }
                check(s)
            }
        }
    }

    @Test(arguments: [
        "x = " + String(repeating: "(", count: 100_000),
        "x = " + String(repeating: "-", count: 200_000) + "1",
        "x = " + String(repeating: "not ", count: 100_000) + "1",
        "x = " + String(repeating: "lambda: ", count: 50_000) + "1",
        "x = " + String(repeating: "1 if 1 else ", count: 50_000) + "1",
        "x = " + String(repeating: "2 ** ", count: 50_000) + "1",
        "x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
        "x = " + String(repeating: "f'{", count: 150) + "1" + String(repeating: "}'", count: 150),
        "if x: pass\n" + String(repeating: "elif x: pass\n", count: 20_000),
    ])
    func deepInputIsBounded(_ text: String) {
        check(Array(text.utf8))
    }

    /// The parser stays within the stack budget it asks for (checked on a thread of exactly that size).
    @Test(arguments: [
        "x = " + String(repeating: "-", count: 5_000) + "1",
        "x = " + String(repeating: "not ", count: 5_000) + "1",
        "x = " + String(repeating: "lambda: ", count: 5_000) + "1",
        "x = " + String(repeating: "1 if 1 else ", count: 5_000) + "1",
        "x = " + String(repeating: "2 ** ", count: 5_000) + "1",
        "x = " + String(repeating: "(", count: 199) + String(repeating: ")", count: 199),
        "x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
        "x = " + String(repeating: "{", count: 199) + String(repeating: "}", count: 199),
        "x = " + String(repeating: "f'{", count: 150) + "1" + String(repeating: "}'", count: 150),
        "x = " + String(repeating: "a(", count: 199) + String(repeating: ")", count: 199),
        "x = " + String(repeating: "a[", count: 199) + String(repeating: "]", count: 199),
        "if x: pass\n" + String(repeating: "elif x: pass\n", count: 5_000),
        // Below the depth limit, the budget comes from the tokenizer's bound: check that it holds.
        "x = " + String(repeating: "-", count: 300) + "1",
        "x = " + String(repeating: "not ", count: 300) + "1",
        "x = " + String(repeating: "lambda: ", count: 300) + "1",
        "x = " + String(repeating: "1 if 1 else ", count: 300) + "1",
        "x = " + String(repeating: "f'{", count: 100) + "1" + String(repeating: "}'", count: 100),
        "x = " + String(repeating: "a(b=", count: 150) + "1" + String(repeating: ")", count: 150),
        "x = " + String(repeating: "[[", count: 90) + String(repeating: "]]", count: 90),
        (0..<99).map { String(repeating: " ", count: $0) + "if -(-(-x)):\n" }.joined() + String(repeating: " ", count: 99) + "pass\n",
        "if x: pass\n" + String(repeating: "elif x: pass\n", count: 300),
    ])
    func parserFitsItsStackBudget(_ text: String) {
        let bytes = Array(text.utf8)
        let tokens = PythonTokenizer.tokenize(bytes)
        let budget = Parser.stackBudget(tokens)
        let outcome = runWithLargeStack(stackSize: budget) { Parser.run(source: bytes, tokens: tokens) }
        #expect(outcome.tree.nodes.count > 0 || outcome.error != nil)
    }

    /// Inputs that once trapped (found by libFuzzer with ASan over the fixtures).
    @Test(arguments: [
        "f\"{ x =\n",
    ])
    func fuzzRegressions(_ text: String) {
        check(Array(text.utf8))
    }

    @Test func deepButLegalNestingParses() {
        let text = "x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + "\n"
        let r = PythonParser.parse(Array(text.utf8))
        #expect(r.errors.isEmpty)
        #expect(PythonParser.parse(Array("x = (\n".utf8)).errors.first?.line == 1)
    }
}
