/// Translates an enum model (`## Values`) into an open Swift enum: one case per listed
/// value, plus `unrecognized(_:)` for values a newer server may send, which keeps the raw
/// value and encodes it back unchanged.
struct EnumTranslator {
    let context: TranslationContext
    let model: ModelNode
    let shape: EnumerationShape

    static let unrecognizedCase = MemberNaming.unrecognizedCase

    private var rawType: String {
        switch shape.rawType {
        case .string: return "String"
        case .integer: return context.mapping.integerType
        case .number: return "Double"
        }
    }

    /// Each value with its case name and its Swift literal.
    private var cases: [(name: String, literal: String, value: EnumValue)] {
        zip(shape.values, MemberNaming.caseNames(of: shape.values, enumName: model.name)).map { value, name in
            let literal: String
            switch value.value {
            case .string(let string): literal = SwiftNaming.stringLiteral(string)
            case .integer(let integer): literal = String(integer)
            case .number(let number): literal = number
            }
            return (name, literal, value)
        }
    }

    func translate() -> [SwiftCode] {
        let access = context.access
        let cases = self.cases
        var body: [SwiftCode] = []
        for entry in cases {
            // An empty code span would not render: the empty string is said in words.
            let raw = Self.rawText(entry.value.value)
            body.append(.docComment([raw.isEmpty ? "The empty string." : DocComment.codeSpan(raw)]))
            body.append(.line("case \(SwiftNaming.escaped(entry.name))"))
        }
        body.append(.docComment(["A value this version of the spec does not list, kept as sent."]))
        body.append(.line("case \(Self.unrecognizedCase)(\(rawType))"))
        body.append(.blank)
        body.append(.block("\(access)init(rawValue: \(rawType))", [
            .switchBlock("rawValue", cases.map { .line("case \($0.literal): self = .\(SwiftNaming.escaped($0.name))") }
                + [.line("default: self = .\(Self.unrecognizedCase)(rawValue)")]),
        ]))
        body.append(.blank)
        body.append(.block("\(access)var rawValue: \(rawType)", [
            .switchBlock("self", cases.map { .line("case .\(SwiftNaming.escaped($0.name)): \($0.literal)") }
                + [.line("case .\(Self.unrecognizedCase)(let rawValue): rawValue")]),
        ]))
        body.append(.blank)
        body.append(.docComment(["The values this version of the spec lists, in its order."]))
        body.append(.line("\(access)static let allKnownCases: [\(context.names[model.id])] = [\(cases.map { ".\(SwiftNaming.escaped($0.name))" }.joined(separator: ", "))]"))
        body.append(.blank)
        body.append(.block("\(access)init(from decoder: any Decoder) throws", [
            .line("self.init(rawValue: try decoder.singleValueContainer().decode(\(rawType).self))"),
        ]))
        body.append(.blank)
        body.append(.block("\(access)func encode(to encoder: any Encoder) throws", [
            .line("var container = encoder.singleValueContainer()"),
            .line("try container.encode(rawValue)"),
        ]))

        var declaration: [SwiftCode] = []
        let doc = DocComment.lines(description: model.description)
        if !doc.isEmpty { declaration.append(.docComment(doc)) }
        if let deprecation = model.deprecation {
            declaration.append(.line(TranslationContext.deprecatedAttribute(deprecation.message)))
        }
        declaration.append(.block(
            "\(access)enum \(context.names[model.id]): RawRepresentable, Codable, Hashable, Sendable\(context.extraConformances(of: model))", body))
        return declaration
    }

    private static func rawText(_ literal: EnumValue.Literal) -> String {
        switch literal {
        case .string(let string): return string
        case .integer(let integer): return String(integer)
        case .number(let number): return number
        }
    }
}
