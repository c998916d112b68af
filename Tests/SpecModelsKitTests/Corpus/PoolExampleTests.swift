import Foundation
import XCTest
@testable import SpecModelsKit

/// The TypeScript sets of the population (issue 17): every example of their docs converted to
/// JSON and round-tripped through the generated models, as `PublishedCorpusTests` does for
/// apideck, dwolla and plex.
///
/// Each set is generated once as a new user would (`missingTypes: jsonValue`); every example is
/// converted or skipped with a reason (a placeholder, a runtime value, a type whose doc the set
/// lacks), or does not convert (the doc's own syntax; counted as a failure). The converted ones
/// go through one program (`LinkedRoundTrip`: each set's models compiled once, whole-module, as a
/// module of their own; one link; one run). At least 99 % of each set's examples that are not
/// skipped must pass, and every failure is listed with its reason in `expectedResults`: when a
/// change moves them, the failure prints the new text to paste in.
///
/// `make test` round-trips the sets of at most `roundTripBudget` docs; `make test-pool`
/// (`SPECMODELS_POOL_REPORT` set) round-trips all of them and writes one line per set beside
/// the pool report (`…-examples.tsv`).
final class PoolExampleTests: XCTestCase {
    /// Sets of more docs than this are round-tripped only by `make test-pool`. The 12 sets of
    /// at most 340 docs hold 1,412 docs; see the README's pool section for the times.
    static let roundTripBudget = 340

    /// The share of a set's examples (converted, or not convertible) that must round-trip, not
    /// counting those in `wrongInTheirDoc`.
    static let requiredPassRate = 0.99

    /// Examples that are wrong in the doc itself, by `path:line`, with the reason: they still
    /// fail and are listed in `expectedResults`, but do not count against the pass rate. Each
    /// must fail: one that passes is to be removed from here.
    static let wrongInTheirDoc = [
        "honeyhiveai+typescript-sdk": [
            "components/event.md:5": "`startTime: 2024-04-01 22:38:19` is no TypeScript value (the Fields table says a number of milliseconds)",
            "operations/geteventsresponsebody.md:7": "`startTime: 2024-04-01 22:38:19` is no TypeScript value (the Fields table says a number of milliseconds)",
        ],
        "BoltApp+Bolt-Typescript-SDK": [
            "components/testcreditcard.md:5": "`2023-10-31:T06:00:00Z` is no RFC 3339 timestamp (a `:` before the `T`)",
        ],
    ]

