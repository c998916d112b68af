/// Translates an object model (`## Fields`) into a `Codable` struct.
///
/// Coding is explicit: `init(from:)` and `encode(to:)` keyed by the support file's
/// `SpecModelsCodingKey`, with the JSON keys as string literals. A synthesized conformance
/// costs the compiler more than these few lines: it derives a `CodingKeys` enum per struct,
/// with its own `CodingKey`, `Hashable` and `RawRepresentable` conformances, and a
/// fileprivate `Date` overload set where timestamps occur (see Benchmarks/RESULTS.md).
/// Only a struct with deprecated fields and nothing that needs explicit coding keeps the
/// synthesized conformance, which reads those fields without deprecation warnings.
/// Explicit coding reaches a deprecated field through a private, undeprecated `_name`; where
/// the field's type is itself a deprecated model that storage would warn too, so instead the
/// coding methods are deprecated (`JSONDecoder` and `JSONEncoder` call them without warning).
struct ObjectTranslator {
    let context: TranslationContext
    let model: ModelNode
    let properties: [Property]
    /// The key `init(from:)` probes first (see `ConvertedKeyProbe`), and whether the struct
    /// codes itself: made once per struct, as the members, the declaration and the
    /// initializer all ask.
    private let probe: (key: String, converted: String)?
    private let customCoding: Bool

    init(context: TranslationContext, model: ModelNode, properties: [Property]) {
        self.context = context
        self.model = model
        self.properties = properties
        probe = Self.convertedKeyProbe(properties)
        customCoding = Self.needsCustomCoding(properties, model: model, context: context, probe: probe)
    }

    /// How a property is declared and coded.
    private struct Member {
        let property: Property
        /// The Swift name, unescaped.
        let name: String
        /// The JSON key.
        let wireKey: String
        let swiftType: String
        /// Stored in a private `_name` behind a computed property.
        let isBacked: Bool
        /// Stored as `Indirect<T>` because the struct would otherwise contain itself.
        let isIndirect: Bool
        /// Holds the object's keys that no other member has (see `isAdditionalProperties`).
        let isAdditionalProperties: Bool
        /// The key may be absent (or `null`): decoded with `decodeIfPresent`, defaulting to `nil`.
        var isOptional: Bool { !property.isRequired }
        /// The key must be present, its value may be `null`: decoded as `T?`, encoded as `null`.
        var isNullable: Bool { property.isRequired && property.isNullable }
        /// The key may be absent, its value may be `null`: declared `Nullable<T>?`, which keeps
        /// the three apart (see the support file's `Nullable`).
        var isThreeState: Bool { property.isThreeState }
        /// Declared `T?` (or `Nullable<T>?`): optional or nullable.
        var hasOptionalType: Bool { isOptional || isNullable }
        /// The type that holds a value when there is one: `Nullable<T>` for a three-state member.
        var valueType: String { isThreeState ? "Nullable<\(swiftType)>" : swiftType }
        var declaredType: String { hasOptionalType ? "\(valueType)?" : swiftType }
        var literalDefault: String? {
            switch property.type {
            case .stringLiteral(let value): return SwiftNaming.stringLiteral(value)
            case .booleanLiteral(let value): return value ? "true" : "false"
            case .numberLiteral(let value): return value
            default: return nil
            }
        }
        var storageName: String { isBacked ? "_\(name)" : name }
    }

    private var members: [Member] {
        let needsCustomCoding = customCoding
        let codingIsDeprecated = needsCustomCoding && !deprecatedFieldsOfDeprecatedTypes.isEmpty
        let customizations = properties.map { context.customization(of: $0, in: model) }
        let names = MemberNaming.propertyNames(
            of: properties, typeName: context.names[model.id], customNames: customizations.map { $0?.swiftName })
        return properties.enumerated().map { position, property in
            let name = names[position]
            let customization = customizations[position]
            let isIndirect = context.cycles.isCyclic(model.id, position)
            let isBacked = isIndirect || (property.deprecationMessage != nil && needsCustomCoding && !codingIsDeprecated)
            return Member(
                property: property, name: name, wireKey: property.wireKey,
                swiftType: customization?.swiftType ?? context.mapping.swiftType(property.type),
                isBacked: isBacked, isIndirect: isIndirect,
                isAdditionalProperties: !isIndirect && Self.isAdditionalProperties(property))
        }
    }

    /// Deprecated fields whose type names a deprecated model (`DeprecatedLinkedSupplier?`).
    private var deprecatedFieldsOfDeprecatedTypes: [Property] {
        properties.filter { property in
            property.deprecationMessage != nil && property.type.contains { type in
                if case .model(let id) = type { return context.graph[id].deprecation != nil }
                return false
            }
        }
    }

