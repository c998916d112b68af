import Foundation
import XCTest
import SpecModelsSupport

final class JSONValueTests: XCTestCase {
    let sample = #"""
    {
      "null": null, "t": true, "f": false,
      "ints": [0, -0, 1, -17, 42, 9007199254740992, -9007199254740992],
      "floats": [3.25, -1.5e-3, 6.02E23, 1e2, 1E-7, 0.1, -2.5E+10],
      "strings": ["", "plain", "quote \" backslash \\ slash \/", "ctl \b\f\n\r\t \u0001 \u001f",
                  "unicode é 中文 👩‍👩‍👧 \u00e9 \ud83d\ude00", "combining e\u0301"],
      "nested": {"a": [[], {}, [[{"deep": [null, {"x": "y"}]}]]], "": "empty key", "ключ": 1},
      "emptyArray": [], "emptyObject": {}
    }
    """#

    var expected: JSONValue {
        [
            "null": nil, "t": true, "f": false,
            "ints": [0, 0, 1, -17, 42, 9007199254740992, -9007199254740992],
            "floats": [3.25, -0.0015, 6.02e23, 100, 1e-7, 0.1, -2.5e10],
            "strings": ["", "plain", "quote \" backslash \\ slash /", "ctl \u{08}\u{0C}\n\r\t \u{01} \u{1F}",
                        "unicode é 中文 👩‍👩‍👧 é 😀", "combining e\u{301}"],
            "nested": ["a": [[], [:], [[["deep": [nil, ["x": "y"]]]]]], "": "empty key", "ключ": 1],
            "emptyArray": [], "emptyObject": [:],
        ]
    }

    func testDecodesArbitraryJSONWithPlainDecoder() throws {
        let value = try decode(JSONValue.self, sample)
        XCTAssertEqual(value, expected)
    }

    func testRoundTripsThroughEncoderAndDecoder() throws {
        let value = try decode(JSONValue.self, sample)
        for sorted in [true, false] {
            let text = try encodeString(value, sorted: sorted)
            XCTAssertEqual(try decode(JSONValue.self, text), value)
        }
        // Pretty printed too.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value)), value)
    }

    func testDescriptionIsCompactSortedJSON() throws {
        let value: JSONValue = ["b": [1, 2.5, -3e-9, nil, true], "a": "q\"\\\n\u{01}é", "c": [:]]
        XCTAssertEqual(value.description, #"{"a":"q\"\\\n\u0001é","b":[1,2.5,-3e-09,null,true],"c":{}}"#)
        XCTAssertEqual(try decode(JSONValue.self, value.description), value)
        let full = try decode(JSONValue.self, sample)
        XCTAssertEqual(try decode(JSONValue.self, full.description), full)
        XCTAssertEqual(JSONValue.number(.nan).description, "null")
        XCTAssertEqual(JSONValue.number(1e20).description, "1e+20")
        XCTAssertEqual(JSONValue.number(-0.0).description, "0")
        XCTAssertEqual("\(JSONValue.string("x"))", "\"x\"")
    }

    func testTopLevelFragments() throws {
        XCTAssertEqual(try decode(JSONValue.self, "null"), .null)
        XCTAssertEqual(try decode(JSONValue.self, "true"), .bool(true))
        XCTAssertEqual(try decode(JSONValue.self, "-12.5e1"), .number(-125))
        XCTAssertEqual(try decode(JSONValue.self, #""s""#), .string("s"))
        XCTAssertEqual(try encodeString(JSONValue.null), "null")
        XCTAssertEqual(try encodeString(JSONValue.number(1)), "1")
        XCTAssertEqual(try encodeString([JSONValue.number(2.5), .bool(false), .string("a/b")]), #"[2.5,false,"a/b"]"#)
    }

    func testNumbersKeepTheirKind() throws {
        // Booleans never become numbers and vice versa; integral numbers stay numbers.
        let value = try decode(JSONValue.self, "[1, true, 0, false, 1.0]")
        XCTAssertEqual(value, [.integer(1), .bool(true), .integer(0), .bool(false), .integer(1)])
        guard case .integer(1) = value[0], case .integer(1) = value[4] else { return XCTFail("\(value)") }
    }

    func testIntegersRoundTripExactly() throws {
        let text = #"{"id": 9007199254740993, "big": 18446744073709551615, "x": 1.5}"#
        let value = try decode(JSONValue.self, text)
        XCTAssertEqual(value["id"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(value["big"], .unsignedInteger(18_446_744_073_709_551_615))
        XCTAssertEqual(value["x"], .number(1.5))
        XCTAssertEqual(try encodeString(value), #"{"big":18446744073709551615,"id":9007199254740993,"x":1.5}"#)
        XCTAssertEqual(value.description, #"{"big":18446744073709551615,"id":9007199254740993,"x":1.5}"#)
        XCTAssertEqual(try decode(JSONValue.self, encodeString(value)), value)
        // The two neighbours that one Double cannot tell apart stay apart.
        XCTAssertNotEqual(value["id"], .integer(9_007_199_254_740_992))
        XCTAssertEqual(value["id"]?.intValue, 9_007_199_254_740_993)
        XCTAssertEqual(value["big"]?.uint64Value, UInt64.max)
        XCTAssertNil(value["big"]?.intValue)
    }

    func testIntegerRangeEnds() throws {
        let value = try decode(JSONValue.self, "[-9223372036854775808, 9223372036854775807, 9223372036854775808, 0, -0, 1e2, 1.0]")
        XCTAssertEqual(value[0], .integer(.min))
        XCTAssertEqual(value[1], .integer(.max))
        XCTAssertEqual(value[2], .unsignedInteger(9_223_372_036_854_775_808))
        XCTAssertEqual(try encodeString(value), "[-9223372036854775808,9223372036854775807,9223372036854775808,0,0,100,1]")
    }

    func testIntegersBeyondUInt64DecodeToNearestDouble() throws {
        let value = try decode(JSONValue.self, "[18446744073709551616, -123456789012345678901234567890]")
        XCTAssertEqual(value[0], .number(18_446_744_073_709_551_616.0))
        XCTAssertNil(value[0]?.intValue, "2^64 does not fit Int")
        XCTAssertNil(value[0]?.uint64Value, "2^64 does not fit UInt64")
        XCTAssertEqual(value[1]?.doubleValue, -1.2345678901234568e29)
        // Encodes back as the Double.
        XCTAssertEqual(try decode(JSONValue.self, encodeString(value)), value)
        // Out of Double range: JSONDecoder rejects the document.
        XCTAssertThrowsError(try decode(JSONValue.self, "[1e400]"))
    }

    func testNumbersCompareAndHashByValue() {
        let equal: [JSONValue] = [.integer(7), .unsignedInteger(7), .number(7), 7, 7.0]
        for left in equal {
            for right in equal {
                XCTAssertEqual(left, right)
                XCTAssertEqual(left.hashValue, right.hashValue, "\(left) \(right)")
            }
        }
        XCTAssertEqual(JSONValue.number(-0.0), .integer(0))
        XCTAssertEqual(JSONValue.number(18_446_744_073_709_549_568.0), .unsignedInteger(18_446_744_073_709_549_568))
        XCTAssertNotEqual(JSONValue.number(7.5), .integer(7))
        XCTAssertNotEqual(JSONValue.number(.nan), .number(.nan))
        XCTAssertNotEqual(JSONValue.integer(1), .bool(true))
        XCTAssertNotEqual(JSONValue.integer(1), .string("1"))
        XCTAssertEqual(Set<JSONValue>([.integer(1), .unsignedInteger(1), .number(1), .number(2)]).count, 2)
    }

    func testLiterals() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.5, "b": false, "n": nil, "a": [1, "two", [3]], "o": ["k": "v"]]
        XCTAssertEqual(value, .object([
            "s": .string("x"), "i": .integer(3), "d": .number(2.5), "b": .bool(false), "n": .null,
            "a": .array([.integer(1), .string("two"), .array([.integer(3)])]), "o": .object(["k": .string("v")]),
        ]))
        let duplicate: JSONValue = ["k": 1, "k": 2]
        XCTAssertEqual(duplicate, ["k": 2])
    }

    func testAccessors() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.5, "big": 1e300, "b": true, "n": nil, "a": [10, 20]]
        XCTAssertEqual(value["s"]?.stringValue, "x")
        XCTAssertNil(value["i"]?.stringValue)
        XCTAssertEqual(value["i"]?.intValue, 3)
        XCTAssertEqual(value["i"]?.doubleValue, 3)
        XCTAssertNil(value["d"]?.intValue, "2.5 is not an exact integer")
        XCTAssertEqual(value["d"]?.doubleValue, 2.5)
        XCTAssertNil(value["big"]?.intValue)
        XCTAssertNil(JSONValue.number(-0.5).intValue)
        XCTAssertEqual(JSONValue.number(-7).intValue, -7)
        XCTAssertEqual(value["b"]?.boolValue, true)
        XCTAssertNil(value["s"]?.boolValue)
        XCTAssertEqual(value["n"]?.isNull, true)
        XCTAssertEqual(value["s"]?.isNull, false)
        XCTAssertNil(value["missing"])
        XCTAssertEqual(value["a"]?.arrayValue, [10, 20])
        XCTAssertEqual(value["a"]?[1], 20)
        XCTAssertNil(value["a"]?[2])
        XCTAssertNil(value["a"]?[-1])
        XCTAssertNil(value[0], "index into an object")
        XCTAssertNil(value["a"]?["key"], "key into an array")
        XCTAssertEqual(value.objectValue?.count, 7)
        XCTAssertNil(value["a"]?.objectValue)
    }

    func testKeysStayVerbatimUnderKeyStrategy() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let value = try decode(JSONValue.self, #"{"snake_case": {"inner_key": 1}}"#, with: decoder)
        XCTAssertEqual(value, ["snake_case": ["inner_key": 1]])
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        XCTAssertEqual(try encodeString(JSONValue(dictionaryLiteral: ("camelCase", 1)), with: encoder), #"{"camelCase":1}"#)
    }

    func testHashableAndSendable() async {
        let values: Set<JSONValue> = [1, 1.0, "1", true, nil, [1], ["1": 1]]
        XCTAssertEqual(values.count, 6)
        requireSendable(JSONValue.self)
        let shared: JSONValue = ["a": [1, 2, 3]]
        let count = await Task.detached { shared["a"]?.arrayValue?.count ?? 0 }.value
        XCTAssertEqual(count, 3)
    }

    func testAsModelProperty() throws {
        struct Model: Codable, Equatable {
            var id: Int
            var extra: JSONValue?
        }
        let model = try decode(Model.self, #"{"id": 1, "extra": {"anything": [1, "x", null]}}"#)
        XCTAssertEqual(model.extra, ["anything": [1, "x", nil]])
        // A JSON null property decodes to nil via decodeIfPresent (synthesized Optional handling).
        XCTAssertNil(try decode(Model.self, #"{"id": 1, "extra": null}"#).extra)
        XCTAssertEqual(try decode(Model.self, encodeString(model)), model)
    }
}
