import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// The diff of one API's docs in two SDK languages: `flavours/python-glean` against
/// `flavours/go-glean` (the Go docs are of a slightly different revision of the API). What
/// is left, by category, is held here; each category is either a difference of the languages
/// or of the revisions:
///
/// - names agree: fields pair by name up to case and underscores (`doc_id`, `DocID`) and get
///   one Swift name, enum cases come from the values, not each language's Name column;
/// - dates agree: Python's labels are read the other way round (PythonDatesTests), and no
///   field is a date in one language and a timestamp in the other;
/// - Go's operation wrappers (`operations.XResponse`: the HTTP metadata and the body) have no
///   Python docs, and where a wrapper shares its body's name the body's Swift name takes its
///   namespace (`ComponentsChatResponse`);
/// - Python's `XRequestRequest` request types are Go's `operations.XRequest`;
/// - the rest (agents, DLP, tools, …) is in one revision only.
///
/// No deprecation, union member or enum value other than one revision's changes: both
/// languages mark the same fields deprecated (`~~name~~`) and list the same members and values.
///
/// Reads `SPECMODELS_CORPUS`; unset skips.
final class DiffFlavourCorpusTests: XCTestCase {
    private func snapshot(_ path: String, wireKeys: String?) throws -> SpecSnapshot {
        let folder = try TestSupport.corpusFolder(path)
        var diagnostics = Diagnostics()
        guard var snapshot = SpecSnapshot.read(.directory(folder.path), diagnostics: &diagnostics) else {
            XCTFail("cannot read \(path):\n" + diagnostics.sorted.map(\.description).joined(separator: "\n"))
            throw XCTSkip("unreadable corpus")
        }
        if let wireKeys {
            let configuration = try XCTUnwrap(ConfigurationFile.parse("wireKeys: \(wireKeys)\n", path: "specmodels.yml", diagnostics: &diagnostics))
            XCTAssertTrue(snapshot.apply(configuration, diagnostics: &diagnostics))
        }
        return snapshot
    }

    /// `rule` or `rule: category` for the rules that mix languages' and revisions' differences.
    private static func category(_ change: SpecChange) -> String {
        let rule = change.rule.rawValue
        switch change.rule {
        case .fieldTypeChanged:
            let kinds = Set([change.before, change.after].compactMap { $0 })
            if kinds == ["RFCDate", "Date"] { return "\(rule): date ↔ timestamp" }
            if kinds == ["number", "number (integer)"] { return "\(rule): integer ↔ float" }
            return "\(rule): other"
        case .fieldRenamed:
            switch change.evidence.first {
            case "same name up to case and underscores": return "\(rule): respelled, Swift name differs"
            case "both gather the keys no other field has (additionalProperties)": return "\(rule): additionalProperties"
            default: return "\(rule): other"
            }
        case .enumValueRenamed:
            return change.wire(.request) == .info ? "\(rule): Swift case only" : "\(rule): value"
        case .typeAdded, .typeRemoved:
            return "\(rule): \(change.typeName.split(separator: ".").first ?? "")"
        default:
            return rule
        }
    }

    private func counts(wireKeys: String?) throws -> [String: Int] {
        let python = try snapshot("flavours/python-glean/models", wireKeys: wireKeys)
        let go = try snapshot("flavours/go-glean/models", wireKeys: wireKeys)
        let changes = SpecDiff.compare(old: python.graph, new: go.graph).filter { !$0.isDocumentation }
        return changes.reduce(into: [:]) { $0[Self.category($1), default: 0] += 1 }
    }

    /// What is left under one wire style, where the keys agree.
    static let underOneWireStyle: [String: Int] = [
        // Python's `__pydantic_extra__` is Go's `AdditionalProperties`: the same JSON, a
        // Swift property named after each.
        "field-renamed: additionalProperties": 1,
        // Go's operation wrappers (`operations.ChatResponse`) and Go's error copies of
        // models (`apierrors.GleanDataError`); a wrapper named like its body gives the body's
        // Swift name its namespace (`ComponentsChatResponse`), and fields of the error
        // copies point at the renamed types (`model → other model with the same JSON`).
        "type-added: operations": 98,
        "type-swift-name-changed": 9,
        "field-type-changed: other": 7,
        // Python's `GetchatRequestRequest` is Go's `operations.GetchatRequest` (7), the
        // error copies (2), `RelatedObjectMetadata` named `Metadata` in Go, and one pair of
        // one-field shapes of different revisions.
        "type-renamed": 11,
        // The revisions: agents, DLP, tools, … in Python's only; Go's `Agent` and others
        // reshaped.
        "type-removed: models": 69,
        "type-added: components": 8,
        "field-renamed: other": 1,
        "field-removed": 5,
        "field-added-optional": 5,
        "field-became-optional": 1,
        "fields-reordered": 1,
        "enum-value-removed": 1,
    ]

    /// Under the same wire settings, the keys agree: what is left is what the docs say.
    func testPythonAgainstGoUnderOneWireStyle() throws {
        XCTAssertEqual(try counts(wireKeys: "snake_case"), Self.underOneWireStyle)
    }

    /// Each language's default wire style: Python shows the keys (`doc_id`), Go's names are
    /// not keys and default to camelCase (`docId`), so the multi-word fields' keys differ (a
    /// difference of the generated JSON, reported once per field). Python's escaped `filter_`
    /// and `format_` are `filter` and `format`, the same keys as Go's.
    func testPythonAgainstGoWithEachLanguagesDefaults() throws {
        var expected = Self.underOneWireStyle
        expected["field-wire-key-changed"] = 1032
        XCTAssertEqual(try counts(wireKeys: nil), expected)
    }
}
