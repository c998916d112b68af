/// What the generated Swift API of one graph looks like, as far as the diff needs it: type
/// names, property names, enum case names and property types. It asks the emitter's own
/// naming (`SwiftNameTable`, `SwiftNaming`, `SwiftTypeMapping`) and follows the translators'
/// rules for members; `GeneratedAPITests` checks it against emitted source.
struct GeneratedAPI {
    let graph: TypeGraph
    let names: SwiftNameTable
    let mapping: SwiftTypeMapping

    init(_ graph: TypeGraph) {
        self.graph = graph
        self.names = SwiftNameTable(graph)
        self.mapping = SwiftTypeMapping(names: names)
    }

    func typeName(_ id: ModelID) -> String { names[id] }

    /// The Swift type a property is declared with, `?` included (optional or nullable),
    /// `Nullable<T>?` when it is both.
    func declaredType(_ property: Property) -> String {
        let type = mapping.swiftType(property.type)
        if property.isThreeState { return "Nullable<\(type)>?" }
        return type + (property.isRequired && !property.isNullable ? "" : "?")
    }

    /// The Swift property names of an object, in order.
    func propertyNames(_ id: ModelID, _ properties: [Property]) -> [String] {
        MemberNaming.propertyNames(of: properties, typeName: names[id])
    }

    /// The case names of an enum model, in order.
    func caseNames(_ model: ModelNode, _ shape: EnumerationShape) -> [String] {
        MemberNaming.caseNames(of: shape.values, enumName: model.name)
    }

    /// Whether the generated `init` gives this property a default, so that callers may omit it.
    static func hasInitDefault(_ property: Property) -> Bool {
        if !property.isRequired { return true }
        if property.isNullable { return false }
        switch property.type {
        case .stringLiteral, .booleanLiteral, .numberLiteral: return true
        default: return false
        }
    }
}

/// Type expressions written the way the docs write them, for messages.
enum TypeSpelling {
    static func spell(_ type: TypeExpression, in graph: TypeGraph) -> String {
        switch type {
        case .string: return "string"
        case .number: return "number"
        case .integer: return "number (integer)"
        case .boolean: return "boolean"
        case .any: return "any"
        case .dateTime: return "Date"
        case .date: return "RFCDate"
        case .bytes: return "File"
        case .decimal: return "decimal"
        case .stringLiteral(let value): return "\"\(value)\""
        case .booleanLiteral(let value): return value ? "true" : "false"
        case .numberLiteral(let value): return value
        case .null: return "null"
        case .model(let id): return graph[id].qualifiedName
        case .array(let element):
            let inner = spell(element, in: graph)
            if case .oneOf = element { return "(\(inner))[]" }
            return inner + "[]"
        case .map(let value): return "Record<string, \(spell(value, in: graph))>"
        case .oneOf(let members): return members.map { spell($0, in: graph) }.joined(separator: " | ")
        case .stream(let kind, let element): return "\(kind.spelling)<\(spell(element, in: graph))>"
        case .runtime(let name): return name
        }
    }

    /// The coarse kind of a type, to say what kind of type change happened.
    static func kind(_ type: TypeExpression, in graph: TypeGraph) -> String {
        switch type {
        case .array: return "array"
        case .map: return "map"
        case .oneOf: return "inline union"
        case .stream: return "stream"
        case .model(let id):
            switch graph[id].shape {
            case .object: return "model"
            case .enumeration: return "enum"
            case .union: return "union"
            }
        default: return "scalar"
        }
    }

    static func kind(of shape: ModelNode.Shape) -> String {
        switch shape {
        case .object: return "object"
        case .enumeration: return "enum"
        case .union: return "union"
        }
    }

    static func literal(_ literal: EnumValue.Literal) -> String {
        switch literal {
        case .string(let value): return "\"\(value)\""
        case .integer(let value): return String(value)
        case .number(let value): return value
        }
    }

    /// The value as an ignore-file path segment: strings without quotes.
    static func pathSegment(_ literal: EnumValue.Literal) -> String {
        switch literal {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return value
        }
    }
}
