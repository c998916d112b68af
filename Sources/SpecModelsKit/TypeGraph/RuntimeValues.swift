/// Values of the SDK's runtime that are not JSON, such as the `httpMeta` field Speakeasy adds
/// to every operation response: its `HTTPMetadata` holds the fetch API's `Response` and
/// `Request` objects. They are not part of a model's shape (nothing on the wire carries
/// them); the graph keeps them aside so that the generated code can say they were left out.
enum RuntimeValues {
    /// The runtime types Speakeasy's TypeScript docs name without a link (`*Request*`) when
    /// no model doc declares them.
    static let unlinkedNames: Set<String> = ["Request", "Response"]

    /// `[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)`: a link to the
    /// MDN reference of a Web API interface. (`[Date](…)` links to the JavaScript reference.)
    static func isWebAPILink(_ destination: String) -> Bool {
        guard let host = destination.firstRange(of: "://developer.mozilla.org/") else { return false }
        return destination[host.upperBound...].contains("/docs/Web/API/")
    }

    /// Whether a value of this type holds a runtime value anywhere: a runtime type, or a
    /// model whose fields are all runtime values (`HTTPMetadata`), also inside `T[]` and maps.
    static func isRuntime(_ type: TypeExpression, runtimeModels: Set<ModelID>) -> Bool {
        type.contains { part in
            switch part {
            case .runtime: return true
            case .model(let id): return runtimeModels.contains(id)
            default: return false
            }
        }
    }

    /// The objects that hold nothing but runtime values, such as `HTTPMetadata`, given every
    /// model's shape in graph order. An object counts when it has fields and each is a
    /// runtime value or one of these objects.
    static func runtimeModels(_ shapes: [ModelNode.Shape]) -> Set<ModelID> {
        var found: Set<ModelID> = []
        var changed = true
        while changed {
            changed = false
            for (index, shape) in shapes.enumerated() where !found.contains(ModelID(index: index)) {
                guard case .object(let properties) = shape, !properties.isEmpty,
                      properties.allSatisfy({ isRuntime($0.type, runtimeModels: found) })
                else { continue }
                found.insert(ModelID(index: index))
                changed = true
            }
        }
        return found
    }

    /// The shape without its runtime fields or members, and those apart.
    static func split(
        _ shape: ModelNode.Shape, runtimeModels: Set<ModelID>
    ) -> (shape: ModelNode.Shape, fields: [Property], members: [UnionMemberNode]) {
        switch shape {
        case .object(let properties):
            let runtime = properties.filter { isRuntime($0.type, runtimeModels: runtimeModels) }
            guard !runtime.isEmpty else { return (shape, [], []) }
            return (.object(properties.filter { !isRuntime($0.type, runtimeModels: runtimeModels) }), runtime, [])
        case .union(let members):
            let runtime = members.filter { isRuntime($0.type, runtimeModels: runtimeModels) }
            guard !runtime.isEmpty else { return (shape, [], []) }
            return (.union(members.filter { !isRuntime($0.type, runtimeModels: runtimeModels) }), [], runtime)
        case .enumeration:
            return (shape, [], [])
        }
    }
}
