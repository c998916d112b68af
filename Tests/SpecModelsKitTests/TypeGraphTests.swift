import XCTest
@testable import SpecModelsKit

final class TypeExpressionParserTests: XCTestCase {
    private func parse(_ cell: String) -> Result<TypeExpressionParser.Unresolved, TypeExpressionParser.Failure> {
        TypeExpressionParser.parse(TypeCell(
            inlines: MarkdownParser.parseInlines(cell),
            location: SourceLocation(file: "x.md", line: 1, column: 1),
            source: cell))
    }

    func testSpellingsOfTheCorpus() throws {
        let cases: [(String, TypeExpressionParser.Unresolved)] = [
            ("*string*", .primitive(.string)),
            ("*number*", .primitive(.number)),
            ("*boolean*", .primitive(.boolean)),
            ("*any*", .primitive(.any)),
            ("[Date](https://developer.mozilla.org/Date)",
             .linked(text: "Date", destination: "https://developer.mozilla.org/Date", column: 0)),
            ("*string*[]", .array(.primitive(.string))),
            ("Record<string, *any*>", .map(.primitive(.any))),
            ("Record<string, Record<string, *string*>>", .map(.map(.primitive(.string)))),
            ("*operations.Thing*[]", .array(.named("operations.Thing", column: 1))),
            ("[operations.X](../../models/operations/x.md)[]",
             .array(.linked(text: "operations.X", destination: "../../models/operations/x.md", column: 0))),
            ("{ [k: string]: operations.X }", .map(.named("operations.X", column: 15))),
            ("*\"entry\"*", .primitive(.stringLiteral("entry"))),
            ("*true*", .primitive(.booleanLiteral(true))),
            ("[RFCDate](../../types/rfcdate.md)", .linked(text: "RFCDate", destination: "../../types/rfcdate.md", column: 0)),
            ("ReadableStream<Uint8Array>", .primitive(.bytes)),
            ("[File] \\| [Blob]", .oneOf([.primitive(.bytes), .primitive(.bytes)])),
        ]
        for (cell, expected) in cases {
            XCTAssertEqual(try parse(cell).get(), expected, cell)
        }
    }

    func testUnknownAndUnbalancedSpellings() {
        let cases: [(String, String)] = [
            ("Record<string, *any*", "expected `>` to close `Record<` before the end of the type"),
            ("{ [k: string]: *string*", "expected `}` to close `{` before the end of the type"),
            ("Map<string, *any*>", "unknown generic type `Map<…>`: expected `Record<string, T>`, `Array<T>` or `ReadableStream<Uint8Array>`"),
            ("Record<number, *any*>", "`Record` keys must be `string`, found `number`"),
            ("*string* *number*", "unexpected `number` after the type"),
        ]
        for (cell, message) in cases {
            guard case .failure(let failure) = parse(cell) else { XCTFail("\(cell) parsed"); continue }
            XCTAssertEqual(failure.message, message, cell)
        }
    }

    func testDeepNestingIsReportedNotFollowed() {
        let deep = String(repeating: "Record<string, ", count: 5_000) + "*any*" + String(repeating: ">", count: 5_000)
        guard case .failure(let failure) = parse(deep) else { return XCTFail("parsed") }
        XCTAssertEqual(failure.message, "the type is nested more than 64 levels deep; a real type nests a few")
    }
}

final class TypeGraphBuilderTests: XCTestCase {
    private static let objectA = """
        # A

        ## Fields

        | Field | Type | Required |
        | --- | --- | --- |
        | `b` | [operations.B](../../models/operations/b.md) | :heavy_check_mark: |
        | `bs` | *operations.B*[] | :heavy_minus_sign: |
        | `self` | [operations.A](../../models/operations/a.md) | :heavy_minus_sign: |
        """
    private static let enumB = """
        # B

        ## Values

        ```typescript
        "x" | "y"
        ```
        """

    private func build(_ docs: [String: String], missingTypes: MissingTypes = .error) -> (TypeGraph, [String]) {
        TestSupport.buildGraph(docs, missingTypes: missingTypes)
    }

