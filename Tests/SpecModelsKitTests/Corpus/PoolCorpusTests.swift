import Foundation
import XCTest
@testable import SpecModelsKit

/// The population (issue 17): 71 published Speakeasy doc sets in eight SDK languages, each
/// models folder generated once as a new user would (`missingTypes: jsonValue`, never
/// `unknownTypes`), and every output of at most `typeCheckBudget` docs type-checked once
/// (Swift 6, whole-module, warnings as errors).
///
/// `expectedGeneration` and `expectedTypeCheck` hold today's results, per language: the sets
/// that generate and those that do not (with their errors by kind), the docs, and the warnings
/// by kind. When a change moves them, the failure prints the new text: paste it in.
///
/// `make test-pool` sets `SPECMODELS_POOL_REPORT` to a file: then every output is type-checked,
/// each must pass (`expectedFullTypeCheck`), and one line per spec is written there (set,
/// language, docs, exit, errors, warnings by kind, type-check seconds and result).
final class PoolCorpusTests: XCTestCase {
    /// Outputs of more docs than this are type-checked only by `make test-pool`: the 35 outputs
    /// of at most 300 docs (3,806 docs) keep this test near 2 minutes in CI; all 72 (60,942
    /// docs) took 20 minutes on two busy cores, 17 of them type-checking (a 2,400-doc output
    /// up to 2 minutes), too much for `make test`'s 35.
    static let typeCheckBudget = 300

    func testEveryPoolSetGeneratesAndTypeChecksAsRecorded() throws {
        let pool = try PoolCorpus.load()
        let reportPath = ProcessInfo.processInfo.environment["SPECMODELS_POOL_REPORT"].flatMap { $0.isEmpty ? nil : $0 }
        let workspace = try TestSupport.temporaryDirectory(self)
        var results: [SpecResult] = []
        for spec in pool.specs {
            let typeCheck = reportPath != nil || spec.docs <= Self.typeCheckBudget
            results.append(try run(spec, typeCheck: typeCheck, workspace: workspace))
        }
        if let reportPath {
            try Data(Self.report(results).utf8).write(to: URL(fileURLWithPath: reportPath))
            print("pool report: \(reportPath)\n\(Self.reportTotals(results))")
        }
        let generation = Self.generationSummary(results)
        XCTAssertEqual(generation, Self.expectedGeneration, "the pool's generation changed; if on purpose, paste this as expectedGeneration:\n\(generation)")
        let typeCheck = Self.typeCheckSummary(results)
        if reportPath == nil {
            XCTAssertEqual(typeCheck, Self.expectedTypeCheck, "the pool's type-check changed; if on purpose, paste this as expectedTypeCheck:\n\(typeCheck)")
        } else {
            XCTAssertEqual(typeCheck, Self.expectedFullTypeCheck, "the pool's full type-check changed; if on purpose, paste this as expectedFullTypeCheck:\n\(typeCheck)")
        }
    }

    // MARK: Today's results

