/// Translates a union model (`## Supported Types`) into an enum with one case per member.
///
/// Decoding tries every member and keeps the best fit (see `decodeUnion` in the support
/// file): an object member whose keys cover the payload beats one that leaves keys over,
/// and ties go to the member listed first. Members whose docs are missing
/// (`missingTypes: jsonValue`) hold any JSON: they are tried last and know no keys, so they
/// never win over a member that decodes. Encoding writes the payload alone.
///
/// A stream member (`EventStream<T>`, `JsonLStream<T>`) is a response body that is not one JSON
/// value: it has no case, and the enum's doc comment says how to read it with the support file's
/// stream decoders. A union of streams alone has no case at all, and decoding it always throws.
struct UnionTranslator {
    let context: TranslationContext
    let model: ModelNode
    let members: [UnionMemberNode]

    private struct Case {
        let name: String
        let member: UnionMemberNode
        let isIndirect: Bool
        /// The literal for literal members (`"entry"`), which have no payload.
        let literal: (value: String, swiftType: String)?
    }

    private var cases: [Case] {
        var taken = UniqueNames()
        var baseNames: Set<String> = []
        let unionWords = SwiftNaming.words(splittingCamelCase: context.names[model.id])
        return members.enumerated().compactMap { position, member in
            if case .stream = member.type { return nil }
            let base = caseBaseName(member.type, unionWords: unionWords, missingType: member.missingType)
            // A member that repeats another's name (plex lists `ReadableStream<Uint8Array>`
            // twice) is told apart by its place among them: `data`, `secondData`.
            var name = SwiftNaming.memberName(base)
            if !baseNames.insert(name).inserted {
                let repeats = (0..<position).count {
                    caseBaseName(members[$0].type, unionWords: unionWords, missingType: members[$0].missingType) == base
                }
                name = SwiftNaming.memberName(Self.ordinal(repeats + 1) + " " + base)
            }
            return Case(
                name: taken.claim(name), member: member, isIndirect: context.cycles.isCyclic(model.id, position),
                literal: Self.literal(member.type))
        }
    }

    /// `second`, `third`, …, as the prefix of a repeated member's name.
    private static func ordinal(_ place: Int) -> String {
        let words = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return place >= 2 && place - 2 < words.count ? words[place - 2] : "next"
    }

    /// Candidates in the order decoding tries them: the members' order, except that an
    /// integer member goes just before the first `number` member listed ahead of it, so that
    /// `10` decodes as the integer (a `Double` reads it too).
    private static func decodingOrder(_ cases: [Case]) -> [Case] {
        let firstNumber = cases.firstIndex { $0.member.type == .number }
        let keyed = cases.enumerated().map { position, entry -> (place: Int, rank: Int, position: Int, entry: Case) in
            if entry.member.type == .integer, let firstNumber, firstNumber < position {
                return (firstNumber, 0, position, entry)
            }
            return (position, 1, position, entry)
        }
        return keyed.sorted { ($0.place, $0.rank, $0.position) < ($1.place, $1.rank, $1.position) }.map(\.entry)
    }

    private static func literal(_ type: TypeExpression) -> (String, String)? {
        switch type {
        case .stringLiteral(let value): return (SwiftNaming.stringLiteral(value), "String")
        case .booleanLiteral(let value): return (value ? "true" : "false", "Bool")
        case .numberLiteral(let value): return (value, "Double")
        default: return nil
        }
    }

    /// The member's type name without the words it shares with the union's name:
    /// in `UpdateConnectionResponse`, `UpdateConnectionAPIProblem` becomes `APIProblem`.
    /// A missing type (`models.Suspend`, held as `.any`) is named as the docs spell it.
    private func caseBaseName(_ type: TypeExpression, unionWords: [String], missingType: String? = nil) -> String {
        switch type {
        case .model(let id):
            return Self.unshared(context.names[id], unionWords: unionWords)
        case .any:
            guard let missingType else { return "json" }
            return Self.unshared(String(missingType.split(separator: ".").last ?? Substring(missingType)), unionWords: unionWords)
        case .array(let element): return caseBaseName(element, unionWords: unionWords, missingType: missingType) + "Array"
        case .map(let value): return caseBaseName(value, unionWords: unionWords, missingType: missingType) + "Map"
        case .string: return "string"
        case .number: return "number"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .oneOf, .null: return "json"
        case .dateTime: return "date"
        case .date: return "dateOnly"
        case .bytes: return "data"
        case .decimal: return "decimal"
        case .stringLiteral(let value): return value
        case .booleanLiteral(let value): return value ? "true" : "false"
        case .numberLiteral(let value): return "value " + value
        case .stream(let kind, let element):
            return caseBaseName(element, unionWords: unionWords) + (kind == .serverSentEvents ? "Events" : "Lines")
        case .runtime(let name): return name
        }
    }

