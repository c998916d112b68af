import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

extension TestSupport {
    /// Runs the generator over in-memory docs under a `specmodels.yml`; any diagnostic fails the test.
    static func generate(
        _ docs: [String: String], configuration yaml: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [SwiftEmitter.OutputFile] {
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics)
        let files = docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
        let result = Generator.generate(files, configuration: try XCTUnwrap(configuration, file: file, line: line))
        XCTAssertEqual(diagnostics.sorted.map(\.description) + result.diagnostics.sorted.map(\.description), [], file: file, line: line)
        return result.files
    }

    /// Compiles generated files with a `main.swift` into one executable (Swift 6, warnings as
    /// errors) and runs it; a failed compile fails the test.
    static func compileAndRun(
        _ files: [SwiftEmitter.OutputFile], main: String, in test: XCTestCase, name: String = #function,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> ProcessResult {
        let folder = try temporaryDirectory(test, name: name)
        for generated in files {
            try Data(generated.contents.utf8).write(to: folder.appendingPathComponent(generated.name))
        }
        try Data(main.utf8).write(to: folder.appendingPathComponent("main.swift"))
        let executable = folder.appendingPathComponent("program")
        let compiled = try compile(try swiftFiles(in: folder), moduleName: "Program", output: executable, executable: true)
        XCTAssertEqual(compiled.status, 0, compiled.standardError, file: file, line: line)
        return try run(executable, [])
    }
}
