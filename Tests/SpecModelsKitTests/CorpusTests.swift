import Foundation
import XCTest
@testable import SpecModelsKit

/// The real corpus: four published revisions of the Ampersand API's model docs. Every
/// revision generates without a diagnostic, one Swift file per doc, and type-checks warning-free
/// in Swift 6 mode; the newest one is compiled and decodes and re-encodes every example its docs carry.
final class CorpusTests: XCTestCase {
    func testVersion1GeneratesAndTypeChecks() throws { try generateAndTypeCheck("v1") }
    func testVersion2GeneratesAndTypeChecks() throws { try generateAndTypeCheck("v2") }
    func testVersion3GeneratesAndTypeChecks() throws { try generateAndTypeCheck("v3") }

    /// v4 is compiled by the round-trip test, together with its driver.
    func testVersion4RoundTripsEveryExample() throws {
        let models = try TestSupport.corpusModels("v4")
        let workspace = try TestSupport.temporaryDirectory(self)
        let (output, graph) = try generate(models, into: workspace)
        let examples = CorpusExamples(graph)
        print("v4 examples: \(examples.summary)")
        for skipped in examples.skipped { print("  skipped \(skipped.origin): \(skipped.reason)") }
        // Every error doc of v4 says "No examples available" instead of an example (48 of them).
        XCTAssertEqual(examples.skipped.count, 48)
        XCTAssertEqual(examples.skipped.filter { !$0.reason.hasPrefix("placeholder, not data: ") }.map(\.origin), [])
        XCTAssertEqual(examples.failed.map { "\($0.origin): \($0.reason)" }, [])
        XCTAssertEqual(examples.found, examples.converted + examples.skipped.count)
        XCTAssertGreaterThanOrEqual(examples.samples.count, 700, "fewer samples than the corpus holds")

        let outcome = try RoundTripHarness(test: self).run(models: output, samples: examples.samples, workspace: workspace)
        print("v4 round-trip: \(outcome.checked) checked, \(outcome.failures.count) failed")
        XCTAssertEqual(outcome.checked, examples.samples.count)
        XCTAssertEqual(outcome.failures, [])
    }

    private func generate(_ models: URL, into workspace: URL) throws -> (URL, TypeGraph) {
        let output = workspace.appendingPathComponent("Generated")
        let result = Generator.generate(specDirectory: models.path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let docs = result.graph.models.count
        XCTAssertEqual(result.files.count, docs + 1, "one file per doc plus the support file")
        XCTAssertEqual(Set(result.files.map(\.name)).count, result.files.count, "file names are unique")
        let markdownCount = try FileManager.default.subpathsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".md") }.count
        XCTAssertEqual(docs, markdownCount)
        _ = try OutputDirectory(path: output.path).apply(result.files)
        return (output, result.graph)
    }

    private func generateAndTypeCheck(_ version: String) throws {
        let models = try TestSupport.corpusModels(version)
        let workspace = try TestSupport.temporaryDirectory(self, name: version)
        let (output, _) = try generate(models, into: workspace)
        // Type-checking finds every error and warning; code generation is v4's round trip's job.
        let compiled = try TestSupport.typecheck(try TestSupport.swiftFiles(in: output), moduleName: "Ampersand")
        XCTAssertEqual(compiled.status, 0, "\(version) does not type-check warning-free:\n\(compiled.standardError.prefix(20_000))")
        XCTAssertEqual(compiled.standardError, "")
    }
}
