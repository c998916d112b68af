import Foundation
import SpecModelsConfiguration
import XCTest
@testable import SpecModelsKit

/// The wire issue's measure of a spec against a contract test: every 2xx JSON body of
/// `tests.arazzo.yaml`, decoded with the generated type its SDK README names and a plain
/// `JSONDecoder()`, encoded again and compared as JSON trees. The spec is generated once with
/// one configuration and compiled once (whole-module, Swift 6, no warning in the models)
/// together with a driver over every body.
///
/// A key counts as a (type, key) pair where it lands in a typed property (keys inside a
/// documented `any` count as their field). A pair comes back when it does in every body
/// that has it; a body is lossless when it decodes and every key comes back.
///
/// The spec may be another SDK language's docs of the contract test's API (`java-apideck`
/// against `apideck`'s test and TypeScript READMEs): the READMEs' types are then found by name.
///
/// With `learn`, the settings are the ones `specmodels learn-keys --write` writes, run as a
/// user runs it: it must exit 0, and the bodies are decoded with the file as written.
struct ContractBodyCheck {
    struct Report {
        var bodies = 0
        var lossless = 0
        var pairs = 0
        var pairsBack = 0
        /// `operationId: what the SDK doc names`, for bodies whose type is not a model.
        var notModels: [String] = []
        /// The operations whose bodies do not come back whole, sorted (the details are printed).
        var notLossless: [String] = []
        /// When learn-keys ran: the configuration as it wrote it, the summary it printed on
        /// standard output and its warnings (standard error without the summary of bodies).
        var writtenConfiguration: String?
        var learnSummary: String?
        var learnWarnings: [String] = []
        /// The generation the bodies were decoded with.
        var generated: Generator.Result?
        /// How long compiling the models and the driver took.
        var compileSeconds: Double = 0
    }

    let test: XCTestCase
    /// The spec's folder of model docs.
    var spec: URL
    /// The contract test (`tests.arazzo.yaml`) and the folder of SDK READMEs (`sdks/`).
    var arazzo: URL
    var sdks: URL
    /// For messages and the workspace's name.
    var label: String

    init(test: XCTestCase, spec: URL, arazzo: URL, sdks: URL, label: String) {
        self.test = test
        self.spec = spec
        self.arazzo = arazzo
        self.sdks = sdks
        self.label = label
    }

    /// A contract test laid out as the shared corpora are: `tests.arazzo.yaml` beside `sdks/`.
    init(test: XCTestCase, spec: URL, contractTest: URL, label: String) {
        self.init(
            test: test, spec: spec, arazzo: contractTest.appendingPathComponent("tests.arazzo.yaml"),
            sdks: contractTest.appendingPathComponent("sdks"), label: label)
    }

    /// Generates the spec with `configuration` (plus, with `learn`, the settings `learn-keys`
    /// writes into it from the contract test), compiles it once with a driver, and counts what
    /// comes back.
    func run(configuration baseText: String, learn: Bool) throws -> Report {
        let models = spec.path
        let workspace = try TestSupport.temporaryDirectory(test, name: "\(label)\(learn ? "Learned" : "")")
        let configurationPath = workspace.appendingPathComponent("specmodels.yml").path
        let samples = LearnKeys.Samples.contractTest(arazzo: arazzo.path, sdks: sdks.path)
        var text = baseText
        var report = Report()
        try Data(text.utf8).write(to: URL(fileURLWithPath: configurationPath))
        if learn {
            let started = Date()
            let learning = try TestSupport.run(
                try TestSupport.specmodelsExecutable,
                ["learn-keys", "--spec", models, "--config", configurationPath, "--write", arazzo.path, "--sdks", sdks.path])
            XCTAssertEqual(learning.status, 0, "learn-keys --write failed:\n\(learning.standardError.prefix(4000))")
            text = try String(contentsOfFile: configurationPath, encoding: .utf8)
            report.writtenConfiguration = text
            report.learnSummary = learning.standardOutput
            let lines = learning.standardError.split(separator: "\n").map(String.init)
            report.learnWarnings = lines.filter { !$0.hasPrefix("learn-keys: ") }
            print("\(label): learn-keys --write in \(Int(Date().timeIntervalSince(started))) s: \(learning.standardOutput)", terminator: "")
            for line in lines { print("  learn-keys: \(line)") }
        }

        // The bodies and their keys, as the generated models will see them.
        let walk = LearnKeys.run(spec: models, configuration: configurationPath, samples: samples)
        let graph = try XCTUnwrap(walk.graph, walk.diagnostics.sorted.prefix(20).map(\.description).joined(separator: "\n"))
        let bodies = try XCTUnwrap(walk.bodies)
        let learner = try XCTUnwrap(walk.learner)
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse(text, path: configurationPath, diagnostics: &diagnostics))
        let generated = Generator.generate(specDirectory: models, configuration: configuration)
        XCTAssertFalse(generated.diagnostics.hasErrors, generated.diagnostics.sorted.prefix(20).map(\.description).joined(separator: "\n"))
        let output = workspace.appendingPathComponent("Generated")
        _ = try OutputDirectory(path: output.path).apply(generated.files)

