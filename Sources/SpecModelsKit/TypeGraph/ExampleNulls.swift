/// Required fields that the docs' examples show as `null`. The docs spell a required
/// `string | null` as `*string*` ✔, so an example is the only place the null shows: in the
/// model's own Example Usage, or inside another model's, where the example's nested objects
/// are followed through the fields' types (objects, arrays and maps; a union's member is
/// not guessed).
enum ExampleNulls {
    /// Sets `isNullableInDocs` (and `isNullable`) on every such field of the graph.
    static func mark(in graph: inout TypeGraph) {
        // Examples name enum members (`status: ServiceStatus.Online`) beside their nulls.
        let enumMembers = TypeScriptExample.EnumMembers(graph)
        // Most examples hold no `null`: those are not parsed at all. The others are parsed on
        // every core; the walk through the types is serial, in the graph's order.
        var withNulls: [(model: ModelID, code: String, namespace: String)] = []
        for model in graph.models {
            guard case .object = model.shape else { continue }
            for example in model.examples where example.code.containsBytes(of: "null") {
                withNulls.append((model.id, example.code, model.namespace))
            }
        }
        let values = withNulls.concurrentMap { example in
            try? TypeScriptExample.parseValue(example.code, enumMembers: enumMembers, namespace: example.namespace)
        }
        for (id, positions) in nullFields(in: graph, values: zip(withNulls.map(\.model), values)) {
            guard case .object(var properties) = graph.models[id.index].shape else { continue }
            for position in positions {
                properties[position].isNullableInDocs = true
                properties[position].isNullable = true
            }
            graph.models[id.index].shape = .object(properties)
        }
    }

    /// The required fields the examples show as `null`, by model. The walk ends here, so the
    /// graph it holds is no second owner of the models the caller then marks (which would copy them all).
    private static func nullFields(
        in graph: TypeGraph, values: Zip2Sequence<[ModelID], [TypeScriptExample.Value?]>
    ) -> [ModelID: Set<Int>] {
        var walk = Walk(graph: graph)
        for (model, value) in values {
            guard let value else { continue }
            walk.visit(value, as: .model(model))
        }
        return walk.nullFields
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

        /// An object's `undefined` members are absent, as in the example's JSON.
        mutating func visit(_ value: TypeScriptExample.Value, as type: TypeExpression) {
            switch (type, value) {
            case (.model(let id), .object(let members)):
                guard case .object(let properties) = graph[id].shape else { return }
                let byName = fieldPositions(of: id, properties)
                for (key, field) in members {
                    guard let position = byName[key] else { continue }
                    switch field {
                    case .undefined:
                        continue
                    case .null:
                        if properties[position].isRequired { nullFields[id, default: []].insert(position) }
                    default:
                        visit(field, as: properties[position].type)
                    }
                }
            case (.array(let element), .array(let items)):
                for item in items { visit(item, as: element) }
            case (.map(let element), .object(let members)):
                for member in members {
                    if case .undefined = member.value { continue }
                    visit(member.value, as: element)
                }
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