    private static func needsCustomCoding(
        _ properties: [Property], model: ModelNode, context: TranslationContext, probe: (key: String, converted: String)?
    ) -> Bool {
        properties.enumerated().contains { position, property in
            (context.mapping.needsWireConversion(property.type) && property.type != .dateTime)
                || isLiteral(property.type)
                || property.isNullable
                || isAdditionalProperties(property)
                || context.cycles.isCyclic(model.id, position)
        } || probe != nil
    }

    /// Speakeasy's field for OpenAPI `additionalProperties`: named `additionalProperties`, typed
    /// `Record<string, T>`. On the wire it has no key of its own: its entries sit flat in the
    /// object beside the documented keys.
    static func isAdditionalProperties(_ property: Property) -> Bool {
        KeySpelling.gathersAdditionalProperties(property)
    }

    /// The key whose absence reveals a key-converting decoder (see `ConvertedKeyProbe`).
    static func convertedKeyProbe(_ properties: [Property]) -> (key: String, converted: String)? {
        ConvertedKeyProbe.probe(wireKeys: properties.filter { !isAdditionalProperties($0) }.map { ($0.wireKey, $0.isRequired) })
    }

    /// The wire keys of the members other than the additional properties, as a `Set` literal.
    private static func documentedKeysLiteral(_ members: [Member]) -> String {
        let keys = members.filter { !$0.isAdditionalProperties }.map { SwiftNaming.stringLiteral($0.wireKey) }
        return "[" + keys.joined(separator: ", ") + "]"
    }

    private static func isLiteral(_ type: TypeExpression) -> Bool {
        switch type {
        case .stringLiteral, .booleanLiteral, .numberLiteral: return true
        default: return false
        }
    }

    /// File-private overloads that the synthesized `Codable` conformance above picks over
    /// the generic ones, so its `Date` properties are coded as RFC 3339 strings whatever
    /// the coder's date strategy. Being file-private, they affect this file alone.
    static let timestampCodingOverloads: [SwiftCode] = [
        .docComment(["Codes this file's `Date` properties as RFC 3339 timestamps, whatever the coder's date strategy."]),
        .block("fileprivate extension KeyedDecodingContainer", [
            .block("func decode(_ type: Date.Type, forKey key: Key) throws -> Date", [
                .line("try decodeRFC3339Date(forKey: key)"),
            ]),
            .blank,
            .block("func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date?", [
                .line("try decodeRFC3339DateIfPresent(forKey: key)"),
            ]),
        ]),
        .blank,
        .block("fileprivate extension KeyedEncodingContainer", [
            .block("mutating func encode(_ value: Date, forKey key: Key) throws", [
                .line("try encodeRFC3339Date(value, forKey: key)"),
            ]),
            .blank,
            .block("mutating func encodeIfPresent(_ value: Date?, forKey key: Key) throws", [
                .line("try encodeRFC3339DateIfPresent(value, forKey: key)"),
            ]),
        ]),
    ]

    func translate() -> [SwiftCode] {
        let members = self.members
        let access = context.access
        var body: [SwiftCode] = []
        for member in members {
            body.append(contentsOf: declaration(of: member))
            body.append(.blank)
        }
        body.append(contentsOf: initializers(members))
        let explicitCoding = customCoding || !properties.contains { $0.deprecationMessage != nil }
        if explicitCoding {
            let deprecatedTypes = customCoding ? deprecatedFieldsOfDeprecatedTypes : []
            let attribute: [SwiftCode] = deprecatedTypes.isEmpty ? [] : [.line(TranslationContext.deprecatedAttribute(
                "Codes the deprecated " + (deprecatedTypes.count == 1 ? "field " : "fields ")
                    + deprecatedTypes.map(\.name).joined(separator: ", ")
                    + "; JSONDecoder and JSONEncoder use it without a warning"))]
            body.append(.blank)
            body.append(contentsOf: attribute + decodingInitializer(members))
            body.append(.blank)
            body.append(contentsOf: attribute + encodeMethod(members))
        } else if members.contains(where: { $0.name != $0.wireKey }) {
            body.append(.blank)
            body.append(codingKeys(members))
        }
        var declaration: [SwiftCode] = []
        var doc = DocComment.lines(description: model.description)
        for paragraph in [DocComment.runtimeNote(of: model, graph: context.graph)] + streamFieldDocumentation() where !paragraph.isEmpty {
            if !doc.isEmpty { doc.append("") }
            doc.append(contentsOf: paragraph)
        }
        if !doc.isEmpty { declaration.append(.docComment(doc)) }
        if let deprecation = model.deprecation {
            declaration.append(.line(TranslationContext.deprecatedAttribute(deprecation.message)))
        }
        declaration.append(.block("\(access)struct \(context.names[model.id]): Codable, Hashable, Sendable\(context.extraConformances(of: model))", body))
        if !explicitCoding && properties.contains(where: { $0.type == .dateTime }) {
            declaration.append(.blank)
            declaration.append(contentsOf: Self.timestampCodingOverloads)
        }
        return declaration
    }

