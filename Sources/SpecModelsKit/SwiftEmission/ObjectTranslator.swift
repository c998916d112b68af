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

    /// How a property is declared and coded: its names and types spelled once, as the
    /// declaration, the initializer and both coding methods write them. A class, so that the
    /// loops over members pass a reference rather than copy every field (and the property).
    private final class Member {
        let property: Property
        /// The Swift name, unescaped.
        let name: String
        /// The Swift name as written in code (`` `default` ``).
        let escapedName: String
        /// The JSON key.
        let wireKey: String
        /// The JSON key as a string literal.
        let keyLiteral: String
        let swiftType: String
        /// `T`, `T?` or `Nullable<T>?`.
        let declaredType: String
        /// Stored in a private `_name` behind a computed property.
        let isBacked: Bool
        /// Stored as `Indirect<T>` because the struct would otherwise contain itself.
        let isIndirect: Bool
        /// Holds the object's keys that no other member has (see `isAdditionalProperties`).
        let isAdditionalProperties: Bool
        /// `_name` when backed, else the name.
        let storageName: String

        init(property: Property, name: String, swiftType: String, isBacked: Bool, isIndirect: Bool, isAdditionalProperties: Bool) {
            self.property = property
            self.name = name
            escapedName = SwiftNaming.escaped(name)
            wireKey = property.wireKey
            keyLiteral = SwiftNaming.stringLiteral(property.wireKey)
            self.swiftType = swiftType
            let valueType = property.isThreeState ? "Nullable<" + swiftType + ">" : swiftType
            declaredType = !property.isRequired || property.isNullable ? valueType + "?" : swiftType
            self.isBacked = isBacked
            self.isIndirect = isIndirect
            self.isAdditionalProperties = isAdditionalProperties
            storageName = isBacked ? "_" + name : name
        }

        /// The key may be absent (or `null`): decoded with `decodeIfPresent`, defaulting to `nil`.
        var isOptional: Bool { !property.isRequired }
        /// The key must be present, its value may be `null`: decoded as `T?`, encoded as `null`.
        var isNullable: Bool { property.isRequired && property.isNullable }
        /// The key may be absent, its value may be `null`: declared `Nullable<T>?`, which keeps
        /// the three apart (see the support file's `Nullable`).
        var isThreeState: Bool { property.isThreeState }
        /// Declared `T?` (or `Nullable<T>?`): optional or nullable.
        var hasOptionalType: Bool { isOptional || isNullable }
        var literalDefault: String? {
            switch property.type {
            case .stringLiteral(let value): return SwiftNaming.stringLiteral(value)
            case .booleanLiteral(let value): return value ? "true" : "false"
            case .numberLiteral(let value): return value
            default: return nil
            }
        }
    }

    private var members: [Member] {
        let needsCustomCoding = customCoding
        let codingIsDeprecated = needsCustomCoding && !deprecatedFieldsOfDeprecatedTypes.isEmpty
        let customizations = properties.map { context.customization(of: $0, in: model) }
        let names = MemberNaming.propertyNames(
            of: properties, typeName: context.names[model.id], customNames: customizations.map { $0?.swiftName })
        return properties.enumerated().map { position, property in
            let customization = customizations[position]
            let isIndirect = context.cycles.isCyclic(model.id, position)
            let isBacked = isIndirect || (property.deprecationMessage != nil && needsCustomCoding && !codingIsDeprecated)
            return Member(
                property: property, name: names[position],
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
    static func writeTimestampCodingOverloads(to writer: inout SwiftWriter) {
        writer.docLine("Codes this file's `Date` properties as RFC 3339 timestamps, whatever the coder's date strategy.")
        writeOneLineMethods(of: "fileprivate extension KeyedDecodingContainer", [
            ("func decode(_ type: Date.Type, forKey key: Key) throws -> Date", "try decodeRFC3339Date(forKey: key)"),
            ("func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date?", "try decodeRFC3339DateIfPresent(forKey: key)"),
        ], to: &writer)
        writer.blank()
        writeOneLineMethods(of: "fileprivate extension KeyedEncodingContainer", [
            ("mutating func encode(_ value: Date, forKey key: Key) throws", "try encodeRFC3339Date(value, forKey: key)"),
            ("mutating func encodeIfPresent(_ value: Date?, forKey key: Key) throws", "try encodeRFC3339DateIfPresent(value, forKey: key)"),
        ], to: &writer)
    }

    /// `opening {` with methods whose bodies are one line each, a blank line between them.
    private static func writeOneLineMethods(
        of opening: String, _ methods: [(signature: String, body: String)], to writer: inout SwiftWriter
    ) {
        writer.block(opening) { writer in
            for (index, method) in methods.enumerated() {
                if index > 0 { writer.blank() }
                writer.block(method.signature) { writer in
                    writer.line(method.body)
                }
            }
        }
    }

    func write(to writer: inout SwiftWriter) {
        let members = self.members
        DocComment.write(
            description: model.description, more: [DocComment.runtimeNote(of: model, graph: context.graph)] + streamFieldDocumentation(),
            to: &writer)
        if let deprecation = model.deprecation {
            writer.line(TranslationContext.deprecatedAttribute(deprecation.message))
        }
        let explicitCoding = customCoding || !properties.contains { $0.deprecationMessage != nil }
        writer.block(context.access, "struct ", context.names[model.id], ": Codable, Hashable, Sendable", context.extraConformances(of: model)) { writer in
            for member in members {
                writeDeclaration(of: member, to: &writer)
                writer.blank()
            }
            writeInitializers(members, to: &writer)
            if explicitCoding {
                let deprecatedTypes = customCoding ? deprecatedFieldsOfDeprecatedTypes : []
                let attribute = deprecatedTypes.isEmpty ? nil : TranslationContext.deprecatedAttribute(
                    "Codes the deprecated " + (deprecatedTypes.count == 1 ? "field " : "fields ")
                        + deprecatedTypes.map(\.name).joined(separator: ", ")
                        + "; JSONDecoder and JSONEncoder use it without a warning")
                writer.blank()
                if let attribute { writer.line(attribute) }
                writeDecodingInitializer(members, to: &writer)
                writer.blank()
                if let attribute { writer.line(attribute) }
                writeEncodeMethod(members, to: &writer)
            } else if members.contains(where: { $0.name != $0.wireKey }) {
                writer.blank()
                writeCodingKeys(members, to: &writer)
            }
        }
        if !explicitCoding && properties.contains(where: { $0.type == .dateTime }) {
            writer.blank()
            Self.writeTimestampCodingOverloads(to: &writer)
        }
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

    private func writeDeclaration(of member: Member, to writer: inout SwiftWriter) {
        DocComment.write(
            description: [member.property.description], example: member.property.example,
            more: member.isAdditionalProperties
                ? [["Holds the object's keys not listed above (they are flat in the JSON, beside the other keys)."]] : [],
            to: &writer)
        let access = context.access
        if let message = member.property.deprecationMessage {
            writer.line(TranslationContext.deprecatedAttribute(message))
        }
        let name = member.escapedName
        guard member.isBacked else {
            writer.line(access, "var ", name, ": ", member.declaredType)
            return
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
            writer.block(access, "var ", name, ": ", member.declaredType) { writer in
                writer.line("get { ", getter, " }")
                writer.line("set { ", storage, " = ", Self.boxed(member, "newValue"), " }")
            }
            writer.line("private var ", storage, ": ", storageType)
        } else {
            writer.block(access, "var ", name, ": ", member.declaredType) { writer in
                writer.line("get { ", storage, " }")
                writer.line("set { ", storage, " = newValue }")
            }
            writer.line("private var ", storage, ": ", member.declaredType)
        }
    }

    // MARK: Initializers

    private func writeInitializers(_ members: [Member], to writer: inout SwiftWriter) {
        let deprecated = members.filter { $0.property.deprecationMessage != nil }
        if deprecated.isEmpty {
            writeInitializer(members, omitting: [], deprecation: nil, to: &writer)
            return
        }
        let fullInitDeprecation = "Sets deprecated fields: " + deprecated.map(\.property.name).joined(separator: ", ")
        if deprecated.contains(where: { !$0.isOptional }) {
            writeInitializer(members, omitting: [], deprecation: fullInitDeprecation, defaultsForDeprecated: true, to: &writer)
            return
        }
        // One initializer without the deprecated fields, so that using the type warns no one,
        // and one with them (no defaults there, so that calls are never ambiguous).
        writeInitializer(members, omitting: Set(deprecated.map(\.name)), deprecation: nil, to: &writer)
        writer.blank()
        writeInitializer(members, omitting: [], deprecation: fullInitDeprecation, defaultsForDeprecated: false, to: &writer)
    }

    private func writeInitializer(
        _ members: [Member], omitting omitted: Set<String>, deprecation: String?, defaultsForDeprecated: Bool = true,
        to writer: inout SwiftWriter
    ) {
        let included = omitted.isEmpty ? members : members.filter { !omitted.contains($0.name) }
        if let deprecation { writer.line(TranslationContext.deprecatedAttribute(deprecation)) }
        let access = context.access
        guard !included.isEmpty else {
            writer.line(access, "init() {}")
            return
        }
        writer.parameterized(access, "init") { writer in
            for member in included {
                // A nullable member has no default: the caller says whether the value is there or `null`.
                let allowsDefault = !member.isNullable && (member.property.deprecationMessage == nil || defaultsForDeprecated)
                if let literal = member.literalDefault, allowsDefault {
                    writer.parameter(member.escapedName, ": ", member.declaredType, member.isThreeState ? " = .value(" : " = ", literal, member.isThreeState ? ")" : "")
                } else if member.isOptional && allowsDefault {
                    writer.parameter(member.escapedName, ": ", member.declaredType, " = nil")
                } else {
                    writer.parameter(member.escapedName, ": ", member.declaredType)
                }
            }
        } body: { writer in
            for member in included {
                let value = member.escapedName
                writer.line("self.", member.storageName, " = ", member.isIndirect ? Self.boxed(member, value) : value)
            }
        }
    }

    /// `value` (of the member's declared type) in the member's `Indirect` storage.
    private static func boxed(_ member: Member, _ value: String) -> String {
        if member.isThreeState { return "\(value)?.map(Indirect.init)" }
        return member.hasOptionalType ? "\(value).map(Indirect.init)" : "Indirect(\(value))"
    }

    // MARK: Coding

    /// The keys of a synthesized conformance whose property names differ from the JSON keys.
    private func writeCodingKeys(_ members: [Member], to writer: inout SwiftWriter) {
        writer.block("private enum CodingKeys: String, CodingKey") { writer in
            for member in members {
                let name = SwiftNaming.escaped(member.storageName)
                if member.storageName == member.wireKey {
                    writer.line("case ", name)
                } else {
                    writer.line("case ", name, " = ", member.keyLiteral)
                }
            }
        }
    }

    private func writeDecodingInitializer(_ members: [Member], to writer: inout SwiftWriter) {
        writer.block(context.access, "init(from decoder: any Decoder) throws") { writer in
            // A model without fields still decodes only from an object (the synthesized conformance
            // would take any value, so a union would read an array or a string as this member).
            guard !members.isEmpty else {
                writer.line("_ = try decoder.container(keyedBy: SpecModelsCodingKey.self)")
                return
            }
            writer.line("let container = try decoder.container(keyedBy: SpecModelsCodingKey.self)")
            if let probe {
                writer.line(
                    "try container.checkKeysAreNotConverted(", SwiftNaming.stringLiteral(probe.key),
                    ", convertedFromSnakeCase: ", SwiftNaming.stringLiteral(probe.converted), ")")
            }
            // Only the additional properties' member names the other keys.
            let documentedKeys = members.contains(where: \.isAdditionalProperties) ? Self.documentedKeysLiteral(members) : ""
            for member in members {
                writeDecodeStatements(member, documentedKeys: documentedKeys, to: &writer)
            }
        }
    }

    private func writeDecodeStatements(_ member: Member, documentedKeys: String, to writer: inout SwiftWriter) {
        let target = member.storageName
        let type = member.property.type
        let mapping = context.mapping
        if member.isAdditionalProperties, case .map(let element) = type {
            let decode = "try container.decodeAdditionalProperties(\(mapping.wireType(element)).self, excluding: \(documentedKeys))"
            let converted = mapping.fromWire(type, decode)
            guard member.hasOptionalType else {
                writer.line("self.", target, " = ", converted)
                return
            }
            let local = "decoded\(SwiftNaming.uppercasingFirst(member.name))"
            writer.line("let ", local, " = ", converted)
            writer.line("self.", target, " = ", local, ".isEmpty ? nil : ", local)
            return
        }
        if let literal = member.literalDefault {
            let local = "decoded\(SwiftNaming.uppercasingFirst(member.name))"
            let check: String
            if member.isThreeState {
                check = "\(local) == nil || \(local) == .null || \(local) == .value(\(literal))"
            } else {
                check = member.hasOptionalType ? "\(local) == nil || \(local) == \(literal)" : "\(local) == \(literal)"
            }
            writer.startLine("let ", local, " = try ")
            writeDecodeCall(member.swiftType, member, to: &writer)
            writer.endLine()
            writer.block("guard ", check, " else") { writer in
                writer.line(
                    "throw DecodingError.dataCorruptedError(forKey: ", member.keyLiteral, ", in: container, debugDescription: ",
                    SwiftNaming.stringLiteral("expected the literal \(literal)"), ")")
            }
            writer.line("self.", target, " = ", local)
            return
        }
        if member.isIndirect {
            if member.isThreeState || member.hasOptionalType {
                writer.startLine("self.", target, " = try ")
                writeDecodeCall(member.swiftType, member, to: &writer)
                writer.endLine(member.isThreeState ? "?.map(Indirect.init)" : ".map(Indirect.init)")
            } else {
                writer.startLine("self.", target, " = Indirect(try ")
                writeDecodeCall(member.swiftType, member, to: &writer)
                writer.endLine(")")
            }
            return
        }
        if type == .dateTime {
            if member.isThreeState || member.isNullable {
                writer.startLine("self.", target, " = try ")
                writeDecodeCall("RFC3339Timestamp", member, to: &writer)
                writer.endLine(member.isThreeState ? "?.map(\\.date)" : "?.date")
            } else {
                let method = member.isOptional ? "decodeRFC3339DateIfPresent" : "decodeRFC3339Date"
                writer.line("self.", target, " = try container.", method, "(forKey: ", member.keyLiteral, ")")
            }
            return
        }
        writer.startLine("self.", target, " = try ")
        guard mapping.needsWireConversion(type) else {
            writeDecodeCall(member.swiftType, member, to: &writer)
            writer.endLine()
            return
        }
        // Read as the wire type, then converted: `[RFC3339Timestamp]` to `[Date]`, and the like.
        writeDecodeCall(mapping.wireType(type), member, to: &writer)
        let conversion = mapping.fromWireConversion(type)
        if member.isThreeState {
            writer.endLine("?.map { $0", conversion, " }")
        } else if member.hasOptionalType {
            writer.endLine(".map { $0", conversion, " }")
        } else {
            writer.endLine(conversion)
        }
    }

    /// How a member's value is read: `decodeNullableIfPresent(T.self, …)` (a `Nullable<T>?`)
    /// when the key may be absent and the value `null`, `readIfPresent(T.self, …)` when the key
    /// may be absent, `read(T?.self, …)` when it must be there but may be `null`,
    /// `read(T.self, …)` otherwise. `read` and `readIfPresent` are the support file's
    /// one-overload versions of `decode` and `decodeIfPresent`, cheaper to type-check.
    private func writeDecodeCall(_ type: String, _ member: Member, to writer: inout SwiftWriter) {
        if member.isThreeState {
            writer.write("container.decodeNullableIfPresent(", type, ".self, forKey: ", member.keyLiteral, ")")
        } else if member.isOptional {
            writer.write("container.readIfPresent(", type, ".self, forKey: ", member.keyLiteral, ")")
        } else if member.isNullable {
            writer.write("container.read(", type, "?.self, forKey: ", member.keyLiteral, ")")
        } else {
            writer.write("container.read(", type, ".self, forKey: ", member.keyLiteral, ")")
        }
    }

    private func writeEncodeMethod(_ members: [Member], to writer: inout SwiftWriter) {
        writer.block(context.access, "func encode(to encoder: any Encoder) throws") { writer in
            // Like the synthesized conformance, a struct without properties encodes as `{}`.
            writer.line(members.isEmpty
                ? "_ = encoder.container(keyedBy: SpecModelsCodingKey.self)"
                : "var container = encoder.container(keyedBy: SpecModelsCodingKey.self)")
            for member in members {
                writeEncodeStatement(member, members: members, to: &writer)
            }
        }
    }

    private func writeEncodeStatement(_ member: Member, members: [Member], to writer: inout SwiftWriter) {
        let mapping = context.mapping
        let key = member.keyLiteral
        let value = member.storageName
        let type = member.property.type
        // A nullable member's `T?` goes to `write`, which writes `nil` as `null`; a three-state
        // member's `Nullable<T>?` to `writeIfPresent`, which leaves out `nil` and writes `.null` as `null`.
        let method = member.isOptional ? "writeIfPresent" : "write"
        if member.isAdditionalProperties {
            let values = mapping.toWire(type, member.hasOptionalType ? "(self.\(value) ?? [:])" : "self." + value)
            writer.line("try container.encodeAdditionalProperties(", values, ", excluding: ", Self.documentedKeysLiteral(members), ")")
        } else if type == .dateTime && !member.isIndirect {
            if member.isThreeState {
                writer.line("try container.writeIfPresent(self.", value, "?.map(RFC3339Timestamp.init(date:)), forKey: ", key, ")")
            } else if member.isNullable {
                writer.line("try container.write(self.", value, ".map(RFC3339Timestamp.init(date:)), forKey: ", key, ")")
            } else {
                let dateMethod = member.isOptional ? "encodeRFC3339DateIfPresent" : "encodeRFC3339Date"
                writer.line("try container.", dateMethod, "(self.", value, ", forKey: ", key, ")")
            }
        } else if mapping.needsWireConversion(type) && !member.isIndirect {
            let converted = member.isThreeState
                ? "self.\(value)?.map { \(mapping.toWire(type, "$0")) }"
                : member.hasOptionalType
                ? "self.\(value).map { \(mapping.toWire(type, "$0")) }"
                : mapping.toWire(type, "self." + value)
            writer.line("try container.", method, "(", converted, ", forKey: ", key, ")")
        } else {
            writer.line("try container.", method, "(self.", value, ", forKey: ", key, ")")
        }
    }
}