        let mapping = SwiftTypeMapping(names: SwiftNameTable(generated.graph))
        let harnessSamples = bodies.bodies.map { body in
            RoundTripHarness.Sample(swiftType: mapping.swiftType(.model(body.type)), json: Data(body.text.utf8), origin: body.step.operationID, listsLosses: true)
        }
        let outcome = try RoundTripHarness(test: test).run(models: output, samples: harnessSamples, workspace: workspace)
        print("\(label)\(learn ? " (learned settings)" : ""): compiled \(generated.files.count) files and the driver in \(Int(outcome.compileSeconds)) s")
        XCTAssertEqual(outcome.failures, [])

        report.generated = generated
        report.compileSeconds = outcome.compileSeconds
        report.bodies = bodies.bodies.count
        report.notModels = bodies.notModels.map { "\($0.step.operationID): \($0.description)" }
        for (index, body) in bodies.bodies.enumerated() {
            let lost = outcome.lost[index] ?? []
            let place = "\(body.step.operationID) (\(body.placement.file):\(body.placement.line))"
            if let error = outcome.undecodable[index] {
                print("  not lossless: \(place): does not decode: \(error.prefix(300))")
                report.notLossless.append(body.step.operationID)
            } else if !lost.isEmpty {
                print("  not lossless: \(place): \(lost.count) values do not come back: \(lost.prefix(5).joined(separator: ", "))")
                report.notLossless.append(body.step.operationID)
            } else {
                report.lossless += 1
            }
        }
        // Distinct (type, key) pairs: back when they come back in every body that decodes and
        // there is one (a body that does not decode at all is counted as a body, above).
        var pairs: [String: Bool] = [:]
        for occurrence in learner.occurrences {
            let pair = "\(graph[occurrence.model].qualifiedName) \(occurrence.key)"
            pairs[pair] = pairs[pair] ?? false
        }
        var backInDecodedBodies: [String: Bool] = [:]
        for occurrence in learner.occurrences where outcome.undecodable[occurrence.sample] == nil {
            let pair = "\(graph[occurrence.model].qualifiedName) \(occurrence.key)"
            let back = !(outcome.lost[occurrence.sample] ?? []).contains(occurrence.path)
            backInDecodedBodies[pair] = (backInDecodedBodies[pair] ?? true) && back
        }
        pairs.merge(backInDecodedBodies) { $1 }
        report.notLossless.sort()
        report.pairs = pairs.count
        report.pairsBack = pairs.values.filter { $0 }.count
        print("\(label)\(learn ? " (learned settings)" : ""): \(report.bodies) bodies, \(report.lossless) lossless; \(report.pairsBack) of \(report.pairs) (type, key) pairs come back; \(report.notModels.count) bodies not of a model type")
        for line in report.notModels { print("  not a model: \(line)") }
        for (pair, back) in pairs.sorted(by: { $0.key < $1.key }) where !back { print("  pair lost: \(pair)") }
        return report
    }

    /// `SPECMODELS_CORPUS/<name>`, a folder with a contract test: skips when the variable is
    /// unset, fails when the folder or its `tests.arazzo.yaml` is missing.
    static func contractTestFolder(_ name: String) throws -> URL {
        let folder = try TestSupport.corpusFolder(name)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("tests.arazzo.yaml").path) else {
            throw TestSupport.CorpusMissing(path: folder.appendingPathComponent("tests.arazzo.yaml").path)
        }
        return folder
    }
}
