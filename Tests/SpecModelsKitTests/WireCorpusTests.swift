import Foundation
import SpecModelsConfiguration
import XCTest
@testable import SpecModelsKit

/// The real wire: every 2xx JSON body of a corpus's contract tests (`tests.arazzo.yaml`),
/// decoded with the generated type its SDK doc names and a plain `JSONDecoder()`, encoded
/// again and compared as JSON trees. Each corpus is compiled once per configuration.
///
/// A key counts as a (type, key) pair where it lands in a typed property (keys inside a
/// documented `any` count as their field). A pair comes back when it does in every body
/// that has it; a body is lossless when it decodes and every key comes back.
final class WireCorpusTests: XCTestCase {
    /// apideck's bodies whose payload contradicts its doc, which no setting can fix.
    static let apideckContradictions = [
        "accounting.expensesAll": "`customer_id` of `components.Expense`, `billable` and `subsidiary_id` of `components.ExpenseLineItem`: keys the docs do not list",
        "accounting.expensesOne": "the same keys, in one expense",
    ]

    /// apideck's proxy operations answer with whatever the proxied API sends: `Record<string, any>`.
    static let apideckNotModels = ["deleteProxy", "getProxy", "optionsProxy", "patchProxy", "postProxy", "putProxy"].map {
        "proxy.\($0): `operations.Proxy\($0.prefix(1).uppercased() + $0.dropFirst())Response.responseJson` is `Record<string, any>`"
    }

    /// What learn-keys learns from apideck's contract tests is `wireKeys: snake_case` alone:
    /// every key it can place is the snake_case of its field's name. That is also the issue's
    /// bar for "snake_case and no other setting" (at least 99% of the pairs and 98% of the
    /// bodies), so one build answers both: should the learned settings ever say more, the
    /// first assertion fails and the two configurations need a build each.
    func testApideckLearnsSnakeCaseAlone() throws {
        let report = try decodeBodies(corpus: "apideck", configuration: "", learn: true)
        XCTAssertEqual(report.learnedYAML, """
            # learn-keys: 320 samples, 4254 fields seen; `snake_case` gives 4254 of them their key
            wireKeys: snake_case

            """)
        XCTAssertEqual(report.bodies, 320)
        XCTAssertEqual(report.notModels.sorted(), Self.apideckNotModels)
        XCTAssertEqual(report.notLossless, Self.apideckContradictions.keys.sorted())
        XCTAssertEqual(report.lossless, 318)
        XCTAssertEqual(report.pairs, 4257)
        XCTAssertEqual(report.pairsBack, 4254)
        XCTAssertGreaterThanOrEqual(Double(report.pairsBack) / Double(report.pairs), 0.99)
        XCTAssertGreaterThanOrEqual(Double(report.lossless) / Double(report.bodies), 0.98)
    }

    func testDwollaWithLearnedSettings() throws {
        // Dwolla's docs refer to docs that were never published: they decode as JSON values.
        let report = try decodeBodies(corpus: "dwolla", configuration: "missingTypes: jsonValue\n", learn: true)
        XCTAssertEqual(report.bodies, 67)
        XCTAssertEqual(report.notModels, [])
        // The bodies whose payload contradicts its doc, which no setting can fix.
        let contradictions = [
            "getAccount": "8 keys `models.Account`'s doc does not list (`authorizedRep`, `email`, `phone`, `address`, …)",
            "listTransferFees": "`total` is a string (`\"1\"`); the doc says a number",
            "simulateBankTransferProcessing": "no `total` or `_links`, which `models.SandboxSimulationBankProcessingResponse` requires",
        ]
        XCTAssertEqual(report.notLossless, contradictions.keys.sorted())
        XCTAssertEqual(report.lossless, 64)
        XCTAssertEqual(report.pairs, 428)
        XCTAssertEqual(report.pairsBack, 411)
    }

