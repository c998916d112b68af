/// The intermediate representation over all docs of a spec: every model, with its type
/// expressions parsed and its references resolved, in a deterministic order (by path).
public struct TypeGraph: Sendable {
    public private(set) var models: [ModelNode]

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
    public let shape: Shape
    public let examples: [Example]
    /// The models whose fields or members name this one, in path order.
    public internal(set) var referencedBy: [ModelID] = []

    /// `operations.Name`, as the docs spell it.
    public var qualifiedName: String { namespace.isEmpty ? name : "\(namespace).\(name)" }
}

public struct Property: Sendable {
    /// The JSON key, as the Field column gives it.
    public let name: String
    public let location: SourceLocation
    public let type: TypeExpression
    public let isRequired: Bool
    /// Set for deprecated fields: the spec's explanation, or "".
    public let deprecationMessage: String?
    public let description: RichParagraph
    public let example: String
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
}
