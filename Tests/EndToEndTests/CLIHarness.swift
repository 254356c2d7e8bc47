import Dispatch
import Foundation
import Testing

/// Runs the built `batchfix` executable on fixture projects copied into temp folders.
struct CLI {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `batchfix` binary next to the test bundle (same build folder).
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("batchfix")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return fromSource.appendingPathComponent(".build/debug/batchfix")
    }

    /// Runs the CLI on a Dispatch thread, so the waiting never occupies Swift's cooperative pool
    /// (two threads here: blocked tests would starve every other test of the suite).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(arguments, in: directory, environment: environment) })
            }
        }
    }

    static func runBlocking(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a chatty child never blocks on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fixture project copied into a fresh temp folder, removed when the test ends.
final class TempProject {
    let url: URL

    init(fixture: String? = nil) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("batchfix-e2e-\(UUID().uuidString)")
        if let fixture {
            // The bundled demo project is the README's own example: test exactly that one.
            let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Examples")
            let fromExamples = examples.appendingPathComponent(fixture)
            let source = FileManager.default.fileExists(atPath: fromExamples.path)
                ? fromExamples : Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(fixture)
            try FileManager.default.copyItem(at: source, to: url)
        } else {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Every file's bytes, keyed by relative path.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result[String(file.path.dropFirst(url.path.count + 1))] = try Data(contentsOf: file)
        }
        return result
    }
}
