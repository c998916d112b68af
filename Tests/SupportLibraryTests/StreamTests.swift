import Foundation
import XCTest
import SpecModelsSupport

/// A response body delivered in chunks, as a network read delivers it: the bytes of each chunk,
/// with a suspension between chunks, and optionally an error after the last one.
private struct ChunkedBytes: AsyncSequence, Sendable {
    typealias Element = UInt8

    struct ReadFailure: Error, Equatable {}

    let chunks: [[UInt8]]
    var failsAtEnd = false

    init(_ chunks: [[UInt8]], failsAtEnd: Bool = false) {
        self.chunks = chunks
        self.failsAtEnd = failsAtEnd
    }

    /// `text` split before each of `cuts` (byte offsets, ascending).
    init(_ text: String, cuts: [Int] = []) {
        let bytes = Array(text.utf8)
        var chunks: [[UInt8]] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            chunks.append(Array(bytes[start..<cut]))
            start = cut
        }
        self.init(chunks)
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks, failsAtEnd: failsAtEnd)
    }

    struct Iterator: AsyncIteratorProtocol {
        let chunks: [[UInt8]]
        let failsAtEnd: Bool
        var chunk = 0
        var offset = 0

        mutating func next() async throws -> UInt8? {
            while chunk < chunks.count, offset == chunks[chunk].count {
                chunk += 1
                offset = 0
                await Task.yield()
            }
            guard chunk < chunks.count else {
                if failsAtEnd { throw ReadFailure() }
                return nil
            }
            offset += 1
            return chunks[chunk][offset - 1]
        }
    }
}

private func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
    var elements: [S.Element] = []
    for try await element in sequence { elements.append(element) }
    return elements
}

/// The element type of a streamed completion, shaped as Speakeasy's event models are: the event's
/// fields, with `data` holding the decoded JSON.
private struct ChunkEvent: Decodable, Equatable {
    struct Chunk: Decodable, Equatable {
        var index: Int
        var delta: String
    }

    var data: Chunk
    var event: String?
    var id: String?
    var retry: Int?
}

private struct TextEvent: Decodable, Equatable {
    var data: String
    var event: String?
}

private struct Entry: Decodable, Equatable {
    var n: Int
    var text: String
}

final class ServerSentEventTests: XCTestCase {
    /// A BOM, comments, a `retry:`, ids, named events, multi-line data, characters of two to four
    /// UTF-8 bytes, and all three line ends (CRLF, LF, CR).
    private let stream = "\u{FEFF}: a comment to keep the connection open\r\n"
        + "retry: 3000\r\n"
        + "\r\n"
        + "id: 1\r\n"
        + "event: greeting\r\n"
        + "data: héllo\r\n"
        + "data:  wörld ✓ 😀\r\n"
        + "\r\n"
        + ":another comment\n"
        + "data:{\"a\": 1}\n"
        + "id\n"
        + "\n"
        + "event: ignored because no data follows\r"
        + "\r"
        + "data\r"
        + "\r"

    private let expected = [
        ServerSentEvent(event: "greeting", data: "héllo\n wörld ✓ 😀", id: "1", retry: 3000),
        ServerSentEvent(event: nil, data: "{\"a\": 1}", id: "", retry: 3000),
        ServerSentEvent(event: nil, data: "", id: "", retry: 3000),
    ]

    func testParsesTheWholeStream() async throws {
        let events = try await collect(ServerSentEvents(ChunkedBytes(stream)))
        XCTAssertEqual(events, expected)
    }

