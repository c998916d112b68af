import XCTest
@testable import SpecModelsKit

/// Stream members of response unions (`EventStream<T>`, `JsonLStream<T>`) in the diff: a member
/// is its stream kind and element, looked at through renames like any other member.
final class DiffStreamTests: XCTestCase {
    typealias D = SpecDoc

    private func spec(_ members: [String], event: String = "Event") -> SpecFixture {
        SpecFixture([
            ("Answer", D.union("Answer", members)),
            ("Reply", D.object("Reply", [D.field("text", "*string*")])),
            (event, D.object(event, [D.field("data", "*string*")])),
        ])
    }

    func testStreamKindChangedIsAnotherMember() {
        let old = spec(["operations.Reply", "EventStream<operations.Event>"])
        let new = spec(["operations.Reply", "JsonLStream<operations.Event>"])
        assertChanges(old, new, [
            "union-member-added operations.Answer.JsonLStream<operations.Event> warning/info/breaking",
            "union-member-removed operations.Answer.EventStream<operations.Event> breaking/breaking/info",
        ])
    }

    func testRenamedElementIsTheSameMember() {
        let old = spec(["operations.Reply", "EventStream<operations.Event>"])
        let new = spec(["operations.Reply", "EventStream<operations.Chunk>"], event: "Chunk")
        assertChanges(old, new, ["type-renamed operations.Chunk breaking/info/info"])
    }

    func testSpelling() {
        let result = TestSupport.generate([
            "models/operations/answer.md": D.union("Answer", ["EventStream<operations.Event[]>", "JsonLStream<string>"]),
            "models/operations/event.md": D.object("Event", [D.field("data", "*string*")]),
        ])
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let graph = result.graph
        guard case .union(let members) = graph.models[0].shape else { return XCTFail("not a union") }
        XCTAssertEqual(members.map { TypeSpelling.spell($0.type, in: graph) }, ["EventStream<operations.Event[]>", "JsonLStream<string>"])
        XCTAssertEqual(members.map { TypeSpelling.kind($0.type, in: graph) }, ["stream", "stream"])
        XCTAssertEqual(members.map(\.type), [.stream(.serverSentEvents, .array(.model(graph.models[1].id))), .stream(.jsonLines, .string)])
    }
}
