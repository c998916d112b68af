/// The intermediate representation over all docs of a spec: every model, with its type
/// expressions parsed and its references resolved, in a deterministic order (by path).
public struct TypeGraph: Sendable {
    public internal(set) var models: [ModelNode]
    /// The settings that `wireKey` and `isNullable` of the properties follow (see `applying(_:)`).
    public internal(set) var wireSettings = WireSettings()
    /// The SDK language of the docs the graph was read from.
    public internal(set) var flavour = SpecFlavour.typeScript
    /// The docs without a shape that are emitted as `JSONValue` aliases (`unknownTypes: jsonValue`).
    public internal(set) var jsonValueAliases: [JSONValueAlias] = []

    init(models: [ModelNode]) {
        self.models = models
    }

    public subscript(id: ModelID) -> ModelNode { models[id.index] }

    public var ids: [ModelID] { models.indices.map { ModelID(index: $0) } }

    mutating func setReferrers(_ referrers: [Set<ModelID>]) {
        for index in models.indices {
            models[index].referencedBy = referrers[index].sorted()
        }
    }
}

public struct ModelNode: Sendable {
    public enum Shape: Sendable {
        case object([Property])
        case enumeration(EnumerationShape)
        case union([UnionMemberNode])
    }

    public let id: ModelID
    /// The name from the `#` heading.
    public let name: String
    public let namespace: String
    public let relativePath: String
    public let displayPath: String
    public let location: SourceLocation
    public let description: [RichParagraph]
    public let deprecation: Deprecation?
    public internal(set) var shape: Shape
    public let examples: [Example]
    /// Fields whose values belong to the SDK's runtime rather than JSON (`httpMeta`), left
    /// out of `shape`; see `RuntimeValues`.
    public let runtimeFields: [Property]
    /// Union members of such types, left out of `shape` likewise.
    public let runtimeMembers: [UnionMemberNode]
    /// The models whose fields or members name this one, in path order.
    public internal(set) var referencedBy: [ModelID] = []
    /// Fields whose value is a stream (`EventStream<T>`, or a union of streams alone): a
    /// response body, not part of a JSON value, so they are not in `shape`.
    public internal(set) var streamFields: [Property] = []

    /// `operations.Name`, as the docs spell it.
    public var qualifiedName: String { namespace.isEmpty ? name : "\(namespace).\(name)" }
}

public struct Property: Sendable {
    /// The documented name, as the Field column gives it; `specmodels.yml` names the field
    /// by it (`Type.field`), and the Swift name is made from it.
    public let name: String
    public let location: SourceLocation
    public internal(set) var type: TypeExpression
    public let isRequired: Bool
    /// Set for deprecated fields: the spec's explanation, or "".
    public internal(set) var deprecationMessage: String?
    public let description: RichParagraph
    public let example: String
    /// The docs say the field may be `null`: an example shows `null` for this required field
    /// (see `ExampleNulls`), or the Type cell spells it nullable (`JsonNullable<T>`,
    /// `OptionalNullable[T]`: optional and nullable, see `isThreeState`).
    public internal(set) var isNullableInDocs: Bool
    /// The JSON key the field is coded under. The documented name until
    /// `TypeGraph.applying(_:)` settles it from `WireSettings`.
    public internal(set) var wireKey: String
    /// The value may be `null`: for a required field, the key must be present but its value
    /// may be `null`; for an optional one, see `isThreeState`. The docs' own evidence
    /// (`isNullableInDocs`) until `TypeGraph.applying(_:)` adds `nullable:`.
    public internal(set) var isNullable: Bool
    /// The field gathers the object's keys no other field has (OpenAPI's
    /// `additionalProperties`, which each SDK language names its own way): set by the reader
    /// of the docs' language for a map-typed field of that name.
    public internal(set) var gathersAdditionalProperties = false

    init(
        name: String, location: SourceLocation, type: TypeExpression, isRequired: Bool,
        deprecationMessage: String?, description: RichParagraph, example: String
    ) {
        self.name = name
        self.location = location
        self.type = type
        self.isRequired = isRequired
        self.deprecationMessage = deprecationMessage
        self.description = description
        self.example = example
        self.isNullableInDocs = false
        self.wireKey = name
        self.isNullable = self.isNullableInDocs
    }
}

public struct EnumerationShape: Sendable {
    public enum RawType: Sendable, Equatable {
        case string
        case integer
        case number
    }

    public let rawType: RawType
    public let values: [EnumValue]
}

public struct UnionMemberNode: Sendable {
    public let type: TypeExpression
    /// The member heading as written (`operations.Log[]`).
    public let spelling: String
    public let location: SourceLocation
    /// The name of the type the member names when the spec has no doc for it (`models.Suspend`),
    /// with `missingTypes: jsonValue`; its `type` holds `.any` there.
    public var missingType: String? = nil
    /// Whether the heading could not be read at all (`unknownTypes: jsonValue`); `missingType`
    /// then names its case.
    public var isUnreadable = false
}
