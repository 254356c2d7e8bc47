import Foundation

/// Reads a file of the copied `Fixtures` folder.
func fixtureBytes(_ name: String) throws -> [UInt8] {
    guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureError.missing("Fixtures")
    }
    let url = base.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else { throw FixtureError.missing(name) }
    return [UInt8](data)
}

/// URL of the copied `Fixtures` folder.
func fixturesURL() throws -> URL {
    guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw FixtureError.missing("Fixtures") }
    return base
}

enum FixtureError: Error { case missing(String) }

extension Array where Element == UInt8 {
    init(_ text: String) { self = Array(text.utf8) }
}
import BatchFixCore
typealias BFIssue = BatchFixCore.Issue