    /// One paragraph per field whose value is a stream (`ModelNode.streamFields`): it is not a
    /// property, and this is how to read it.
    private func streamFieldDocumentation() -> [[String]] {
        model.streamFields.map { field in
            let spelling = TypeSpelling.spell(field.type, in: context.graph)
            let what: String
            if case .stream(let kind, _) = field.type {
                what = "a stream of \(TranslationContext.framing(kind))"
            } else {
                what = "a stream"
            }
            return [
                "`\(field.name)` (`\(spelling)`) is not a property: its value is \(what), a response body rather than JSON.",
                TranslationContext.readingSentence(context.streamReaders(field.type)),
            ]
        }
    }

    private func declaration(of member: Member) -> [SwiftCode] {
        var code: [SwiftCode] = []
        var doc = DocComment.lines(description: [member.property.description], example: member.property.example)
        if member.isAdditionalProperties {
            if !doc.isEmpty { doc.append("") }
            doc.append("Holds the object's keys not listed above (they are flat in the JSON, beside the other keys).")
        }
        if !doc.isEmpty { code.append(.docComment(doc)) }
        let access = context.access
        let deprecated = member.property.deprecationMessage.map(TranslationContext.deprecatedAttribute)
        if let deprecated { code.append(.line(deprecated)) }
        let name = SwiftNaming.escaped(member.name)
        guard member.isBacked else {
            code.append(.line("\(access)var \(name): \(member.declaredType)"))
            return code
        }
        let storage = member.storageName
        if member.isIndirect {
            let getter: String
            let storageType: String
            if member.isThreeState {
                getter = "\(storage)?.map(\\.value)"
                storageType = "Nullable<Indirect<\(member.swiftType)>>?"
            } else {
                getter = member.hasOptionalType ? "\(storage)?.value" : "\(storage).value"
                storageType = member.hasOptionalType ? "Indirect<\(member.swiftType)>?" : "Indirect<\(member.swiftType)>"
            }
            code.append(.block("\(access)var \(name): \(member.declaredType)", [
                .line("get { \(getter) }"),
                .line("set { \(storage) = \(Self.boxed(member, "newValue")) }"),
            ]))
            code.append(.line("private var \(storage): \(storageType)"))
        } else {
            code.append(.block("\(access)var \(name): \(member.declaredType)", [
                .line("get { \(storage) }"),
                .line("set { \(storage) = newValue }"),
            ]))
            code.append(.line("private var \(storage): \(member.declaredType)"))
        }
        return code
    }

    // MARK: Initializers

    private func initializers(_ members: [Member]) -> [SwiftCode] {
        let deprecated = members.filter { $0.property.deprecationMessage != nil }
        if deprecated.isEmpty {
            return initializer(members, omitting: [], deprecation: nil)
        }
        let fullInitDeprecation = "Sets deprecated fields: " + deprecated.map(\.property.name).joined(separator: ", ")
        if deprecated.contains(where: { !$0.isOptional }) {
            return initializer(members, omitting: [], deprecation: fullInitDeprecation, defaultsForDeprecated: true)
        }
        // One initializer without the deprecated fields, so that using the type warns no one,
        // and one with them (no defaults there, so that calls are never ambiguous).
        return initializer(members, omitting: Set(deprecated.map(\.name)), deprecation: nil)
            + [.blank]
            + initializer(members, omitting: [], deprecation: fullInitDeprecation, defaultsForDeprecated: false)
    }