    /// Every way of cutting the body in two, including inside a CRLF and inside each multi-byte
    /// character, and a spread of cuts in three, give the same events.
    func testEventsSplitAcrossChunksAtAnyByte() async throws {
        let count = stream.utf8.count
        for cut in 0...count {
            let events = try await collect(ServerSentEvents(ChunkedBytes(stream, cuts: [cut])))
            XCTAssertEqual(events, expected, "cut at byte \(cut)")
        }
        for first in stride(from: 0, through: count, by: 5) {
            for second in stride(from: first, through: count, by: 3) {
                let events = try await collect(ServerSentEvents(ChunkedBytes(stream, cuts: [first, second])))
                XCTAssertEqual(events, expected, "cuts at bytes \(first) and \(second)")
            }
        }
        // One byte per chunk.
        let bytes = ChunkedBytes(Array(stream.utf8).map { [$0] })
        let events = try await collect(ServerSentEvents(bytes))
        XCTAssertEqual(events, expected)
    }

    func testCRLFSplitBetweenChunksIsOneLineEnd() async throws {
        let bytes = ChunkedBytes([Array("data: a\r".utf8), Array("\ndata: b\r".utf8), Array("\n\r".utf8), Array("\n".utf8)])
        let events = try await collect(ServerSentEvents(bytes))
        XCTAssertEqual(events.map(\.data), ["a\nb"])
    }

    func testFieldRules() async throws {
        let text = "data:no space\n"
            + "data:  two spaces\n"
            + "unknown: ignored\n"
            + "id: has\u{0}nul\n"
            + "retry: 12a\n"
            + "retry:\n"
            + "event:\n"
            + "\n"
            + "id: 7\n"
            + "retry: 500\n"
            + "\n"  // no data: nothing dispatched, but the id and retry stay
            + "event: tick\n"
            + "data: 1\n"
            + "\n"
            + "data: 2\n"  // the event type does not carry over
            + "\n"
        let events = try await collect(ServerSentEvents(ChunkedBytes(text)))
        XCTAssertEqual(events, [
            ServerSentEvent(event: nil, data: "no space\n two spaces", id: "", retry: nil),
            ServerSentEvent(event: "tick", data: "1", id: "7", retry: 500),
            ServerSentEvent(event: nil, data: "2", id: "7", retry: 500),
        ])
    }

    /// Bytes after the last blank line are an incomplete event, which the standard discards.
    func testIncompleteLastEventIsDiscarded() async throws {
        for text in ["data: a\n\ndata: b", "data: a\n\ndata: b\n", "data: a\r\n\r\ndata: b\r\n"] {
            let events = try await collect(ServerSentEvents(ChunkedBytes(text)))
            XCTAssertEqual(events.map(\.data), ["a"], text.debugDescription)
        }
        let empty = try await collect(ServerSentEvents(ChunkedBytes("")))
        XCTAssertEqual(empty, [])
    }

    func testInvalidUTF8ReadsAsReplacementCharacters() async throws {
        let bytes = ChunkedBytes([Array("data: a".utf8) + [0xFF, 0xC3] + Array("\n\n".utf8)])
        let events = try await collect(ServerSentEvents(bytes))
        XCTAssertEqual(events.map(\.data), ["a\u{FFFD}\u{FFFD}"])
    }

    func testDecodesEachEventAndStopsAtDone() async throws {
        let text = ": keep-alive\n"
            + "retry: 1500\n"
            + "id: e1\n"
            + "event: chunk\n"
            + "data: {\"index\": 0, \"delta\": \"Hél\"}\n"
            + "\n"
            + "data: {\"index\": 1,\n"
            + "data:  \"delta\": \"lo 😀\"}\n"
            + "\n"
            + "data: [DONE]\n"
            + "\n"
            + "data: {\"index\": 2, \"delta\": \"never read\"}\n"
            + "\n"
        let count = text.utf8.count
        for cut in 0...count {
            let events = try await collect(ServerSentEventStream(decoding: ChunkEvent.self, from: ChunkedBytes(text, cuts: [cut])))
            XCTAssertEqual(events, [
                ChunkEvent(data: .init(index: 0, delta: "Hél"), event: "chunk", id: "e1", retry: 1500),
                ChunkEvent(data: .init(index: 1, delta: "lo 😀"), event: nil, id: "e1", retry: 1500),
            ], "cut at byte \(cut)")
        }
    }

