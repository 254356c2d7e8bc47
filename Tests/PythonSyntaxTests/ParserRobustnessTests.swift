import Dispatch
import Foundation
import PythonSyntax
import Synchronization
import Testing

/// Crash and hang robustness of `PythonParser.parse` (and `ASTDump.dump`): thousands of mutated
/// and random inputs, plus pathological nesting and size. Every input must come back with a
/// module or errors, within a time bound, without trapping, on a thread with a small stack: in
/// release builds (`swift test -c release`) 512 KiB, the stack of a secondary thread and of Swift
/// concurrency's threads on macOS; in debug builds, whose frames are several times larger
/// (measured: 99 nested `def`s need ~800 KiB unoptimised, <512 KiB optimised), 8 MiB, the
/// Linux default.
///
/// Deterministic: a seeded PRNG drives every mutation, so a failure names an input that the
/// next run rebuilds exactly. On Linux each test's inputs run in a child process (see `run`): a
/// trap is recorded as a failure naming the input, saved as `.build-robustness/crash-<label>.py`
/// (git-ignored, at the repository root), and the other inputs still run; crashes already
/// reported (`knownCrashes`, reproducers in Fixtures/crashes) are known issues. Before each parse
/// the input is also written to `.build-robustness/current.py` (label in `current.txt`). A hang
/// is reported with its input saved as `hang-<label>.py`.
@Suite(.serialized) struct ParserRobustnessTests {
    // MARK: - Inputs

    /// Small hand-written programs covering most of the grammar: the mutation seeds that are
    /// always there (fixtures and the stdlib corpus add more when present).
    static let builtinSeeds: [String] = [
        "import os, sys as system\nfrom . import (a, b as c)\nfrom ..pkg.mod import *\n",
        "def f(a, /, b: int = 1, *args: *Ts, c, d=2, **kw) -> list[int]:\n    \"\"\"Doc.\"\"\"\n    return [x for x in range(a) if x % 2 if (y := x)]\n",
        "@dataclass(frozen=True)\n@buttons[0].clicked.connect\nclass C[T: int, *Ts, **P](Base, metaclass=M):\n    x: int = 0\n    def m(self): ...\n",
        "async def main():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [i async for i in g() if await i]\n",
        "match p:\n    case [1, *rest] | (2, _):\n        pass\n    case {\"k\": v, **kw} if v > 0:\n        pass\n    case Point(x=0, y=-1.5 + 2j) as pt:\n        pass\n    case _:\n        pass\n",
        "s = f\"{x!r:>{width}.{prec}} {y=} {{literal}} {'nested' + f'{z}'}\"\nt = rb'\\d+' b'\\x00\\777' u'é\\N{EM DASH}'\n",
        "x = '''multi\nline''' \"\"\"with \\\" quotes\"\"\"\nn = 0x_ff + 0o17 + 0b1 + 1_000 + 1.5e-3 + .5 + 1. + 10j\n",
        "try:\n    pass\nexcept* (ValueError, TypeError) as eg:\n    raise RuntimeError from eg\nelse:\n    pass\nfinally:\n    del a[1:2, ::3], b.c\n",
        "type Alias[T = int] = list[T]\nglobal g\nlambda x, *a, k=1, **kw: (x, *a)\nprint(*a, **k)\nx[*a] = 1\n",
        "if a:\n\tif b:  # comment\n\t\tpass\n\telif c: d; e\nelse:\n  \\\n  f = (1,\n  2)\nwhile x: break\nfor i in *a, b: continue\n",
        "with (open(a) as f, open(b) as g):\n    (x): int = 1\n    y += [1, 2][::-1]\n    assert x, 'msg'\n    nonlocal_ = not a < b <= c is not d not in e\n",
        "class A:\r\n    def f(self):\r\n        return yield_ if (yield) else None\r\n\r\nx = 1\ry = 2\r",
        "\u{FEFF}# -*- coding: utf-8 -*-\nnäme = 'ﬁ'\nﬁle = ℌ = 1\n\u{0C}\ndef g(): return 1 if x else 2\n",
        "x = {**a, 'b': 1}\ny = {1, 2, *s}\nz = {k: v for k, v in d.items()}\nw = (i for i in x)\nf(i for i in x)\n",
    ]