    static let expectedGeneration = """
        csharp: 9 sets, 9 specs, 8882 docs; 9 generate
          generate: BoltApp+Bolt-CSharp-SDK, CarlosEGuerraSilva+OpenRouterSDK.NET, StackOneHQ+stackone-client-csharp, buildwithdeck+sdk-dotnet, dailypay+dailypay-dotnet9-sdk, formancehq+formance-sdk-csharp, novuhq+novu-csharp, prove-identity+prove-sdk-server-dotnet, unified-to+unified-csharp-sdk
          warnings: 29 `_`; 1 a carriage return (\\r) without a line feed ends the line here; 1 the row of field `_` goes on over lines N–N which do not start with `_`
        go: 11 sets, 11 specs, 7326 docs; 11 generate
          generate: BoltApp+bolt-go, Kong+sdk-konnect-go, buildwithdeck+sdk-go, const-cloudinary+analysis-go, dailypay+dailypay-go-sdk, ding-live+ding-golang, dubinc+dub-go, gr4vy+gr4vy-go, img-src-io+sdk-go, infra-rdc+rudder-go, speakeasy-api+speakeasy-client-sdk-go
          warnings: 280 unknown section `_` is ignored; 6 not a model doc (no `_` heading and no `_`, `_` or `_` section); 4 not a model doc; 1 a carriage return (\\r) without a line feed ends the line here; 1 the row of field `_` goes on over lines N–N which do not start with `_`
        java: 9 sets, 9 specs, 8209 docs; 9 generate
          generate: StackOneHQ+stackone-client-java, afs-public+ascend-sdk-java, formancehq+formance-sdk-java, gr4vy+gr4vy-java, gsmservice-pl+messaging-sdk-java, mollie+mollie-api-java, nkwa+pay-java, postivo+java-client, prove-identity+prove-sdk-server-java
          warnings: 367 `_` has no `_`, `_` or `_` section
        php: 5 sets, 5 specs, 4900 docs; 5 generate
          generate: StackOneHQ+stackone-client-php, dubinc+dub-php, factuarea+factuarea-php, kohortpay+kohortpay-php, novuhq+php-novu
          warnings: none
        python: 13 sets, 13 specs, 9629 docs; 13 generate
          generate: BoltApp+Bolt-Python-SDK, Leonardo-Interactive+leonardo-python-sdk, OWASP+nest-sdk-python, Unstructured-IO+unstructured-python-client, afs-public+ascend-sdk-python, comfy-deploy+comfy-deploy-python, demospace-ai+python-sdk, dubinc+dub-python, formancehq+formance-sdk-python, ioniccommerce+ionic_sdk_python, novuhq+novu-py, speakeasy-api+speakeasy-client-sdk-python, unified-to+unified-python-sdk
          warnings: 11 not a model doc
        ruby: 4 sets, 5 specs, 7715 docs; 5 generate
          generate: Gusto+gusto-ruby-client:gusto_embedded/docs/models, Gusto+gusto-ruby-client:gusto_embedded_v_2025_11_15/docs/models, ding-live+ding-ruby, panoratech+panora-ruby, unified-to+unified-ruby-sdk
          warnings: 79 `_` has no `_`, `_` or `_` section
        typescript: 19 sets, 19 specs, 13916 docs; 19 generate
          generate: BoltApp+Bolt-Typescript-SDK, Gusto+gusto-typescript-client, StackOneHQ+stackone-client-typescript, Unstructured-IO+unstructured-js-client, acuvity+acuvity-ts, afs-public+ascend-sdk-typescript, cloudinary+asset-management-js, comfy-deploy+comfy-deploy-ts, dailypay+dailypay-typescript-sdk, descarteslabs+hedgewise-sdk-typescript, ding-live+ding-typescript, documenso+sdk-typescript, factify-inc+factify-typescript, formancehq+formance-sdk-typescript, getpimms+pimms-ts, gr4vy+gr4vy-typescript, honeyhiveai+typescript-sdk, inkeep+ai-api-ts, mollie+mollie-api-typescript
          warnings: none
        unity: 1 sets, 1 specs, 365 docs; 1 generate
          generate: SpaceTradersAPI+se-unity-sdk
          warnings: none
        """

    static let expectedTypeCheck = """
        csharp: 4 type-checked, 4 pass
        go: 7 type-checked, 7 pass
        java: 4 type-checked, 4 pass
        php: 1 type-checked, 1 pass
        python: 7 type-checked, 7 pass
        ruby: 1 type-checked, 1 pass
        typescript: 11 type-checked, 11 pass
        unity: 0 type-checked, 0 pass
        """

    /// Every output, type-checked by `make test-pool`.
    static let expectedFullTypeCheck = """
        csharp: 9 type-checked, 9 pass
        go: 11 type-checked, 11 pass
        java: 9 type-checked, 9 pass
        php: 5 type-checked, 5 pass
        python: 13 type-checked, 13 pass
        ruby: 5 type-checked, 5 pass
        typescript: 19 type-checked, 19 pass
        unity: 1 type-checked, 1 pass
        """

    // MARK: Running

    struct SpecResult {
        var spec: PoolCorpus.Spec
        var errors: [String: Int]
        var warnings: [String: Int]
        var errorCount: Int { errors.values.reduce(0, +) }
        var warningCount: Int { warnings.values.reduce(0, +) }
        var generates: Bool { errorCount == 0 }
        /// `nil` when not type-checked.
        var typeCheck: (seconds: Double, errors: Int)?
    }

