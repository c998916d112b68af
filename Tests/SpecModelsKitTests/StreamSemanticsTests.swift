import Foundation
import XCTest
@testable import SpecModelsKit

/// Operation responses that may be streams (`Fixtures/Reference/streams`): the models are
/// generated, compiled warning-free in Swift 6 mode with a driver, and run. The unions decode
/// their JSON members, a response wrapper its fields that are not streams; the support file's
/// stream decoders read chunked response bodies into the generated element types.
final class StreamSemanticsTests: XCTestCase {
    func testGeneratedStreamUnionsAndDecoders() throws {
        let workspace = try TestSupport.temporaryDirectory(self)
        let models = workspace.appendingPathComponent("Models")
        let spec = TestSupport.fixtures.appendingPathComponent("Reference/streams/spec")
        let result = Generator.generate(specDirectory: spec.path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        _ = try OutputDirectory(path: models.path).apply(result.files)
        try? FileManager.default.removeItem(at: models.appendingPathComponent(OutputDirectory.manifestName))

        let driver = workspace.appendingPathComponent("StreamDriver.swift")
        try Data(Self.driver.utf8).write(to: driver)
        let executable = workspace.appendingPathComponent("streams")
        let compiled = try TestSupport.compile(
            try TestSupport.swiftFiles(in: models) + [driver], moduleName: "Streams", output: executable, executable: true)
        guard compiled.status == 0 else {
            return XCTFail("the models and the driver do not compile warning-free:\n\(compiled.standardError.prefix(20_000))")
        }
        let run = try TestSupport.run(executable, [])
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(lines.filter { $0.hasPrefix("FAIL") }, [])
        XCTAssertEqual(lines.last, "checked 16")
    }

    /// Cuts fall inside `😀` (bytes 0xF0 0x9F 0x98 0x80) and inside a CRLF.
    private static let driver = #"""
        import Foundation

        struct Chunks: AsyncSequence, Sendable {
            typealias Element = UInt8
            let chunks: [[UInt8]]

            init(_ text: String, cutBefore markers: [String]) {
                var bytes = Array(text.utf8)[...]
                var chunks: [[UInt8]] = []
                for marker in markers {
                    let cut = Array(marker.utf8)
                    guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: cut) }) else { fatalError("no \(marker)") }
                    let inside = start + (cut.count > 1 ? 1 : 0)
                    chunks.append(Array(bytes[..<inside]))
                    bytes = bytes[inside...]
                }
                self.chunks = chunks + [Array(bytes)]
            }

            func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks) }

            struct Iterator: AsyncIteratorProtocol {
                var chunks: [[UInt8]]
                var position = (chunk: 0, byte: 0)

                mutating func next() async throws -> UInt8? {
                    while position.chunk < chunks.count, position.byte == chunks[position.chunk].count {
                        position = (position.chunk + 1, 0)
                        await Task.yield()
                    }
                    guard position.chunk < chunks.count else { return nil }
                    position.byte += 1
                    return chunks[position.chunk][position.byte - 1]
                }
            }
        }

        @main
        struct StreamDriver {
            nonisolated(unsafe) static var checked = 0

            static func expect(_ condition: Bool, _ message: String, line: Int = #line) {
                checked += 1
                if !condition { print("FAIL at driver line \(line): \(message)") }
            }

            static func isSendable<T: Sendable>(_: T) -> Bool { true }

            static func main() async {
                do {
                    try await checks()
                } catch {
                    print("FAIL threw: \(error)")
                }
                print("checked \(checked)")
            }

            static func checks() async throws {
                // The unions decode their JSON members as before.
                let completion = try JSONDecoder().decode(CreateCompletionResponse.self, from: Data(#"{"id": "cmpl-1", "text": "Hello"}"#.utf8))
                expect(completion == .completion(Completion(id: "cmpl-1", text: "Hello")), "\(completion)")
                let encoded = String(decoding: try JSONEncoder().encode(completion), as: UTF8.self)
                expect(encoded.contains(#""id":"cmpl-1""#), encoded)
                let log = try JSONDecoder().decode(ExportLogsResponse.self, from: Data(#"[{"at": "2024-05-01T12:00:00Z", "message": "started"}]"#.utf8))
                if case .logEntryArray(let entries) = log {
                    expect(entries.map(\.message) == ["started"] && entries[0].at.timeIntervalSince1970 == 1_714_564_800, "\(entries)")
                } else {
                    expect(false, "\(log)")
                }

                // A response wrapper's stream fields are not properties; the rest decodes as JSON.
                let raw = try JSONDecoder().decode(CreateCompletionRawResponse.self, from: Data(#"{"contentType": "application/json", "statusCode": 200, "completion": {"id": "c", "text": "t"}}"#.utf8))
                expect(raw == CreateCompletionRawResponse(contentType: "application/json", statusCode: 200, completion: Completion(id: "c", text: "t")), "\(raw)")

                // Server-sent events, each decoded as the generated event model.
                let events = ": stream opened\r\n"
                    + "retry: 2500\r\n"
                    + "id: 41\r\n"
                    + "event: delta\r\n"
                    + "data: {\"index\": 0, \"delta\": \"Hel\"}\r\n"
                    + "\r\n"
                    + "data: {\"index\": 1,\r\n"
                    + "data: \"delta\": \"lo 😀\"}\r\n"
                    + "\r\n"
                    + "data: [DONE]\r\n"
                    + "\r\n"
                var received: [CompletionEvent] = []
                for try await event in ServerSentEventStream(decoding: CompletionEvent.self, from: Chunks(events, cutBefore: ["😀", "\r\n", "data: [DONE]"])) {
                    received.append(event)
                }
                expect(received.count == 2, "\(received)")
                expect(received.first == CompletionEvent(data: CompletionChunk(index: 0, delta: "Hel"), event: "delta", id: "41", retry: 2500), "\(received)")
                expect(received.last?.data.delta == "lo 😀" && received.last?.event == nil && received.last?.id == "41", "\(received)")

                // An element type that is not an event model is decoded from each event's data.
                var chunks: [CompletionChunk] = []
                for try await chunk in ServerSentEventStream(decodingData: CompletionChunk.self, from: Chunks(events, cutBefore: ["😀"])) {
                    chunks.append(chunk)
                }
                expect(chunks == [CompletionChunk(index: 0, delta: "Hel"), CompletionChunk(index: 1, delta: "lo 😀")], "\(chunks)")

                // A chunk that does not fit the element type ends the stream with an error.
                var failing = ServerSentEventStream(decoding: CompletionEvent.self, from: Chunks("data: {\"index\": 0}\n\n", cutBefore: [])).makeAsyncIterator()
                do {
                    _ = try await failing.next()
                    expect(false, "a chunk without `delta` decoded")
                } catch {
                    expect("\(error)".contains("Server-sent event 1"), "\(error)")
                }

                // JSON lines, each decoded as the generated model, timestamps included.
                let lines = "{\"at\": \"2024-05-01T12:00:00Z\", \"message\": \"started\"}\r\n"
                    + "\n"
                    + "{\"at\": \"2024-05-01T12:00:01.5+02:00\", \"message\": \"ünïcode 😀\"}"
                var entries: [LogEntry] = []
                for try await entry in JSONLinesStream(decoding: LogEntry.self, from: Chunks(lines, cutBefore: ["\n", "😀"])) {
                    entries.append(entry)
                }
                expect(entries.map(\.message) == ["started", "ünïcode 😀"], "\(entries)")
                expect(entries.last?.at.timeIntervalSince1970 == 1_714_557_601.5, "\(entries)")

                var badLine = JSONLinesStream(decoding: LogEntry.self, from: Chunks("{\"message\": \"no time\"}\n", cutBefore: [])).makeAsyncIterator()
                do {
                    _ = try await badLine.next()
                    expect(false, "a line without `at` decoded")
                } catch {
                    expect("\(error)".contains("Line 1 of the JSON lines"), "\(error)")
                }

                // A union of streams alone decodes no JSON, and says how to read the body instead.
                // (The enum has no case, so the compiler knows a decode never returns.)
                var streamOnlyError = "decoded"
                do {
                    _ = try JSONDecoder().decode(WatchCompletionResponse.self, from: Data("{}".utf8))
                } catch {
                    streamOnlyError = "\(error)"
                }
                expect(streamOnlyError.contains("WatchCompletionResponse is a stream, not a JSON value"), streamOnlyError)
                expect(streamOnlyError.contains("JSONLinesStream(decoding: CompletionChunk.self, from: bytes)"), streamOnlyError)
                // The decoders are Sendable when the byte sequence is.
                expect(isSendable(ServerSentEventStream(decoding: CompletionEvent.self, from: Chunks("", cutBefore: []))), "Sendable")
                expect(isSendable(JSONLinesStream(decoding: LogEntry.self, from: Chunks("", cutBefore: []))), "Sendable")
            }
        }
        """#
}