    private func initializer(
        _ members: [Member], omitting omitted: Set<String>, deprecation: String?, defaultsForDeprecated: Bool = true
    ) -> [SwiftCode] {
        let included = members.filter { !omitted.contains($0.name) }
        var code: [SwiftCode] = []
        if let deprecation { code.append(.line(TranslationContext.deprecatedAttribute(deprecation))) }
        let parameters = included.map { member -> String in
            var parameter = "\(SwiftNaming.escaped(member.name)): \(member.declaredType)"
            // A nullable member has no default: the caller says whether the value is there or `null`.
            let allowsDefault = !member.isNullable && (member.property.deprecationMessage == nil || defaultsForDeprecated)
            if let literal = member.literalDefault, allowsDefault {
                parameter += member.isThreeState ? " = .value(\(literal))" : " = \(literal)"
            } else if member.isOptional && allowsDefault {
                parameter += " = nil"
            }
            return parameter
        }
        let assignments = included.map { member -> SwiftCode in
            let value = SwiftNaming.escaped(member.name)
            if member.isIndirect {
                return .line("self.\(member.storageName) = \(Self.boxed(member, value))")
            }
            return .line("self.\(member.storageName) = \(value)")
        }
        let access = context.access
        if parameters.isEmpty {
            code.append(.line("\(access)init() {}"))
        } else {
            code.append(.parameterized(head: "\(access)init", parameters: parameters, body: assignments))
        }
        return code
    }

    /// `value` (of the member's declared type) in the member's `Indirect` storage.
    private static func boxed(_ member: Member, _ value: String) -> String {
        if member.isThreeState { return "\(value)?.map(Indirect.init)" }
        return member.hasOptionalType ? "\(value).map(Indirect.init)" : "Indirect(\(value))"
    }

    // MARK: Coding

    /// The keys of a synthesized conformance whose property names differ from the JSON keys.
    private func codingKeys(_ members: [Member]) -> SwiftCode {
        let cases = members.map { member -> SwiftCode in
            let name = SwiftNaming.escaped(member.storageName)
            return member.storageName == member.wireKey
                ? .line("case \(name)")
                : .line("case \(name) = \(SwiftNaming.stringLiteral(member.wireKey))")
        }
        return .block("private enum CodingKeys: String, CodingKey", cases)
    }

    private func decodingInitializer(_ members: [Member]) -> [SwiftCode] {
        // A model without fields still decodes only from an object (the synthesized conformance
        // would take any value, so a union would read an array or a string as this member).
        guard !members.isEmpty else {
            return [.block("\(context.access)init(from decoder: any Decoder) throws", [
                .line("_ = try decoder.container(keyedBy: SpecModelsCodingKey.self)"),
            ])]
        }
        var body: [SwiftCode] = [.line("let container = try decoder.container(keyedBy: SpecModelsCodingKey.self)")]
        if let probe {
            body.append(.line("try container.checkKeysAreNotConverted(\(SwiftNaming.stringLiteral(probe.key)), convertedFromSnakeCase: \(SwiftNaming.stringLiteral(probe.converted)))"))
        }
        // Only the additional properties' member names the other keys.
        let documentedKeys = members.contains(where: \.isAdditionalProperties) ? Self.documentedKeysLiteral(members) : ""
        for member in members {
            body.append(contentsOf: decodeStatements(member, documentedKeys: documentedKeys))
        }
        return [.block("\(context.access)init(from decoder: any Decoder) throws", body)]
    }

    private func decodeStatements(_ member: Member, documentedKeys: String) -> [SwiftCode] {
        let key = SwiftNaming.stringLiteral(member.wireKey)
        let target = "self.\(member.storageName)"
        let type = member.property.type
        let mapping = context.mapping
        if member.isAdditionalProperties, case .map(let element) = type {
            let decode = "try container.decodeAdditionalProperties(\(mapping.wireType(element)).self, excluding: \(documentedKeys))"
            let converted = mapping.fromWire(type, decode)
            guard member.hasOptionalType else { return [.line("\(target) = \(converted)")] }
            let local = "decoded\(SwiftNaming.uppercasingFirst(member.name))"
            return [
                .line("let \(local) = \(converted)"),
                .line("\(target) = \(local).isEmpty ? nil : \(local)"),
            ]
        }
        if let literal = member.literalDefault {
            let local = "decoded\(SwiftNaming.uppercasingFirst(member.name))"
            let check: String
            if member.isThreeState {
                check = "\(local) == nil || \(local) == .null || \(local) == .value(\(literal))"
            } else {
                check = member.hasOptionalType ? "\(local) == nil || \(local) == \(literal)" : "\(local) == \(literal)"
            }
            return [
                .line("let \(local) = try \(decodeCall(member.swiftType, member, key: key))"),
                .block("guard \(check) else", [
                    .line("throw DecodingError.dataCorruptedError(forKey: \(key), in: container, debugDescription: \(SwiftNaming.stringLiteral("expected the literal \(literal)")))"),
                ]),
                .line("\(target) = \(local)"),
            ]
        }
        if member.isIndirect {
            let decode = member.isThreeState
                ? "try \(decodeCall(member.swiftType, member, key: key))?.map(Indirect.init)"
                : member.hasOptionalType
                ? "try \(decodeCall(member.swiftType, member, key: key)).map(Indirect.init)"
                : "Indirect(try \(decodeCall(member.swiftType, member, key: key)))"
            return [.line("\(target) = \(decode)")]
        }
        if type == .dateTime {
            if member.isThreeState {
                return [.line("\(target) = try \(decodeCall("RFC3339Timestamp", member, key: key))?.map(\\.date)")]
            }
            if member.isNullable {
                return [.line("\(target) = try \(decodeCall("RFC3339Timestamp", member, key: key))?.date")]
            }
            let method = member.isOptional ? "decodeRFC3339DateIfPresent" : "decodeRFC3339Date"
            return [.line("\(target) = try container.\(method)(forKey: \(key))")]
        }
        if mapping.needsWireConversion(type) {
            let decode = decodeCall(mapping.wireType(type), member, key: key)
            if member.isThreeState {
                return [.line("\(target) = try \(decode)?.map { \(mapping.fromWire(type, "$0")) }")]
            }
            if member.hasOptionalType {
                return [.line("\(target) = try \(decode).map { \(mapping.fromWire(type, "$0")) }")]
            }
            return [.line("\(target) = \(mapping.fromWire(type, "try \(decode)"))")]
        }
        return [.line("\(target) = try \(decodeCall(member.swiftType, member, key: key))")]
    }

