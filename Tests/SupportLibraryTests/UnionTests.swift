import Foundation
import XCTest
import SpecModelsSupport

private struct Cat: Codable, Equatable { var name: String; var lives: Int }
private struct Dog: Codable, Equatable { var name: String }
private struct Named: Codable, Equatable { var name: String }

/// Dog is listed before Cat on purpose: a Cat payload also decodes as Dog (with a leftover key).
private enum Pet: Decodable, Equatable {
    case dog(Dog)
    case cat(Cat)
    case named(Named)
    case text(String)
    case number(Double)

    init(from decoder: any Decoder) throws {
        self = try decodeUnion("Pet", from: decoder, candidates: [
            UnionCandidate(name: "Dog", wireKeys: ["name"]) { .dog(try Dog(from: $0)) },
            UnionCandidate(name: "Cat", wireKeys: ["name", "lives"]) { .cat(try Cat(from: $0)) },
            UnionCandidate(name: "Named", wireKeys: ["name"]) { .named(try Named(from: $0)) },
            UnionCandidate(name: "String", wireKeys: nil) { .text(try String(from: $0)) },
            UnionCandidate(name: "Double", wireKeys: nil) { .number(try Double(from: $0)) },
        ])
    }
}

private struct Owner: Decodable {
    var pets: [Pet]
}

/// Every candidate has leftovers for {"name","lives","color","age"}: fewer leftovers must win.
private enum Ranked: Decodable, Equatable {
    case dog(Dog)
    case cat(Cat)
    case named(Named)

    init(from decoder: any Decoder) throws {
        let candidates: [UnionCandidate<Ranked>] = [
            UnionCandidate(name: "Dog", wireKeys: ["name"], decode: { Ranked.dog(try Dog(from: $0)) }),
            UnionCandidate(name: "Cat", wireKeys: ["name", "lives"], decode: { Ranked.cat(try Cat(from: $0)) }),
            UnionCandidate(name: "Named", wireKeys: ["name", "lives"], decode: { Ranked.named(try Named(from: $0)) }),
        ]
        self = try decodeUnion("Ranked", from: decoder, candidates: candidates)
    }
}

/// A union whose members are objects, a map and a union (nested failure rendering).
private enum Outer: Decodable {
    case pet(Pet)
    case flags([String: Bool])

    init(from decoder: any Decoder) throws {
        self = try decodeUnion("Outer", from: decoder, candidates: [
            UnionCandidate(name: "Pet", wireKeys: nil) { .pet(try Pet(from: $0)) },
            UnionCandidate(name: "[String: Bool]", wireKeys: nil) { .flags(try [String: Bool](from: $0)) },
        ])
    }
}

