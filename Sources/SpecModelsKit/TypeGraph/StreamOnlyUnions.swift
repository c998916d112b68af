/// Reports references to unions whose members are all streams.
///
/// Such a union is a response body that is never one JSON value (its Swift enum has no case),
/// so it is a stream itself: like `EventStream<T>`, it cannot be a field's type or a member of
/// another type, where the generated code would hold or decode a value that cannot exist.
enum StreamOnlyUnions {
    static func isStreamOnly(_ shape: ModelNode.Shape) -> Bool {
        guard case .union(let members) = shape, !members.isEmpty else { return false }
        return members.allSatisfy { if case .stream = $0.type { true } else { false } }
    }

    static func report(in graph: TypeGraph, diagnostics: inout Diagnostics) {
        let streamOnly = Set(graph.models.filter { isStreamOnly($0.shape) }.map(\.id))
        guard !streamOnly.isEmpty else { return }
        func streamOnlyTarget(of type: TypeExpression) -> ModelID? {
            var found: ModelID?
            type.forEach { part in
                if found == nil, case .model(let id) = part, streamOnly.contains(id) { found = id }
            }
            return found
        }
        func message(_ target: ModelID, _ place: String) -> String {
            "`\(graph[target].qualifiedName)` lists only streams, so it is a stream, not a JSON value, and cannot be \(place); an operation that answers with it names it as its response"
        }
        for model in graph.models {
            switch model.shape {
            case .object(let properties):
                for property in properties {
                    if let target = streamOnlyTarget(of: property.type) {
                        diagnostics.error(message(target, "a field's type"), at: property.location)
                    }
                }
            case .union(let members):
                for member in members {
                    if let target = streamOnlyTarget(of: member.type) {
                        diagnostics.error(message(target, "a union member or a stream's element"), at: member.location)
                    }
                }
            case .enumeration:
                break
            }
        }
    }
}