    /// How a member's value is read: `decodeNullableIfPresent(T.self, …)` (a `Nullable<T>?`)
    /// when the key may be absent and the value `null`, `readIfPresent(T.self, …)` when the key
    /// may be absent, `read(T?.self, …)` when it must be there but may be `null`,
    /// `read(T.self, …)` otherwise. `read` and `readIfPresent` are the support file's
    /// one-overload versions of `decode` and `decodeIfPresent`, cheaper to type-check.
    private func decodeCall(_ type: String, _ member: Member, key: String) -> String {
        if member.isThreeState { return "container.decodeNullableIfPresent(\(type).self, forKey: \(key))" }
        if member.isOptional { return "container.readIfPresent(\(type).self, forKey: \(key))" }
        if member.isNullable { return "container.read(\(type)?.self, forKey: \(key))" }
        return "container.read(\(type).self, forKey: \(key))"
    }

    private func encodeMethod(_ members: [Member]) -> [SwiftCode] {
        // Like the synthesized conformance, a struct without properties encodes as `{}`.
        var body: [SwiftCode] = [.line(members.isEmpty
            ? "_ = encoder.container(keyedBy: SpecModelsCodingKey.self)"
            : "var container = encoder.container(keyedBy: SpecModelsCodingKey.self)")]
        let mapping = context.mapping
        for member in members {
            let key = SwiftNaming.stringLiteral(member.wireKey)
            let value = "self.\(member.storageName)"
            let type = member.property.type
            // A nullable member's `T?` goes to `write`, which writes `nil` as `null`; a three-state
            // member's `Nullable<T>?` to `writeIfPresent`, which leaves out `nil` and writes `.null` as `null`.
            let method = member.isOptional ? "writeIfPresent" : "write"
            if member.isAdditionalProperties {
                let values = mapping.toWire(type, member.hasOptionalType ? "(\(value) ?? [:])" : value)
                body.append(.line("try container.encodeAdditionalProperties(\(values), excluding: \(Self.documentedKeysLiteral(members)))"))
            } else if type == .dateTime && !member.isIndirect {
                if member.isThreeState {
                    body.append(.line("try container.writeIfPresent(\(value)?.map(RFC3339Timestamp.init(date:)), forKey: \(key))"))
                    continue
                }
                if member.isNullable {
                    body.append(.line("try container.write(\(value).map(RFC3339Timestamp.init(date:)), forKey: \(key))"))
                    continue
                }
                let dateMethod = member.isOptional ? "encodeRFC3339DateIfPresent" : "encodeRFC3339Date"
                body.append(.line("try container.\(dateMethod)(\(value), forKey: \(key))"))
            } else if mapping.needsWireConversion(type) && !member.isIndirect {
                let converted = member.isThreeState
                    ? "\(value)?.map { \(mapping.toWire(type, "$0")) }"
                    : member.hasOptionalType
                    ? "\(value).map { \(mapping.toWire(type, "$0")) }"
                    : mapping.toWire(type, value)
                body.append(.line("try container.\(method)(\(converted), forKey: \(key))"))
            } else {
                body.append(.line("try container.\(method)(\(value), forKey: \(key))"))
            }
        }
        return [.block("\(context.access)func encode(to encoder: any Encoder) throws", body)]
    }
}
