/// A parsed Type cell or union member: the small type language of the docs.
public indirect enum TypeExpression: Hashable, Sendable {
    case string
    case number
    /// A union's `number` member whose example is an integer, beside another `number`
    /// member: Speakeasy lists a union's integer and float members both as `number`.
    case integer
    case boolean
    /// `BigInt`, `BigInteger`, `Decimal`, `BigDecimal`: a number of any size or precision,
    /// sent as a JSON number; Foundation's `Decimal`.
    case decimal
    /// `*any*`: any JSON value.
    case any
    /// `[Date](…)`: an RFC 3339 timestamp.
    case dateTime
    /// `RFCDate`: a calendar date without time or zone.
    case date
    /// `File`, `Blob`, `Uint8Array`, `ReadableStream<Uint8Array>`: raw bytes.
    case bytes
    /// `*"entry"*`: exactly this string.
    case stringLiteral(String)
    /// `*true*`, `*false*`: exactly this boolean.
    case booleanLiteral(Bool)
    /// `*42*`: exactly this number, as spelled.
    case numberLiteral(String)
    /// `*null*`.
    case null
    /// Another model doc, resolved.
    case model(ModelID)
    /// `T[]`.
    case array(TypeExpression)
    /// `Record<string, T>` or `{ [k: string]: T }`.
    case map(TypeExpression)
    /// `A | B` inside a cell.
    case oneOf([TypeExpression])
    /// `EventStream<T>`, `JsonLStream<T>`: a response body that is a stream of `T`s, not one
    /// JSON value: a union member by itself (an answer the operation may give) or a field's
    /// whole type (see `Streams`).
    case stream(StreamKind, TypeExpression)
    /// A value of the SDK's runtime that is not JSON, by its TypeScript name:
    /// `[Response](…/docs/Web/API/Response)`, `*Request*` (see `RuntimeValues`).
    case runtime(String)

    /// Visits this expression and every expression inside it, outermost first.
    public func forEach(_ body: (TypeExpression) -> Void) {
        var pending: [TypeExpression] = [self]
        while let next = pending.popLast() {
            body(next)
            switch next {
            case .array(let element), .map(let element), .stream(_, let element): pending.append(element)
            case .oneOf(let members): pending.append(contentsOf: members.reversed())
            default: break
            }
        }
    }

    /// Whether any part of this expression satisfies `predicate`.
    public func contains(where predicate: (TypeExpression) -> Bool) -> Bool {
        var found = false
        forEach { if predicate($0) { found = true } }
        return found
    }

    /// The model this expression names directly: `T`, not `T[]` or `Record<string, T>`.
    public var directModel: ModelID? {
        if case .model(let id) = self { return id }
        return nil
    }
}

/// How a stream's elements are framed in the response body.
public enum StreamKind: Hashable, Sendable {
    /// `EventStream<T>`: server-sent events (`text/event-stream`).
    case serverSentEvents
    /// `JsonLStream<T>`: JSON lines, one value per line (`application/jsonl`).
    case jsonLines

    /// The generic type's name in the docs.
    public var spelling: String {
        switch self {
        case .serverSentEvents: return "EventStream"
        case .jsonLines: return "JsonLStream"
        }
    }
}

/// Identifies a model in its `TypeGraph`: the index of its doc in path order.
public struct ModelID: Hashable, Comparable, Sendable {
    public let index: Int

    public static func < (lhs: ModelID, rhs: ModelID) -> Bool { lhs.index < rhs.index }
}