    func testDecodesTheDataAlone() async throws {
        let text = "event: chunk\nid: 3\ndata: {\"index\": 0, \"delta\": \"a\"}\n\ndata: {\"index\": 1,\ndata: \"delta\": \"b\"}\n\ndata: [DONE]\n\n"
        let chunks = try await collect(ServerSentEventStream(decodingData: ChunkEvent.Chunk.self, from: ChunkedBytes(text)))
        XCTAssertEqual(chunks, [ChunkEvent.Chunk(index: 0, delta: "a"), ChunkEvent.Chunk(index: 1, delta: "b")])
        var iterator = ServerSentEventStream(decodingData: ChunkEvent.Chunk.self, from: ChunkedBytes("data: not json\n\n")).makeAsyncIterator()
        do {
            _ = try await iterator.next()
            XCTFail("data that is not JSON should not decode")
        } catch let error as DecodingError {
            XCTAssertTrue(error.context?.debugDescription.hasPrefix("Server-sent event 1 (data \"not json\") does not decode as Chunk") ?? false, "\(error)")
        }
    }

    func testDataThatIsNotJSONIsAString() async throws {
        let text = "event: note\ndata: plain \"text\"\ndata: on two lines\n\ndata: \"a JSON string\"\n\n"
        let events = try await collect(ServerSentEventStream(decoding: TextEvent.self, from: ChunkedBytes(text)))
        XCTAssertEqual(events, [
            TextEvent(data: "plain \"text\"\non two lines", event: "note"),
            TextEvent(data: "a JSON string", event: nil),
        ])
    }

    func testWithoutTerminatorDoneIsData() async throws {
        let text = "data: [DONE]\n\n"
        let events = try await collect(ServerSentEventStream(decoding: TextEvent.self, from: ChunkedBytes(text), terminator: nil))
        XCTAssertEqual(events, [TextEvent(data: "[DONE]", event: nil)])
    }

    func testAnEventThatDoesNotDecodeThrowsFromTheIterator() async throws {
        let text = "data: {\"index\": 0, \"delta\": \"a\"}\n\ndata: {\"index\": \"one\", \"delta\": \"b\"}\n\ndata: {\"index\": 2, \"delta\": \"c\"}\n\n"
        var iterator = ServerSentEventStream(decoding: ChunkEvent.self, from: ChunkedBytes(text)).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first?.data.delta, "a")
        do {
            _ = try await iterator.next()
            XCTFail("the second event should not decode")
        } catch let error as DecodingError {
            let message = error.context?.debugDescription ?? ""
            XCTAssertTrue(message.hasPrefix("Server-sent event 2 (data \"{\\\"index\\\": \\\"one\\\""), message)
            XCTAssertTrue(message.contains("does not decode as ChunkEvent"), message)
            XCTAssertTrue(message.contains("data.index"), message)
            XCTAssertNotNil(error.context?.underlyingError)
        }
        let afterError = try await iterator.next()
        XCTAssertNil(afterError, "the iteration ends at an error")
    }

    func testErrorsOfTheByteSequenceAreRethrown() async throws {
        var iterator = ServerSentEvents(ChunkedBytes([Array("data: a\n\ndata: b\n".utf8)], failsAtEnd: true)).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first?.data, "a")
        do {
            _ = try await iterator.next()
            XCTFail("the byte sequence's error should surface")
        } catch {
            XCTAssertEqual(error as? ChunkedBytes.ReadFailure, ChunkedBytes.ReadFailure())
        }
        let afterError = try await iterator.next()
        XCTAssertNil(afterError)
    }

    func testSendable() {
        requireSendable(ServerSentEvent.self)
        requireSendable(ServerSentEvents<ChunkedBytes>.self)
        requireSendable(ServerSentEventStream<ChunkedBytes, ChunkEvent>.self)
    }
}

