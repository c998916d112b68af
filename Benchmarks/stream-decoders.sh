#!/usr/bin/env bash
# Throughput of the support file's stream decoders (release build, one core).
#
#   Benchmarks/stream-decoders.sh [EVENTS]     default 50000 events / lines, three runs
#
# Compiles Generated/SpecModels+Support.swift with a driver that feeds an in-memory body
# through an `AsyncSequence` of bytes, as `URLSession.AsyncBytes` does, and reports:
# `ServerSentEvents` alone (parsing), `ServerSentEventStream` (parsing and decoding each
# event as a Speakeasy-style event model), and `JSONLinesStream`. The loops run off the main
# actor; iterating on an actor costs one executor hop per element on top.
set -euo pipefail

cd "$(dirname "$0")/.."
events="${1:-50000}"
work=$(mktemp -d "${TMPDIR:-/tmp}/specmodels-streams.XXXXXX")
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
import Foundation

struct Bytes: AsyncSequence, Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]

    struct Iterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        var index = 0

        mutating func next() async -> UInt8? {
            guard index < bytes.count else { return nil }
            index += 1
            return bytes[index - 1]
        }
    }

    func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes) }
}

struct Chunk: Decodable { var index: Int; var delta: String }
struct Event: Decodable { var data: Chunk; var event: String?; var id: String? }

@main
struct StreamBench {
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func main() async throws {
        try await run(count: Int(CommandLine.arguments[1]) ?? 50_000)
    }

    /// Off the main actor, as a networking layer reads: a loop on an actor would add an
    /// executor hop per element to what is measured.
    nonisolated static func run(count: Int) async throws {
        var sse = "", lines = ""
        for i in 0..<count {
            let chunk = "{\"index\": \(i), \"delta\": \"some text of a typical chunk, ünïcode 😀\"}"
            sse += "id: \(i)\nevent: delta\ndata: \(chunk)\n\n"
            lines += chunk + "\n"
        }
        let sseBytes = Bytes(bytes: Array(sse.utf8)), lineBytes = Bytes(bytes: Array(lines.utf8))
        let sseMB = Double(sseBytes.bytes.count) / 1e6, linesMB = Double(lineBytes.bytes.count) / 1e6
        for _ in 0..<3 {
            var parsed = 0, decoded = 0, read = 0
            var start = ContinuousClock.now
            for try await _ in ServerSentEvents(sseBytes) { parsed += 1 }
            let parse = seconds(since: start)
            start = ContinuousClock.now
            for try await _ in ServerSentEventStream(decoding: Event.self, from: sseBytes) { decoded += 1 }
            let decode = seconds(since: start)
            start = ContinuousClock.now
            for try await _ in JSONLinesStream(decoding: Chunk.self, from: lineBytes) { read += 1 }
            let jsonl = seconds(since: start)
            precondition(parsed == count && decoded == count && read == count)
            print(String(format: "SSE %.1f MB: parse %.3f s (%.1f MB/s), parse+decode %.3f s (%.0f events/s) | JSON lines %.1f MB: %.3f s (%.0f lines/s)",
                         sseMB, parse, sseMB / parse, decode, Double(count) / decode, linesMB, jsonl, Double(count) / jsonl))
        }
    }
}
SWIFT

swiftc -O -wmo -swift-version 6 -parse-as-library -module-name StreamBench \
    "$work/main.swift" Generated/SpecModels+Support.swift -o "$work/stream-bench"
"$work/stream-bench" "$events"
