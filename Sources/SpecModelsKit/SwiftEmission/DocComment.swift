/// Renders spec descriptions as Swift doc comment lines (markdown, as DocC reads it).
enum DocComment {
    /// Writes the doc comment of a type or member: description paragraphs, then the example,
    /// then `more` paragraphs (notes the translator adds), separated by empty comment lines.
    /// Nothing when all are empty.
    static func write(description: [RichParagraph], example: String = "", more: [[String]] = [], to writer: inout SwiftWriter) {
        var wroteAny = false
        func startParagraph(_ writer: inout SwiftWriter) {
            if wroteAny { writer.docLine("") }
            wroteAny = true
        }
        for paragraph in description {
            // Most descriptions are one plain text node: one line, written as it is.
            if paragraph.count == 1, paragraph[0].kind == .text {
                let line = paragraph[0].literal.trimmingSpaces
                guard !line.isEmpty else { continue }
                startParagraph(&writer)
                writer.docLine(line)
                continue
            }
            let lines = markdownLines(paragraph)
            guard !lines.isEmpty else { continue }
            startParagraph(&writer)
            writer.docComment(lines)
        }
        var trimmedExample = example.trimmingSpaces
        if !trimmedExample.isEmpty {
            startParagraph(&writer)
            if !trimmedExample.withUTF8({ $0.contains(UInt8(ascii: "\n")) }) {
                let (fence, padding) = codeSpanDelimiters(trimmedExample)
                writer.docLine("Example: ", fence, padding, trimmedExample, padding, fence)
            } else {
                writer.docLine("Example:")
                writer.docLine("```")
                writer.docComment(lines(of: trimmedExample))
                writer.docLine("```")
            }
        }
        for paragraph in more where !paragraph.isEmpty {
            startParagraph(&writer)
            writer.docComment(paragraph)
        }
    }

    /// The text's lines, split at each `\n` (a `\r\n` is one Character, as `split` on
    /// Characters keeps it); split on bytes unless the text holds a `\r`.
    private static func lines(of text: String) -> [String] {
        var text = text
        guard !text.withUTF8({ $0.contains(UInt8(ascii: "\r")) }) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return text.withUTF8 { bytes in
            bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The paragraph that names the fields (with their types as the docs spell them) and the
    /// union members left out as values of the SDK's runtime (see `RuntimeValues`); empty
    /// when nothing was.
    static func runtimeNote(of model: ModelNode, graph: TypeGraph) -> [String] {
        let fields = model.runtimeFields.map { "\(codeSpan($0.name)) (\(codeSpan(TypeSpelling.spell($0.type, in: graph))))" }
        let members = model.runtimeMembers.map { "the member \(codeSpan($0.spelling))" }
        guard !fields.isEmpty || !members.isEmpty else { return [] }
        return ["Leaves out " + (fields + members).joined(separator: ", ") + ": SDK runtime values, not JSON."]
    }

    /// One paragraph of inlines as markdown lines; `<br/>` starts a new line.
    private static func markdownLines(_ inlines: RichParagraph) -> [String] {
        var lines = [""]
        appendMarkdown(inlines, to: &lines)
        // Collapse runs of blank lines that `<br/><br/>` leaves, and trim the ends.
        var result: [String] = []
        for line in lines.map({ $0.trimmingSpaces }) {
            if line.isEmpty && (result.last?.isEmpty ?? true) { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    private static func appendMarkdown(_ inlines: [MarkdownNode], to lines: inout [String]) {
        for node in inlines {
            switch node.kind {
            case .text:
                lines[lines.count - 1] += node.literal
            case .code:
                lines[lines.count - 1] += codeSpan(node.literal)
            case .softBreak:
                lines[lines.count - 1] += " "
            case .lineBreak:
                lines.append("")
            case .htmlInline:
                if node.literal.lowercased().hasPrefix("<br") {
                    lines.append("")
                } else {
                    lines[lines.count - 1] += node.literal
                }
            case .emphasis:
                lines[lines.count - 1] += "*"
                appendMarkdown(node.children, to: &lines)
                lines[lines.count - 1] += "*"
            case .strong:
                lines[lines.count - 1] += "**"
                appendMarkdown(node.children, to: &lines)
                lines[lines.count - 1] += "**"
            case .link:
                lines[lines.count - 1] += "["
                appendMarkdown(node.children, to: &lines)
                lines[lines.count - 1] += "](\(node.url))"
            case .image:
                lines[lines.count - 1] += "![\(node.plainText)](\(node.url))"
            default:
                lines[lines.count - 1] += node.plainText
            }
        }
    }

    /// A code span that survives backticks inside the text.
    static func codeSpan(_ text: String) -> String {
        let (fence, padding) = codeSpanDelimiters(text)
        return fence + padding + text + padding + fence
    }

    /// What goes each side of `text` in a code span: a run of backticks longer than any inside
    /// it, and a space when the text starts or ends with a backtick.
    static func codeSpanDelimiters(_ text: String) -> (fence: String, padding: String) {
        var longestRun = 0
        var run = 0
        for byte in text.utf8 {  // a backtick is one byte and never part of another character
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        if longestRun == 0 { return ("`", "") }  // most spans
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = text.utf8.first == UInt8(ascii: "`") || text.utf8.last == UInt8(ascii: "`") ? " " : ""
        return (fence, padding)
    }
}
