import Foundation
import XCTest
@testable import SpecModelsKit

/// Directions, severities, fingerprints, the ignore file and the summary.
final class DiffReportTests: XCTestCase {
    typealias D = SpecDoc

    private var old: SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", [D.field("id", "*string*"), D.field("name", "*string*", required: false)])),
            ("Status", D.enumeration("Status", ["\"active\"", "\"paused\""])),
        ])
    }

    /// `name` became required (breaks requests), `Status` gained a value (warns responses).
    private var new: SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", description: "A pet.", [D.field("id", "*string*"), D.field("name", "*string*")])),
            ("Status", D.enumeration("Status", ["\"active\"", "\"paused\"", "\"gone\""])),
        ])
    }

    private func report(direction: WireDirection = .both, ignore: String = "") throws -> DiffReport {
        var diagnostics = Diagnostics()
        let ignoreFile = DiffIgnoreFile.parse(ignore, file: "ignore", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        return DiffReport(
            old: try XCTUnwrap(old.snapshot(label: "old")), new: try XCTUnwrap(new.snapshot(label: "new")),
            direction: direction, ignore: ignoreFile)
    }

    func testDirectionsChooseTheWireSide() throws {
        let both = try report()
        XCTAssertEqual(both.listed(verbose: false).map { "\($0.rule.rawValue) \(both.severity(of: $0))" }, [
            "field-became-required breaking",
            "enum-value-added warning",
        ])
        XCTAssertEqual(both.summary, DiffReport.Summary(breaking: 1, warning: 1, info: 0, documentation: 1, ignored: 0, changedTypes: 2))
        let change = both.changes.first { $0.rule == .fieldBecameRequired }!
        XCTAssertEqual(change.wire(.request), .breaking)
        XCTAssertEqual(change.wire(.response), .info)
        XCTAssertEqual(change.wire(.both), .breaking)
        // Swift source breaks either way, so the change stays breaking for responses.
        let responses = try report(direction: .response)
        XCTAssertEqual(responses.changes.filter { !$0.isDocumentation }.map { responses.severity(of: $0) }, [.breaking, .warning])
        XCTAssertEqual(responses.changes.filter { !$0.isDocumentation }.map { $0.wire(responses.direction) }, [.info, .warning])
    }

    func testFailureThresholds() throws {
        let report = try self.report()
        XCTAssertTrue(report.fails(on: .breaking))
        XCTAssertTrue(report.fails(on: .warning))
        XCTAssertTrue(report.fails(on: .any))
        let accepted = try self.report(ignore: "field-became-required operations.Pet.name the server always sent it\n")
        XCTAssertFalse(accepted.fails(on: .breaking))
        XCTAssertTrue(accepted.fails(on: .warning))
    }

    func testSummaryLine() throws {
        XCTAssertEqual(try report().summaryLine, "1 breaking, 1 warning, 0 info in 2 types; 1 description/example change")
        XCTAssertEqual(try report(ignore: "* operations.Status.* new values are fine\n").summaryLine,
                       "1 breaking, 0 warnings, 0 info in 1 type; 1 description/example change; 1 ignored")
    }

    /// Fingerprints hash the rule, path and before/after, not lines: they survive edits elsewhere.
    func testFingerprintsAreStable() throws {
        let first = try report().changes.map(\.fingerprint)
        var shifted = new
        shifted[name: "Pet"] = D.object("Pet", description: "A pet.\n\nWith a longer description.", [D.field("id", "*string*"), D.field("name", "*string*")])
        let second = SpecDiff.compare(
            old: try XCTUnwrap(old.snapshot(label: "old")).graph,
            new: try XCTUnwrap(shifted.snapshot(label: "new")).graph)
        XCTAssertEqual(first.count, 3)
        XCTAssertEqual(Set(first).count, 3)
        XCTAssertEqual(second.first { $0.rule == .fieldBecameRequired }?.fingerprint, first[1])
        XCTAssertNotEqual(second.first { $0.rule == .fieldBecameRequired }?.newLocation, try report().changes[1].newLocation)
        XCTAssertTrue(first.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isHexDigit) })
        // The algorithm is part of the contract: pinned.
        XCTAssertEqual(Fingerprint.hex(["field-became-required", "operations.Pet.name", "optional", "required"]), first[1])
        XCTAssertEqual(Fingerprint.hex([""]), "cbf29ce48422")
    }

    // MARK: Ignore file

    func testIgnoreFileSuppressesAndReportsUnusedEntries() throws {
        let report = try self.report(ignore: """
            # accepted in review
            field-became-required  operations.Pet.name   the server always sent it

            enum-value-added       operations.Statuz.*   a typo: matches nothing
            """)
        XCTAssertEqual(report.ignored.map(\.change.rule), [.fieldBecameRequired])
        XCTAssertEqual(report.ignored.first?.entry.reason, "the server always sent it")
        XCTAssertEqual(report.changes.filter { !$0.isDocumentation }.map(\.rule), [.enumValueAdded])
        XCTAssertEqual(report.unusedIgnores.map(\.location.line), [4])
        let stale = try self.report(ignore: "enum-value-removed operations.Status.active not removed after all\n")
        XCTAssertEqual(stale.unusedIgnores.map(\.location), [SourceLocation(file: "ignore", line: 1, column: 1)])
    }

    func testIgnoreFileErrors() {
        var diagnostics = Diagnostics()
        let file = DiffIgnoreFile.parse("""
            field-removed operations.Pet.name
            field-remove operations.Pet.name because
            * * everything, for now
            """, file: ".specmodels-diff-ignore", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [
            ".specmodels-diff-ignore:1:1: error: expected `rule-id Type.field reason`, with a reason for accepting the change",
            ".specmodels-diff-ignore:2:1: error: unknown rule `field-remove`; did you mean `field-removed`?",
        ])
        XCTAssertEqual(file.entries.map(\.reason), ["everything, for now"])
    }

    func testGlobs() {
        XCTAssertTrue(DiffIgnoreFile.glob("operations.Pet.*", matches: "operations.Pet.name"))
        XCTAssertTrue(DiffIgnoreFile.glob("*", matches: "anything"))
        XCTAssertTrue(DiffIgnoreFile.glob("*.Pet.*e", matches: "operations.Pet.name"))
        XCTAssertFalse(DiffIgnoreFile.glob("operations.Pet", matches: "operations.Pet.name"))
        XCTAssertFalse(DiffIgnoreFile.glob("ab*b", matches: "ab"))
    }

    // MARK: Rules

    /// Every rule appears in the README's table, with the baseline severities it has in code.
    func testEveryRuleIsDocumentedInTheREADME() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for rule in DiffRule.allCases {
            let baseline = rule.baseline
            let row = "| `\(rule.rawValue)` | \(baseline.swift.rawValue) | \(baseline.request.rawValue) | \(baseline.response.rawValue) |"
            XCTAssertTrue(text.contains(row), "README lacks the row starting \(row)")
        }
    }
}
