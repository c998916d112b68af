/// What the wire says that the docs do not: the style of the JSON keys, single fields' keys,
/// and required fields whose value may be `null` — `wireKeys`, `keyOverrides` and `nullable`
/// in `specmodels.yml` (written by hand or by `specmodels learn-keys`), already checked
/// against the graph (see `Configuration.resolve`).
///
/// Models are named by their qualified name (`operations.Name`), fields by their documented
/// name. `wireKey(of:in:)` and `isNullable(_:in:)` are the one rule for a field's key and
/// nullability: the emitter, `diff` and `learn-keys` all see fields through
/// `TypeGraph.applying(_:)`, which asks them.
public struct WireSettings: Sendable, Equatable {
    /// The rule for every key no `keyOverrides` entry sets.
    public var keyStyle: WireKeyStyle
    /// `keyOverrides`: per model, per field, its key.
    public var keys: [String: [String: String]]
    /// `nullable`: per model, the required fields whose value may be `null`.
    public var nullable: [String: Set<String>]

    public init(keyStyle: WireKeyStyle = .documented, keys: [String: [String: String]] = [:], nullable: [String: Set<String>] = [:]) {
        self.keyStyle = keyStyle
        self.keys = keys
        self.nullable = nullable
    }

    /// The JSON key of a field: its `keyOverrides` entry, else the style's key for its documented name.
    public func wireKey(of property: Property, in model: ModelNode) -> String {
        keys[model.qualifiedName]?[property.name] ?? keyStyle.key(for: property.name)
    }

    /// Whether a field is required but may be `null`: the doc shows `null` for it, or `nullable` lists it.
    public func isNullable(_ property: Property, in model: ModelNode) -> Bool {
        property.isRequired && (property.isNullableInDocs || nullable[model.qualifiedName]?.contains(property.name) == true)
    }
}

extension TypeGraph {
    /// The graph with every property's `wireKey` and `isNullable` settled by `settings`.
    /// A graph as built is settled by its language's default key style and the docs' nulls.
    public func applying(_ settings: WireSettings) -> TypeGraph {
        guard settings != wireSettings else { return self }
        var graph = self
        graph.wireSettings = settings
        for index in graph.models.indices {
            let model = graph.models[index]
            guard case .object(var properties) = model.shape else { continue }
            for position in properties.indices {
                properties[position].wireKey = settings.wireKey(of: properties[position], in: model)
                properties[position].isNullable = settings.isNullable(properties[position], in: model)
            }
            graph.models[index].shape = .object(properties)
        }
        return graph
    }
}