    private static func unshared(_ name: String, unionWords: [String]) -> String {
        let words = SwiftNaming.words(splittingCamelCase: name)
        var shared = 0
        while shared < min(words.count, unionWords.count), shared < words.count - 1, words[shared] == unionWords[shared] {
            shared += 1
        }
        return words[shared...].joined()
    }

    func write(to writer: inout SwiftWriter) {
        let access = context.access
        let typeName = context.names[model.id]
        let mapping = context.mapping
        let cases = self.cases
        // A case whose payload is a deprecated model is deprecated with it (unless the whole
        // union is), and so are the coding methods that must name it: only a user's own use warns.
        let deprecatedCases = model.deprecation != nil ? [:] : Dictionary(cases.compactMap { entry in
            context.deprecatedModelMessage(in: entry.member.type).map { (entry.name, $0) }
        }, uniquingKeysWith: { first, _ in first })
        let codingAttribute = deprecatedCases.isEmpty ? nil : TranslationContext.deprecatedAttribute(
            "Codes the deprecated " + (deprecatedCases.count == 1 ? "case " : "cases ")
                + cases.map(\.name).filter { deprecatedCases[$0] != nil }.joined(separator: ", ")
                + "; JSONDecoder and JSONEncoder use it without a warning")

        DocComment.write(
            description: model.description,
            more: [DocComment.runtimeNote(of: model, graph: context.graph)] + streamDocumentation(hasCases: !cases.isEmpty),
            to: &writer)
        if let deprecation = model.deprecation {
            writer.line(TranslationContext.deprecatedAttribute(deprecation.message))
        }
        writer.block(access, "enum ", typeName, ": Codable, Hashable, Sendable", context.extraConformances(of: model)) { writer in
            for (position, entry) in cases.enumerated() {
                writer.docLine(entry.member.spelling.isEmpty ? "An empty member heading." : "`\(entry.member.spelling)`")
                if entry.member.isUnreadable {
                    writer.docComment([
                        "",
                        "SpecModels cannot read this member's type, so the case holds the JSON as sent. Decoding",
                        "picks the first such case, and only when no member the spec documents fits.",
                    ])
                } else if entry.member.missingType != nil {
                    writer.docComment([
                        "",
                        "The spec has no doc for this type, so the case holds the JSON as sent. Decoding picks the",
                        "first such case, and only when no member the spec documents fits.",
                    ])
                } else if let first = cases[..<position].first(where: { $0.member.type == entry.member.type && $0.member.missingType == nil }) {
                    writer.docComment(["", "The spec lists this member again; decoding picks `.\(first.name)`."])
                }
                if let message = deprecatedCases[entry.name] { writer.line(TranslationContext.deprecatedAttribute(message)) }
                let name = SwiftNaming.escaped(entry.name)
                if entry.literal != nil {
                    writer.line("case ", name)
                } else {
                    writer.line(entry.isIndirect ? "indirect " : "", "case ", name, "(", mapping.swiftType(entry.member.type), ")")
                }
            }
            if !cases.isEmpty { writer.blank() }
            if cases.isEmpty && !streams.isEmpty {
                let message = "\(typeName) is a stream, not a JSON value: read the response body with \(streams.map(\.reader).joined(separator: " or "))"
                writer.block(access, "init(from decoder: any Decoder) throws") { writer in
                    writer.line("throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: ", SwiftNaming.stringLiteral(message), "))")
                }
            } else {
                if let codingAttribute { writer.line(codingAttribute) }
                writer.block(access, "init(from decoder: any Decoder) throws") { writer in
                    writer.block("self = try decodeUnion(", SwiftNaming.stringLiteral(typeName), ", from: decoder, candidates: [", closing: "])") { writer in
                        // Members whose docs are missing go last: any JSON decodes as them.
                        let order = Self.decodingOrder(cases)
                        for entry in order where entry.member.missingType == nil {
                            writeCandidate(for: entry, to: &writer)
                        }
                        let missing = order.filter { $0.member.missingType != nil }
                        if !missing.isEmpty {
                            writer.line("// Not in the spec: tried last, and knowing no keys they never beat a member that decodes.")
                            for entry in missing { writeCandidate(for: entry, to: &writer) }
                        }
                    }
                }
            }
            writer.blank()
            // `Data` codes as base64 (the coder's data strategy) and `Decimal` as a JSON number only
            // through a container; their own `encode(to:)` write an array of bytes, a keyed
            // mantissa. Unions without them keep the shorter form.
            let throughContainer = members.contains { Self.codesThroughContainer($0.type) }
            if let codingAttribute { writer.line(codingAttribute) }
            writer.block(access, "func encode(to encoder: any Encoder) throws") { writer in
                if throughContainer { writer.line("var container = encoder.singleValueContainer()") }
                writer.switchBlock("self") { writer in
                    for entry in cases {
                        let name = SwiftNaming.escaped(entry.name)
                        let payload = entry.literal.map { "(\($0.value) as \($0.swiftType))" } ?? mapping.toWire(entry.member.type, "value")
                        let pattern = entry.literal == nil ? ".\(name)(let value)" : ".\(name)"
                        if throughContainer {
                            writer.line("case ", pattern, ": try container.encode(", payload, ")")
                        } else {
                            writer.line("case ", pattern, ": try ", payload, ".encode(to: encoder)")
                        }
                    }
                }
            }
        }
    }