    func testTypeScriptPoolSetsRoundTripTheirExamples() throws {
        let pool = try PoolCorpus.load()
        let reportPath = ProcessInfo.processInfo.environment["SPECMODELS_POOL_REPORT"].flatMap { $0.isEmpty ? nil : $0 }
        let workspace = try TestSupport.temporaryDirectory(self)
        // `SPECMODELS_POOL_SETS=A,B` round-trips just those sets (to re-pin one after a change).
        let chosen = ProcessInfo.processInfo.environment["SPECMODELS_POOL_SETS"].map { Set($0.split(separator: ",").map(String.init)) }
        let specs = pool.specs.filter {
            $0.language == "typescript" && (chosen?.contains($0.set) ?? (reportPath != nil || $0.docs <= Self.roundTripBudget))
        }

        var sets: [SetResult] = []
        var modules: [LinkedRoundTrip.Module] = []
        for spec in specs {
            let started = Date()
            let generated = Generator.generate(specDirectory: spec.folder.path, missingTypes: .jsonValue)
            let examples = CorpusExamples(generated.graph)
            var result = SetResult(spec: spec, module: Self.moduleName(spec), examples: examples)
            result.setAsideContradictions(LeftOutRequiredField(graph: generated.graph))
            result.generateSeconds = Date().timeIntervalSince(started)
            result.generationErrors = generated.diagnostics.all.count { $0.severity == .error }

            XCTAssertEqual(
                examples.found, try PublishedCorpusTests.exampleBlockCount(in: spec.folder), "\(spec.name): the graph lost example blocks")
            XCTAssertEqual(examples.found, examples.converted + examples.skipped.count + examples.failed.count, spec.name)
            XCTAssertTrue(examples.skipped.allSatisfy { !$0.reason.isEmpty }, "\(spec.name): a skipped example without a reason")
            sets.append(result)
            guard result.generationErrors == 0 else { continue }
            let output = workspace.appendingPathComponent("models-\(result.module)")
            _ = try OutputDirectory(path: output.path).apply(generated.files)
            modules.append(.init(name: result.module, models: output, samples: result.samples))
        }

        let run = try LinkedRoundTrip.run(modules, workspace: workspace)
        if let programError = run.programError { XCTFail("the round-trip program stopped: \(programError)") }
        for index in sets.indices {
            sets[index].roundTrip = run.results[sets[index].module]
        }
        print(Self.timings(sets, run))

        for set in sets {
            XCTAssertEqual(set.roundTrip?.outcome?.checked, set.samples.count, "\(set.spec.name): samples checked")
            let wrong = Self.wrongInTheirDoc[set.spec.name] ?? [:]
            let failing = set.failingOrigins
            XCTAssertEqual(
                wrong.keys.filter { !failing.contains($0) }.sorted(), [],
                "\(set.spec.name): examples listed as wrong in their doc that now pass: remove them from wrongInTheirDoc")
            let counted = set.attempted - wrong.count
            let rate = counted == 0 ? 1 : Double(set.passed) / Double(counted)
            XCTAssertGreaterThanOrEqual(
                rate, Self.requiredPassRate,
                "\(set.spec.name): \(set.passed) of \(counted) examples pass (\(wrong.count) more are wrong in their doc)")
        }
        if let reportPath {
            let path = URL(fileURLWithPath: reportPath).deletingPathExtension().path + "-examples.tsv"
            try Data(Self.report(sets).utf8).write(to: URL(fileURLWithPath: path))
            print("pool examples report: \(path)")
        }

        // Only the sets run here are compared; the text to paste keeps the others' blocks.
        let expected = Self.blocks(Self.expectedResults)
        let actual = Dictionary(uniqueKeysWithValues: sets.map { ($0.spec.name, $0.summary) })
        let merged = expected.merging(actual) { $1 }.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n")
        XCTAssertEqual(
            sets.map(\.spec.name).map { actual[$0] ?? "" }, sets.map(\.spec.name).map { expected[$0] ?? "(not recorded)" },
            "the TypeScript pool's examples changed; if on purpose, paste this as expectedResults:\n\(merged)")
    }

    // MARK: Today's results

