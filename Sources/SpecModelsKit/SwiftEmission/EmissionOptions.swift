/// Choices that shape the generated Swift, from `specmodels.yml` or the command line.
public struct EmissionOptions: Sendable, Equatable {
    public enum AccessModifier: String, Sendable, CaseIterable {
        case `public`
        case `package`
        case `internal`
    }

    public var accessModifier: AccessModifier

    /// The Swift type of the docs' integers (`integerType` in `specmodels.yml`).
    public enum IntegerType: String, Sendable, CaseIterable {
        /// `Int`, the default: 64 bits on most platforms, but 32 on watchOS `arm64_32` and `wasm32`.
        case int = "Int"
        /// `Int64` on every platform: integer fields, union members and integer enums' raw values.
        case int64 = "Int64"
    }

    public var integerType: IntegerType

    // The options below come from `specmodels.yml` (see `Configuration`), already checked
    // against the graph. Models are named by their qualified name (`operations.Name`) and
    // fields by their JSON key as the docs give it.

    /// The models to emit; `nil` emits every model.
    public var emittedModels: Set<String>?
    /// Swift types for the spellings `string`, `number`, `boolean` and `any`, wherever they occur.
    public var spellingTypes: [String: String]
    /// Swift names for models, replacing the names derived from their headings.
    public var typeNames: [String: String]
    /// Per model, per field: a Swift name or a Swift type other than the derived ones.
    public var fields: [String: [String: FieldCustomization]]
    /// The JSON keys and the nullable fields.
    public var wire: WireSettings
    /// Per model: protocols added after `Codable, Hashable, Sendable`.
    public var conformances: [String: [String]]

    public struct FieldCustomization: Sendable, Equatable {
        public var swiftName: String?
        public var swiftType: String?

        public init(swiftName: String? = nil, swiftType: String? = nil) {
            self.swiftName = swiftName
            self.swiftType = swiftType
        }
    }

    public init(
        accessModifier: AccessModifier = .public,
        integerType: IntegerType = .int,
        emittedModels: Set<String>? = nil,
        spellingTypes: [String: String] = [:],
        typeNames: [String: String] = [:],
        fields: [String: [String: FieldCustomization]] = [:],
        wire: WireSettings = WireSettings(),
        conformances: [String: [String]] = [:]
    ) {
        self.accessModifier = accessModifier
        self.integerType = integerType
        self.emittedModels = emittedModels
        self.spellingTypes = spellingTypes
        self.typeNames = typeNames
        self.fields = fields
        self.wire = wire
        self.conformances = conformances
    }

    /// The keyword to put before a declaration: "public ", "package " or "" for internal.
    var accessPrefix: String {
        accessModifier == .internal ? "" : "\(accessModifier.rawValue) "
    }

    func emits(_ model: ModelNode) -> Bool {
        emits(qualifiedName: model.qualifiedName)
    }

    func emits(qualifiedName: String) -> Bool {
        emittedModels?.contains(qualifiedName) ?? true
    }
}

extension EmissionOptions {
    /// These options with the graph's key style (its docs' language's default) when they
    /// set no wire settings of their own.
    func withWireDefaults(of graph: TypeGraph) -> EmissionOptions {
        var options = self
        if options.wire == WireSettings() { options.wire = graph.wireSettings }
        return options
    }
}
