/// Choices that shape the generated Swift, from `specmodels.yml` or the command line.
public struct EmissionOptions: Sendable, Equatable {
    public enum AccessModifier: String, Sendable, CaseIterable {
        case `public`
        case `package`
        case `internal`
    }

    public var accessModifier: AccessModifier

    public init(accessModifier: AccessModifier = .public) {
        self.accessModifier = accessModifier
    }

    /// The keyword to put before a declaration: "public ", "package " or "" for internal.
    var accessPrefix: String {
        accessModifier == .internal ? "" : "\(accessModifier.rawValue) "
    }
}