    func testResolvesLinksAndNamesAndRecordsReferrers() throws {
        let (graph, diagnostics) = build([
            "models/operations/a.md": Self.objectA,
            "models/operations/b.md": Self.enumB,
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.models.map(\.qualifiedName), ["operations.A", "operations.B"])
        let a = graph.models[0]
        guard case .object(let properties) = a.shape else { return XCTFail("expected an object") }
        let b = ModelID(index: 1)
        XCTAssertEqual(properties.map(\.type), [.model(b), .array(.model(b)), .model(a.id)])
        XCTAssertEqual(graph[b].referencedBy, [a.id])
        XCTAssertEqual(a.referencedBy, [a.id])
    }

    func testLinksClimbThroughTheModelsFolderWhateverTheSpecFolderIsCalled() {
        // Speakeasy links `../../models/operations/b.md` from `operations/a.md`: with no `models/`
        // folder in the spec, the spec folder is the models folder, whatever its real name.
        let (graph, diagnostics) = build([
            "operations/a.md": Self.objectA,
            "operations/b.md": Self.enumB,
        ])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(graph.models.map(\.qualifiedName), ["operations.A", "operations.B"])
        let (_, outside) = build([
            "operations/a.md": Self.objectA.replacingOccurrences(of: "../../models/operations/b.md", with: "../../other/operations/b.md"),
            "operations/b.md": Self.enumB,
        ])
        XCTAssertEqual(outside.first, "operations/a.md:7:9: error: link `../../other/operations/b.md` points outside the spec folder: model docs link only to docs in the spec")
    }

    func testMissingTargetsAndDuplicates() {
        let (_, diagnostics) = build([
            "models/operations/a.md": Self.objectA.replacingOccurrences(of: "operations/b.md", with: "operations/B.md")
                .replacingOccurrences(of: "*operations.B*", with: "*operations.C*"),
            "models/operations/b.md": Self.enumB,
            "models/errors/b.md": Self.enumB,
            "models/operations/b2.md": Self.enumB,
        ])
        XCTAssertEqual(diagnostics, [
            "models/operations/a.md:7:9: error: link `../../models/operations/B.md` points to `models/operations/B.md`, which is not in the spec; did you mean `b.md`? (file names are case-sensitive)",
            "models/operations/a.md:8:11: error: unknown type `operations.C`: no model doc declares it; did you mean `operations.A`?",
            "models/operations/b2.md:1:1: error: type `operations.B` is declared twice: first in models/operations/b.md at line 1; delete one of the docs or rename its `#` heading",
        ])
    }

    func testMissingTargetsBecomeJSONValuesWithAWarning() throws {
        let union = """
            # U

            ## Supported Types

            ### `operations.Gone`

            ### `operations.B`

            ### `operations.Lost[]`
            """
        let (graph, diagnostics) = build([
            "models/operations/a.md": Self.objectA.replacingOccurrences(of: "operations/b.md", with: "operations/B.md")
                .replacingOccurrences(of: "*operations.B*", with: "*operations.C*"),
            "models/operations/b.md": Self.enumB,
            "models/operations/u.md": union,
        ], missingTypes: .jsonValue)
        let note = "it becomes `JSONValue` until the doc is added (missingTypes: jsonValue)"
        XCTAssertEqual(diagnostics, [
            "models/operations/a.md:7:9: warning: link `../../models/operations/B.md` points to `models/operations/B.md`, which is not in the spec; \(note); did you mean `b.md`? (file names are case-sensitive)",
            "models/operations/a.md:8:11: warning: unknown type `operations.C`: no model doc declares it; \(note); did you mean `operations.A`?",
            "models/operations/u.md:5:6: warning: unknown type `operations.Gone`: no model doc declares it; \(note); did you mean `operations.A`?",
            "models/operations/u.md:9:6: warning: unknown type `operations.Lost`: no model doc declares it; \(note); did you mean `operations.A`?",
        ])
        guard case .object(let properties) = graph.models[0].shape else { return XCTFail("expected an object") }
        XCTAssertEqual(properties.map(\.type), [.any, .array(.any), .model(graph.models[0].id)])
        guard case .union(let members) = graph.models[2].shape else { return XCTFail("expected a union") }
        XCTAssertEqual(members.map(\.type), [.any, .model(ModelID(index: 1)), .array(.any)])
        XCTAssertEqual(members.map(\.missingType), ["operations.Gone", nil, "operations.Lost"])
    }

    func testContainmentCycles() {
        let (graph, _) = build([
            "models/operations/a.md": Self.objectA,
            "models/operations/b.md": Self.enumB,
        ])
        let cycles = ContainmentCycles(graph)
        // Only `self: A?` makes A contain itself; `b` and the array do not.
        XCTAssertEqual(cycles.cyclicEdges, [ContainmentCycles.Edge(owner: ModelID(index: 0), position: 2)])
    }
}
