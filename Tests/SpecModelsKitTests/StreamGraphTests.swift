import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// How stream members enter the graph and what follows from them: their element types are
/// ordinary models (kept by `namespaces.roots`), and names of the support file's stream
/// decoders are taken.
final class StreamGraphTests: XCTestCase {
    private static let docs: [String: String] = [
        "models/operations/answer.md": """
            # Answer

            ## Supported Types

            ### `operations.Reply`

            ### `EventStream<components.Event>`

            ```typescript
            const value: EventStream<components.Event> = ;
            ```

            ### `JsonLStream<components.Line[]>`
            """,
        "models/operations/reply.md": "# Reply\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `text` | *string* | :heavy_check_mark: |\n",
        "models/components/event.md": "# Event\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `data` | [components.Chunk](../../models/components/chunk.md) | :heavy_check_mark: |\n",
        "models/components/chunk.md": "# Chunk\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `delta` | *string* | :heavy_check_mark: |\n",
        "models/components/line.md": "# Line\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `n` | *number* | :heavy_check_mark: |\n",
        "models/components/unused.md": "# Unused\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `n` | *number* | :heavy_check_mark: |\n",
    ]

    func testStreamMembersResolveTheirElements() {
        let result = TestSupport.generate(Self.docs)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let graph = result.graph
        let byName = Dictionary(uniqueKeysWithValues: graph.models.map { ($0.name, $0.id) })
        guard let answer = byName["Answer"], case .union(let members) = graph[answer].shape else { return XCTFail("no union") }
        XCTAssertEqual(members.map(\.type), [
            .model(byName["Reply"]!),
            .stream(.serverSentEvents, .model(byName["Event"]!)),
            .stream(.jsonLines, .array(.model(byName["Line"]!))),
        ])
        XCTAssertEqual(members.map(\.spelling), ["operations.Reply", "EventStream<components.Event>", "JsonLStream<components.Line[]>"])
        // The element types know who refers to them.
        XCTAssertEqual(graph[byName["Event"]!].referencedBy, [answer])
    }

    /// `roots` keeps what a stream member refers to, as it keeps any member's type.
    func testRootsKeepStreamElements() throws {
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse("namespaces:\n  roots: [Answer]\n", path: "specmodels.yml", diagnostics: &diagnostics))
        let files = Self.docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(Self.docs[$0, default: ""].utf8)) }
        let result = Generator.generate(files, configuration: configuration)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        XCTAssertEqual(result.files.map(\.name).sorted(), [
            SupportLibrary.fileName,
            "models.components.chunk.swift",
            "models.components.event.swift",
            "models.components.line.swift",
            "models.operations.answer.swift",
            "models.operations.reply.swift",
        ])
        let answer = result.files.first { $0.name == "models.operations.answer.swift" }?.contents ?? ""
        XCTAssertTrue(answer.contains("`ServerSentEventStream(decoding: Event.self, from: bytes)`"), answer)
        XCTAssertTrue(answer.contains("`JSONLinesStream(decoding: [Line].self, from: bytes)`"), answer)
        XCTAssertFalse(answer.contains("case event"), answer)
    }

    /// An element with a `data` field, or a union of such (events told apart by `event`), is
    /// the whole event; any other element is the event's data.
    func testTheDocCommentNamesTheDecoderThatFitsTheElement() {
        var docs = Self.docs
        docs["models/operations/answer.md"] = SpecDoc.union("Answer", [
            "EventStream<components.AnyEvent>", "EventStream<components.Chunk>", "EventStream<string>", "operations.Reply",
        ])
        docs["models/components/anyevent.md"] = SpecDoc.union("AnyEvent", ["components.Ping", "components.Event"])
        docs["models/components/ping.md"] = "# Ping\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `event` | *\"ping\"* | :heavy_check_mark: |\n"
        let result = TestSupport.generate(docs)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let answer = result.files.first { $0.name == "models.operations.answer.swift" }?.contents ?? ""
        XCTAssertTrue(answer.contains("`ServerSentEventStream(decoding: AnyEvent.self, from: bytes)`"), answer)
        XCTAssertTrue(answer.contains("`ServerSentEventStream(decodingData: Chunk.self, from: bytes)`"), answer)
        XCTAssertTrue(answer.contains("`ServerSentEventStream(decodingData: String.self, from: bytes)`"), answer)
    }

    /// A field whose type is a stream is not part of the object's shape, but is kept aside
    /// (with its element type, also under `roots`).
    func testStreamFieldsLeaveTheShape() throws {
        var docs = Self.docs
        docs["models/operations/wrapper.md"] = SpecDoc.object("Wrapper", [
            SpecDoc.field("statusCode", "*number*"),
            SpecDoc.field("events", "*EventStream<components.Event>*"),
            SpecDoc.field("reply", "[operations.Reply](../../models/operations/reply.md)"),
        ])
        var diagnostics = Diagnostics()
        let configuration = try XCTUnwrap(ConfigurationFile.parse("namespaces:\n  roots: [Wrapper]\n", path: "specmodels.yml", diagnostics: &diagnostics))
        let files = docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(docs[$0, default: ""].utf8)) }
        let result = Generator.generate(files, configuration: configuration)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let wrapper = try XCTUnwrap(result.graph.models.first { $0.name == "Wrapper" })
        guard case .object(let properties) = wrapper.shape else { return XCTFail("not an object") }
        XCTAssertEqual(properties.map(\.name), ["statusCode", "reply"])
        XCTAssertEqual(wrapper.streamFields.map(\.name), ["events"])
        XCTAssertEqual(result.files.map(\.name).sorted(), [
            SupportLibrary.fileName,
            "models.components.chunk.swift",
            "models.components.event.swift",
            "models.operations.reply.swift",
            "models.operations.wrapper.swift",
        ])
    }

    /// A model named like a stream decoder of the support file is renamed, as for `JSONValue`.
    func testModelsNamedLikeStreamDecodersAreRenamed() {
        var docs = Self.docs
        docs["models/components/serversentevents.md"] = "# ServerSentEvents\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `n` | *number* | :heavy_check_mark: |\n"
        let result = TestSupport.generate(docs)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let file = result.files.first { $0.name == "models.components.serversentevents.swift" }?.contents ?? ""
        XCTAssertTrue(file.contains("public struct ServerSentEventsModel:"), file)
    }
}
