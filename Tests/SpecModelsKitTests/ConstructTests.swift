import Foundation
import XCTest
@testable import SpecModelsKit

/// Constructs of published Speakeasy docs beyond the first corpus (`Fixtures/Reference/constructs`
/// pins their generated code): SDK runtime values, date-only links, literals cmark reads as
/// markup, and union members that repeat a spelling.
final class ConstructTests: XCTestCase {
    static let spec = TestSupport.fixtures.appendingPathComponent("Reference/constructs/spec")

    private func fixtureGraph() throws -> TypeGraph {
        let result = Generator.generate(specDirectory: Self.spec.path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        return result.graph
    }

    private func model(_ name: String, in graph: TypeGraph) throws -> ModelNode {
        try XCTUnwrap(graph.models.first { $0.qualifiedName == name }, name)
    }

    private func fields(_ node: ModelNode) -> [Property] {
        if case .object(let properties) = node.shape { return properties }
        XCTFail("\(node.qualifiedName) is not an object")
        return []
    }

    // MARK: SDK runtime values

    func testRuntimeValuesAreKeptOutOfTheShape() throws {
        let graph = try fixtureGraph()
        let metadata = try model("components.HTTPMetadata", in: graph)
        XCTAssertEqual(fields(metadata).map(\.name), [])
        XCTAssertEqual(metadata.runtimeFields.map(\.name), ["response", "request"])
        XCTAssertEqual(metadata.runtimeFields.map(\.type), [.runtime("Response"), .runtime("Request")])
        // The wrapper keeps its data (the headers map is data); `httpMeta` is set aside.
        let wrapper = try model("operations.GetParcelResponse", in: graph)
        XCTAssertEqual(fields(wrapper).map(\.name), ["headers", "parcel"])
        XCTAssertEqual(wrapper.runtimeFields.map(\.name), ["httpMeta"])
        XCTAssertEqual(wrapper.runtimeFields.map(\.type), [.model(metadata.id)])
        XCTAssertEqual(metadata.referencedBy, [wrapper.id])
        // A union member of a runtime type is set aside the same way.
        let download = try model("operations.DownloadParcelResponse", in: graph)
        guard case .union(let members) = download.shape else { return XCTFail("expected a union") }
        XCTAssertEqual(members.map(\.spelling), ["components.Parcel"])
        XCTAssertEqual(download.runtimeMembers.map(\.type), [.runtime("Response")])
    }

    /// Only the runtime vocabulary is set aside: a model named `Request` is data, a name no doc
    /// declares is still an error, and a link to any other web page too.
    func testRuntimeValuesAreRecognisedByTheirRule() throws {
        let (graph, diagnostics) = TestSupport.buildGraph([
            "models/operations/call.md": """
                # Call

                ## Fields

                | Field | Type | Required |
                | ----- | ---- | -------- |
                | `request` | *Request* | :heavy_check_mark: |
                | `responses` | [Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)[] | :heavy_minus_sign: |
                | `note` | *string* | :heavy_check_mark: |
                """,
            "models/operations/request.md": "# Request\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\n| `id` | *string* | :heavy_check_mark: |\n",
            "models/operations/bad.md": """
                # Bad

                ## Fields

                | Field | Type | Required |
                | ----- | ---- | -------- |
                | `headers` | *Headers* | :heavy_check_mark: |
                | `page` | [Page](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Page) | :heavy_check_mark: |
                """,
        ])
        XCTAssertEqual(diagnostics, [
            "models/operations/bad.md:7:16: error: unknown type `Headers`: no model doc declares it (built-in types are string, number, boolean, any, Date, RFCDate, File, Blob, Record<string, T>, T[])",
            "models/operations/bad.md:8:12: error: link to `https://developer.mozilla.org/en-US/docs/Web/JavaScript/Page` is not a model doc: types link to `.md` files in the spec",
        ])
        let call = try model("operations.Call", in: graph)
        let request = try model("operations.Request", in: graph)
        XCTAssertEqual(fields(call).map(\.type), [.model(request.id), .string])
        XCTAssertEqual(call.runtimeFields.map(\.type), [.array(.runtime("Response"))])
    }

    // MARK: Literals cmark reads as markup

    /// The literal is the characters the doc shows, not cmark's emphasis.
    func testStringLiteralsAreReadFromTheSource() throws {
        let cases: [(String, TypeExpressionParser.Unresolved)] = [
            ("*\"__encrypted__\"*", .primitive(.stringLiteral("__encrypted__"))),
            ("*\"**bold**\"*", .primitive(.stringLiteral("**bold**"))),
            ("*\"_x_\"* \\| *\"__y__\"*", .oneOf([.primitive(.stringLiteral("_x_")), .primitive(.stringLiteral("__y__"))])),
            ("`\"__code__\"`", .primitive(.stringLiteral("__code__"))),
        ]
        for (cell, expected) in cases {
            let parsed = TypeExpressionParser.parse(TypeCell(
                inlines: MarkdownParser.parseInlines(cell), location: SourceLocation(file: "x.md", line: 1, column: 1), source: cell))
            XCTAssertEqual(try parsed.get(), expected, cell)
        }
        let unterminated = TypeExpressionParser.parse(TypeCell(
            inlines: MarkdownParser.parseInlines("*\"__sealed__*"), location: SourceLocation(file: "x.md", line: 1, column: 1),
            source: "*\"__sealed__*"))
        XCTAssertEqual(unterminated, .failure(TypeExpressionParser.Failure(message: "unterminated string literal", offset: 1)))
    }

    // MARK: Date-only links and repeated union members

    func testRFCDateLinksAreDateOnlyInBothLayouts() throws {
        let row = { (link: String) in "# Trip\n\n## Fields\n\n| Field | Type | Required |\n|-|-|-|\n| `day` | \(link) | :heavy_check_mark: |\n" }
        let (graph, diagnostics) = TestSupport.buildGraph([
            "models/operations/trip.md": row("[Date](../../types/rfcdate.md)"),
            "models/leg.md": row("[RFCDate](../types/rfcdate.md)").replacingOccurrences(of: "# Trip", with: "# Leg"),
            "models/operations/stay.md": row("[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)")
                .replacingOccurrences(of: "# Trip", with: "# Stay"),
        ])
        XCTAssertEqual(diagnostics, [])
        let types = graph.models.map { node -> [TypeExpression] in fields(node).map(\.type) }
        XCTAssertEqual(graph.models.map(\.name), ["Leg", "Stay", "Trip"])
        XCTAssertEqual(types, [[.date], [.dateTime], [.date]])
    }

    /// `number` twice: the member with the integer example is `.integer`, when the other's is not.
    func testRepeatedNumberMembers() throws {
        func union(_ examples: [String?]) -> String {
            "# Amount\n\n## Supported Types\n\n" + examples.map { example in
                "### `number`\n\n" + (example.map { "```typescript\nconst value: number = \($0);\n```\n\n" } ?? "")
            }.joined()
        }
        let cases: [([String?], [TypeExpression])] = [
            (["12.5", "123"], [.number, .integer]),
            (["-7", nil], [.integer, .number]),
            (["10", "10"], [.number, .number]),
            (["10"], [.number]),
            ([nil, nil], [.number, .number]),
        ]
        for (examples, expected) in cases {
            let (graph, diagnostics) = TestSupport.buildGraph(["models/operations/amount.md": union(examples)])
            XCTAssertEqual(diagnostics, [])
            guard case .union(let members) = graph.models[0].shape else { XCTFail("expected a union"); continue }
            XCTAssertEqual(members.map(\.type), expected, "\(examples)")
        }
    }

    // MARK: The generated code, compiled and run

    func testGeneratedCodeOnPayloads() throws {
        let workspace = try TestSupport.temporaryDirectory(self)
        let models = workspace.appendingPathComponent("Models")
        let result = Generator.generate(specDirectory: Self.spec.path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        _ = try OutputDirectory(path: models.path).apply(result.files)
        let samples: [RoundTripHarness.Sample] = [
            .init(swiftType: "Parcel", json: Data(#"{"id": "P-1", "seal": "__encrypted__", "shipDate": "2024-02-29", "weight": 10, "speed": 2, "size": "20"}"#.utf8), origin: "parcel"),
            // The headers map is data; `httpMeta` is not in the JSON and not in the struct.
            .init(swiftType: "GetParcelResponse", json: Data(#"{"headers": {"etag": ["a", "b"]}, "parcel": {"id": "P-2", "seal": "__encrypted__", "shipDate": "2024-01-31", "weight": 1284.03}}"#.utf8), origin: "wrapper"),
            .init(swiftType: "[Weight]", json: Data(#"["heavy", 10, 10.5, -3, 1e3]"#.utf8), origin: "integer and number members"),
            .init(swiftType: "[Speed]", json: Data("[1, 2, 7]".utf8), origin: "numeric open enum"),
            .init(swiftType: "[GetLabelResponse]", json: Data(#"["aGk=", ""]"#.utf8), origin: "bytes members"),
            .init(swiftType: "[Size]", json: Data(#"["10", "20", "other", "30"]"#.utf8), origin: "string enum of digits"),
            .init(swiftType: "[Tracking]", json: Data(#"["none", "1Z999"]"#.utf8), origin: "literal union member"),
            .init(swiftType: "Parcel", json: Data(#"{"id": "P-1", "seal": "encrypted", "shipDate": "2024-02-29"}"#.utf8), origin: "the literal is the doc's characters", expectedFailure: "expected the literal \"__encrypted__\""),
            .init(swiftType: "Parcel", json: Data(#"{"id": "P-1", "seal": "__encrypted__", "shipDate": "2024-02-29T10:00:00Z"}"#.utf8), origin: "a date, not a timestamp", expectedFailure: "shipDate"),
            .init(swiftType: "Size", json: Data("10".utf8), origin: "strings, not numbers", expectedFailure: "String"),
        ]
        let checks = #"""
            // `10` is the integer member though `number` (Double) is listed first; `10.5` is not.
            if case .integer(let value) = try decode(Weight.self, "10") { expect(value == 10, "integer payload") } else { expect(false, "10 is the integer member") }
            if case .number(let value) = try decode(Weight.self, "10.5") { expect(value == 10.5, "number payload") } else { expect(false, "10.5 is the number member") }
            if case .string = try decode(Weight.self, #""10""#) {} else { expect(false, "a string stays a string") }
            // Open numeric enums keep unknown values; the marker row is no case.
            expect(try decode(Speed.self, "2") == .express && Speed.allKnownCases == [.standard, .express], "numeric enum cases")
            expect(try decode(Speed.self, "7") == .unrecognized(7), "unknown number kept")
            // Under `Unrecognized<string>`, the digits of the table are strings.
            expect(try decode(Size.self, #""10""#) == ._10 && Size.allKnownCases.count == 3, "string enum of digits")
            // A date-only field is a `DateOnly`.
            let parcel = try decode(Parcel.self, #"{"id": "P-1", "seal": "__encrypted__", "shipDate": "2024-02-29"}"#)
            expect(parcel.shipDate == DateOnly(year: 2024, month: 2, day: 29), "date-only value: \(parcel.shipDate)")
            expect(Parcel(id: "P", shipDate: parcel.shipDate).seal == "__encrypted__", "the literal defaults to the doc's characters")
            // The metadata type holds nothing to decode; the wrapper has no `httpMeta`.
            _ = try decode(HTTPMetadata.self, "{}")
            let wrapper = GetParcelResponse(headers: ["etag": ["a"]])
            expect(wrapper.parcel == nil && wrapper.headers["etag"] == ["a"], "wrapper without httpMeta")
            // Bytes in a union are base64, as in a field; a repeated member has its own, readable case.
            if case .data(let bytes) = try decode(GetLabelResponse.self, #""aGk=""#) { expect(bytes == Data("hi".utf8), "base64 payload") } else { expect(false, "the first member decodes") }
            expect(GetLabelResponse.secondData(Data()) != GetLabelResponse.data(Data()), "distinct cases")
            // A literal member is tried before the string member that would also take its value.
            expect(try decode(Tracking.self, #""none""#) == Tracking.none, "the literal decodes as its own case")
            if case .string(let number) = try decode(Tracking.self, #""1Z999""#) { expect(number == "1Z999", "string payload") } else { expect(false, "other strings are the string member") }
            """#
        let outcome = try RoundTripHarness(test: self).run(models: models, samples: samples, workspace: workspace, customChecks: checks)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertGreaterThanOrEqual(outcome.checked, samples.count + 11)
    }
}
