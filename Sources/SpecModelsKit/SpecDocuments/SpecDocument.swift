/// One model doc, read into typed parts. Every element carries its place in the file.
///
/// This stage knows the Speakeasy doc layout but nothing about other files: type cells are
/// kept as markdown inlines for the type graph to parse and resolve.
public struct SpecDocument: Sendable {
    /// The path relative to the spec root, with `/` separators (`models/operations/x.md`).
    public var relativePath: String
    /// The path used in diagnostics.
    public var displayPath: String
    /// The name of the folder that holds the doc (`operations`), or "" at the spec root.
    public var namespace: String
    /// The `# Name` heading.
    public var name: String
    public var nameLocation: SourceLocation
    public var description: [RichParagraph]
    /// Set when the heading is struck through and a DEPRECATED quote explains why.
    public var deprecation: Deprecation?
    public var body: Body
    /// The TypeScript examples of the doc, with the member they belong to for unions.
    public var examples: [Example]
    /// Set when its section could not be read and `unknownTypes: jsonValue` made the doc an
    /// alias of `JSONValue` (its body is then `.unknown`; the reader's errors are warnings).
    public var isUnreadable = false

    public enum Body: Sendable {
        case object([Field])
        case enumeration([EnumValue])
        case union([UnionMember])
        /// A `#` heading (and perhaps a description) with no `## Fields`, `## Values` or
        /// `## Supported Types`: an error, except in Speakeasy's Java docs, which leave some
        /// unions so (see `FlavourVocabulary.leavesUnionsEmpty`).
        case unknown
    }

    /// `ns.Name`, or the name alone beside a `models/` folder.
    public var qualifiedName: String {
        namespace.isEmpty ? name : "\(namespace).\(name)"
    }

    var isShapeless: Bool {
        if case .unknown = body { true } else { false }
    }
}

/// Inline markdown of one paragraph: descriptions, field descriptions.
public typealias RichParagraph = [MarkdownNode]

public struct Deprecation: Sendable, Equatable {
    /// The explanation after `**DEPRECATED**:`, or "" when there is none.
    public var message: String
    public var location: SourceLocation
}

/// A row of a `## Fields` table.
public struct Field: Sendable {
    public var name: String
    public var location: SourceLocation
    /// The explanation when the field is struck through (`~~`name`~~`); "" when it gives none.
    public var deprecationMessage: String?
    public var type: TypeCell
    public var isRequired: Bool
    public var description: RichParagraph
    /// The Example cell as plain text, or "" when empty.
    public var example: String
}

/// The content of a Type column cell or a union member heading, before parsing.
public struct TypeCell: Sendable {
    public var inlines: [MarkdownNode]
    public var location: SourceLocation
    /// The cell's source text, for diagnostics.
    public var source: String
}

/// A value listed under `## Values`.
public struct EnumValue: Sendable, Equatable {
    public enum Literal: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case number(String)

        /// As the docs write it: strings in quotes.
        public var spelling: String {
            switch self {
            case .string(let value): return "\"\(value)\""
            case .integer(let value): return String(value)
            case .number(let value): return value
            }
        }
    }

    /// The name given in a `| Name | Value |` table, if any.
    public var name: String?
    public var value: Literal
    public var location: SourceLocation
}

/// A `### member` heading under `## Supported Types`.
public struct UnionMember: Sendable {
    public var type: TypeCell
    /// The code block under the member's heading (`const value: number = 10;`), if any.
    public var example: Example?
}

/// A fenced example (TypeScript, or the language of the SDK the docs are for).
public struct Example: Sendable, Equatable {
    public var code: String
    public var location: SourceLocation
    /// The fence's info string: `typescript`, `python`, `java`; "" when it has none.
    public var language: String = ""
}
