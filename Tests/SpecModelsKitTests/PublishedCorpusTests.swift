import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Three other companies' published Speakeasy TypeScript docs (`apideck`, `dwolla`, `plex` in
/// `SPECMODELS_CORPUS`), as a new user would run them.
///
/// Each corpus is generated once and compiled once (whole-module, Swift 6, no warning in the
/// models) together with a driver that round-trips every TypeScript example of its docs; every
/// check runs against that one build, because the compile is the cost (apideck: 2,014 docs).
/// The same folder's contents copied into a folder named `spec` generate the same files.
///
/// Wire checks (issue #12: the arazzo contract-test bodies) need another configuration — wire
/// keys — so another build: a `CorpusBuild` with those settings, whose `roundTrip` gets the
/// bodies as samples. The examples use the documented names and stay in the build below.
final class PublishedCorpusTests: XCTestCase {
    func testApideckGeneratesCompilesAndRoundTripsEveryExample() throws {
        // 20 docs say "No examples available for this model".
        try check(Corpus(name: "apideck", skipped: 20, wrongExamples: [:]))
    }

    func testDwollaGeneratesCompilesAndRoundTripsEveryExample() throws {
        let misplacedMassPayments =
            "the example nests `massPayments` in a business classification's `embedded`, whose doc "
            + "(BusinessClassificationsEmbedded) has only `businessClassifications`"
        try check(Corpus(
            // Dwolla's published docs reference docs that were never published.
            name: "dwolla", settings: "missingTypes: jsonValue\n",
            missingDocReferences: MissingTypesCorpusTests.missingReferences.count,
            // 196 "No examples available"; 12 examples of union members whose docs are missing.
            skipped: 208,
            wrongExamples: [
                "operations/listbusinessclassificationsembedded.md:5": misplacedMassPayments,
                "operations/listbusinessclassificationsresponse.md:7": misplacedMassPayments,
                "schemeclientcredentials.md:5": "the example leaves out `tokenURL`, which its Fields table marks required",
            ]))
    }

    func testPlexGeneratesCompilesAndRoundTripsEveryExample() throws {
        let notANumber = "`value: NaN` in the policy: NaN is no JSON value (JSON.stringify writes null), so the example shows no value of the field"
        // 7 "No examples available"; 7 `await openAsBlob("example.file")` for byte streams.
        try check(Corpus(name: "plex", skipped: 14, wrongExamples: [
            "operations/modifyplaylistgeneratoritem.md:10": notANumber,
            "operations/modifyplaylistgeneratorrequest.md:5": notANumber,
        ]))
    }

    struct Corpus {
        /// The folder in `SPECMODELS_CORPUS`; its `models` folder is the spec.
        var name: String
        /// `specmodels.yml` text.
        var settings = ""
        /// References to docs the set does not have: one warning each with `missingTypes: jsonValue`.
        var missingDocReferences = 0
        /// Examples skipped with a reason (placeholders, runtime values, unpublished types).
        var skipped: Int
        /// Examples that are wrong in the doc itself, by `path:line`, with the reason. These and
        /// only these may fail to convert or to round-trip.
        var wrongExamples: [String: String]
    }

    private func check(_ corpus: Corpus) throws {
        let models = try TestSupport.corpusFolder("\(corpus.name)/models")
        let workspace = try TestSupport.temporaryDirectory(self, name: corpus.name)
        let build = try CorpusBuild(test: self, spec: models, settings: corpus.settings, workspace: workspace)
        let errors = build.generated.diagnostics.all.filter { $0.severity == .error }.map(\.description)
        let warnings = build.generated.diagnostics.all.filter { $0.severity == .warning }
        XCTAssertEqual(errors.prefix(50), [], "\(corpus.name) does not generate (\(errors.count) errors)")
        guard errors.isEmpty else { return }
        // The only warnings are the missing docs' (MissingTypesCorpusTests pins each place).
        XCTAssertEqual(warnings.filter { !$0.message.contains("(missingTypes: jsonValue)") }.map(\.description), [])
        XCTAssertEqual(warnings.count, corpus.missingDocReferences, "\(corpus.name): warnings")

        try checkSpecFolderOfAnyName(corpus, models: models, expected: build.generated, workspace: workspace)

        let examples = CorpusExamples(build.generated.graph)
        print("\(corpus.name) examples: \(examples.summary)")
        let skipReasons = Dictionary(grouping: examples.skipped, by: \.reason).mapValues(\.count)
        for (reason, count) in skipReasons.sorted(by: { $0.key < $1.key }) { print("  skipped \(count)×: \(reason)") }
        XCTAssertEqual(examples.found, try Self.exampleBlockCount(in: models), "the graph lost example blocks")
        XCTAssertEqual(examples.found, examples.converted + examples.skipped.count + examples.failed.count)
        XCTAssertTrue(examples.skipped.allSatisfy { !$0.reason.isEmpty })
        XCTAssertEqual(examples.skipped.count, corpus.skipped, "examples skipped")

        let outcome = try build.roundTrip(examples.samples)
        print("\(corpus.name) round-trip: \(outcome.checked) checked, \(outcome.failures.count) failed; compile \(String(format: "%.1f", outcome.compileSeconds)) s")
        XCTAssertEqual(outcome.checked, examples.samples.count)

        // Every failure, of conversion or of the round trip, is an example listed as wrong.
        var failures = outcome.failuresByOrigin.mapValues { $0.joined(separator: "; ") }
        for failure in examples.failed { failures[failure.origin] = failure.reason }
        let unexpected = failures.keys.filter { corpus.wrongExamples[$0] == nil }.sorted()
        XCTAssertEqual(
            unexpected.prefix(20).map { "\($0): \(failures[$0]!.prefix(400))" }, [],
            "\(unexpected.count) examples do not round-trip (the first 20 shown)")
        let fixed = corpus.wrongExamples.keys.filter { failures[$0] == nil }.sorted()
        XCTAssertEqual(fixed, [], "examples listed as wrong in the doc that now pass: remove them from the list")
    }

