import Foundation
import XCTest
@testable import SpecModelsKit

/// The machinery of `FlavourAgreement`, on small doc sets whose differences are known.
final class FlavourAgreementTests: XCTestCase {
    private static func object(_ name: String, _ rows: [(String, String)]) -> String {
        """
        # \(name)

        ## Fields

        | Field | Type | Required |
        | --- | --- | --- |
        \(rows.map { "| `\($0.0)` | \($0.1) | :heavy_check_mark: |" }.joined(separator: "\n"))
        """
    }

    private static func enumeration(_ name: String, _ values: String) -> String {
        "# \(name)\n\n## Values\n\n```typescript\n\(values)\n```\n"
    }

    private func graph(_ docs: [String: String]) -> TypeGraph {
        let (graph, diagnostics) = TestSupport.buildGraph(docs)
        XCTAssertEqual(diagnostics, [])
        return graph
    }

    func testMatchesNamesAcrossSpellingsAndComparesStructure() {
        let left = graph([
            "models/components/pet.md": Self.object("Pet", [
                ("doc_id", "*string*"),
                ("age", "*number*"),
                ("owner", "[components.Owner](../../models/components/owner.md)"),
                ("tags", "Record<string, *components.Owner*[]>"),
                ("colour", "*string*"),
                ("born", "[Date](https://developer.mozilla.org/Date)"),
            ]),
            "models/components/owner.md": Self.object("Owner", [("name", "*string*")]),
            "models/components/kind.md": Self.enumeration("Kind", "\"cat\" | \"dog\""),
            "models/components/detail.md": Self.object("Detail", [("a", "*string*")]),
            "models/operations/detail.md": Self.object("Detail", [("b", "*string*")]),
            "models/components/onlyleft.md": Self.object("OnlyLeft", [("a", "*string*")]),
        ])
        let right = graph([
            "models/components/pet.md": Self.object("Pet", [
                ("DocID", "*string*"),
                ("Age", "*number*"),
                ("Owner", "[components.OWNER](../../models/components/owner.md)"),
                ("Tags", "Record<string, *components.OWNER*[]>"),
                ("Colour", "*number*"),
                ("Born", "[RFCDate](../../types/rfcdate.md)"),
                ("extra", "*boolean*"),
            ]).replacingOccurrences(of: "| `Age` | *number* | :heavy_check_mark: |", with: "| `Age` | *number* | :heavy_minus_sign: |"),
            "models/components/owner.md": Self.object("OWNER", [("Name", "*string*")]),
            "models/components/kind.md": Self.enumeration("Kind", "\"dog\" | \"cat\" | \"bird\""),
            "models/components/detail.md": Self.object("Detail", [("A", "*string*")]),
            "models/requests/detail.md": Self.object("Detail", [("B", "*string*")]),
        ])
        // Two `Detail`s on each side: the folder tells them apart, `requests` read as `operations`.
        let agreement = FlavourAgreement(
            [.init(label: "L", graph: left), .init(label: "R", graph: right)], folderAliases: ["requests": "operations"])
        XCTAssertEqual(agreement.differences.map(\.description).sorted(), [
            "Kind [enumValues] L: \"cat\", \"dog\", R: \"bird\", \"cat\", \"dog\"",
            "OnlyLeft [type] L: components.OnlyLeft",
            "Pet.born [fieldType] L: Date, R: RFCDate",
            "Pet.colour [fieldType] L: string, R: number",
            "Pet.extra [field] R: extra: boolean",
        ])
        XCTAssertEqual(agreement.typeCount, 6)
        XCTAssertEqual(agreement.typesOnEverySide, 5)
        XCTAssertEqual(agreement.agreeingTypes, 3)  // Owner, both Details
        XCTAssertEqual(agreement.fieldCount, 7 + 1 + 1 + 1)
        XCTAssertEqual(agreement.fieldsOnEverySide, 6 + 1 + 1 + 1)
        XCTAssertEqual(agreement.agreeingFields, 4 + 1 + 1 + 1)
        XCTAssertEqual(agreement.requirednessDifferences, ["Pet.age"])

        // The first explanation that applies takes a difference; the rest stay unexplained.
        let (explained, unexplained) = agreement.explain([
            .init(name: "one side only", reason: "", applies: { $0.present.count == 1 }),
            .init(name: "date or timestamp", reason: "", applies: { Set($0.fieldTypes.values) == [.date, .dateTime] }),
            .init(name: "never", reason: "", applies: { _ in false }),
        ])
        XCTAssertEqual(explained.mapValues { $0.map(\.description).sorted() }, [
            "one side only": ["OnlyLeft [type] L: components.OnlyLeft", "Pet.extra [field] R: extra: boolean"],
            "date or timestamp": ["Pet.born [fieldType] L: Date, R: RFCDate"],
        ])
        XCTAssertEqual(unexplained.map(\.description).sorted(), [
            "Kind [enumValues] L: \"cat\", \"dog\", R: \"bird\", \"cat\", \"dog\"",
            "Pet.colour [fieldType] L: string, R: number",
        ])
    }
}

