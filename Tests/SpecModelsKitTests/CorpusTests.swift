import Foundation
import XCTest
@testable import SpecModelsKit

/// The real corpus: four published revisions of the Ampersand API's model docs. Every
/// revision generates without a diagnostic, one Swift file per doc, and compiles warning-free
/// in Swift 6 mode; the newest one also decodes and re-encodes every example its docs carry.
final class CorpusTests: XCTestCase {
    func testVersion1GeneratesAndCompiles() throws { try generateAndCompile("v1") }
    func testVersion2GeneratesAndCompiles() throws { try generateAndCompile("v2") }
    func testVersion3GeneratesAndCompiles() throws { try generateAndCompile("v3") }

    /// v4 is compiled by the round-trip test, together with its driver.
    func testVersion4RoundTripsEveryExample() throws {
        let models = try TestSupport.corpusModels("v4")
        let workspace = try TestSupport.temporaryDirectory(self)
        let (output, graph) = try generate(models, into: workspace)
        let samples = try examples(of: graph)
        print("v4 examples: \(samples.data.count) samples of data, \(samples.placeholders.count) placeholders that are not data")
        for placeholder in samples.placeholders { print("  placeholder: \(placeholder)") }
        // Every error doc of v4 says "No examples available" instead of an example (48 of them).
        XCTAssertEqual(samples.placeholders.count, 48)
        XCTAssertGreaterThanOrEqual(samples.data.count, 700, "fewer samples than the corpus holds")

        let outcome = try RoundTripHarness(test: self).run(models: output, samples: samples.data, workspace: workspace)
        print("v4 round-trip: \(outcome.checked) checked, \(outcome.failures.count) failed")
        XCTAssertEqual(outcome.checked, samples.data.count)
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

    private func generateAndCompile(_ version: String) throws {
        let models = try TestSupport.corpusModels(version)
        let workspace = try TestSupport.temporaryDirectory(self, name: version)
        let (output, _) = try generate(models, into: workspace)
        let compiled = try TestSupport.compile(
            try TestSupport.swiftFiles(in: output), moduleName: "Ampersand",
            output: workspace.appendingPathComponent("libAmpersand.so"))
        XCTAssertEqual(compiled.status, 0, "\(version) does not compile warning-free:\n\(compiled.standardError.prefix(20_000))")
        XCTAssertEqual(compiled.standardError, "")
    }

    /// Every TypeScript example of the graph's docs, as JSON with the Swift type to decode it
    /// as. Examples of union members are checked as the member type and as the union.
    private func examples(of graph: TypeGraph) throws -> (data: [RoundTripHarness.Sample], placeholders: [String]) {
        let names = SwiftNameTable(graph)
        let mapping = SwiftTypeMapping(names: names)
        var byName: [String: ModelID] = [:]
        for model in graph.models {
            byName[model.qualifiedName] = model.id
            byName[model.name] = byName[model.name] ?? model.id
        }
        var samples: [RoundTripHarness.Sample] = []
        var placeholders: [String] = []
        for model in graph.models {
            for example in model.examples {
                let origin = "\(model.relativePath):\(example.location.line)"
                let result = Result { try TypeScriptExample.parse(example.code) }
                if case .failure(let failure) = result, (failure as? TypeScriptExample.Failure)?.isPlaceholder == true {
                    placeholders.append("\(origin): \(failure)")
                    continue
                }
                let parsed = try result.get()
                let type = try swiftType(forAnnotation: parsed.typeName, byName: byName, mapping: mapping, origin: origin)
                samples.append(.init(swiftType: type, json: parsed.json, origin: origin))
                if case .union = model.shape, type != names[model.id] {
                    samples.append(.init(swiftType: names[model.id], json: parsed.json, origin: "\(origin) as \(model.name)"))
                }
            }
        }
        return (samples, placeholders)
    }

    private func swiftType(forAnnotation annotation: String, byName: [String: ModelID], mapping: SwiftTypeMapping, origin: String) throws -> String {
        let cell = TypeCell(inlines: [MarkdownNode(kind: .text, literal: annotation)], location: .start(of: origin), source: annotation)
        func convert(_ type: TypeExpressionParser.Unresolved) throws -> String {
            switch type {
            case .primitive(let primitive): return mapping.swiftType(primitive)
            case .named(let name, _):
                guard let id = byName[name] else { throw TestSupport.CorpusMissing(path: "\(origin): no model named \(name)") }
                return mapping.swiftType(.model(id))
            case .array(let element): return "[\(try convert(element))]"
            case .map(let value): return "[String: \(try convert(value))]"
            case .linked, .oneOf, .stream: throw TestSupport.CorpusMissing(path: "\(origin): unexpected annotation \(annotation)")
            }
        }
        return try convert(try TypeExpressionParser.parse(cell).get())
    }
}