    static let expectedResults = """
        BoltApp+Bolt-Typescript-SDK: 138 docs, 181 examples: 162 converted, 19 skipped (15 not data; 4 placeholder, not data); 161 of 162 pass (99.4 %)
          fails: components/testcreditcard.md:5: DecodingError.dataCorrupted: Data was corrupted. Path: expiration. Debug description: Invalid RFC 3339 timestamp "2023-10-31:T06:00:00Z": the date must be followed by 'T', 't' or a space and a time; expected an RFC 3339 date-time YYYY-MM-DDTHH:MM:SS[.fraction] followed by Z or an offset +HH:MM/-HH:M
        Gusto+gusto-typescript-client: 1543 docs, 1569 examples: 1558 converted, 11 skipped (11 placeholder, not data); 1558 of 1558 pass (100.0 %)
        StackOneHQ+stackone-client-typescript: 2435 docs, 3526 examples: 3513 converted, 13 skipped (12 placeholder, not data; 1 not data); 3512 of 3513 pass (100.0 %)
          fails: shared/customfieldsvalue.md:44: DecodingError.typeMismatch: expected value of type Double. Debug description: Expected to decode Double but found a string instead.
        Unstructured-IO+unstructured-js-client: 14 docs, 17 examples: 12 converted, 5 skipped (5 placeholder, not data); 12 of 12 pass (100.0 %)
        acuvity+acuvity-ts: 26 docs, 26 examples: 25 converted, 1 skipped (1 placeholder, not data); 25 of 25 pass (100.0 %)
        afs-public+ascend-sdk-typescript: 2749 docs, 2749 examples: 2748 converted, 1 skipped (1 placeholder, not data); 2748 of 2748 pass (100.0 %)
        cloudinary+asset-management-js: 260 docs, 285 examples: 268 converted, 17 skipped (8 not data; 5 placeholder, not data; 4 leave out a required field); 268 of 268 pass (100.0 %)
          leaves out `type` of CreateAssetRelationsByPublicIdRequest at $: operations/createassetrelationsbypublicidrequest.md:5
          leaves out `type` of DeleteAssetRelationsByPublicIdRequest at $: operations/deleteassetrelationsbypublicidrequest.md:5
          leaves out `resourceType` of UploadChunkRequest at $: operations/uploadchunkrequest.md:5
          leaves out `resourceType` of UploadRequest at $: operations/uploadrequest.md:5
        comfy-deploy+comfy-deploy-ts: 17 docs, 24 examples: 23 converted, 1 skipped (1 placeholder, not data); 23 of 23 pass (100.0 %)
        dailypay+dailypay-typescript-sdk: 208 docs, 212 examples: 202 converted, 10 skipped (9 placeholder, not data; 1 leave out a required field); 202 of 202 pass (100.0 %)
          leaves out `tokenURL` of SchemeOauthClientCredentialsToken at $: schemeoauthclientcredentialstoken.md:5
        descarteslabs+hedgewise-sdk-typescript: 103 docs, 105 examples: 77 converted, 28 skipped (2 placeholder, not data; 26 leave out a required field); 77 of 77 pass (100.0 %)
          leaves out `success` of GetAllForexDataResponse at $: components/getallforexdataresponse.md:5
          leaves out `success` of GetAssetCalendarResponse at $: components/getassetcalendarresponse.md:5
          leaves out `success` of GetAssetForecastsModelsResponse at $: components/getassetforecastsmodelsresponse.md:5
          leaves out `success` of GetAssetForecastsResponse at $: components/getassetforecastsresponse.md:5
          leaves out `success` of GetAssetLongTermForecastsResponse at $: components/getassetlongtermforecastsresponse.md:5
          leaves out `success` of GetAssetPricesResponse at $: components/getassetpricesresponse.md:5
          leaves out `success` of GetAvailableAssetCategoriesResponse at $: components/getavailableassetcategoriesresponse.md:5
          leaves out `success` of GetAvailableFeaturesResponse at $: components/getavailablefeaturesresponse.md:5
          leaves out `success` of GetAvailableFuturesResponse at $: components/getavailablefuturesresponse.md:5
          leaves out `success` of GetAvailableIndicatorsResponse at $: components/getavailableindicatorsresponse.md:5
          leaves out `success` of GetAvailablePerformanceMetricsResponse at $: components/getavailableperformancemetricsresponse.md:5
          leaves out `success` of GetAvailableSupplyCommoditiesResponse at $: components/getavailablesupplycommoditiesresponse.md:5
          leaves out `success` of GetDataResponse at $: components/getdataresponse.md:5
          leaves out `success` of GetDatasetsResponse at $: components/getdatasetsresponse.md:5
          leaves out `success` of GetFeatureHistoricalResponse at $: components/getfeaturehistoricalresponse.md:5
          leaves out `success` of GetForexDataResponse at $: components/getforexdataresponse.md:5
          leaves out `success` of GetHedgeIndicatorResponse at $: components/gethedgeindicatorresponse.md:5
          leaves out `success` of GetModelOutputResponse at $: components/getmodeloutputresponse.md:5
          leaves out `success` of GetPerformanceMetricsResponse at $: components/getperformancemetricsresponse.md:5
          leaves out `success` of GetSectorIndexHistoricalResponse at $: components/getsectorindexhistoricalresponse.md:5
          leaves out `success` of GetStrategiesResponse at $: components/getstrategiesresponse.md:5
          leaves out `success` of GetStrategyForecastResponse at $: components/getstrategyforecastresponse.md:5
          leaves out `success` of GetSupplyPhenologyResponse at $: components/getsupplyphenologyresponse.md:5
          leaves out `success` of GetSupplyResponse at $: components/getsupplyresponse.md:5
          leaves out `success` of GetTransformedFeatureResponse at $: components/gettransformedfeatureresponse.md:5
          leaves out `success` of PostAssetForecastsResponse at $: components/postassetforecastsresponse.md:5
        ding-live+ding-typescript: 37 docs, 40 examples: 39 converted, 1 skipped (1 placeholder, not data); 39 of 39 pass (100.0 %)
        documenso+sdk-typescript: 3157 docs, 3715 examples: 3349 converted, 366 skipped (366 placeholder, not data); 3349 of 3349 pass (100.0 %)
        factify-inc+factify-typescript: 340 docs, 366 examples: 360 converted, 6 skipped (6 placeholder, not data); 360 of 360 pass (100.0 %)
        formancehq+formance-sdk-typescript: 1116 docs, 1172 examples: 1162 converted, 10 skipped (10 placeholder, not data); 1162 of 1162 pass (100.0 %)
        getpimms+pimms-ts: 90 docs, 110 examples: 101 converted, 9 skipped (9 placeholder, not data); 101 of 101 pass (100.0 %)
        gr4vy+gr4vy-typescript: 659 docs, 695 examples: 683 converted, 12 skipped (12 placeholder, not data); 683 of 683 pass (100.0 %)
        honeyhiveai+typescript-sdk: 153 docs, 157 examples: 153 converted, 2 skipped (2 placeholder, not data), 2 do not convert; 153 of 155 pass (98.7 %)
          does not convert: components/event.md:5: 64:18: expected `,` or `}` after the value of "startTime", found `-`
          does not convert: operations/geteventsresponsebody.md:7: 66:22: expected `,` or `}` after the value of "startTime", found `-`
        inkeep+ai-api-ts: 26 docs, 36 examples: 12 converted, 24 skipped (13 placeholder, not data; 11 leave out a required field); 12 of 12 pass (100.0 %)
          leaves out `role` of AssistantMessage at $: components/assistantmessage.md:5
          leaves out `role` of AssistantMessage at $.message: components/chatresult.md:5
          leaves out `event` of ChatResultMessageChunkEvent at $: components/chatresultmessagechunkevent.md:7
          leaves out `event` of ChatResultRecordsCitedEvent at $: components/chatresultrecordscitedevent.md:7
          leaves out `event` of ChatResultMessageChunkEvent at $: components/chatresultstream.md:5
          leaves out `role` of UserMessage at $.messages[0]: components/chatsessioninput.md:5
          leaves out `role` of UserMessage at $.message: components/continuechatsessionwithchatresultinput.md:5
          leaves out `role` of UserMessage at $.chatSession.messages[0]: components/createchatsessionwithchatresultinput.md:5
          leaves out `role` of UserMessage at $: components/message.md:5
          leaves out `role` of UserMessage at $: components/usermessage.md:5
          leaves out `role` of UserMessage at $.continueChatSessionWithChatResultInput.message: operations/continuerequest.md:5
        mollie+mollie-api-typescript: 845 docs, 860 examples: 859 converted, 1 skipped (1 placeholder, not data); 859 of 859 pass (100.0 %)
        """

