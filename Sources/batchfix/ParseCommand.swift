import ArgumentParser
import BatchFixCore
import PythonSyntax

/// `batchfix parse`: parse Python files with PythonSyntax.
///
/// `--dump` prints the canonical AST dump (the text of `ast_dump.py` under CPython 3.13) for each file;
/// `--stats` prints files, bytes, seconds and MB/s for tokenizing and parsing (folders are searched for
/// `*.py`; files are read first, then timed from memory). Exit codes: 0 success, 1 some file has a
/// syntax error (with `--stats` or neither flag), 2 a file could not be read.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse Python files: print CPython's AST dump or parsing speed.")

    @Argument(help: "Python files (or, with --stats, folders to search for *.py).")
    var paths: [String]

    @Flag(help: "Print the canonical AST dump of each file (ast_dump.py's format).")
    var dump = false

    @Flag(help: "Print every token: kind, line:column range (UTF-8 bytes) and text.")
    var tokens = false

    @Flag(help: "Print throughput of tokenizing and parsing.")
    var stats = false

    @Option(help: "With --stats: time this many runs and report the fastest (the machine is shared).")
    var runs: Int = 5

    func run() async throws {
        var files: [(String, [UInt8])] = []
        for path in paths {
            for file in Self.expand(path) {
                guard FileSystem.isDirectory(file) == false, let data = FileSystem.readFile(file) else {
                    Output.error("batchfix: error: \(file): cannot read")
                    throw ExitCode(2)
                }
                files.append((file, data))
            }
        }
        var invalid = 0
        if tokens {
            for (path, bytes) in files {
                let result = PythonTokenizer.tokenize(bytes)
                let map = SourceMap(bytes)
                print("== \(path)")
                for t in result.tokens {
                    let s = map.location(of: Int(t.start)), e = map.location(of: Int(t.end))
                    let text = String(decoding: bytes[t.range], as: UTF8.self)
                    print("\(s.line):\(s.column)-\(e.line):\(e.column) \(t.kind) \(text.debugDescription)")
                }
                if let error = result.error {
                    let loc = map.location(of: error.offset)
                    print("error \(loc.line):\(loc.column) \(error.message)")
                }
            }
        }
        if dump {
            for (path, bytes) in files {
                let result = PythonParser.parse(bytes)
                if !result.isValid { invalid += 1 }
                Output.write(ASTDump.dump(result, path: path))
            }
        }
        if stats {
            let total = files.reduce(0) { $0 + $1.1.count }
            let clock = ContinuousClock()
            var tokenCount = 0, nodeCount = 0
            var tokTime = Duration.seconds(1_000_000), parseTime = Duration.seconds(1_000_000)
            for _ in 0..<max(1, runs) {
                tokenCount = 0
                tokTime = min(tokTime, clock.measure {
                    for (_, bytes) in files { tokenCount += PythonTokenizer.tokenize(bytes).tokens.count }
                })
                nodeCount = 0
                invalid = 0
                parseTime = min(parseTime, clock.measure {
                    for (_, bytes) in files {
                        let r = PythonParser.parse(bytes)
                        nodeCount += r.tree.nodes.count
                        if !r.isValid { invalid += 1 }
                    }
                })
            }
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }
            let mb = Double(total) / 1e6
            let t1 = seconds(tokTime), t2 = seconds(parseTime)
            Output.write("files: \(files.count)  bytes: \(total)  invalid: \(invalid)  (fastest of \(max(1, runs)) runs)\n")
            Output.write("tokenize: \(String(format3: t1)) s  \(String(format1: mb / t1)) MB/s  (\(tokenCount) tokens)\n")
            Output.write("parse:    \(String(format3: t2)) s  \(String(format1: mb / t2)) MB/s  (\(nodeCount) nodes; tokenize + parse)\n")
        }
        if !dump && !stats && !tokens {
            for (path, bytes) in files {
                let r = PythonParser.parse(bytes)
                for e in r.errors {
                    invalid += 1
                    Output.write("\(path):\(e.line):\(e.column + 1): SyntaxError: \(e.message)\n")
                }
            }
        }
        if invalid > 0 && !dump { throw ExitCode(1) }
    }

    /// A file stays itself; a folder becomes its `*.py` files, recursively, sorted.
    static func expand(_ path: String) -> [String] {
        guard FileSystem.isDirectory(path) else { return [path] }
        var out: [String] = []
        func walk(_ folder: String) {
            for (name, isDirectory) in FileSystem.listDirectory(folder) {
                let child = folder + "/" + name
                if isDirectory { walk(child) } else if name.hasSuffix(".py") { out.append(child) }
            }
        }
        walk(path)
        return out.sorted()
    }
}
