import Foundation

/// Required fields that the docs' examples show as `null`. The docs spell a required
/// `string | null` as `*string*` ✔, so an example is the only place the null shows: in the
/// model's own Example Usage, or inside another model's, where the example's nested objects
/// are followed through the fields' types (objects, arrays and maps; a union's member is
/// not guessed).
enum ExampleNulls {
    /// Sets `isNullableInDocs` (and `isNullable`) on every such field of the graph.
    static func mark(in graph: inout TypeGraph) {
        var walk = Walk(graph: graph)
        // Examples name enum members (`status: ServiceStatus.Online`) beside their nulls.
        let enumMembers = TypeScriptExample.EnumMembers(graph)
        for model in graph.models {
            guard case .object = model.shape else { continue }
            // Most examples hold no `null`: those are not parsed at all.
            for example in model.examples where example.code.containsBytes(of: "null") {
                guard let converted = try? TypeScriptExample.parse(example.code, enumMembers: enumMembers, namespace: model.namespace),
                      let value = try? JSONSerialization.jsonObject(with: converted.json, options: [.fragmentsAllowed]) else { continue }
                walk.visit(value, as: .model(model.id))
            }
        }
        for (id, positions) in walk.nullFields {
            guard case .object(var properties) = graph.models[id.index].shape else { continue }
            for position in positions {
                properties[position].isNullableInDocs = true
                properties[position].isNullable = true
            }
            graph.models[id.index].shape = .object(properties)
        }
    }

    /// Follows one example's JSON through the types it is an instance of.
    private struct Walk {
        let graph: TypeGraph
        /// Per model, the positions of the required fields seen as `null`.
        private(set) var nullFields: [ModelID: Set<Int>] = [:]
        /// Per object model, its fields' positions by documented name, made when first needed.
        private var positions: [ModelID: [String: Int]] = [:]

        init(graph: TypeGraph) {
            self.graph = graph
        }

        mutating func visit(_ value: Any, as type: TypeExpression) {
            switch type {
            case .model(let id):
                guard case .object(let properties) = graph[id].shape, let object = value as? [String: Any] else { return }
                let byName = fieldPositions(of: id, properties)
                for (key, field) in object {
                    guard let position = byName[key] else { continue }
                    if field is NSNull {
                        if properties[position].isRequired { nullFields[id, default: []].insert(position) }
                    } else {
                        visit(field, as: properties[position].type)
                    }
                }
            case .array(let element):
                for item in value as? [Any] ?? [] { visit(item, as: element) }
            case .map(let element):
                for item in (value as? [String: Any] ?? [:]).values { visit(item, as: element) }
            default:
                return
            }
        }

        private mutating func fieldPositions(of id: ModelID, _ properties: [Property]) -> [String: Int] {
            if let known = positions[id] { return known }
            var byName: [String: Int] = [:]
            for (position, property) in properties.enumerated() { byName[property.name] = position }
            positions[id] = byName
            return byName
        }
    }
}
