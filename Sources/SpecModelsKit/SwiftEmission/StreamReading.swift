/// What generated doc comments say about streams (`EventStream<T>`, `JsonLStream<T>`): which
/// decoder of the support file reads one from a response body's `bytes`.
extension TranslationContext {
    /// `ServerSentEventStream(decoding: CompletionEvent.self, from: bytes)`, in a code span.
    func streamReader(_ kind: StreamKind, element: TypeExpression) -> String {
        let elementType = mapping.wireType(element)
        switch kind {
        case .serverSentEvents where isEventModel(element):
            return "`ServerSentEventStream(decoding: \(elementType).self, from: bytes)`"
        case .serverSentEvents:
            return "`ServerSentEventStream(decodingData: \(elementType).self, from: bytes)`"
        case .jsonLines:
            return "`JSONLinesStream(decoding: \(elementType).self, from: bytes)`"
        }
    }

    /// The readers of a stream type: a stream, or a union of streams alone (one per member).
    func streamReaders(_ type: TypeExpression) -> [String] {
        switch type {
        case .stream(let kind, let element):
            return [streamReader(kind, element: element)]
        case .model(let id):
            guard case .union(let members) = graph[id].shape else { return [] }
            return members.flatMap { streamReaders($0.type) }
        default:
            return []
        }
    }

    static func framing(_ kind: StreamKind) -> String {
        kind == .serverSentEvents ? "server-sent events" : "JSON lines"
    }

    /// "Read the response body's `bytes` (…) with `…`."
    static func readingSentence(_ readers: [String]) -> String {
        "Read the response body's `bytes` (any `AsyncSequence` of `UInt8`, such as `URLSession.AsyncBytes`) with \(readers.joined(separator: " or "))."
    }

    /// Whether a server-sent event's element type describes the whole event, as Speakeasy's
    /// event models do (a `data` field beside `event`, `id`, `retry`), rather than its data
    /// alone: an object with a `data` key, or a union with such a member (events told apart
    /// by their `event` field).
    private func isEventModel(_ element: TypeExpression) -> Bool {
        var pending = [element]
        var seen = Set<ModelID>()
        while let type = pending.popLast() {
            guard case .model(let id) = type, seen.insert(id).inserted else { continue }
            switch graph[id].shape {
            case .object(let properties):
                if properties.contains(where: { $0.wireKey == "data" }) { return true }
            case .union(let members):
                pending.append(contentsOf: members.map(\.type))
            case .enumeration:
                break
            }
        }
        return false
    }
}
