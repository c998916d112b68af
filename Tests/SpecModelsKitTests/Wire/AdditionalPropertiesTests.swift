import Foundation
import XCTest
@testable import SpecModelsKit

/// Speakeasy's `additionalProperties: Record<string, T>` field: on the wire its entries sit flat
/// in the object beside the documented keys. Compiled and run against hand-written payloads.
final class AdditionalPropertiesTests: XCTestCase {
    static let docs: [String: String] = [
        "models/components/tag.md": """
            # Tag

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `name` | *string* | :heavy_check_mark: | The name. |
            | `createdAt` | *string* | :heavy_minus_sign: | `created_at` on the wire. |
            | `additionalProperties` | Record<string, *number*> | :heavy_minus_sign: | Scores by key. |
            """,
        "models/components/bag.md": """
            # Bag

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `bagId` | *string* | :heavy_check_mark: |
            | `additionalProperties` | Record<string, [components.Tag](../../models/components/tag.md)> | :heavy_check_mark: |
            """,
        "models/components/loose.md": """
            # Loose

            ## Fields

            | Field | Type | Required |
            | --- | --- | --- |
            | `count` | *number* | :heavy_minus_sign: |
            | `additionalProperties` | Record<string, *any*> | :heavy_minus_sign: |
            """,
        "models/components/envelope.md": """
            # Envelope

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `additionalProperties` | [components.Tag](../../models/components/tag.md) | :heavy_minus_sign: | A model, not a map: an ordinary field. |
            """,
    ]

    private func generate() throws -> [SwiftEmitter.OutputFile] {
        try TestSupport.generate(Self.docs, configuration: "wireKeys: snake_case\n")
    }

    /// The property keeps its name and map type; its doc says where its keys are.
    func testDeclaration() throws {
        let tag = try XCTUnwrap(try generate().first { $0.name == "models.components.tag.swift" }).contents
        for fragment in [
            "    /// Scores by key.\n    ///\n    /// Holds the object's keys not listed above (they are flat in the JSON, beside the other keys).\n    public var additionalProperties: [String: Double]?\n",
            "        additionalProperties: [String: Double]? = nil\n",
        ] {
            XCTAssertTrue(tag.contains(fragment), "missing:\n\(fragment)\nin:\n\(tag)")
        }
    }

    func testExtraKeysDecodeIntoTheMapAndEncodeFlat() throws {
        let run = try TestSupport.compileAndRun(try generate(), main: #"""
            import Foundation

            func json(_ value: some Encodable) throws -> String {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            }
            func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
                try JSONDecoder().decode(type, from: Data(text.utf8))
            }
            func sorted<V>(_ map: [String: V]?) -> String {
                guard let map else { return "nil" }
                return "[" + map.keys.sorted().map { "\($0): \(map[$0]!)" }.joined(separator: ", ") + "]"
            }

            // Extra keys land in the map, typed, keeping their spelling; documented keys use their wire keys and stay out of it.
            let tagJSON = #"{"created_at":"t","name":"a","x":1,"yZ":2.5}"#
            let tag = try decode(Tag.self, tagJSON)
            print(tag.name, tag.createdAt ?? "nil", sorted(tag.additionalProperties))
            print(try json(tag) == tagJSON)
            // No extra keys: an optional map is nil, and the object round-trips.
            let plain = try decode(Tag.self, #"{"name":"b"}"#)
            print(sorted(plain.additionalProperties), try json(plain))
            // A key that collides with a documented member's wire key is not written twice: the member wins.
            print(try json(Tag(name: "c", additionalProperties: ["name": 9, "created_at": 8, "k": 1])))
            // A value of the wrong type in an extra key is a decoding error at that key.
            do {
                _ = try decode(Tag.self, #"{"name":"d","x":"text"}"#)
                print("decoded")
            } catch DecodingError.typeMismatch(_, let context) {
                print("type mismatch at", context.codingPath.map(\.stringValue))
            }

            // A required map is empty, not missing, when there are no extra keys; its values may be models.
            let empty = try decode(Bag.self, #"{"bag_id":"e"}"#)
            print(sorted(empty.additionalProperties), try json(empty))
            let bagJSON = #"{"bag_id":"f","first":{"extra":3,"name":"n"},"second":{"created_at":"s","name":"m"}}"#
            let bag = try decode(Bag.self, bagJSON)
            print(bag.bagId, bag.additionalProperties.keys.sorted(), sorted(bag.additionalProperties["first"]?.additionalProperties))
            print(try json(bag) == bagJSON)

            // Any JSON value, null included, comes back as it was.
            let looseJSON = #"{"any":{"deep":[1,null]},"count":2,"n":null,"s":"x"}"#
            let loose = try decode(Loose.self, looseJSON)
            print(loose.count ?? -1, loose.additionalProperties?.keys.sorted() ?? [])
            print(try json(loose) == looseJSON)

            // A field named additionalProperties whose type is not a map is an ordinary field with its own key.
            let envelope = try decode(Envelope.self, #"{"additional_properties":{"name":"g"},"other":1}"#)
            print(envelope.additionalProperties?.name ?? "nil", try json(envelope))
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            a t [x: 1.0, yZ: 2.5]
            true
            nil {"name":"b"}
            {"k":1,"name":"c"}
            type mismatch at ["x"]
            [] {"bag_id":"e"}
            f ["first", "second"] [extra: 3.0]
            true
            2.0 ["any", "n", "s"]
            true
            g {"additional_properties":{"name":"g"}}

            """, run.standardError)
    }
}
