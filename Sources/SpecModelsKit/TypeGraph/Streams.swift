/// Where streams stand in the graph.
///
/// A stream (`EventStream<T>`, `JsonLStream<T>`) is a response body, not one JSON value. As a
/// union member it is an answer the operation may give instead of JSON (the union keeps it; its
/// enum has no case for it). As a field's type (an operation's response wrapper) the field is
/// not part of any JSON: it moves out of the object's shape into `ModelNode.streamFields`. A
/// union whose members are all streams is a stream too: a field of that type moves out the same
/// way, and anywhere else (a union member, an array element) it is an error, since its enum has
/// no case and code holding one could never run.
enum Streams {
    /// The unions whose members are all streams, given every model's shape in graph order.
    static func streamOnlyUnions(_ shapes: [ModelNode.Shape]) -> Set<ModelID> {
        var found = Set<ModelID>()
        for (index, shape) in shapes.enumerated() {
            guard case .union(let members) = shape, !members.isEmpty,
                  members.allSatisfy({ if case .stream = $0.type { true } else { false } })
            else { continue }
            found.insert(ModelID(index: index))
        }
        return found
    }

    /// The shape without its stream fields, and those apart.
    static func splitStreamFields(
        _ shape: ModelNode.Shape, streamOnlyUnions: Set<ModelID>
    ) -> (shape: ModelNode.Shape, streamFields: [Property]) {
        guard case .object(let properties) = shape else { return (shape, []) }
        func isStream(_ property: Property) -> Bool {
            switch property.type {
            case .stream: return true
            case .model(let id): return streamOnlyUnions.contains(id)
            default: return false
            }
        }
        guard properties.contains(where: isStream) else { return (shape, []) }
        return (.object(properties.filter { !isStream($0) }), properties.filter(isStream))
    }

    /// Reports unions of streams alone where they are part of another type.
    static func reportMisplacedStreamOnlyUnions(in graph: TypeGraph, diagnostics: inout Diagnostics) {
        let streamOnly = streamOnlyUnions(graph.models.map(\.shape))
        guard !streamOnly.isEmpty else { return }
        func streamOnlyTarget(of type: TypeExpression) -> ModelID? {
            var found: ModelID?
            type.forEach { part in
                if found == nil, case .model(let id) = part, streamOnly.contains(id) { found = id }
            }
            return found
        }
        func report(_ target: ModelID, at location: SourceLocation) {
            diagnostics.error(
                "`\(graph[target].qualifiedName)` lists only streams, so it is a stream, a whole response body, not part of a type: name it by itself as a field's type or as an operation's response",
                at: location)
        }
        for model in graph.models {
            switch model.shape {
            case .object(let properties):
                for property in properties {
                    if let target = streamOnlyTarget(of: property.type) { report(target, at: property.location) }
                }
            case .union(let members):
                for member in members {
                    if let target = streamOnlyTarget(of: member.type) { report(target, at: member.location) }
                }
            case .enumeration:
                break
            }
        }
    }
}