final class UnionTests: XCTestCase {
    func testNoLeftoverCandidateWins() throws {
        XCTAssertEqual(try decode(Pet.self, #"{"name": "Tom", "lives": 9}"#), .cat(Cat(name: "Tom", lives: 9)))
        // Cat fails (no lives); Dog and Named both have no leftovers: the earlier (Dog) wins.
        XCTAssertEqual(try decode(Pet.self, #"{"name": "Rex"}"#), .dog(Dog(name: "Rex")))
    }

    func testFewerLeftoversWinAndTiesGoToTheEarlierCandidate() throws {
        // Dog: 3 leftovers; Cat and Named: 2 each -> Cat (earlier of the two).
        XCTAssertEqual(try decode(Ranked.self, #"{"name": "Tom", "lives": 9, "color": "grey", "age": 3}"#),
                       .cat(Cat(name: "Tom", lives: 9)))
        // Equal leftovers everywhere (Cat fails): Dog (earliest) wins over Named.
        XCTAssertEqual(try decode(Ranked.self, #"{"name": "Rex", "color": "brown"}"#), .dog(Dog(name: "Rex")))
    }

    func testPrimitiveMembers() throws {
        XCTAssertEqual(try decode(Pet.self, #""hello""#), .text("hello"))
        XCTAssertEqual(try decode(Pet.self, "42"), .number(42))
        XCTAssertEqual(try decode([Pet].self, #"[1.5, "x", {"name": "a"}]"#), [.number(1.5), .text("x"), .dog(Dog(name: "a"))])
    }

    func testStopsAtTheFirstPerfectFit() throws {
        struct Runner: Decodable {
            let value: Int
            init(from decoder: any Decoder) throws {
                value = try decodeUnion("Runner", from: decoder, candidates: [
                    UnionCandidate(name: "A", wireKeys: ["x"]) { _ in 1 },
                    UnionCandidate(name: "B", wireKeys: ["x", "y"]) { _ in 2 },
                    UnionCandidate(name: "C", wireKeys: ["x", "y", "z"]) { decoder in
                        let keys = try decoder.container(keyedBy: SpecModelsCodingKey.self).allKeys.map(\.stringValue)
                        if Set(keys) == ["x", "y"] { XCTFail("C must not be tried after B fitted perfectly") }
                        return 3
                    },
                ])
            }
        }
        XCTAssertEqual(try decode(Runner.self, #"{"x": 1, "y": 2}"#).value, 2)
        XCTAssertEqual(try decode(Runner.self, #"{"x": 1}"#).value, 1)
        XCTAssertEqual(try decode(Runner.self, #"{"x": 1, "y": 2, "z": 3}"#).value, 3)
        XCTAssertEqual(try decode(Runner.self, #"{"w": 1}"#).value, 1, "all tie on leftovers -> first")
        XCTAssertEqual(try decode(Runner.self, "[]").value, 1, "not an object -> no leftovers -> first")
    }

    func testFailureListsEveryMember() {
        let error = expectDecodingError { _ = try decode(Owner.self, #"{"pets": ["ok", true]}"#) }
        XCTAssertEqual(error?.isDataCorrupted, true)
        XCTAssertEqual(error?.path, ["pets", "#1"])
        let message = error?.context?.debugDescription ?? ""
        print("union failure message:\n\(message)")
        XCTAssertTrue(message.hasPrefix("Value at pets[1] does not match any member of union Pet:"), message)
        for member in ["Dog", "Cat", "Named", "String", "Double"] {
            XCTAssertTrue(message.contains("\n  - \(member): "), "lists \(member): \(message)")
        }
        XCTAssertEqual(message.components(separatedBy: "\n  - ").count - 1, 5)
        XCTAssertTrue(message.contains("type mismatch (expected String) at pets[1]"), message)

        let missingKey = expectDecodingError { _ = try decode(Pet.self, #"{"lives": 3}"#) }
        let text = missingKey?.context?.debugDescription ?? ""
        XCTAssertTrue(text.contains("- Dog: key not found (\"name\") at <root>"), text)
        XCTAssertTrue(text.contains("- Cat: key not found (\"name\") at <root>"), text)
    }

    func testNestedUnionFailureIsIndented() {
        let error = expectDecodingError { _ = try decode(Outer.self, #"{"name": 5}"#) }
        let message = error?.context?.debugDescription ?? ""
        print("nested union failure message:\n\(message)")
        XCTAssertTrue(message.hasPrefix("Value at <root> does not match any member of union Outer:"), message)
        XCTAssertTrue(message.contains("\n  - Pet: data corrupted at <root>: Value at <root> does not match any member of union Pet:"), message)
        XCTAssertTrue(message.contains("\n      - Dog: type mismatch (expected String) at name"), message)
        XCTAssertTrue(message.contains("\n  - [String: Bool]: type mismatch (expected Bool) at name"), message)
    }

    func testNoMembers() {
        struct Empty: Decodable {
            init(from decoder: any Decoder) throws {
                let _: Int = try decodeUnion("Empty", from: decoder, candidates: [])
            }
        }
        let error = expectDecodingError { _ = try decode(Empty.self, "1") }
        XCTAssertTrue(error?.context?.debugDescription.contains("Empty (the union has no members)") ?? false)
    }

    func testCodingKeyType() {
        let key = SpecModelsCodingKey("name")
        XCTAssertEqual(key.stringValue, "name")
        XCTAssertNil(key.intValue)
        XCTAssertEqual(SpecModelsCodingKey(intValue: 3).stringValue, "3")
        XCTAssertEqual(SpecModelsCodingKey(stringValue: "x"), SpecModelsCodingKey("x"))
        requireSendable(SpecModelsCodingKey.self)
    }
}