    /// The build plugin's main use: the contents of an SDK's `docs/models` copied into a
    /// target's `spec/`. Generation only: the files must equal the `models` run's.
    private func checkSpecFolderOfAnyName(_ corpus: Corpus, models: URL, expected: Generator.Result, workspace: URL) throws {
        let spec = workspace.appendingPathComponent("copy/spec")
        try FileManager.default.createDirectory(at: spec, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: models.path) {
            try FileManager.default.copyItem(at: models.appendingPathComponent(item), to: spec.appendingPathComponent(item))
        }
        let copied = try CorpusBuild.generate(spec: spec, settings: corpus.settings)
        func relative(_ diagnostics: Diagnostics, _ folder: URL) -> [String] {
            diagnostics.all.map { $0.description.replacingOccurrences(of: folder.path, with: "<spec>") }
        }
        XCTAssertEqual(relative(copied.diagnostics, spec), relative(expected.diagnostics, models), "`spec/` reports differently")
        XCTAssertEqual(copied.files.count, expected.files.count)
        let differing = zip(copied.files, expected.files).filter { $0 != $1 }.map { "\($0.0.name) vs \($0.1.name)" }
        XCTAssertEqual(differing.prefix(20), [], "`spec/` generates different files from `models/`")
    }

    /// The ```` ```typescript ```` fences under `## Example Usage` and `## Supported Types`,
    /// counted from the files themselves.
    static func exampleBlockCount(in folder: URL) throws -> Int {
        var count = 0
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            var section = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("## ") { section = line.dropFirst(3).trimmingCharacters(in: .whitespaces) }
                if line.trimmingCharacters(in: .whitespaces) == "```typescript", section == "Example Usage" || section == "Supported Types" {
                    count += 1
                }
            }
        }
        return count
    }
}

/// One corpus generated with one configuration, written to disk, and compiled once with a
/// round-trip driver over the samples given. A check that needs other settings (wire keys)
/// makes another build.
struct CorpusBuild {
    let test: XCTestCase
    let generated: Generator.Result
    let output: URL
    let workspace: URL

    init(test: XCTestCase, spec: URL, settings: String, workspace: URL) throws {
        self.test = test
        self.workspace = workspace
        generated = try Self.generate(spec: spec, settings: settings)
        output = workspace.appendingPathComponent("Generated")
        let docs = generated.graph.models.count
        XCTAssertEqual(generated.files.count, docs + 1, "one file per doc plus the support file")
        XCTAssertEqual(Set(generated.files.map(\.name)).count, generated.files.count, "file names are unique")
        _ = try OutputDirectory(path: output.path).apply(generated.files)
    }

    /// Generates from `spec` with `settings` as `specmodels.yml`.
    static func generate(spec: URL, settings: String) throws -> Generator.Result {
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(settings, path: "specmodels.yml", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [], "the settings do not parse")
        return Generator.generate(specDirectory: spec.path, configuration: configuration)
    }

    /// Compiles the output with a driver over `samples` (the one compile of this build) and
    /// runs it.
    func roundTrip(_ samples: [RoundTripHarness.Sample]) throws -> RoundTripHarness.Outcome {
        try RoundTripHarness(test: test).run(models: output, samples: samples, workspace: workspace)
    }
}