    private func run(_ spec: PoolCorpus.Spec, typeCheck: Bool, workspace: URL) throws -> SpecResult {
        let generated = Generator.generate(specDirectory: spec.folder.path, missingTypes: .jsonValue)
        var result = SpecResult(spec: spec, errors: [:], warnings: [:])
        for diagnostic in generated.diagnostics.all {
            let kind = PoolCorpus.kind(of: diagnostic.message)
            switch diagnostic.severity {
            case .error: result.errors[kind, default: 0] += 1
            default: result.warnings[kind, default: 0] += 1
            }
        }
        guard result.generates, typeCheck else { return result }
        let output = workspace.appendingPathComponent(spec.name.filter { $0.isLetter || $0.isNumber })
        _ = try OutputDirectory(path: output.path).apply(generated.files)
        let started = Date()
        let checked = try TestSupport.typecheck(try TestSupport.swiftFiles(in: output), moduleName: "Pool")
        let errors = checked.standardError.split(separator: "\n").count { $0.contains(": error: ") || $0.contains(": warning: ") }
        result.typeCheck = (Date().timeIntervalSince(started), checked.status == 0 ? 0 : max(errors, 1))
        try? FileManager.default.removeItem(at: output)
        return result
    }

    // MARK: Summaries

    private static func counted(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }
            .joined(separator: "; ")
    }

    private static func byLanguage(_ results: [SpecResult]) -> [(String, [SpecResult])] {
        Dictionary(grouping: results, by: \.spec.language).sorted { $0.key < $1.key }
    }

    /// Per language: sets, specs and docs; the specs that generate; each that does not, with its
    /// errors by kind; the warnings by kind over all its specs.
    static func generationSummary(_ results: [SpecResult]) -> String {
        var lines: [String] = []
        for (language, specs) in byLanguage(results) {
            let sets = Set(specs.map(\.spec.set)).count
            let generating = specs.filter(\.generates)
            lines.append("\(language): \(sets) sets, \(specs.count) specs, \(specs.map(\.spec.docs).reduce(0, +)) docs; \(generating.count) generate")
            lines.append("  generate: \(generating.isEmpty ? "none" : generating.map(\.spec.name).joined(separator: ", "))")
            for failing in specs where !failing.generates {
                lines.append("  fails: \(failing.spec.name): \(failing.errorCount) errors: \(counted(failing.errors))")
            }
            let warnings = specs.reduce(into: [String: Int]()) { total, result in
                total.merge(result.warnings, uniquingKeysWith: +)
            }
            lines.append("  warnings: \(warnings.isEmpty ? "none" : counted(warnings))")
        }
        return lines.joined(separator: "\n")
    }

    /// Per language: the specs type-checked (those that generate, within the budget), and each
    /// whose output does not type-check warning-free, with its count of errors and warnings.
    static func typeCheckSummary(_ results: [SpecResult]) -> String {
        var lines: [String] = []
        for (language, specs) in byLanguage(results) {
            let checked = specs.filter { $0.typeCheck != nil }
            let failing = checked.filter { $0.typeCheck?.errors != 0 }
            var line = "\(language): \(checked.count) type-checked, \(checked.count - failing.count) pass"
            if !failing.isEmpty {
                line += "; fail: " + failing.map { "\($0.spec.name) (\($0.typeCheck?.errors ?? 0))" }.joined(separator: ", ")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Per language: specs, docs, type-check seconds, and how many pass.
    static func reportTotals(_ results: [SpecResult]) -> String {
        var lines: [String] = []
        for (language, specs) in byLanguage(results) {
            let checked = specs.compactMap(\.typeCheck)
            let seconds = checked.map(\.seconds).reduce(0, +)
            lines.append("\(language): \(specs.count) specs, \(specs.map(\.spec.docs).reduce(0, +)) docs, "
                + "\(checked.count) type-checked in \(String(format: "%.0f", seconds)) s, \(checked.count { $0.errors == 0 }) pass")
        }
        return lines.joined(separator: "\n")
    }

    /// One tab-separated line per spec.
    static func report(_ results: [SpecResult]) -> String {
        var text = "set\tlanguage\tdocs\texit\terrors\twarnings\twarnings by kind\terrors by kind\ttype-check seconds\ttype-check\n"
        for result in results {
            let check = result.typeCheck.map { (String(format: "%.1f", $0.seconds), $0.errors == 0 ? "pass" : "\($0.errors) errors") }
                ?? ("", result.generates ? "not run" : "not generated")
            text += [
                result.spec.name, result.spec.language, String(result.spec.docs), result.generates ? "0" : "1",
                String(result.errorCount), String(result.warningCount), counted(result.warnings), counted(result.errors),
                check.0, check.1,
            ].joined(separator: "\t") + "\n"
        }
        return text
    }
}
