import Foundation
import XCTest
import SpecModelsSupport

/// `read`, `readIfPresent`, `write` and `writeIfPresent`: the generated models' one-overload
/// stand-ins for `decode`, `decodeIfPresent`, `encode` and `encodeIfPresent`.
final class CodingHelperTests: XCTestCase {
    private struct Item: Codable, Equatable {
        var id: Int
        var name: String?
        var note: String?

        init(id: Int, name: String?, note: String?) {
            self.id = id
            self.name = name
            self.note = note
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: SpecModelsCodingKey.self)
            self.id = try container.read(Int.self, forKey: "id")
            self.name = try container.readIfPresent(String.self, forKey: "name")
            self.note = try container.read(String?.self, forKey: "note")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: SpecModelsCodingKey.self)
            try container.write(self.id, forKey: "id")
            try container.writeIfPresent(self.name, forKey: "name")
            try container.write(self.note, forKey: "note")
        }
    }

    func testReadsAndWritesLikeTheStandardMethods() throws {
        let item = try decode(Item.self, #"{"id": 7, "name": "a", "note": null}"#)
        XCTAssertEqual(item, Item(id: 7, name: "a", note: nil))
        XCTAssertEqual(try decode(Item.self, #"{"id": 7, "name": null, "note": "n"}"#), Item(id: 7, name: nil, note: "n"))
        XCTAssertEqual(try decode(Item.self, #"{"id": 7, "note": "n"}"#), Item(id: 7, name: nil, note: "n"))
        // writeIfPresent leaves out nil; write writes an optional's nil as null.
        XCTAssertEqual(try encodeString(Item(id: 7, name: nil, note: nil)), #"{"id":7,"note":null}"#)
        XCTAssertEqual(try encodeString(Item(id: 7, name: "a", note: "n")), #"{"id":7,"name":"a","note":"n"}"#)
    }

    func testErrorsNameTheKeyAndTheType() throws {
        let missing = expectDecodingError { _ = try decode(Item.self, #"{"note": null}"#) }
        guard case .keyNotFound(let key, _)? = missing else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(key.stringValue, "id")
        // A nullable field's key must still be there.
        let absent = expectDecodingError { _ = try decode(Item.self, #"{"id": 1}"#) }
        guard case .keyNotFound(let noteKey, _)? = absent else { return XCTFail("\(String(describing: absent))") }
        XCTAssertEqual(noteKey.stringValue, "note")
        let wrong = expectDecodingError { _ = try decode(Item.self, #"{"id": "x", "note": null}"#) }
        guard case .typeMismatch(let type, let context)? = wrong else { return XCTFail("\(String(describing: wrong))") }
        XCTAssertTrue(type == Int.self, "\(type)")
        XCTAssertEqual(context.codingPath.map(\.stringValue), ["id"])
        let null = expectDecodingError { _ = try decode(Item.self, #"{"id": null, "note": null}"#) }
        guard case .valueNotFound? = null else { return XCTFail("\(String(describing: null))") }
    }
}