/// One API documented by several SDK languages gives one API (issue 13): the type graphs of
/// each language's docs, compared by `FlavourAgreement`, with every difference explained.
final class CrossFlavourTests: XCTestCase {
    /// The graph of a corpus folder, as `generate` builds it; errors fail the test.
    private func graph(_ path: String, missingTypes: MissingTypes = .error) throws -> TypeGraph {
        let folder = try TestSupport.corpusFolder(path)
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: folder.path).read(diagnostics: &diagnostics)
        let graph = Generator.buildGraph(from: files, missingTypes: missingTypes, diagnostics: &diagnostics)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.prefix(20).map(\.description), [], "\(path): \(errors.count) errors")
        return graph
    }

    /// The comparison finds nothing between a graph and itself.
    func testTheTypeScriptDocsAgreeWithThemselves() throws {
        let apideck = try graph("apideck/models")
        let agreement = FlavourAgreement([.init(label: "A", graph: apideck), .init(label: "B", graph: apideck)])
        XCTAssertEqual(agreement.differences.map(\.description), [])
        XCTAssertEqual(agreement.typeCount, apideck.models.count)
        XCTAssertEqual(agreement.agreeingTypes, apideck.models.count)
        XCTAssertEqual(agreement.agreeingFields, agreement.fieldCount)
    }

    /// Two revisions of one API in one language: what differs is what the API changed.
    func testAmpersandRevisionsDifferByTheirChanges() throws {
        let v3 = try graph("ampersand/v3/models")
        let v4 = try graph("ampersand/v4/models")
        let agreement = FlavourAgreement([.init(label: "v3", graph: v3), .init(label: "v4", graph: v4)])
        print("ampersand v3 / v4: \(agreement.summary)")
        XCTAssertEqual(agreement.typeCount, 620)
        XCTAssertEqual(agreement.typesOnEverySide, 615)
        XCTAssertEqual(agreement.agreeingTypes, 612)
        XCTAssertEqual(agreement.fieldCount, 3796)
        XCTAssertEqual(agreement.fieldsOnEverySide, 3783)
        XCTAssertEqual(agreement.agreeingFields, 3778)
        // Each type that differs is one `specmodels diff` reports a change in (under its v4
        // name, or its v3 name when it was removed or renamed).
        var changed = Set<String>()
        for change in SpecDiff.compare(old: v3, new: v4) {
            for name in [change.typeName, change.before].compactMap({ $0 }) {
                changed.insert(String(name.split(separator: ".").last ?? ""))
            }
        }
        let differing = Set(agreement.differences.map(\.typeName))
        XCTAssertEqual(differing.subtracting(changed).sorted(), [])
        XCTAssertEqual(differing.sorted(), [
            "Builder", "ConnectionRequestBody", "GenerateConnectionGenerateConnectionRequest", "ListOrgBuildersAPIProblem",
            "ListOrgBuildersRequest", "ListOrgBuildersResponse", "UpdateConnectionConnectionRequestBody",
            "UpdateConnectionUpdateConnectionRequest",
        ])
    }
}
