import Foundation
import XCTest
@testable import SpecModelsKit

/// Speakeasy's model docs of other SDK languages (`SPECMODELS_CORPUS/flavours`): Glean's
/// Python and Go docs, Apideck's Java and C# docs. Each is recognised as its language,
/// generates without an error and with the exact warnings listed here, and compiles
/// warning-free in Swift 6.
///
/// Python, Go and C# are type-checked (whole-module, warnings as errors). Java is compiled
/// once, by its wire check: the contract test of the TypeScript `apideck` corpus, decoded with
/// the Swift generated from the Java docs.
final class FlavourCorpusTests: XCTestCase {
    func testPythonGleanGeneratesAndTypeChecks() throws {
        try generateAndTypeCheck("python-glean/models", flavour: .python, warnings: [
            "utils/retryconfig.md:7:1: warning: not a model doc: its `## Fields` table is `Name | Type | Description`, without the `Field` and `Required` columns of a model's fields, as on Speakeasy's pages of SDK settings; skipped",
        ])
    }

    func testGoGleanGeneratesAndTypeChecks() throws {
        try generateAndTypeCheck("go-glean/models", flavour: .go, warnings: [
            "operations/option.md:1:1: warning: not a model doc (no `# Name` heading and no `## Fields`, `## Values` or `## Supported Types` section): skipped",
        ])
    }

    func testCSharpApideckGeneratesAndTypeChecks() throws {
        try generateAndTypeCheck("csharp-apideck/Models", flavour: .csharp, warnings: [])
    }

    /// The union docs of Apideck's Java SDK that are a `#` heading alone (Speakeasy writes no
    /// members for unions of objects and lists there): each is `JSONValue`, with a warning.
    static let javaShapelessDocs = [
        "components/ConnectionValue.md", "components/CustomField.md", "components/CustomField1Value.md",
        "components/CustomFieldValue.md", "components/CustomFieldValue25.md", "components/CustomFieldValue5.md",
        "components/DataScopesResources.md", "components/Detail.md", "components/Five.md", "components/FormFieldOption.md",
        "components/UpdateConsentRequestResources.md", "components/Value.md", "components/Value5.md",
        "errors/Detail.md", "errors/NotFoundResponseDetail.md", "errors/UnauthorizedDetail.md",
        "errors/UnauthorizedResponseDetail.md", "errors/UnprocessableResponseDetail.md",
    ]

    /// The issue's wire bar: the Java docs of Apideck, with the settings `learn-keys` learns
    /// from the contract test for the TypeScript docs (`WireCorpusTests.apideckSettings`),
    /// decode as many of the contract test's bodies losslessly as the TypeScript models do.
    /// Each operation's body type is the one the TypeScript SDK README names
    /// (`operations.AccountingAttachmentsAllResponse`), found by name among the Java docs; a
    /// Java wrapper starts with `contentType`, `statusCode` and the runtime's `rawResponse`,
    /// and the body is its first field that is neither those nor an error.
    ///
    /// The Java docs are of an SDK without `webhook.eventLogsAll` (no
    /// `WebhookEventLogsAllResponse`, `WebhookEventLog`…): its body, lossless in TypeScript, has
    /// no Java type. Of the other 319 bodies, Java and TypeScript lose the same two, whose
    /// payload has keys `Expense` and `ExpenseLineItem` do not list.
    ///
    /// Java has 37 (type, key) pairs fewer than TypeScript (4,257): the 28 of the missing
    /// operation; 13 inside the unions its docs leave shapeless (`CustomField1`,
    /// `DataScopesResources1`, `FormFieldOptionGroup`, `SimpleFormFieldOption` in TypeScript),
    /// which are `JSONValue` there and give back any JSON; and 4 more in objects that
    /// TypeScript types as `Record<string, any>` (`account`, `plan` of `ConnectionMetadata` and
    /// `Metadata`). TypeScript's `ErrorT` is Java's `Error` (2 pairs each).
    func testJavaApideckGeneratesCompilesAndDecodesTheContractTest() throws {
        let models = try TestSupport.corpusFolder("flavours/java-apideck/models")
        let apideck = try ContractBodyCheck.contractTestFolder("apideck")
        let started = Date()
        let report = try ContractBodyCheck(test: self, spec: models, contractTest: apideck, label: "java-apideck")
            .run(configuration: WireCorpusTests.apideckSettings, learn: false)
        print("java-apideck: generated, compiled and decoded in \(Int(Date().timeIntervalSince(started))) s (compile \(Int(report.compileSeconds)) s)")
        let generated = try XCTUnwrap(report.generated)
        let shapeless = Self.javaShapelessDocs.map { path in
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return "\(path):1:1: warning: `\(name)` has no `## Fields`, `## Values` or `## Supported Types` section: Speakeasy's Java docs leave the members of some unions out, so fields of this type are `JSONValue`"
        }
        checkGeneration(generated, spec: models, flavour: .java, warnings: shapeless)

        let undocumented = ["webhook.eventLogsAll: `operations.WebhookEventLogsAllResponse`"]
        XCTAssertEqual(report.notModels.sorted(), (WireCorpusTests.apideckNotModels + undocumented).sorted())
        XCTAssertEqual(report.bodies, WireCorpusTests.apideckBodies - undocumented.count)
        XCTAssertEqual(report.notLossless, WireCorpusTests.apideckContradictions.keys.sorted())
        XCTAssertEqual(report.lossless, 317)
        XCTAssertEqual(report.lossless, WireCorpusTests.apideckLossless - undocumented.count, "the TypeScript models' count on the bodies both document")
        XCTAssertEqual(report.pairs, 4220)
        XCTAssertEqual(report.pairsBack, 4217)
    }

    // MARK: Checks

    /// Generates the spec with default settings, checks it, and type-checks the output.
    private func generateAndTypeCheck(_ path: String, flavour: SpecFlavour, warnings: [String]) throws {
        let models = try TestSupport.corpusFolder("flavours/\(path)")
        let workspace = try TestSupport.temporaryDirectory(self, name: path)
        var started = Date()
        let generated = Generator.generate(specDirectory: models.path)
        let generateSeconds = Date().timeIntervalSince(started)
        checkGeneration(generated, spec: models, flavour: flavour, warnings: warnings)
        let output = workspace.appendingPathComponent("Generated")
        _ = try OutputDirectory(path: output.path).apply(generated.files)

        started = Date()
        let checked = try TestSupport.typecheck(try TestSupport.swiftFiles(in: output), moduleName: "Flavour")
        print("\(path): generated \(generated.files.count) files in \(String(format: "%.1f", generateSeconds)) s, type-checked in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        XCTAssertEqual(checked.status, 0, "\(path) does not type-check warning-free:\n\(checked.standardError.prefix(20_000))")
        XCTAssertEqual(checked.standardError, "")
    }

    /// The detected language, no error, exactly `warnings` (paths relative to the spec), and
    /// one file per model plus the support file.
    private func checkGeneration(_ generated: Generator.Result, spec: URL, flavour: SpecFlavour, warnings: [String]) {
        XCTAssertEqual(generated.graph.flavour, flavour)
        let prefix = spec.path + "/"
        let diagnostics = generated.diagnostics.sorted.map { diagnostic in
            let text = diagnostic.description
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
        XCTAssertEqual(diagnostics.filter { !$0.contains(": warning: ") }.prefix(50), [], "errors or notes")
        XCTAssertEqual(diagnostics.filter { $0.contains(": warning: ") }, warnings)
        XCTAssertEqual(generated.files.count, generated.graph.models.count + 1, "one file per doc plus the support file")
    }
}
