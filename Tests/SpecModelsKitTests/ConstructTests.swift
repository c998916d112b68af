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
}