    func testPlexWithLearnedSettings() throws {
        let report = try decodeBodies(corpus: "plex", configuration: "", learn: true)
        XCTAssertEqual(report.bodies, 143)
        XCTAssertEqual(report.notModels, ["get-server-resources: `shared.PlexDevice[]`"])
        // Keys the docs' `additionalProperties: Record<string, any>` gathers (`albumGain`, `loudness`…
        // of `shared.Stream` in getSessions, `icon` of a playlist item) come back flat, as they arrived.
        XCTAssertEqual(report.notLossless, [])
        XCTAssertEqual(report.lossless, 143)
        XCTAssertEqual(report.pairs, 507)
        XCTAssertEqual(report.pairsBack, 507)
    }

    // MARK: The run

    struct Report {
        var bodies = 0
        var lossless = 0
        var pairs = 0
        var pairsBack = 0
        /// `operationId: what the SDK doc names`, for bodies whose type is not a model.
        var notModels: [String] = []
        /// The operations whose bodies do not come back whole, sorted (the details are printed).
        var notLossless: [String] = []
        /// What learn-keys printed, when it ran.
        var learnedYAML: String?
    }

    /// Generates the corpus with `configuration` (plus, with `learn`, the settings
    /// `learn-keys` writes into it from the contract test), compiles it once with a driver,
    /// and counts what comes back.
    private func decodeBodies(corpus name: String, configuration baseText: String, learn: Bool) throws -> Report {
        let root = try Self.corpus(name)
        let models = root.appendingPathComponent("models").path
        let workspace = try TestSupport.temporaryDirectory(self, name: "\(name)\(learn ? "Learned" : "")")
        let configurationPath = workspace.appendingPathComponent("specmodels.yml").path
        let samples = LearnKeys.Samples.contractTest(
            arazzo: root.appendingPathComponent("tests.arazzo.yaml").path, sdks: root.appendingPathComponent("sdks").path)
        var text = baseText
        var learnedYAML: String?
        try Data(text.utf8).write(to: URL(fileURLWithPath: configurationPath))
        if learn {
            let learning = LearnKeys.run(spec: models, configuration: configurationPath, samples: samples)
            let learned = try XCTUnwrap(learning.learned, "learn-keys failed:\n\(learning.diagnostics.sorted.prefix(20).map(\.description).joined(separator: "\n"))")
            learnedYAML = learned.yaml
            print("\(name): learned wireKeys \(learned.keyStyle.rawValue), \(learned.keyOverrides.count) key overrides, \(learned.nullable.count) nullable; \(learned.fieldsFittingStyle) of \(learned.fieldsSeen) fields fit the style")
            for diagnostic in learning.diagnostics.sorted { print("  learn-keys: \(diagnostic)") }
            var diagnostics = Diagnostics()
            text = try XCTUnwrap(ConfigurationEditor.apply(learned, to: text, path: configurationPath, graph: try XCTUnwrap(learning.graph), diagnostics: &diagnostics))
            try Data(text.utf8).write(to: URL(fileURLWithPath: configurationPath))
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
        let outcome = try RoundTripHarness(test: self).run(models: output, samples: harnessSamples, workspace: workspace)
        print("\(name)\(learn ? " (learned settings)" : ""): compiled \(generated.files.count) files and the driver in \(Int(outcome.compileSeconds)) s")
        XCTAssertEqual(outcome.failures, [])

        var report = Report()
        report.learnedYAML = learnedYAML
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
        print("\(name)\(learn ? " (learned settings)" : ""): \(report.bodies) bodies, \(report.lossless) lossless; \(report.pairsBack) of \(report.pairs) (type, key) pairs come back; \(report.notModels.count) bodies not of a model type")
        for line in report.notModels { print("  not a model: \(line)") }
        for (pair, back) in pairs.sorted(by: { $0.key < $1.key }) where !back { print("  pair lost: \(pair)") }
        return report
    }

    /// `SPECMODELS_CORPUS/<name>`: skips when the variable is unset, fails when the folder is missing.
    private static func corpus(_ name: String) throws -> URL {
        guard let root = ProcessInfo.processInfo.environment["SPECMODELS_CORPUS"], !root.isEmpty else {
            throw XCTSkip("set SPECMODELS_CORPUS to run the wire corpus tests")
        }
        let folder = URL(fileURLWithPath: root).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("tests.arazzo.yaml").path) else {
            throw TestSupport.CorpusMissing(path: folder.appendingPathComponent("tests.arazzo.yaml").path)
        }
        return folder
    }
}