final class JSONLinesTests: XCTestCase {
    /// A BOM, CRLF and LF line ends, blank lines (also of spaces), UTF-8 of two to four bytes, and a
    /// last line without a line end.
    private let stream = "\u{FEFF}{\"n\": 1, \"text\": \"ä\"}\r\n"
        + "\n"
        + "   \r\n"
        + "{\"n\": 2, \"text\": \"✓ 😀\"}\n"
        + "{\"n\": 3, \"text\": \"last\"}"

    private let expected = [Entry(n: 1, text: "ä"), Entry(n: 2, text: "✓ 😀"), Entry(n: 3, text: "last")]

    func testLinesSplitAcrossChunksAtAnyByte() async throws {
        let count = stream.utf8.count
        for cut in 0...count {
            let entries = try await collect(JSONLinesStream(decoding: Entry.self, from: ChunkedBytes(stream, cuts: [cut])))
            XCTAssertEqual(entries, expected, "cut at byte \(cut)")
        }
        for first in stride(from: 0, through: count, by: 4) {
            for second in stride(from: first, through: count, by: 3) {
                let entries = try await collect(JSONLinesStream(decoding: Entry.self, from: ChunkedBytes(stream, cuts: [first, second])))
                XCTAssertEqual(entries, expected, "cuts at bytes \(first) and \(second)")
            }
        }
    }

    func testTrailingNewlineAndEmptyBody() async throws {
        let withNewline = try await collect(JSONLinesStream(decoding: Entry.self, from: ChunkedBytes("{\"n\": 1, \"text\": \"a\"}\n")))
        XCTAssertEqual(withNewline, [Entry(n: 1, text: "a")])
        let empty = try await collect(JSONLinesStream(decoding: Entry.self, from: ChunkedBytes("")))
        XCTAssertEqual(empty, [])
        let blank = try await collect(JSONLinesStream(decoding: Entry.self, from: ChunkedBytes("\n\r\n \n")))
        XCTAssertEqual(blank, [])
    }

    func testALineThatDoesNotDecodeThrowsFromTheIterator() async throws {
        let text = "{\"n\": 1, \"text\": \"a\"}\n\n{\"n\": 2}\n{\"n\": 3, \"text\": \"c\"}\n"
        var iterator = JSONLinesStream(decoding: Entry.self, from: ChunkedBytes(text)).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, Entry(n: 1, text: "a"))
        do {
            _ = try await iterator.next()
            XCTFail("line 3 should not decode")
        } catch let error as DecodingError {
            let message = error.context?.debugDescription ?? ""
            XCTAssertTrue(message.hasPrefix("Line 3 of the JSON lines (\"{\\\"n\\\": 2}\") does not decode as Entry"), message)
            XCTAssertTrue(message.contains("text"), message)
        }
        let afterError = try await iterator.next()
        XCTAssertNil(afterError, "the iteration ends at an error")
    }

    func testALineThatIsNotJSONThrows() async throws {
        let text = "{\"n\": 1, \"text\": \"a\"}\nnot json\n"
        var iterator = JSONLinesStream(decoding: Entry.self, from: ChunkedBytes(text)).makeAsyncIterator()
        _ = try await iterator.next()
        do {
            _ = try await iterator.next()
            XCTFail("line 2 is not JSON")
        } catch let error as DecodingError {
            XCTAssertTrue(error.context?.debugDescription.hasPrefix("Line 2 of the JSON lines (\"not json\")") ?? false, "\(error)")
        }
    }

    func testErrorsOfTheByteSequenceAreRethrown() async throws {
        var iterator = JSONLinesStream(decoding: Entry.self, from: ChunkedBytes([Array("{\"n\": 1, \"text\": \"a\"}\n{\"n\"".utf8)], failsAtEnd: true)).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first?.n, 1)
        do {
            _ = try await iterator.next()
            XCTFail("the byte sequence's error should surface")
        } catch {
            XCTAssertEqual(error as? ChunkedBytes.ReadFailure, ChunkedBytes.ReadFailure())
        }
    }

    func testSendable() {
        requireSendable(JSONLinesStream<ChunkedBytes, Entry>.self)
    }
}
