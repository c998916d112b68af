/// Renders spec descriptions as Swift doc comment lines (markdown, as DocC reads it).
enum DocComment {
    /// The lines of a doc comment for a type or member: description paragraphs, then the
    /// example, separated by empty comment lines.
    static func lines(description: [RichParagraph], example: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in description {
            let paragraphLines = markdownLines(paragraph)
            guard !paragraphLines.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(contentsOf: paragraphLines)
        }
        let trimmedExample = example.trimmingSpaces
        guard !trimmedExample.isEmpty else { return lines }
        if !lines.isEmpty { lines.append("") }
        if !trimmedExample.utf8.contains(UInt8(ascii: "\n")) {
            lines.append("Example: " + codeSpan(trimmedExample))
        } else {
            lines.append("Example:")
            lines.append("```")
            appendLines(of: trimmedExample, to: &lines)
            lines.append("```")
        }
        return lines
    }

    /// The text's lines, split at each `\n` (a `\r\n` is one Character, as `split` on
    /// Characters keeps it); split on bytes unless the text holds a `\r`.
    private static func appendLines(of text: String, to lines: inout [String]) {
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            return
        }
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lines.append(String(decoding: line, as: UTF8.self))
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
    static func markdownLines(_ inlines: RichParagraph) -> [String] {
        // Most descriptions are one plain text node: one line, nothing to print as markdown.
        if inlines.count == 1, inlines[0].kind == .text {
            let line = inlines[0].literal.trimmingSpaces
            return line.isEmpty ? [] : [line]
        }
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
        var longestRun = 0
        var run = 0
        for byte in text.utf8 {  // a backtick is one byte and never part of another character
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        if longestRun == 0 {  // most spans: one backtick each side, one allocation
            var span = ""
            span.reserveCapacity(text.utf8.count + 2)
            span.append("`")
            span.append(text)
            span.append("`")
            return span
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = text.utf8.first == UInt8(ascii: "`") || text.utf8.last == UInt8(ascii: "`") ? " " : ""
        return fence + padding + text + padding + fence
    }
}
