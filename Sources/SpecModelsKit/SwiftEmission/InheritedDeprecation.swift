extension TranslationContext {
    /// The fields, each whose type names a deprecated model deprecated too, with that model's
    /// message, unless the spec deprecates the field itself.
    ///
    /// Speakeasy deprecates a schema (`# ~~Order~~`) without striking through the fields that
    /// use it. The type's `@available(*, deprecated)` would then warn inside the model's own
    /// declaration, initializer and coding, where no user wrote anything; a deprecated field
    /// takes the paths `ObjectTranslator` has for deprecated fields of deprecated types, so the
    /// warning comes only where a user's code reads or sets the field. (A union's case of such a
    /// type is deprecated likewise, in `UnionTranslator`.)
    func inheritingDeprecation(_ properties: [Property]) -> [Property] {
        properties.map { property in
            guard property.deprecationMessage == nil, let message = deprecatedModelMessage(in: property.type) else {
                return property
            }
            var deprecated = property
            deprecated.deprecationMessage = message
            return deprecated
        }
    }

    /// The deprecation message of the first deprecated model the expression names.
    func deprecatedModelMessage(in type: TypeExpression) -> String? {
        var message: String?
        type.forEach { type in
            if message == nil, case .model(let id) = type, let deprecation = graph[id].deprecation {
                message = deprecation.message
            }
        }
        return message
    }
}
