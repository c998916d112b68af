import Foundation
import XCTest
import SpecModelsSupport

private struct Node: Codable, Hashable, Sendable {
    var name: String
    var next: Indirect<Node>?
}

final class IndirectTests: XCTestCase {
    func testValueSemantics() {
        var a = Indirect(Node(name: "a", next: Indirect(Node(name: "b", next: nil))))
        var b = a
        b.value.name = "changed"
        b.value.next?.value.name = "deep change"
        XCTAssertEqual(a.value.name, "a")
        XCTAssertEqual(a.value.next?.value.name, "b")
        XCTAssertEqual(b.value.name, "changed")
        XCTAssertEqual(b.value.next?.value.name, "deep change")
        a.value = Node(name: "replaced", next: nil)
        XCTAssertEqual(b.value.name, "changed")
        XCTAssertNotEqual(a, b)

        var list = [Indirect(1), Indirect(2)]
        var copy = list
        copy[0].value += 10
        XCTAssertEqual(list.map(\.value), [1, 2])
        XCTAssertEqual(copy.map(\.value), [11, 2])
        list[1].value = 5
        XCTAssertEqual(copy[1].value, 2)
    }

    func testTransparentJSON() throws {
        XCTAssertEqual(try encodeString(Indirect(5)), "5")
        XCTAssertEqual(try encodeString(Indirect("x")), #""x""#)
        XCTAssertEqual(try decode(Indirect<[Int]>.self, "[1,2]").value, [1, 2])
        let node = Node(name: "a", next: Indirect(Node(name: "b", next: Indirect(Node(name: "c", next: nil)))))
        let json = try encodeString(node)
        XCTAssertEqual(json, #"{"name":"a","next":{"name":"b","next":{"name":"c"}}}"#)
        XCTAssertEqual(try decode(Node.self, json), node)
        XCTAssertNil(try decode(Node.self, #"{"name":"a","next":null}"#).next)
        XCTAssertEqual(try decode(Indirect<Int?>.self, "null").value, nil)
        // Goes through the encoder's own handling of the wrapped type (date strategy applies as for a plain Date).
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let date = Date(timeIntervalSince1970: 0)
        XCTAssertEqual(try encodeString(Indirect(date), with: encoder), try encodeString(date, with: encoder))
        // A deep chain.
        var deep = Node(name: "0", next: nil)
        for index in 1...200 { deep = Node(name: "\(index)", next: Indirect(deep)) }
        XCTAssertEqual(try decode(Node.self, encodeString(deep)), deep)
    }

    func testEquatableHashableSendableDescription() async {
        XCTAssertEqual(Indirect(3), Indirect(3))
        XCTAssertNotEqual(Indirect(3), Indirect(4))
        XCTAssertEqual(Set([Indirect("a"), Indirect("a"), Indirect("b")]).count, 2)
        XCTAssertEqual(Indirect(3).hashValue, Indirect(3).hashValue)
        requireSendable(Indirect<Node>.self)
        requireSendable(Indirect<[String: JSONValue]>.self)
        let shared = Indirect(Node(name: "sent", next: nil))
        let name = await Task.detached { shared.value.name }.value
        XCTAssertEqual(name, "sent")
        XCTAssertEqual(Indirect(42).description, "42")
        XCTAssertEqual(Indirect("s").debugDescription, "\"s\"")
        // Inside a model's default description the box prints as its value, not as storage.
        let text = String(describing: Node(name: "n", next: Indirect(Node(name: "m", next: nil))))
        XCTAssertTrue(text.hasSuffix(#"Node(name: "m", next: nil)))"#), text)
        XCTAssertFalse(text.contains("storage"), text)
    }
}
