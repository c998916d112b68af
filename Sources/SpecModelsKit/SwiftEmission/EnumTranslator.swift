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

    /// Each value with its case name (escaped) and its Swift literal.
    private var cases: [(name: String, literal: String, value: EnumValue)] {
        zip(shape.values, MemberNaming.caseNames(of: shape.values, enumName: model.name)).map { value, name in
            let literal: String
            switch value.value {
            case .string(let string): literal = SwiftNaming.stringLiteral(string)
            case .integer(let integer): literal = String(integer)
            case .number(let number): literal = number
            }
            return (SwiftNaming.escaped(name), literal, value)
        }
    }

    func write(to writer: inout SwiftWriter) {
        let access = context.access
        let cases = self.cases
        let rawType = self.rawType
        DocComment.write(description: model.description, to: &writer)
        if let deprecation = model.deprecation {
            writer.line(TranslationContext.deprecatedAttribute(deprecation.message))
        }
        writer.block(access, "enum ", context.names[model.id], ": RawRepresentable, Codable, Hashable, Sendable", context.extraConformances(of: model)) { writer in
            for entry in cases {
                // An empty code span would not render: the empty string is said in words.
                let raw = Self.rawText(entry.value.value)
                if raw.isEmpty {
                    writer.docLine("The empty string.")
                } else {
                    let (fence, padding) = DocComment.codeSpanDelimiters(raw)
                    writer.docLine(fence, padding, raw, padding, fence)
                }
                writer.line("case ", entry.name)
            }
            writer.docLine("A value this version of the spec does not list, kept as sent.")
            writer.line("case ", Self.unrecognizedCase, "(", rawType, ")")
            writer.blank()
            writer.block(access, "init(rawValue: ", rawType, ")") { writer in
                writer.switchBlock("rawValue") { writer in
                    for entry in cases { writer.line("case ", entry.literal, ": self = .", entry.name) }
                    writer.line("default: self = .", Self.unrecognizedCase, "(rawValue)")
                }
            }
            writer.blank()
            writer.block(access, "var rawValue: ", rawType) { writer in
                writer.switchBlock("self") { writer in
                    for entry in cases { writer.line("case .", entry.name, ": ", entry.literal) }
                    writer.line("case .", Self.unrecognizedCase, "(let rawValue): rawValue")
                }
            }
            writer.blank()
            writer.docLine("The values this version of the spec lists, in its order.")
            writer.line(access, "static let allKnownCases: [", context.names[model.id], "] = [", cases.map { "." + $0.name }.joined(separator: ", "), "]")
            writer.blank()
            writer.block(access, "init(from decoder: any Decoder) throws") { writer in
                writer.line("self.init(rawValue: try decoder.singleValueContainer().decode(", rawType, ".self))")
            }
            writer.blank()
            writer.block(access, "func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode(rawValue)")
            }
        }
    }

    private static func rawText(_ literal: EnumValue.Literal) -> String {
        switch literal {
        case .string(let string): return string
        case .integer(let integer): return String(integer)
        case .number(let number): return number
        }
    }
}
