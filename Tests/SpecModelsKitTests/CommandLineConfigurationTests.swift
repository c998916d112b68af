import Foundation
import XCTest
@testable import SpecModelsKit

/// `specmodels generate` with a configuration: the file beside the spec folder is picked up,
/// `--config` names another, `--access-modifier` wins over the file, and a broken file stops
/// the run with compiler-style diagnostics before anything is written.
final class CommandLineConfigurationTests: XCTestCase {
    private func makeProject() throws -> URL {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.write([
            "spec/models/operations/message.md": ConfigurationTests.docs["models/operations/message.md", default: ""],
        ], to: root)
        return root
    }

    private func generate(_ root: URL, _ arguments: [String]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(try TestSupport.specmodelsExecutable, ["generate", "--spec", "spec", "--output", "out", "--quiet"] + arguments, in: root)
    }

    private func message(_ root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent("out/models.operations.message.swift"), encoding: .utf8)
    }

    func testTheFileBesideTheSpecFolderIsPickedUp() throws {
        let root = try makeProject()
        try TestSupport.write(["specmodels.yml": "accessModifier: package\nkeyOverrides:\n  Message.operationId: operation_id\n"], to: root)
        let result = try generate(root, [])
        XCTAssertEqual(result.status, 0, result.standardError)
        let source = try message(root)
        XCTAssertTrue(source.contains("package struct Message"), source)
        XCTAssertTrue(source.contains("forKey: \"operation_id\")"), source)
    }

    func testConfigOptionAndAccessModifierFlag() throws {
        let root = try makeProject()
        try TestSupport.write(["settings/other.yml": "accessModifier: package\n"], to: root)
        var result = try generate(root, ["--config", "settings/other.yml"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(try message(root).contains("package struct Message"))
        result = try generate(root, ["--config", "settings/other.yml", "--access-modifier", "internal"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(try message(root).contains("\nstruct Message"))
    }

    func testBrokenConfigurationFailsWithLocatedErrors() throws {
        let root = try makeProject()
        let config = root.appendingPathComponent("specmodels.yml")
        try TestSupport.write(["specmodels.yml": "accessModifier: public\nnamespace:\n  include: [operations]\ntypeOverrides:\n  number: [Int]\n"], to: root)
        let result = try generate(root, ["--config", config.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError, """
            \(config.path):2:1: error: unknown key `namespace` in the configuration; did you mean `namespaces`?
            \(config.path):5:11: error: `typeOverrides` value for `number` must be a Swift type; found a list

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    func testMissingConfigFileIsAnError() throws {
        let root = try makeProject()
        let result = try generate(root, ["--config", "nope.yml"])
        XCTAssertEqual(result.status, 2, "a command-line mistake")
        XCTAssertTrue(result.standardError.contains("the configuration file `nope.yml` does not exist"), result.standardError)
    }
}
