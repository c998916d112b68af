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

    /// The share of a set's examples (converted, or not convertible) that must round-trip.
    static let requiredPassRate = 0.99

    func testTypeScriptPoolSetsRoundTripTheirExamples() throws {
        let pool = try PoolCorpus.load()
        let reportPath = ProcessInfo.processInfo.environment["SPECMODELS_POOL_REPORT"].flatMap { $0.isEmpty ? nil : $0 }
        let workspace = try TestSupport.temporaryDirectory(self)
        let specs = pool.specs.filter { $0.language == "typescript" && (reportPath != nil || $0.docs <= Self.roundTripBudget) }

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
            XCTAssertGreaterThanOrEqual(
                set.passRate, Self.requiredPassRate, "\(set.spec.name): \(set.passed) of \(set.attempted) examples pass")
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
