/// The lookups through which `specmodels.yml` reaches the translators: field names, types
/// and keys, and extra conformances. Everything here was checked against the graph before
/// emission (see `Configuration`), so a lookup that finds nothing means "as derived".
extension TranslationContext {
    func customization(of property: Property, in model: ModelNode) -> EmissionOptions.FieldCustomization? {
        options.fields[model.qualifiedName]?[property.name]
    }

    /// The JSON key of a field: the documented name unless `keyOverrides` gives another.
    func wireKey(of property: Property, in model: ModelNode) -> String {
        customization(of: property, in: model)?.wireKey ?? property.name
    }

    /// The properties of an object as the translator codes them: a field whose Swift type is
    /// overridden codes as that type itself, so it is handed over as `any` (no wire conversion,
    /// no literal check); its declared type comes from `customization(of:in:)`.
    func codingProperties(of model: ModelNode, _ properties: [Property]) -> [Property] {
        guard let fields = options.fields[model.qualifiedName] else { return properties }
        return properties.map { property in
            guard fields[property.name]?.swiftType != nil else { return property }
            return Property(
                name: property.name, location: property.location, type: .any, isRequired: property.isRequired,
                deprecationMessage: property.deprecationMessage, description: property.description,
                example: property.example)
        }
    }

    /// `, Identifiable` and the like, for the declaration line.
    func extraConformances(of model: ModelNode) -> String {
        options.conformances[model.qualifiedName].map { $0.map { ", \($0)" }.joined() } ?? ""
    }

    /// `spellingTypes` keyed by the expressions they replace.
    static func spellingTypes(_ options: EmissionOptions) -> [TypeExpression: String] {
        var types: [TypeExpression: String] = [:]
        for (spelling, swiftType) in options.spellingTypes {
            if let expression = TypeExpressionParser.primitives[spelling] { types[expression] = swiftType }
        }
        return types
    }
}
