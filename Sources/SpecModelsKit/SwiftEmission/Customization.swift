/// The lookups through which `specmodels.yml` reaches the translators: field names and
/// types, and extra conformances (wire keys and nullability are on the properties, see
/// `WireSettings`). Everything here was checked against the graph before
/// emission (see `Configuration`), so a lookup that finds nothing means "as derived".
extension TranslationContext {
    func customization(of property: Property, in model: ModelNode) -> EmissionOptions.FieldCustomization? {
        options.fields[model.qualifiedName]?[property.name]
    }

    /// The properties of an object as the translator codes them: a field whose Swift type is
    /// overridden codes as that type itself, so it is handed over as `any` (no wire conversion,
    /// no literal check); its declared type comes from `customization(of:in:)`.
    func codingProperties(of model: ModelNode, _ properties: [Property]) -> [Property] {
        guard let fields = options.fields[model.qualifiedName] else { return properties }
        return properties.map { property in
            guard fields[property.name]?.swiftType != nil else { return property }
            var overridden = property
            overridden.type = .any
            return overridden
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
            if let expression = FlavourVocabulary.typeScript.primitives[spelling] { types[expression] = swiftType }
        }
        return types
    }
}
