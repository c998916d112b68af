import Foundation
import XCTest
@testable import SpecModelsKit

/// A deprecated model (`# ~~Order~~`) named by fields and union members the spec does not
/// deprecate: the generated code compiles warning-free (the fields and cases are deprecated with
/// the model's message, so only a user's own use of them warns), and decodes and encodes as ever.
final class DeprecatedTypeUseTests: XCTestCase {
    static let docs: [String: String] = [
        "models/operations/order.md": """
            # ~~Order~~

            DEPRECATED. Use `sortOrder` instead.

            > :warning: **DEPRECATED**: This will be removed in a future release.

            ## Values

            | Name   | Value  |
            | ------ | ------ |
            | `Asc`  | asc    |
            | `Desc` | desc   |
            """,
        // Synthesized coding: nothing here needs explicit coding.
        "models/operations/listrequest.md": """
            # ListRequest

            ## Fields

            | Field   | Type | Required | Description |
            | ------- | ---- | -------- | ----------- |
            | `limit` | *number* | :heavy_minus_sign: | How many. |
            | `order` | [operations.Order](../../models/operations/order.md) | :heavy_minus_sign: | DEPRECATED. Use `sortOrder` instead. |
            """,
        // Explicit coding (a nullable field), a required field and a list of the type.
        "models/operations/searchrequest.md": """
            # SearchRequest

            ## Fields

            | Field    | Type | Required | Description |
            | -------- | ---- | -------- | ----------- |
            | `query`  | *string* | :heavy_check_mark: | What to find. |
            | `cursor` | *string \\| null* | :heavy_check_mark: | Where to go on. |
            | `order`  | [operations.Order](../../models/operations/order.md) | :heavy_check_mark: | DEPRECATED. |
            | `orders` | [operations.Order](../../models/operations/order.md)[] | :heavy_minus_sign: | DEPRECATED. |
            """,
        // A union of a current and a deprecated member (Kong's `ListCursorMeta`).
        "models/operations/pagemeta.md": """
            # PageMeta

            ## Supported Types

            ### `operations.CursorMeta`

            ```typescript
            const value: operations.CursorMeta = { next: "b" };
            ```

            ### `operations.OffsetMeta`

            ```typescript
            const value: operations.OffsetMeta = { offset: 10 };
            ```
            """,
        "models/operations/cursormeta.md": """
            # CursorMeta

            ## Fields

            | Field  | Type     | Required           | Description |
            | ------ | -------- | ------------------ | ----------- |
            | `next` | *string* | :heavy_check_mark: | The cursor. |
            """,
        "models/operations/offsetmeta.md": """
            # ~~OffsetMeta~~

            > :warning: **DEPRECATED**: Use cursors.

            ## Fields

            | Field    | Type     | Required           | Description |
            | -------- | -------- | ------------------ | ----------- |
            | `offset` | *number* | :heavy_check_mark: | Where.      |
            """,
    ]

    func testFieldsOfADeprecatedTypeAreDeprecatedInTheOutput() throws {
        let files = try TestSupport.generate(Self.docs, configuration: "")
        let list = try XCTUnwrap(files.first { $0.name.lowercased().contains("listrequest") }).contents
        XCTAssertTrue(list.contains("""
                @available(*, deprecated, message: "This will be removed in a future release.")
                public var order: Order?
            """), list)
        let union = try XCTUnwrap(files.first { $0.name.lowercased().contains("pagemeta") }).contents
        XCTAssertTrue(union.contains("""
                @available(*, deprecated, message: "Use cursors.")
                case offsetMeta(OffsetMeta)
            """), union)
        XCTAssertFalse(union.contains("deprecated, message: \"Use cursors.\")\n    case cursorMeta"), union)
        // The spec's own field deprecations are untouched: `limit` is not deprecated.
        XCTAssertFalse(list.contains("deprecated, message: \"This will be removed in a future release.\")\n    public var limit"), list)
    }

    /// Warnings are errors here: the model's own code must not use the deprecated type unmarked.
    func testCompilesWarningFreeAndRoundTrips() throws {
        let files = try TestSupport.generate(Self.docs, configuration: "")
        let run = try TestSupport.compileAndRun(files, main: #"""
            import Foundation

            func roundTrip<T: Codable>(_ type: T.Type, _ json: String) throws -> String {
                let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            }
            print(try roundTrip(ListRequest.self, #"{"limit": 3, "order": "asc"}"#))
            print(try roundTrip([PageMeta].self, #"[{"next": "b"}, {"offset": 10}]"#))
            print(try roundTrip(SearchRequest.self, #"{"query": "x", "cursor": null, "order": "desc", "orders": ["asc", "up"]}"#))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            {"limit":3,"order":"asc"}
            [{"next":"b"},{"offset":10}]
            {"cursor":null,"order":"desc","orders":["asc","up"],"query":"x"}

            """, run.standardError)
    }
}
