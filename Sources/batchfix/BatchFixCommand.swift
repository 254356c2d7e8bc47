import ArgumentParser
import BatchFixCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `batchfix` command: `fix`, `check` and `parse`.
///
/// Exit codes: 0 nothing left to fix, 1 issues remain, 2 usage or I/O error.
struct BatchFixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchfix",
        abstract: "Fix batches of code-quality issues in Python projects: every fix verified, every write atomic.",
        discussion: "Exit codes: 0 nothing left to fix, 1 issues remain, 2 usage or I/O error.",
        version: "0.1.0",
        subcommands: [FixCommand.self, CheckCommand.self, ParseCommand.self]
    )
}

/// Entry point: maps every error to the documented exit codes (ArgumentParser's own usage code is 64).
@main
enum Main {
    static func main() async {
        do {
            var command = try BatchFixCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Output.flush()
        } catch let exit as ExitCode {
            Output.flush()
            Glibc.exit(exit.rawValue)
        } catch let error as BatchFixError {
            Output.flush()
            Output.error("batchfix: error: \(error)")
            Glibc.exit(2)
        } catch {
            Output.flush()
            let code = BatchFixCommand.exitCode(for: error)
            let message = BatchFixCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.write(message + "\n") }
                Output.flush()
                Glibc.exit(0)
            }
            Output.error(message)
            Glibc.exit(2)
        }
    }
}
