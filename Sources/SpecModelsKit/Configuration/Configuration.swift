/// The contents of a `specmodels.yml`, as written: every name and value keeps its place in
/// the file, so that checking it against the spec (`resolve(against:base:diagnostics:)`) can
/// point at the line to fix. Reading the YAML is the job of the `SpecModelsConfiguration`
/// module; this type and its checks need no YAML library.
public struct Configuration: Sendable, Equatable {
    /// The file name looked for beside the spec folder.
    public static let fileName = "specmodels.yml"

    /// A value and where the file gives it.
    public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var location: SourceLocation?

        public init(_ value: Value, at location: SourceLocation?) {
            self.value = value
            self.location = location
        }
    }

    /// One `key: value` line of `typeOverrides`, `nameOverrides` or `keyOverrides`.
    public struct Override: Sendable, Equatable {
        public var key: Located<String>
        public var value: Located<String>

        public init(key: Located<String>, value: Located<String>) {
            self.key = key
            self.value = value
        }
    }

    /// One `Protocol: [Type, …]` or `Protocol: "*"` line of `conformances`.
    public struct Conformance: Sendable, Equatable {
        public enum Types: Sendable, Equatable {
            /// `"*"`: every generated type that can conform (for `Identifiable`, those with an `id` field).
            case all(SourceLocation?)
            case listed([Located<String>])
        }

        public var protocolName: Located<String>
        public var types: Types

        public init(protocolName: Located<String>, types: Types) {
            self.protocolName = protocolName
            self.types = types
        }
    }

    public var accessModifier: Located<EmissionOptions.AccessModifier>?
    /// `integerType`: `Int` (the default) or `Int64`.
    public var integerType: Located<EmissionOptions.IntegerType>?
    /// `missingTypes`: what a reference to a doc the spec does not have becomes.
    public var missingTypes: Located<MissingTypes>?
    /// `unknownTypes`: what a Type cell or member heading that cannot be read becomes.
    public var unknownTypes: Located<UnknownTypes>?
    /// `flavour`: the SDK language of the docs; `nil` recognises it from the docs.
    public var flavour: Located<SpecFlavour>?
    /// `namespaces.include`: only these namespaces; `nil` means all.
    public var includedNamespaces: [Located<String>]?
    /// Where `namespaces.include` is written, for errors about namespaces it leaves out.
    public var includeLocation: SourceLocation?
    /// `namespaces.exclude`.
    public var excludedNamespaces: [Located<String>]
    /// `namespaces.roots`: when given, only these types and the types they reach.
    public var roots: [Located<String>]
    public var typeOverrides: [Override]
    public var nameOverrides: [Override]
    public var keyOverrides: [Override]
    /// `wireKeys`: the style of the JSON keys (see `WireKeyStyle`); `nil` means `documented`.
    public var wireKeys: Located<WireKeyStyle>?
    /// `nullable`: fields (`Type.field`) whose value may be `null`; optional ones become
    /// three-state (absent, `null` or a value).
    public var nullable: [Located<String>]
    public var conformances: [Conformance]

    public init(
        accessModifier: Located<EmissionOptions.AccessModifier>? = nil,
        integerType: Located<EmissionOptions.IntegerType>? = nil,
        missingTypes: Located<MissingTypes>? = nil,
        unknownTypes: Located<UnknownTypes>? = nil,
        includedNamespaces: [Located<String>]? = nil,
        includeLocation: SourceLocation? = nil,
        excludedNamespaces: [Located<String>] = [],
        roots: [Located<String>] = [],
        typeOverrides: [Override] = [],
        nameOverrides: [Override] = [],
        keyOverrides: [Override] = [],
        wireKeys: Located<WireKeyStyle>? = nil,
        nullable: [Located<String>] = [],
        conformances: [Conformance] = []
    ) {
        self.accessModifier = accessModifier
        self.integerType = integerType
        self.missingTypes = missingTypes
        self.unknownTypes = unknownTypes
        self.includedNamespaces = includedNamespaces
        self.includeLocation = includeLocation
        self.excludedNamespaces = excludedNamespaces
        self.roots = roots
        self.typeOverrides = typeOverrides
        self.nameOverrides = nameOverrides
        self.keyOverrides = keyOverrides
        self.wireKeys = wireKeys
        self.nullable = nullable
        self.conformances = conformances
    }

    /// The configuration file that belongs to a spec folder: `specmodels.yml` in the folder
    /// that holds it (`Sources/App/specmodels.yml` for `Sources/App/spec`).
    public static func defaultPath(forSpecDirectory specDirectory: String) -> String {
        var trimmed = Substring(specDirectory)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else {
            return trimmed == "." || trimmed == ".." ? "\(trimmed)/../\(fileName)" : fileName
        }
        let parent = trimmed[..<slash]
        if trimmed[trimmed.index(after: slash)...] == "." || trimmed[trimmed.index(after: slash)...] == ".." {
            return "\(trimmed)/../\(fileName)"
        }
        return parent.isEmpty ? "/\(fileName)" : "\(parent)/\(fileName)"
    }
}
