/// What the wire says that the docs do not: the style of the JSON keys, single fields' keys,
/// and fields whose value may be `null` — `wireKeys`, `keyOverrides` and `nullable`
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
    /// `nullable`: per model, the fields whose value may be `null` (required ones, and optional
    /// ones that are then three-state: absent, `null` or a value).
    public var nullable: [String: Set<String>]

    public init(keyStyle: WireKeyStyle = .documented, keys: [String: [String: String]] = [:], nullable: [String: Set<String>] = [:]) {
        self.keyStyle = keyStyle
        self.keys = keys
        self.nullable = nullable
    }

    /// The JSON key of a field: its `keyOverrides` entry, else the style's key for its documented name.
    public func wireKey(of property: Property, in model: ModelNode) -> String {
        rules(for: model).wireKey(of: property)
    }

    /// Whether a field's value may be `null`: the docs say so (a required field's example shows
    /// `null`, or a flavour spells the type nullable), or `nullable` lists it. A required one is
    /// `T?` with its key required; an optional one is three-state (`Property.isThreeState`).
    /// The additional properties are never nullable: they have no key of their own.
    public func isNullable(_ property: Property, in model: ModelNode) -> Bool {
        rules(for: model).isNullable(property)
    }

    /// The settings for the fields of one model, looked up once for all of them.
    func rules(for model: ModelNode) -> ModelRules {
        let name = keys.isEmpty && nullable.isEmpty ? nil : model.qualifiedName
        return ModelRules(keyStyle: keyStyle, keys: name.flatMap { keys[$0] }, nullable: name.flatMap { nullable[$0] })
    }

    /// `wireKey(of:in:)` and `isNullable(_:in:)` for the fields of one model.
    struct ModelRules {
        let keyStyle: WireKeyStyle
        let keys: [String: String]?
        let nullable: Set<String>?

        func wireKey(of property: Property) -> String {
            keys?[property.name] ?? keyStyle.key(for: property.name)
        }

        func isNullable(_ property: Property) -> Bool {
            guard !KeySpelling.gathersAdditionalProperties(property) else { return false }
            return property.isNullableInDocs || nullable?.contains(property.name) == true
        }
    }
}

extension TypeGraph {
    /// The graph with every property's `wireKey` and `isNullable` settled by `settings`.
    /// A graph as built is settled by its language's default key style and the docs' nulls.
    public func applying(_ settings: WireSettings) -> TypeGraph {
        guard settings != wireSettings else { return self }
        var graph = self
        graph.wireSettings = settings
        // Each model on its own, on every core: a key style's keys cost a few thousand
        // instructions a field (Go's camelCase keys of Kong's 25,000 fields were 2% of a run).
        graph.models = models.concurrentMap { model in
            var model = model
            model.settle(by: settings)
            return model
        }
        return graph
    }
}

extension ModelNode {
    /// Settles the properties' `wireKey` and `isNullable` by `settings` (see `TypeGraph.applying(_:)`).
    mutating func settle(by settings: WireSettings) {
        guard case .object(var properties) = shape else { return }
        let rules = settings.rules(for: self)
        for position in properties.indices {
            properties[position].wireKey = rules.wireKey(of: properties[position])
            properties[position].isNullable = rules.isNullable(properties[position])
        }
        shape = .object(properties)
    }
}

extension Property {
    /// Optional and nullable: the key may be absent, or present with `null` or a value, and a
    /// request may need each (a PATCH body clears a field with `null`, leaves it alone by
    /// leaving its key out). Java's `JsonNullable<T>`, Python's `OptionalNullable[T]`; in
    /// Swift `Nullable<T>?`.
    /// The additional properties never are: they have no key of their own.
    public var isThreeState: Bool { !isRequired && isNullable && !KeySpelling.gathersAdditionalProperties(self) }
}
