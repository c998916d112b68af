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
            "Kind [enumValues] L: no other value, R: also \"bird\"",
            "OnlyLeft [type] L: components.OnlyLeft",
            "Pet.born [fieldType] L: Date, R: RFCDate",
            "Pet.colour [fieldType] L: string, R: number",
            "Pet.extra [field] R: extra: boolean",
        ])
        XCTAssertEqual(agreement.counts, .init(
            types: 6, typesOnEverySide: 5, agreeingTypes: 3,  // Owner, both Details
            fields: 7 + 1 + 1 + 1, fieldsOnEverySide: 6 + 1 + 1 + 1, agreeingFields: 4 + 1 + 1 + 1))
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
            "Kind [enumValues] L: no other value, R: also \"bird\"",
            "Pet.colour [fieldType] L: string, R: number",
        ])
    }
}

extension FlavourAgreementTests {
    private static func union(_ name: String, _ members: [String]) -> String {
        "# \(name)\n\n## Supported Types\n\n" + members.map { "### `\($0)`\n\n```typescript\nconst value: \($0) = 1;\n```\n" }.joined(separator: "\n")
    }

    func testUnionMembersAndShapeKinds() {
        let left = graph([
            "models/components/choice.md": Self.union("Choice", ["string", "components.Owner[]"]),
            "models/components/owner.md": Self.object("Owner", [("name", "*string*")]),
            "models/components/mode.md": Self.enumeration("Mode", "\"on\" | \"off\""),
        ])
        let right = graph([
            "models/components/choice.md": Self.union("Choice", ["string", "components.owner[]", "boolean"]),
            "models/components/owner.md": Self.object("owner", [("Name", "*string*")]),
            "models/components/mode.md": Self.object("Mode", [("on", "*boolean*")]),
        ])
        let agreement = FlavourAgreement([.init(label: "L", graph: left), .init(label: "R", graph: right)])
        XCTAssertEqual(agreement.differences.map(\.description), [
            "Choice [unionMembers] L: [owner] | string, R: [owner] | boolean | string",
            "Mode [shape] L: enum, R: object",
        ])
        XCTAssertEqual(agreement.counts, .init(
            types: 3, typesOnEverySide: 3, agreeingTypes: 1, fields: 1, fieldsOnEverySide: 1, agreeingFields: 1))
    }
}
