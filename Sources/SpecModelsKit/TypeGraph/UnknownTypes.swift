/// What a Type cell or union member heading that no reader can read becomes: a spelling the
/// docs' language does not have, an unknown bare name, a link to no model doc. Published doc
/// sets use constructs SpecModels may not read yet; this lets a user have every other model.
public enum UnknownTypes: String, Sendable, CaseIterable {
    /// An error at each such cell: nothing is generated (the default).
    case error
    /// `JSONValue` (`TypeExpression.any`), with a warning at each cell. A union member that
    /// cannot be read keeps a case of its own holding the JSON, decoded only when no other
    /// member fits.
    case jsonValue

    /// The note the warning at an unreadable type ends with.
    static let jsonValueNote = "it becomes `JSONValue` (unknownTypes: jsonValue)"

    /// The name of the case of a union member that cannot be read.
    static let memberCaseName = "Unknown"
}

extension SpecDocument {
    /// The doc as an alias of `JSONValue`, when its section could not be read (the reader's
    /// errors, in `diagnostics`) under `unknownTypes: jsonValue`: each error becomes a warning
    /// at its line that says so, and the rest of the spec is generated.
    func unreadableAsJSONValueAlias(diagnostics: inout Diagnostics) -> SpecDocument {
        var warnings = Diagnostics()
        for diagnostic in diagnostics.all {
            guard diagnostic.severity == .error else {
                warnings.append(diagnostic)
                continue
            }
            warnings.warning(
                "\(diagnostic.message); `\(name.excerpt)` becomes an alias of `JSONValue` (unknownTypes: jsonValue)",
                at: diagnostic.location)
        }
        diagnostics = warnings
        var alias = self
        alias.body = .unknown
        alias.isUnreadable = true
        return alias
    }
}

/// A doc whose shape no section gives (a `#` heading alone, perhaps with text) under
/// `unknownTypes: jsonValue`: it is emitted as `typealias Name = JSONValue`, so code that names
/// the type still compiles, and fields of its type hold any JSON.
public struct JSONValueAlias: Sendable {
    public let name: String
    public let namespace: String
    public let relativePath: String
    public let location: SourceLocation
    public let description: [RichParagraph]
    /// Its section is there but could not be read (the warnings say where), rather than missing.
    public let isUnreadable: Bool

    /// `operations.Name`, as the docs spell it.
    public var qualifiedName: String { namespace.isEmpty ? name : "\(namespace).\(name)" }
}
