import Foundation
import XCTest
@testable import SpecModelsKit

/// `LeftOutRequiredField`: which examples leave out a field their docs mark required (the pool's
/// example test skips those), read from the docs' Fields tables through objects, arrays, maps
/// and unions.
final class LeftOutRequiredFieldTests: XCTestCase {
    private static let docs = [
        "models/components/message.md": """
            # Message

            ## Fields

            | Field     | Type                                   | Required           | Description |
            | --------- | -------------------------------------- | ------------------ | ----------- |
            | `role`    | *string*                               | :heavy_check_mark: | N/A         |
            | `content` | *string*                               | :heavy_check_mark: | N/A         |
            | `parts`   | [components.Part](part.md)[]           | :heavy_minus_sign: | N/A         |
            | `extra`   | Record<string, [components.Part](part.md)> | :heavy_minus_sign: | N/A     |
            """,
        "models/components/part.md": """
            # Part

            ## Fields

            | Field  | Type     | Required           | Description |
            | ------ | -------- | ------------------ | ----------- |
            | `kind` | *string* | :heavy_check_mark: | N/A         |
            | `text` | *string* | :heavy_minus_sign: | N/A         |
            """,
        "models/components/content.md": """
            # Content


            ## Supported Types

            ### `components.Message`

            ```typescript
            const value: components.Message = {
              content: "a",
            };
            ```

            ### `string`

            ```typescript
            const value: string = "a";
            ```
            """,
        "models/components/entry.md": """
            # Entry


            ## Supported Types

            ### `components.Message`

            ```typescript
            const value: components.Message = {
              content: "a",
            };
            ```

            ### `components.Part`

            ```typescript
            const value: components.Part = {
              kind: "a",
            };
            ```
            """,
    ]

    private func find(_ json: String, as name: String) throws -> String? {
        let (graph, diagnostics) = TestSupport.buildGraph(Self.docs)
        XCTAssertEqual(diagnostics, [])
        let id = try XCTUnwrap(graph.models.first { $0.name == name }?.id)
        return LeftOutRequiredField(graph: graph).find(in: Data(json.utf8), as: .model(id))
    }

    func testEveryRequiredFieldPresentIsNoFinding() throws {
        XCTAssertNil(try find(#"{"role": "user", "content": "a"}"#, as: "Message"))
        // A required field may be null: the key is there.
        XCTAssertNil(try find(#"{"role": null, "content": "a", "parts": [{"kind": "b"}]}"#, as: "Message"))
    }

    func testARequiredFieldLeftOutIsNamedWithItsPlace() throws {
        XCTAssertEqual(try find(#"{"content": "a"}"#, as: "Message"), "`role` of Message at $")
        XCTAssertEqual(
            try find(#"{"role": "user", "content": "a", "parts": [{"kind": "b"}, {"text": "c"}]}"#, as: "Message"),
            "`kind` of Part at $.parts[1]")
        XCTAssertEqual(
            try find(#"{"role": "user", "content": "a", "extra": {"x": {"text": "c"}}}"#, as: "Message"),
            "`kind` of Part at $.extra.x")
    }

    func testAUnionIsSatisfiedWhenAnyMemberIs() throws {
        // `Content`: a message or a string; `{"content": "a"}` is no message, and no string
        // either, but a string member is not read as an object, so nothing is found.
        XCTAssertNil(try find(#"{"content": "a"}"#, as: "Content"))
        // `Entry`: a message or a part; neither takes `{"content": "a"}` whole.
        XCTAssertEqual(try find(#"{"content": "a"}"#, as: "Entry"), "`role` of Message at $")
        XCTAssertNil(try find(#"{"kind": "a"}"#, as: "Entry"))
    }

    func testValuesOfAnotherShapeAreLeftToTheRoundTrip() throws {
        XCTAssertNil(try find(#""text""#, as: "Message"))
        XCTAssertNil(try find(#"[1, 2]"#, as: "Message"))
        XCTAssertNil(try find("not json", as: "Message"))
    }
}
