import ArgumentParser

@main
struct BatchFixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchfix",
        abstract: "Fix batches of code-quality issues in Python projects, verified and atomic.",
        subcommands: [ParseCommand.self]
    )
}