    // MARK: One set

    struct SetResult {
        var spec: PoolCorpus.Spec
        var module: String
        var examples: CorpusExamples
        var generateSeconds = 0.0
        var generationErrors = 0
        /// `nil` when the set did not generate.
        var roundTrip: LinkedRoundTrip.Result?
        /// Converted examples that leave out a field their doc marks required, skipped with it.
        var contradicting: [(origin: String, reason: String)] = []
        /// The samples of the other converted examples: those round-tripped.
        var samples: [RoundTripHarness.Sample] = []

        /// Converted examples that are not set aside.
        var converted: Int { examples.converted - contradicting.count }
        /// Examples that round-trip: the converted ones without a failing sample.
        var passed: Int { max(0, converted - (roundTrip?.outcome?.failuresByOrigin.count ?? converted)) }
        /// Examples that are not skipped: converted, or failed to convert.
        var attempted: Int { converted + examples.failed.count }

        /// The examples that do not convert or do not round-trip, by `path:line`.
        var failingOrigins: Set<String> {
            Set(examples.failed.map(\.origin)).union((roundTrip?.outcome?.failuresByOrigin ?? [:]).keys)
        }

        /// Sets aside the examples that leave out a field their doc marks required (every
        /// sample of such an example), and keeps the other samples.
        mutating func setAsideContradictions(_ check: LeftOutRequiredField) {
            var reasons: [String: String] = [:]
            for (sample, type) in zip(examples.samples, examples.sampleTypes) {
                let origin = Self.exampleOrigin(sample.origin)
                if reasons[origin] == nil, let field = check.find(in: sample.json, as: type) { reasons[origin] = field }
            }
            contradicting = reasons.sorted { $0.key < $1.key }.map { (origin: $0.key, reason: $0.value) }
            samples = examples.samples.filter { reasons[Self.exampleOrigin($0.origin)] == nil }
        }

