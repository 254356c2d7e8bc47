import ArgumentParser

/// `batchfix parse`: owned by the PythonSyntax work; replaced wholesale there.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse Python files (placeholder).")
}