    /// Byte strings mutations insert: tokens that change the lexical state.
    static let interestingTokens: [[UInt8]] = [
        "(", ")", "[", "]", "{", "}", "\"", "'", "\"\"\"", "'''", "f\"", "f'", "rb'", "\\", "\\\n", "\n", "\r", "\r\n",
        "\t", "    ", "\u{0C}", "#", ":", ";", ",", "=", ":=", "*", "**", "@", ".", "...", "->", "lambda", "def ", "class ",
        "if ", "else", "match ", "case ", "async ", "await ", "yield", "{x!r:{y}}", "{{", "}}", "\\N{", "\\x", "\\u",
        "0x", "1_", "1e", "j", "é", "\u{FEFF}", "\u{0}", "\u{7F}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Fixture `.py` files of this test target and a deterministic sample of corpus/stdlib-3.13.
    static func fileSeeds() -> [(String, [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        let fm = FileManager.default
        func collect(_ dir: URL, maxBytes: Int, every: Int, limit: Int) {
            guard let walker = fm.enumerator(at: dir, includingPropertiesForKeys: nil) else { return }
            var paths: [String] = []
            for case let url as URL in walker where url.pathExtension == "py" && !url.path.contains("/Fixtures/crashes/") {
                paths.append(url.path)
            }
            var taken = 0
            for (i, path) in paths.sorted().enumerated() where i % every == 0 && taken < limit {
                guard let data = fm.contents(atPath: path), data.count <= maxBytes else { continue }
                seeds.append((path, [UInt8](data)))
                taken += 1
            }
        }
        collect(repositoryRoot.appendingPathComponent("Tests/PythonSyntaxTests/Fixtures"), maxBytes: 32_768, every: 1, limit: 200)
        collect(repositoryRoot.appendingPathComponent("corpus/stdlib-3.13"), maxBytes: 12_000, every: 9, limit: 40)
        return seeds
    }

    // MARK: - Guarded parsing

    /// What a guarded run reports back.
    struct Outcome: Sendable {
        var errors: [SyntaxError]
        var hasModule: Bool
        var dumpBytes: Int
    }

    /// Result slot shared with the worker thread (the Mutex makes it Sendable).
    final class Slot: Sendable {
        let value = Mutex<Outcome?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    static let workDirectory: URL = {
        let dir = repositoryRoot.appendingPathComponent(".build-robustness")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    #if DEBUG
    static let workerStackSize = 8 << 20
    #else
    static let workerStackSize = 512 << 10
    #endif

    /// Parses (and optionally dumps) `input` on a `workerStackSize` thread; nil if it does not finish
    /// within `limit` (the input is then saved as `hang-<label>.py`).
    static func guardedParse(_ input: [UInt8], label: String, dump: Bool, limit: Duration) -> Outcome? {
        overwrite(workDirectory.appendingPathComponent("current.py").path, input)
        overwrite(workDirectory.appendingPathComponent("current.txt").path, Array((label + "\n").utf8))
        let slot = Slot()
        let thread = Thread {
            let result = PythonParser.parse(input)
            let dumpBytes = dump ? ASTDump.dump(result, path: "input.py").utf8.count : 0
            slot.value.withLock { $0 = Outcome(errors: result.errors, hasModule: result.tree.root.exists, dumpBytes: dumpBytes) }
            slot.done.signal()
        }
        thread.stackSize = workerStackSize
        thread.start()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        guard slot.done.wait(timeout: .now() + seconds) == .success else {
            let saved = workDirectory.appendingPathComponent("hang-\(label.filter { $0.isLetter || $0.isNumber || $0 == "-" }).py")
            _ = FileManager.default.createFile(atPath: saved.path, contents: Data(input))
            Issue.record("\(label): no result within \(limit) (input saved to \(saved.path))")
            return nil
        }
        return slot.value.withLock { $0 }
    }

    /// Replaces the file's contents in place (no temp file, no fsync: this runs per input).
    static func overwrite(_ path: String, _ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Time bound for one input: generous for debug builds, proportional to size.
    static func limit(for input: [UInt8]) -> Duration {
        .seconds(3) + .milliseconds(input.count / 100)  // 3 s + 10 s per MB
    }

    /// The contract: a module or errors; errors lie inside the source, with the line and column of
    /// their offset (lines end at LF, CRLF or a lone CR; the column counts UTF-8 bytes, not
    /// counting a BOM, as CPython's).
    static func checkOutcome(_ outcome: Outcome, _ input: [UInt8], _ label: String) {
        if outcome.errors.isEmpty && !outcome.hasModule {
            Issue.record("\(label): neither a module nor an error")
        }
        for e in outcome.errors {
            guard e.offset >= 0, e.offset <= input.count else {
                Issue.record("\(label): error offset \(e.offset) outside 0...\(input.count): \(e.message)")
                return
            }
            var line = 1, lineStart = 0, i = 0
            while i < e.offset {
                if input[i] == 0x0A || (input[i] == 0x0D && (i + 1 >= input.count || input[i + 1] != 0x0A)) {
                    line += 1; lineStart = i + 1
                }
                i += 1
            }
            if line == 1, input.starts(with: [0xEF, 0xBB, 0xBF]), e.offset >= 3 { lineStart = 3 }
            if e.line != line || e.column != e.offset - lineStart {
                Issue.record("\(label): error at offset \(e.offset) says \(e.line):\(e.column), the offset is \(line):\(e.offset - lineStart): \(e.message)")
                return
            }
        }
    }

    // MARK: - Mutations

    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One to four random edits: delete, duplicate or swap a range, truncate, insert a token,
    /// overwrite a byte.
    static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let n = bytes.count
            func range(max: Int) -> Range<Int> {
                let start = Int.random(in: 0...n, using: &rng)
                return start..<min(n, start + Int.random(in: 0...max, using: &rng))
            }
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: bytes.removeSubrange(range(max: 64))
            case 1:
                let copy = Array(bytes[range(max: 256)])
                bytes.insert(contentsOf: copy, at: Int.random(in: 0...n, using: &rng))
            case 2:
                let a = range(max: 48), b = range(max: 48)
                guard a.upperBound <= b.lowerBound else { break }
                let first = Array(bytes[a]), second = Array(bytes[b])
                bytes.replaceSubrange(b, with: first)
                bytes.replaceSubrange(a, with: second)
            case 3: bytes.removeSubrange(Int.random(in: 0...n, using: &rng)...)
            case 4, 5:
                bytes.insert(contentsOf: interestingTokens.randomElement(using: &rng)!, at: Int.random(in: 0...n, using: &rng))
            default:
                if n > 0 { bytes[Int.random(in: 0..<n, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            }
        }
        return bytes
    }

    /// Runs every input through the guarded parse and the contract checks; stops at the first hang.
    /// `PARSER_ROBUSTNESS_VERBOSE=1` prints each input's time.
    static let verbose = ProcessInfo.processInfo.environment["PARSER_ROBUSTNESS_VERBOSE"] == "1"

    /// What one input must satisfy beyond the contract.
    enum Expectation: Sendable {
        /// A module or errors (the contract only).
        case contract
        /// CPython accepts the input: no errors, and a non-empty dump.
        case valid
    }

    /// Set in a worker process: the name of the one test it runs, and the input to start from.
    static let workerTest = ProcessInfo.processInfo.environment["PARSER_ROBUSTNESS_WORKER"]
    static let workerStart = Int(ProcessInfo.processInfo.environment["PARSER_ROBUSTNESS_START"] ?? "") ?? 0

    /// Parser crashes already reported (each has a reproducer in Fixtures/crashes): a worker crash
    /// whose report contains the signature is recorded as a known issue, so the rest of the suite
    /// keeps its meaning until the parser is fixed. Any other crash is a failure.
    /// (Empty: fstring-debug-unclosed.py was fixed by parser commit a8b31d7.)
    static let knownCrashes: [(signature: String, note: String)] = []

    /// Runs `inputs` for test `name`. On Linux they run in a child process (this test binary,
    /// filtered to this one test, with PARSER_ROBUSTNESS_WORKER set), so that a trap becomes a
    /// recorded failure naming its input (saved as `.build-robustness/crash-<label>.py`) and the
    /// remaining inputs still run (the child restarts after the crashing input, at most 10 times).
    /// Elsewhere, and inside the child, they run in this process.
    static func run(_ name: String, _ inputs: [(String, [UInt8])], dump: Bool, expect: Expectation = .contract) {
        if let worker = workerTest {
            if worker == name { runInProcess(name, inputs, from: workerStart, dump: dump, expect: expect) }
            return
        }
        #if os(Linux)
        runIsolated(name, inputs)
        #else
        runInProcess(name, inputs, from: 0, dump: dump, expect: expect)
        #endif
    }

    static func runInProcess(_ name: String, _ inputs: [(String, [UInt8])], from start: Int, dump: Bool, expect: Expectation) {
        let clock = ContinuousClock()
        let progress = workDirectory.appendingPathComponent("\(name).index").path
        for index in inputs.indices where index >= start {
            let (label, input) = inputs[index]
            overwrite(progress, Array("\(index)\n".utf8))
            let began = clock.now
            let limit = limit(for: input) + (expect == .valid ? .seconds(10) : .zero)
            guard let outcome = guardedParse(input, label: label, dump: dump, limit: limit) else { return }
            if verbose { print("\(label): \(input.count) bytes, \(clock.now - began)") }
            checkOutcome(outcome, input, label)
            if dump { #expect(outcome.dumpBytes > 0, "\(label): empty dump") }
            if expect == .valid {
                #expect(outcome.errors.isEmpty, "\(label): \(outcome.errors.first.map { "\($0.line):\($0.column) \($0.message)" } ?? "")")
            }
        }
    }

    #if os(Linux)
    static func runIsolated(_ name: String, _ inputs: [(String, [UInt8])]) {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            Issue.record("cannot find this test binary to run \(name) in a child process")
            return
        }
        let progress = workDirectory.appendingPathComponent("\(name).index")
        let log = workDirectory.appendingPathComponent("\(name).log")
        var start = 0
        for _ in 0..<10 {
            try? FileManager.default.removeItem(at: progress)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "ParserRobustnessTests/\(name)"]
            var environment = ProcessInfo.processInfo.environment
            environment["PARSER_ROBUSTNESS_WORKER"] = name
            environment["PARSER_ROBUSTNESS_START"] = String(start)
            child.environment = environment
            guard let handle = try? FileHandle(forWritingTo: log) else { return }
            child.standardOutput = handle
            child.standardError = handle
            do { try child.run() } catch {
                Issue.record("cannot start the worker for \(name): \(error)")
                return
            }
            child.waitUntilExit()
            try? handle.close()
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if verbose { print(output) }
            if child.terminationReason == .exit {
                if child.terminationStatus != 0 {
                    let lines = output.split(separator: "\n").filter { $0.contains("recorded an issue") || $0.contains("↳") || $0.contains("error") }
                    Issue.record("\(name) worker failed (status \(child.terminationStatus)):\n\(lines.prefix(40).joined(separator: "\n"))")
                }
                return
            }
            // The worker died on a signal: the input it was parsing is the crash.
            let index = (try? String(contentsOf: progress, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            guard let index, inputs.indices.contains(index) else {
                Issue.record("\(name) worker died (signal \(child.terminationStatus)) before its first input:\n\(output.suffix(2000))")
                return
            }
            let label = inputs[index].0
            var base = label.split(separator: "/").last.map(String.init) ?? label
            if base.hasSuffix(".py") { base.removeLast(3) }
            let saved = workDirectory.appendingPathComponent("crash-\(base).py")
            _ = FileManager.default.createFile(atPath: saved.path, contents: Data(inputs[index].1))
            let report = output.split(separator: "\n").filter { $0.contains("Fatal error") || $0.contains(" at /") }.prefix(8).joined(separator: "\n")
            let message = "\(name): parser crashed (signal \(child.terminationStatus)) on \(label), saved as \(saved.path)\n\(report)"
            if let known = knownCrashes.first(where: { output.contains($0.signature) }) {
                withKnownIssue("known parser crash: \(known.note)", isIntermittent: true) { Issue.record(Comment(rawValue: message)) }
            } else {
                Issue.record(Comment(rawValue: message))
            }
            start = index + 1
            if start >= inputs.count { return }
        }
        Issue.record("\(name): stopped after 10 crashing inputs")
    }
    #endif

    // MARK: - Tests

    @Test func mutatedSeeds() {
        let seeds = Self.builtinSeeds.enumerated().map { ("builtin\($0.offset)", Array($0.element.utf8)) } + Self.fileSeeds()
        var rng = SeededGenerator(state: 0xBA7C_4F1C)
        let perSeed = max(20, (3000 + seeds.count - 1) / seeds.count)
        var inputs: [(String, [UInt8])] = []
        for (name, seed) in seeds {
            inputs.append(("\(name)", seed))
            for k in 0..<perSeed { inputs.append(("\(name)-mutant\(k)", Self.mutate(seed, &rng))) }
        }
        #expect(inputs.count >= 3000)
        Self.run("mutatedSeeds", inputs, dump: true)
    }

    @Test func randomBytes() {
        var rng = SeededGenerator(state: 42)
        var inputs: [(String, [UInt8])] = []
        for k in 0..<600 {
            let n = Int.random(in: 0...2000, using: &rng)
            let bytes: [UInt8]
            if k % 2 == 0 {
                bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {  // token soup: more likely to get deep into the grammar
                bytes = (0..<n / 4).flatMap { _ in Self.interestingTokens.randomElement(using: &rng)! + [0x61] }
            }
            inputs.append(("random\(k)", bytes))
        }
        Self.run("randomBytes", inputs, dump: true)
    }

    /// Pathological nesting and size: errors are fine, traps and hangs are not.
    @Test func pathologicalInputs() {
        func rep(_ s: String, _ n: Int) -> [UInt8] { Array(String(repeating: s, count: n).utf8) }
        var nestedIfs: [UInt8] = []
        nestedIfs.reserveCapacity(50_100_000)
        for depth in 0..<10_000 {
            nestedIfs.append(contentsOf: repeatElement(0x20, count: depth))
            nestedIfs.append(contentsOf: Array("if x:\n".utf8))
        }
        nestedIfs.append(contentsOf: repeatElement(0x20, count: 10_000))
        nestedIfs.append(contentsOf: Array("pass\n".utf8))
        // 5 MB single lines: a string, a comment; a 1 MB list of 333,333 items (in debug builds
        // the parser takes ~2 s per MB of such dense tokens, so 5 MB of them would dominate the suite).
        var bigList = Array("x = [".utf8)
        bigList.append(contentsOf: rep("1, ", 1_000_000 / 3))
        bigList.append(contentsOf: Array("]\n".utf8))
        let inputs: [(String, [UInt8])] = [
            ("parens10000", rep("(", 10_000)),
            ("mixedBrackets10000", rep("([{", 3_334)),
            ("closers10000", rep(")", 10_000)),
            ("nestedIfs10000", nestedIfs),
            ("nestedDefs1000", Array((0..<1_000).map { String(repeating: " ", count: $0) + "def f():\n" }.joined().utf8) + rep(" ", 1_000) + Array("pass\n".utf8)),
            ("plusChain100000", Array(("a" + String(repeating: "+a", count: 100_000)).utf8)),
            ("notChain10000", rep("not ", 10_000) + [0x61]),
            ("negChain100000", rep("-", 100_000) + [0x61]),
            ("powChain10000", Array(("a" + String(repeating: "**a", count: 10_000)).utf8)),
            ("ifElseChain10000", rep("a if b else ", 10_000) + [0x63]),
            ("lambdaChain10000", rep("lambda: ", 10_000) + [0x61]),
            ("awaitChain10000", rep("await ", 10_000) + [0x61]),
            ("attrChain100000", Array(("a" + String(repeating: ".b", count: 100_000)).utf8)),
            ("callChain100000", Array(("f" + String(repeating: "()", count: 100_000)).utf8)),
            ("subscriptChain100000", Array(("a" + String(repeating: "[0]", count: 100_000)).utf8)),
            ("assignChain100000", rep("a = ", 100_000) + [0x31]),
            ("compareChain100000", Array(("a" + String(repeating: " < a", count: 100_000)).utf8)),
            ("tuple100000", rep("a, ", 100_000)),
            ("strings100000", rep("'a' ", 100_000)),
            ("fstringNesting300", rep("f\"{", 300) + [0x31] + rep("}\"", 300)),
            ("decorators100000", rep("@a\n", 100_000) + Array("def f(): pass\n".utf8)),
            ("starredChain10000", rep("*", 10_000) + [0x61]),
            ("unclosedTriple", Array("x = '''".utf8) + rep("abc\n", 100_000)),
            ("oneMBList", bigList),
            ("fiveMBComment", Array("x = 1  # ".utf8) + rep("comment ", 655_360)),
            ("fiveMBString", Array("x = '".utf8) + rep("abcdefgh", 655_360) + Array("'\n".utf8)),
        ]
        Self.run("pathologicalInputs", inputs, dump: false)
    }

    /// Crash reproducers found by fuzzing (Fixtures/crashes, see its README). Isolated like the
    /// rest: a crash listed in `knownCrashes` is a known issue, any other one a failure.
    @Test func crashReproducers() throws {
        let dir = Self.repositoryRoot.appendingPathComponent("Tests/PythonSyntaxTests/Fixtures/crashes")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        #expect(!names.isEmpty)
        let inputs = try names.map { ($0, try [UInt8](Data(contentsOf: dir.appendingPathComponent($0)))) }
        Self.run("crashReproducers", inputs, dump: true)
    }

    /// Deep inputs CPython 3.13 accepts (measured: `ast.parse` succeeds): ours must parse them
    /// without errors and dump them, still on the small worker stack.
    @Test func deepInputsCPythonAccepts() {
        func rep(_ s: String, _ n: Int) -> [UInt8] { Array(String(repeating: s, count: n).utf8) }
        let inputs: [(String, [UInt8])] = [
            ("plusChain2000", Array(("a" + String(repeating: "+a", count: 2_000)).utf8)),
            ("negChain1000", rep("-", 1_000) + [0x61]),
            ("powChain1000", Array(("a" + String(repeating: "**a", count: 1_000)).utf8)),
            ("ifElseChain1000", rep("a if b else ", 1_000) + [0x63]),
            ("lambdaChain1000", rep("lambda: ", 1_000) + [0x61]),
            ("notChain100", rep("not ", 100) + [0x61]),
            ("parens190", rep("(", 190) + [0x61] + rep(")", 190)),
            ("nestedIfs99", Array((0..<99).map { String(repeating: " ", count: $0) + "if x:\n" }.joined().utf8) + rep(" ", 99) + Array("pass\n".utf8)),
            ("assignChain100000", rep("a = ", 100_000) + [0x31]),
            ("strings100000", rep("'a' ", 100_000)),
        ]
        Self.run("deepInputsCPythonAccepts", inputs, dump: true, expect: .valid)
    }
}