    /// A stream member: its spelling and the expression that reads it from a body's `bytes`.
    private var streams: [(spelling: String, kind: StreamKind, reader: String)] {
        members.compactMap { member in
            guard case .stream(let kind, let element) = member.type else { return nil }
            return (member.spelling, kind, context.streamReader(kind, element: element))
        }
    }

    /// One paragraph per stream member: what the operation may answer and how to read it.
    private func streamDocumentation(hasCases: Bool) -> [[String]] {
        let streams = self.streams
        guard !streams.isEmpty else { return [] }
        var paragraphs = streams.map { stream -> [String] in
            [
                "The operation may \(hasCases ? "also " : "")answer with \(TranslationContext.framing(stream.kind)) (`\(stream.spelling)`): a stream, not one JSON value\(hasCases ? ", so it has no case here" : "").",
                TranslationContext.readingSentence([stream.reader]),
            ]
        }
        if !hasCases { paragraphs.append(["Every answer of the operation is a stream: no JSON value decodes as this type."]) }
        return paragraphs
    }

    private func writeCandidate(for entry: Case, to writer: inout SwiftWriter) {
        let mapping = context.mapping
        let type = entry.member.type
        let name = SwiftNaming.stringLiteral(entry.member.spelling)
        // A missing type knows no keys: on an object it leaves every key over, so any member that decodes beats it.
        let known = entry.member.missingType != nil ? [] : wireKeys(of: type)
        let keys = known.map { "[" + $0.map(SwiftNaming.stringLiteral).joined(separator: ", ") + "]" } ?? "nil"
        let caseName = SwiftNaming.escaped(entry.name)
        if let literal = entry.literal {
            let message = SwiftNaming.stringLiteral("expected \(literal.value)")
            writer.block("UnionCandidate(name: ", name, ", wireKeys: nil)", parameters: "decoder", closing: "},") { writer in
                writer.block("guard try ", literal.swiftType, "(from: decoder) == ", literal.value, " else") { writer in
                    writer.line("throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: ", message, "))")
                }
                writer.line("return .", caseName)
            }
            return
        }
        let decoded = Self.codesThroughContainer(type)
            ? "$0.singleValueContainer().decode(\(mapping.wireType(type)).self)"
            : mapping.fromWire(type, "\(mapping.wireType(type))(from: $0)")
        writer.line("UnionCandidate(name: ", name, ", wireKeys: ", keys, ") { try .", caseName, "(", decoded, ") },")
    }

    /// Whether a member's value decodes and encodes right only through a container.
    private static func codesThroughContainer(_ type: TypeExpression) -> Bool {
        type.contains { $0 == .bytes || $0 == .decimal }
    }

    /// The JSON keys an object member documents, so the best-fitting member can be chosen
    /// (its additional properties, if any, have no key of their own).
    private func wireKeys(of type: TypeExpression) -> [String]? {
        guard case .model(let id) = type, case .object(let properties) = context.graph[id].shape else { return nil }
        return properties.filter { !ObjectTranslator.isAdditionalProperties($0) }.map(\.wireKey)
    }
}
