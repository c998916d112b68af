/// Whether an old and a new type expression read and write the same JSON, looking through
/// model names: Speakeasy emits one copy of a schema per operation (`BasicAuth`,
/// `UpdateConnectionBasicAuth`), and pointing a field at another copy changes the Swift
/// type but not the wire.
///
/// Objects match when they have the same wire keys, each equally required and nullable and of an equivalent
/// type (order does not matter on the wire); enums when they have the same values; unions
/// when their members match in order (decoding picks the first best fit). Cycles are
/// assumed equivalent while they are being compared, so recursion ends.
struct WireEquivalence {
    let old: TypeGraph
    let new: TypeGraph
    private var known: [Pair: Bool] = [:]

    private struct Pair: Hashable {
        var old: Int
        var new: Int
    }

    init(old: TypeGraph, new: TypeGraph) {
        self.old = old
        self.new = new
    }

    mutating func equivalent(_ lhs: TypeExpression, _ rhs: TypeExpression) -> Bool {
        switch (lhs, rhs) {
        case let (.model(a), .model(b)):
            return equivalent(models: a, b)
        case let (.array(a), .array(b)), let (.map(a), .map(b)):
            return equivalent(a, b)
        case let (.oneOf(a), .oneOf(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !equivalent(x, y) { return false }
            return true
        case let (.stream(kindA, a), .stream(kindB, b)):
            return kindA == kindB && equivalent(a, b)
        case (.model, _), (_, .model), (.array, _), (.map, _), (.oneOf, _), (.stream, _):
            return false
        default:
            // Scalars and literals name no model, so they compare as they are.
            return lhs == rhs
        }
    }

    private mutating func equivalent(models a: ModelID, _ b: ModelID) -> Bool {
        let pair = Pair(old: a.index, new: b.index)
        if let result = known[pair] { return result }
        known[pair] = true
        let result: Bool
        switch (old[a].shape, new[b].shape) {
        case let (.object(before), .object(after)):
            result = equivalent(fields: before, after)
        case let (.enumeration(before), .enumeration(after)):
            result = before.rawType == after.rawType
                && Set(before.values.map(\.value)) == Set(after.values.map(\.value))
        case let (.union(before), .union(after)):
            result = before.count == after.count
                && zip(before, after).allSatisfy { equivalent($0.type, $1.type) }
        default:
            result = false
        }
        known[pair] = result
        return result
    }

    private mutating func equivalent(fields before: [Property], _ after: [Property]) -> Bool {
        guard before.count == after.count else { return false }
        var byKey: [String: Property] = [:]
        for property in after { byKey[property.wireKey] = property }
        for property in before {
            guard let other = byKey[property.wireKey], other.isRequired == property.isRequired,
                  other.isNullable == property.isNullable,
                  equivalent(property.type, other.type)
            else { return false }
        }
        return true
    }
}
