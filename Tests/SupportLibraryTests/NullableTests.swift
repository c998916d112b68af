import Foundation
import XCTest
import SpecModelsSupport

/// A PATCH body as the generator writes one: `Nullable<T>?` fields, read with
/// `decodeNullableIfPresent` and written with `encodeIfPresent`.
private struct Patch: Codable, Hashable, Sendable {
    var name: Nullable<String>?
    var tags: Nullable<[String]>?

    init(name: Nullable<String>? = nil, tags: Nullable<[String]>? = nil) {
        self.name = name
        self.tags = tags
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SpecModelsCodingKey.self)
        self.name = try container.decodeNullableIfPresent(String.self, forKey: "name")
        self.tags = try container.decodeNullableIfPresent([String].self, forKey: "tags")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SpecModelsCodingKey.self)
        try container.encodeIfPresent(self.name, forKey: "name")
        try container.encodeIfPresent(self.tags, forKey: "tags")
    }
}

final class NullableTests: XCTestCase {
    func testAbsentNullAndValueDecodeApart() throws {
        XCTAssertEqual(try decode(Patch.self, "{}"), Patch())
        XCTAssertEqual(try decode(Patch.self, #"{"name":null}"#), Patch(name: .null))
        XCTAssertEqual(try decode(Patch.self, #"{"name":"Ann","tags":["a"]}"#), Patch(name: .value("Ann"), tags: .value(["a"])))
        XCTAssertEqual(try decode(Patch.self, #"{"name":null,"tags":[]}"#), Patch(name: .null, tags: .value([])))
        // A wrong type is still an error, at its key.
        let error = expectDecodingError { _ = try decode(Patch.self, #"{"name":5}"#) }
        XCTAssertEqual(error?.context?.codingPath.map(\.stringValue), ["name"])
    }

    func testEncodingLeavesOutAbsentAndWritesNull() throws {
        XCTAssertEqual(try encodeString(Patch()), "{}")
        XCTAssertEqual(try encodeString(Patch(name: .null)), #"{"name":null}"#)
        XCTAssertEqual(try encodeString(Patch(name: "Ann", tags: .null)), #"{"name":"Ann","tags":null}"#)
        for json in ["{}", #"{"name":null}"#, #"{"name":"Ann","tags":["a","b"]}"#, #"{"tags":null}"#] {
            XCTAssertEqual(try encodeString(try decode(Patch.self, json)), json)
        }
    }

    func testCodedTransparentlyOnItsOwn() throws {
        XCTAssertEqual(try decode(Nullable<Int>.self, "null"), .null)
        XCTAssertEqual(try decode(Nullable<Int>.self, "7"), .value(7))
        XCTAssertEqual(try decode([Nullable<Int>].self, "[1,null,2]"), [1, .null, 2])
        XCTAssertEqual(try encodeString([Nullable<Int>.null, .value(3)]), "[null,3]")
        XCTAssertEqual(try encodeString(Nullable<String>.value("x")), #""x""#)
        // JSONValue's own null is the Nullable's null, not a value.
        XCTAssertEqual(try decode(Nullable<JSONValue>.self, "null"), .null)
        XCTAssertEqual(try decode(Nullable<JSONValue>.self, "[null]"), .value(.array([.null])))
    }

    func testConveniences() {
        let name: Nullable<String> = "Ann"
        let count: Nullable<Int> = 3
        let ratio: Nullable<Double> = 0.5
        let flag: Nullable<Bool> = false
        XCTAssertEqual(name, .value("Ann"))
        XCTAssertEqual(count, .value(3))
        XCTAssertEqual(ratio, .value(0.5))
        XCTAssertEqual(flag, .value(false))
        XCTAssertEqual(Nullable(nil as Int?), .null)
        XCTAssertEqual(Nullable(Optional(4)), .value(4))
        XCTAssertEqual(count.value, 3)
        XCTAssertNil(Nullable<Int>.null.value)
        XCTAssertEqual(count.map { $0 * 2 }, .value(6))
        XCTAssertEqual(Nullable<Int>.null.map(String.init), .null)
        // As an optional field: a literal is a value, nil is absent.
        var patch = Patch(name: "Ann")
        XCTAssertEqual(patch.name, .value("Ann"))
        patch.name = nil
        XCTAssertNil(patch.name)
    }

    func testHashableAndEquatableKeepTheStatesApart() {
        let states: [Nullable<Int>?] = [nil, .null, .value(0), .value(1)]
        XCTAssertEqual(Set(states).count, 4)
        XCTAssertEqual(Set([Patch(), Patch(name: .null), Patch(name: "x"), Patch(name: .null)]).count, 3)
        XCTAssertNotEqual(Nullable<Int>.null, .value(0))
    }
}
