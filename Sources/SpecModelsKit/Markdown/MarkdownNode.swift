/// A node of a parsed markdown document, copied out of cmark's tree into a Swift value.
///
/// Positions are cmark's: 1-based lines and byte columns. Inline nodes that cmark gives no
/// position carry line 0.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list
        case item
        case codeBlock
        case htmlBlock
        case paragraph
        /// A GFM pipe table at the top level of a document: a paragraph for cmark, recovered
        /// from its source lines. Its rows are in `table`; it has no children.
        case table
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link
        case image
        /// Custom blocks and inlines, which plain markdown never produces.
        case other
    }

    public var kind: Kind
    /// The text of text, code, code block and HTML nodes; empty for containers.
    public var literal: String
    /// The destination of a link or image.
    public var url: String
    /// The info string of a fenced code block (`typescript`).
    public var fenceInfo: String
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    public var children: [MarkdownNode]
    /// The rows of a `.table` node; `nil` for every other kind.
    public var table: PipeTable?

    public init(
        kind: Kind,
        literal: String = "",
        url: String = "",
        fenceInfo: String = "",
        startLine: Int = 0,
        startColumn: Int = 0,
        endLine: Int = 0,
        endColumn: Int = 0,
        children: [MarkdownNode] = [],
        table: PipeTable? = nil
    ) {
        self.kind = kind
        self.literal = literal
        self.url = url
        self.fenceInfo = fenceInfo
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
        self.children = children
        self.table = table
    }

    /// This node and its descendants with positions moved by `lines` and `columns` (positions
    /// cmark did not give, line 0, stay 0). For inlines parsed out of context, to place them
    /// where they are in the file, or the other way round.
    public func shifted(lines: Int, columns: Int) -> MarkdownNode {
        var copy = self
        if copy.startLine > 0 {
            copy.startLine += lines
            copy.startColumn += columns
        }
        if copy.endLine > 0 {
            copy.endLine += lines
            copy.endColumn += columns
        }
        copy.children = children.map { $0.shifted(lines: lines, columns: columns) }
        return copy
    }

    /// The concatenated text of this node and its descendants, as a reader sees it.
    public var plainText: String {
        switch kind {
        case .text, .code, .htmlInline:
            return literal
        case .softBreak, .lineBreak:
            return " "
        default:
            var text = ""
            for child in children {
                text += child.plainText
            }
            return text
        }
    }
}
