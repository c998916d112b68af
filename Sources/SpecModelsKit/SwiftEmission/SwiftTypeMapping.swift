/// Maps type expressions to Swift types, and says how values cross the wire.
///
/// Timestamps are decoded through `RFC3339Timestamp` rather than `Date`'s own `Codable`,
/// so that a plain `JSONDecoder()` reads them whatever its `dateDecodingStrategy`. Such
/// types have a *wire type* (the `Date`s replaced) and conversions in both directions.
struct SwiftTypeMapping {
    let names: SwiftNameTable
    /// From `typeOverrides`: `number` → `Int`, say. Only expressions that code as themselves.
    var spellingTypes: [TypeExpression: String] = [:]
    /// The Swift type of integers: `Int`, or `Int64` by `integerType`.
    var integerType = EmissionOptions.IntegerType.int.rawValue

    func swiftType(_ type: TypeExpression) -> String {
        if let overridden = spellingTypes[type] { return overridden }
        switch type {
        case .string, .stringLiteral: return "String"
        case .number, .numberLiteral: return "Double"
        case .integer: return integerType
        case .boolean, .booleanLiteral: return "Bool"
        case .any, .null: return "JSONValue"
        case .dateTime: return "Date"
        case .date: return "DateOnly"
        case .bytes: return "Data"
        case .decimal: return "Decimal"
        case .model(let id): return names[id]
        case .array(let element): return "[\(swiftType(element))]"
        case .map(let value): return "[String: \(swiftType(value))]"
        case .oneOf: return "JSONValue"
        // A stream is no stored value (a union has no case for it): its elements' type,
        // which the union's doc comment names.
        case .stream(_, let element): return swiftType(element)
        // Never declared: fields and members of runtime types are not part of a model's shape.
        case .runtime(let name): return name
        }
    }

    /// Whether a value of this type is coded through a wire type.
    func needsWireConversion(_ type: TypeExpression) -> Bool {
        switch type {
        case .dateTime: return true
        case .array(let element), .map(let element): return needsWireConversion(element)
        default: return false
        }
    }

    func wireType(_ type: TypeExpression) -> String {
        switch type {
        case .dateTime: return "RFC3339Timestamp"
        case .array(let element): return "[\(wireType(element))]"
        case .map(let value): return "[String: \(wireType(value))]"
        default: return swiftType(type)
        }
    }

    /// An expression converting `value` (of the wire type) to the Swift type.
    func fromWire(_ type: TypeExpression, _ value: String) -> String {
        value + fromWireConversion(type)
    }

    /// What `fromWire` appends to a value: `.date`, `.map { $0.date }`, or nothing.
    func fromWireConversion(_ type: TypeExpression) -> String {
        switch type {
        case .dateTime: return ".date"
        case .array(let element) where needsWireConversion(element):
            return ".map { $0\(fromWireConversion(element)) }"
        case .map(let element) where needsWireConversion(element):
            return ".mapValues { $0\(fromWireConversion(element)) }"
        default: return ""
        }
    }

    /// An expression converting `value` (of the Swift type) to the wire type.
    func toWire(_ type: TypeExpression, _ value: String) -> String {
        switch type {
        case .dateTime: return "RFC3339Timestamp(date: \(value))"
        case .array(let element) where needsWireConversion(element):
            return "\(value).map { \(toWire(element, "$0")) }"
        case .map(let element) where needsWireConversion(element):
            return "\(value).mapValues { \(toWire(element, "$0")) }"
        default: return value
        }
    }
}