        /// `path:line` of a sample's origin (`path:line as Union` for a member's second sample).
        static func exampleOrigin(_ origin: String) -> String {
            String(origin.split(separator: " ").first ?? "")
        }
        var passRate: Double { attempted == 0 ? 1 : Double(passed) / Double(attempted) }

        /// The set's block of `expectedResults`: the counts on one line, then each failure.
        var summary: String {
            let skipped = Dictionary(grouping: examples.skipped) { PoolCorpus.kind(of: $0.reason) }.mapValues(\.count)
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }
            let leftOut = contradicting.isEmpty ? [] : ["\(contradicting.count) leave out a required field"]
            var line = "\(spec.name): \(spec.docs) docs, \(examples.found) examples: \(converted) converted, "
                + "\(examples.skipped.count + contradicting.count) skipped"
                + (skipped.isEmpty && leftOut.isEmpty ? "" : " (\((skipped + leftOut).joined(separator: "; ")))")
            if !examples.failed.isEmpty { line += ", \(examples.failed.count) do not convert" }
            var lines: [String] = []
            if generationErrors > 0 {
                line += "; does not generate (\(generationErrors) errors)"
            } else if let errors = roundTrip?.compileErrors, !errors.isEmpty {
                line += "; does not compile (\(errors.count) errors and warnings)"
                lines = errors.prefix(5).map { "  compile: " + PoolExampleTests.withoutFolder($0) }
            } else if roundTrip?.outcome == nil {
                line += "; the round trip did not finish"
            } else {
                line += "; \(passed) of \(attempted) pass (\(String(format: "%.1f", passRate * 100)) %)"
            }
            for skip in contradicting {
                lines.append("  leaves out \(skip.reason): \(skip.origin)")
            }
            for failure in examples.failed.sorted(by: { $0.origin < $1.origin }) {
                lines.append("  does not convert: \(failure.origin): \(failure.reason)")
            }
            for (origin, reasons) in (roundTrip?.outcome?.failuresByOrigin ?? [:]).sorted(by: { $0.key < $1.key }) {
                lines.append("  fails: \(origin): " + reasons.map(PoolExampleTests.condensed).joined(separator: "; "))
            }
            return ([line] + lines).joined(separator: "\n")
        }
    }

    /// A Swift module name from the set's name (`acuvity+acuvity-ts` → `PoolAcuvityAcuvityTs`).
    static func moduleName(_ spec: PoolCorpus.Spec) -> String {
        "Pool" + spec.name.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A decoding error as one short line: `keyNotFound at $.data[0]: No value associated with
    /// key …`; any other reason cut to 300 characters.
    static func condensed(_ reason: String) -> String {
        guard let open = reason.firstIndex(of: "("), reason.hasPrefix("typeMismatch") || reason.hasPrefix("keyNotFound")
            || reason.hasPrefix("valueNotFound") || reason.hasPrefix("dataCorrupted"),
            let pathStart = reason.range(of: "codingPath: ["),
            let pathEnd = reason.range(of: "], debugDescription: \"", range: pathStart.upperBound..<reason.endIndex),
            let debugEnd = reason.range(of: "\", underlyingError", range: pathEnd.upperBound..<reason.endIndex)
        else { return String(reason.prefix(300)) }
        var path = "$"
        var rest = reason[pathStart.upperBound..<pathEnd.lowerBound]
        while let key = rest.range(of: "stringValue: \"") {
            let afterKey = rest[key.upperBound...]
            guard let close = afterKey.range(of: "\", intValue: ") else { break }
            let name = afterKey[..<close.lowerBound]
            let index = afterKey[close.upperBound...].prefix { $0.isNumber }
            path += index.isEmpty ? ".\(name)" : "[\(index)]"
            rest = afterKey[close.upperBound...]
        }
        let message = reason[pathEnd.upperBound..<debugEnd.lowerBound].replacingOccurrences(of: "\\\"", with: "\"")
        return "\(reason[..<open]) at \(path): \(message.prefix(300))"
    }

    /// A compiler line without the workspace's folders (`/tmp/…/models-PoolX/Y.swift:3:1` → `Y.swift:3:1`).
    static func withoutFolder(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let file = line[..<colon]
        return String(file.split(separator: "/").last ?? file) + line[colon...]
    }

    /// `expectedResults` split into each set's block, by the set's name.
    static func blocks(_ text: String) -> [String: String] {
        var blocks: [String: String] = [:]
        var current = ""
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("  ") {
                blocks[current, default: ""] += "\n" + line
            } else {
                current = line.range(of: ": ").map { String(line[..<$0.lowerBound]) } ?? line
                blocks[current] = line
            }
        }
        return blocks
    }

    // MARK: Times and the report

    static func timings(_ sets: [SetResult], _ run: LinkedRoundTrip.Run) -> String {
        var lines = sets.map { set in
            let compile = set.roundTrip.map { String(format: "%.1f", $0.compileSeconds) } ?? "-"
            return "\(set.spec.name) (\(set.spec.docs) docs): generate \(String(format: "%.1f", set.generateSeconds)) s, compile \(compile) s"
        }
        let generate = sets.map(\.generateSeconds).reduce(0, +)
        let compile = sets.compactMap { $0.roundTrip?.compileSeconds }.reduce(0, +)
        lines.append(String(
            format: "%d sets, %d docs: generate %.1f s, compile %.1f s, link %.1f s, run %.1f s",
            sets.count, sets.map(\.spec.docs).reduce(0, +), generate, compile, run.linkSeconds, run.runSeconds))
        return lines.joined(separator: "\n")
    }

    /// One tab-separated line per set.
    static func report(_ sets: [SetResult]) -> String {
        var text = "set\tdocs\texamples\tconverted\tskipped\tskipped by reason\tdo not convert\tpassed\tfailed\tpass rate\tgenerate seconds\tcompile seconds\tcompile errors\n"
        for set in sets {
            var skipped = Dictionary(grouping: set.examples.skipped) { PoolCorpus.kind(of: $0.reason) }.mapValues(\.count)
            if !set.contradicting.isEmpty { skipped["leave out a required field"] = set.contradicting.count }
            let skippedByReason: String = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
            let compileSeconds: String = set.roundTrip.map { String(format: "%.1f", $0.compileSeconds) } ?? ""
            let columns: [String] = [
                set.spec.name, String(set.spec.docs), String(set.examples.found), String(set.converted),
                String(set.examples.skipped.count + set.contradicting.count), skippedByReason,
                String(set.examples.failed.count), String(set.passed), String(set.attempted - set.passed),
                String(format: "%.4f", set.passRate), String(format: "%.1f", set.generateSeconds), compileSeconds,
                String(set.roundTrip?.compileErrors.count ?? 0),
            ]
            text += columns.joined(separator: "\t") + "\n"
        }
        return text
    }
}
