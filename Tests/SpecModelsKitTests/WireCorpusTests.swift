import Foundation
import XCTest
@testable import SpecModelsKit

/// The real wire: every 2xx JSON body of a corpus's contract tests (`tests.arazzo.yaml`),
/// decoded with the generated type its SDK doc names and a plain `JSONDecoder()`, encoded
/// again and compared as JSON trees (see `ContractBodyCheck` for the measure). Each corpus is
/// compiled once per configuration.
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

    /// The settings learn-keys learns from apideck's contract test (held below), which the
    /// other languages' docs of apideck are measured with too (`FlavourCorpusTests`).
    static let apideckSettings = "wireKeys: snake_case\n"
    /// apideck's contract-test bodies of a model type, and how many the TypeScript models
    /// decode losslessly.
    static let apideckBodies = 320
    static let apideckLossless = 318

    /// What `learn-keys --write` writes from apideck's contract tests is `wireKeys: snake_case`
    /// alone: every key it can place is the snake_case of its field's name, and the bodies that
    /// contradict their docs are warnings, not a reason to write nothing. That is also the
    /// issue's bar for "snake_case and no other setting" (at least 99% of the pairs and 98% of
    /// the bodies), so one build answers both: should the learned settings ever say more, the
    /// first assertion fails and the two configurations need a build each.
    func testApideckLearnsSnakeCaseAlone() throws {
        let report = try decodeBodies(corpus: "apideck", configuration: "", learn: true)
        XCTAssertEqual(report.writtenConfiguration, Self.apideckSettings)
        XCTAssertEqual(report.learnSummary?.hasSuffix("specmodels.yml: wireKeys snake_case, 0 key overrides, 0 nullable fields\n"), true)
        // The keys of the two contradicting bodies that no field has, one warning each.
        XCTAssertEqual(report.learnWarnings.count, 18)
        XCTAssertEqual(report.bodies, Self.apideckBodies)
        XCTAssertEqual(report.notModels.sorted(), Self.apideckNotModels)
        XCTAssertEqual(report.notLossless, Self.apideckContradictions.keys.sorted())
        XCTAssertEqual(report.lossless, Self.apideckLossless)
        XCTAssertEqual(report.pairs, 4257)
        XCTAssertEqual(report.pairsBack, 4254)
        XCTAssertGreaterThanOrEqual(Double(report.pairsBack) / Double(report.pairs), 0.99)
        XCTAssertGreaterThanOrEqual(Double(report.lossless) / Double(report.bodies), 0.98)
    }

    func testDwollaWithLearnedSettings() throws {
        // Dwolla's docs refer to docs that were never published: they decode as JSON values.
        let report = try decodeBodies(corpus: "dwolla", configuration: "missingTypes: jsonValue\n", learn: true)
        XCTAssertEqual(report.learnSummary?.hasSuffix("specmodels.yml: wireKeys documented, 93 key overrides, 0 nullable fields\n"), true)
        // The three contradicting bodies' keys no field has, missing keys and wrong kinds.
        XCTAssertEqual(report.learnWarnings.count, 11)
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
        XCTAssertEqual(report.learnSummary?.hasSuffix("specmodels.yml: wireKeys documented, 123 key overrides, 0 nullable fields\n"), true)
        XCTAssertEqual(report.learnWarnings, [])
        XCTAssertEqual(report.bodies, 143)
        XCTAssertEqual(report.notModels, ["get-server-resources: `shared.PlexDevice[]`"])
        // Keys the docs' `additionalProperties: Record<string, any>` gathers (`albumGain`, `loudness`…
        // of `shared.Stream` in getSessions, `icon` of a playlist item) come back flat, as they arrived.
        XCTAssertEqual(report.notLossless, [])
        XCTAssertEqual(report.lossless, 143)
        XCTAssertEqual(report.pairs, 507)
        XCTAssertEqual(report.pairsBack, 507)
    }

    /// The pool's one set with published contract tests: a Go SDK in the older `docs/pkg/models`
    /// layout whose contract tests are newer than its docs (operations the docs lack are
    /// warnings and skipped) and whose READMEs name no operation in a usage snippet (each
    /// section is found by its response type's name).
    func testPoolGoSetWithLearnedSettings() throws {
        let root = try PoolCorpus.unpacked(set: "speakeasy-api+speakeasy-client-sdk-go")
        let check = ContractBodyCheck(
            test: self, spec: root.appendingPathComponent("docs/pkg/models"),
            arazzo: root.appendingPathComponent(".speakeasy/tests.arazzo.yaml"),
            sdks: root.appendingPathComponent("docs/sdks"), label: "speakeasy-go")
        // `io.ReadCloser` (a download's body) has no doc: it decodes as a JSON value.
        let report = try check.run(configuration: "missingTypes: jsonValue\n", learn: true)
        XCTAssertEqual(report.learnWarnings.filter { $0.contains("is not in the SDK docs") }.count, 20)
        XCTAssertEqual(report.bodies, 30)
        XCTAssertEqual(report.notModels.count, 5, "\(report.notModels.sorted())")
        // Bodies without a key their doc requires: the contract test leaves it out.
        XCTAssertEqual(report.notLossless.count, 6, "\(report.notLossless)")
        XCTAssertEqual(report.lossless, 24)
        XCTAssertEqual(report.pairs, 106)
        XCTAssertEqual(report.pairsBack, 85)
    }

    /// Runs the corpus's contract test against its own docs (see `ContractBodyCheck`).
    private func decodeBodies(corpus name: String, configuration: String, learn: Bool) throws -> ContractBodyCheck.Report {
        let root = try ContractBodyCheck.contractTestFolder(name)
        let check = ContractBodyCheck(test: self, spec: root.appendingPathComponent("models"), contractTest: root, label: name)
        return try check.run(configuration: configuration, learn: learn)
    }
}
