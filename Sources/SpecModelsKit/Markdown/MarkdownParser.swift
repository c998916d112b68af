import CCMark

/// Parses markdown with libcmark and copies the tree into `MarkdownNode` values.
///
/// cmark is CommonMark without extensions: GFM tables arrive as paragraphs. A top-level
/// paragraph whose source lines make a `PipeTable` becomes a `.table` node; the readers hand
/// its cells back here (`parseInlines(batch:)`) for their inlines.
public enum MarkdownParser {
    /// Nodes nested deeper than this (block quotes in lists in block quotes…, emphasis in
    /// emphasis…) are left out with their contents, so that the copied tree, and every
    /// recursive walk over it, stays shallow. Real docs nest a handful of levels.
    public static let maximumDepth = 100

    /// Parses a whole document, with source positions. Nodes nested deeper than
    /// `maximumDepth` are left out.
    public static func parseDocument(_ bytes: [UInt8]) -> MarkdownNode {
        parseDocument(bytes, maximumDepth: maximumDepth).root
    }

    /// Parses a whole document, with source positions, and returns the first node that was
    /// left out for being nested more than `maximumDepth` levels deep, if any (without children).
    public static func parseDocument(_ bytes: [UInt8], maximumDepth: Int) -> (root: MarkdownNode, firstTooDeep: MarkdownNode?) {
        parseDocument(SourceText(bytes: bytes), maximumDepth: maximumDepth)
    }

    /// `parseDocument` of a source text. Top-level paragraphs that are GFM pipe tables come
    /// back as `.table` nodes holding their rows (their inlines, which the table's cells
    /// replace, are not copied: they were a third of the tree).
    public static func parseDocument(_ source: SourceText, maximumDepth: Int) -> (root: MarkdownNode, firstTooDeep: MarkdownNode?) {
        source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                parse(characters.baseAddress, count: characters.count, maximumDepth: maximumDepth, tablesFrom: source)
            }
        }
    }

    /// Parses the inline content of a table cell (or any one-line text): the children of
    /// the paragraph cmark makes of it. Text that cmark would read as a block (`# x`,
    /// `- x`, `1. x`, a link reference definition) is kept literal, as GFM does in cells.
    public static func parseInlines(_ text: String) -> [MarkdownNode] {
        if text.isEmpty { return [] }
        if let inlines = paragraphInlines(of: text) {
            return inlines
        }
        // A leading "." can start no block, so the rest of the cell is read as inline text.
        guard var inlines = paragraphInlines(of: "." + text),
              let first = inlines.first, first.kind == .text
        else {
            return [MarkdownNode(kind: .text, literal: text)]
        }
        inlines[0].literal.removeFirst()
        if inlines[0].literal.isEmpty { inlines.removeFirst() }
        // Columns counted the "." that is not in the text.
        return inlines.map { $0.shifted(lines: 0, columns: -1) }
    }

    /// `parseInlines` of each text, with one cmark parse for all of them: the texts go into
    /// one document as paragraphs separated by blank lines, and each paragraph's inlines are
    /// moved back to line 1. A table's cells cost one parse instead of one each (a cmark parse
    /// of a short cell is mostly set-up: per-cell parsing was 12% of a whole run).
    ///
    /// When any text would not be one plain paragraph on its own (block syntax, a link
    /// reference definition, a line break inside), every text is parsed alone instead, so
    /// the result is always the same as `texts.map(parseInlines)`.
    public static func parseInlines(batch texts: [String]) -> [[MarkdownNode]] {
        // Empty and simple texts are answered at once; the others wait for the one parse.
        var results = [[MarkdownNode]](repeating: [], count: texts.count)
        var pending: [Int] = []
        var sourceSize = 0
        for (index, text) in texts.enumerated() where !text.isEmpty {
            if let inlines = simpleInlines(text) {
                results[index] = inlines
                continue
            }
            if text.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                return texts.map(parseInlines)
            }
            pending.append(index)
            sourceSize += text.utf8.count + 2
        }
        if pending.isEmpty { return results }
        // Paragraph i starts on line 2i + 1.
        var source: [UInt8] = []
        source.reserveCapacity(sourceSize)
        for index in pending {
            source.append(contentsOf: texts[index].utf8)
            source.append(UInt8(ascii: "\n"))
            source.append(UInt8(ascii: "\n"))
        }
        let document = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                parse(characters.baseAddress, count: characters.count, maximumDepth: maximumDepth, movingBlocksToLineOne: true).root
            }
        }
        // One text is one line; as a paragraph of its own it makes exactly one block.
        guard document.children.count == pending.count else { return texts.map(parseInlines) }
        for (paragraph, index) in zip(document.children, pending) {
            guard paragraph.kind == .paragraph, paragraph.startLine == 1, paragraph.endLine == 1 else {
                return texts.map(parseInlines)
            }
            results[index] = paragraph.children
        }
        return results
    }

    /// The inlines cmark makes of the commonest cells, without cmark: plain text, a code span
    /// (`` `name` ``), one emphasized word run (`*string*`) and a link with plain text
    /// (`[components.Name](../../models/components/name.md)`), positions included. One of these
    /// constructs may come after a type prefix (`[]`, `map[string]`) and before `[]`s, as
    /// Speakeasy writes array and map types (`[]`string``, `*string*[]`). Only text that can
    /// hold no other construct qualifies: printable ASCII without cmark's special characters,
    /// starting with a character that starts no block. `nil` for anything else.
    static func simpleInlines(_ text: String) -> [MarkdownNode]? {
        var contiguous = text
        return contiguous.withUTF8 { simpleInlines(text, bytes: $0) }
    }

    /// `simpleInlines` on the text's bytes (`bytes` are `text.utf8`): a pass over a buffer,
    /// where the generic scans of the String's UTF-8 view cost a few times more.
    private static func simpleInlines(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> [MarkdownNode]? {
        guard let last = bytes.last else { return nil }
        let count = bytes.count
        if startsNoBlock(bytes), isPlain(bytes), last != UInt8(ascii: " ") {
            return [MarkdownNode(kind: .text, literal: text, startLine: 1, startColumn: 1, endLine: 1, endColumn: count)]
        }
        let prefix = typePrefixLength(bytes)
        let suffix = arraySuffixLength(UnsafeBufferPointer(rebasing: bytes[prefix...]))
        guard let construct = simpleConstruct(UnsafeBufferPointer(rebasing: bytes[prefix..<(count - suffix)])) else {
            return mixedInlines(bytes)
        }
        if prefix == 0, suffix == 0 { return [construct] }
        // cmark reads the prefix and the suffix as text nodes of their own.
        var inlines: [MarkdownNode] = []
        inlines.reserveCapacity(3)
        if prefix > 0 {
            inlines.append(MarkdownNode(
                kind: .text, literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<prefix]), as: UTF8.self),
                startLine: 1, startColumn: 1, endLine: 1, endColumn: prefix))
        }
        inlines.append(prefix > 0 ? construct.shifted(lines: 0, columns: prefix) : construct)
        if suffix > 0 {
            inlines.append(MarkdownNode(
                kind: .text, literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[(count - suffix)...]), as: UTF8.self),
                startLine: 1, startColumn: count - suffix + 1, endLine: 1, endColumn: count))
        }
        return inlines
    }

    /// Plain text mixed with `<br/>` tags (`{<br/>"owner": "terraform"<br/>}`, Speakeasy's
    /// multi-line examples and descriptions), code spans (`` `system_team` ``), links with plain
    /// text (`[tax code](https://docs.stripe.com/tax/tax-codes)`), strong words
    /// (`**Pre-release Feature**`) and underscores inside words (`max_tokens`, or one `"_"`), as
    /// cmark reads it: a text node for each run of text (underscores that can match nothing
    /// stay in the run), an HTML node for each tag, a code node for each span, a link node for
    /// each link and a strong node for each strong run. `nil` when the text holds anything
    /// else, starts with anything that could start a block, or ends with a space.
    private static func mixedInlines(_ bytes: UnsafeBufferPointer<UInt8>) -> [MarkdownNode]? {
        guard startsNoBlock(bytes), bytes.last != UInt8(ascii: " ") else { return nil }
        var inlines: [MarkdownNode] = []
        // The run of plain text being read, from `start` to `index`.
        var start = 0
        var index = 0
        var hasLoneUnderscore = false
        func endRun() {
            guard index > start else { return }
            inlines.append(MarkdownNode(
                kind: .text, literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self),
                startLine: 1, startColumn: start + 1, endLine: 1, endColumn: index))
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                guard isLineBreakTag(UnsafeBufferPointer(rebasing: bytes[index...])) else { return nil }
                endRun()
                inlines.append(MarkdownNode(
                    kind: .htmlInline, literal: "<br/>", startLine: 1, startColumn: index + 1, endLine: 1, endColumn: index + 5))
                index += 5
            case UInt8(ascii: "`"):
                // One backtick to one backtick around printable ASCII, with no space at either end
                // (cmark strips one from each).
                guard let close = bytes.firstOffset(of: UInt8(ascii: "`"), from: index + 1), close > index + 1,
                      close + 1 == bytes.count || bytes[close + 1] != UInt8(ascii: "`"),
                      bytes[index + 1] != UInt8(ascii: " "), bytes[close - 1] != UInt8(ascii: " "),
                      bytes[(index + 1)..<close].allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                else { return nil }
                endRun()
                inlines.append(MarkdownNode(
                    kind: .code, literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self),
                    startLine: 1, startColumn: index + 2, endLine: 1, endColumn: close))
                index = close + 1
            case UInt8(ascii: "["):
                // `[words](destination)`, as `simpleLink` reads a whole cell.
                guard let close = bytes.firstOffset(of: UInt8(ascii: "]"), from: index + 1),
                      close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
                      let end = bytes.firstOffset(of: UInt8(ascii: ")"), from: close + 2),
                      let link = simpleLink(UnsafeBufferPointer(rebasing: bytes[index...end]))
                else { return nil }
                endRun()
                inlines.append(link.shifted(lines: 0, columns: index))
                index = end + 1
            case UInt8(ascii: "*"):
                // `**words**`: two asterisks to two asterisks around plain text that starts and
                // ends with a letter or digit, so that they open and close whatever is around.
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*"),
                      let close = bytes.firstOffset(of: UInt8(ascii: "*"), from: index + 2), close > index + 2,
                      close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "*"),
                      close + 2 == bytes.count || bytes[close + 2] != UInt8(ascii: "*"),
                      bytes[index + 2].isASCIILetterOrDigit, bytes[close - 1].isASCIILetterOrDigit,
                      isPlain(UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]))
                else { return nil }
                endRun()
                let words = MarkdownNode(
                    kind: .text, literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]), as: UTF8.self),
                    startLine: 1, startColumn: index + 3, endLine: 1, endColumn: close)
                inlines.append(MarkdownNode(
                    kind: .strong, startLine: 1, startColumn: index + 1, endLine: 1, endColumn: close + 2, children: [words]))
                index = close + 2
            case UInt8(ascii: "_"):
                guard index > 0, index + 1 < bytes.count else { return nil }
                if bytes[index - 1].isASCIILetterOrDigit, bytes[index + 1].isASCIILetterOrDigit {
                    index += 1
                    continue
                }
                // One underscore between punctuation (`"_"`) is a delimiter with nothing to match
                // when it is the only one: cmark leaves it in the run of text.
                guard !hasLoneUnderscore, bytes[index - 1].isASCIIPunctuation, bytes[index + 1].isASCIIPunctuation else { return nil }
                hasLoneUnderscore = true
                index += 1
                continue
            default:
                guard isPlain(bytes[index]) else { return nil }
                index += 1
                continue
            }
            start = index
        }
        endRun()
        return inlines
    }

    /// Whether `bytes` start with `<br/>`.
    private static func isLineBreakTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 5 && bytes[1] == UInt8(ascii: "b") && bytes[2] == UInt8(ascii: "r")
            && bytes[3] == UInt8(ascii: "/") && bytes[4] == UInt8(ascii: ">")
    }

    /// A code span, an emphasized word run or a link with plain text, making up all of `bytes`,
    /// as one node whose columns count from the first byte.
    private static func simpleConstruct(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        let count = bytes.count
        if first == UInt8(ascii: "["), last == UInt8(ascii: ")") {
            return simpleLink(bytes)
        }
        guard count >= 3, first == last else { return nil }
        let inner = UnsafeBufferPointer(rebasing: bytes[1..<(count - 1)])
        if first == UInt8(ascii: "`") {
            // cmark strips one space from each end of `` ` x ` ``; such spans go to cmark.
            guard inner.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") }),
                  inner.first != UInt8(ascii: " "), inner.last != UInt8(ascii: " ")
            else { return nil }
            return MarkdownNode(
                kind: .code, literal: String(decoding: inner, as: UTF8.self), startLine: 1, startColumn: 2, endLine: 1, endColumn: count - 1)
        }
        if first == UInt8(ascii: "*") {
            // Left- and right-flanking: letters or digits just inside both delimiters.
            guard let innerFirst = inner.first, let innerLast = inner.last,
                  innerFirst.isASCIILetter, innerLast.isASCIILetterOrDigit, isPlain(inner)
            else { return nil }
            let word = MarkdownNode(
                kind: .text, literal: String(decoding: inner, as: UTF8.self), startLine: 1, startColumn: 2, endLine: 1, endColumn: count - 1)
            return MarkdownNode(kind: .emphasis, startLine: 1, startColumn: 1, endLine: 1, endColumn: count, children: [word])
        }
        return nil
    }

    /// The length of the type prefix a cell starts with (`[]`, `map[string]`, `[]map[string]`):
    /// words of letters and digits, each followed by brackets around letters and digits, the
    /// last `]` followed by more. 0 when there is none. cmark reads it as text: with no link
    /// reference definitions, brackets make a link only with a `(` right after the `]`, which
    /// ends the prefix here.
    private static func typePrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        while true {
            var index = length
            while index < bytes.count, bytes[index].isASCIILetterOrDigit { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return length }
            index += 1
            while index < bytes.count, bytes[index].isASCIILetterOrDigit { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "]"), bytes[index + 1] != UInt8(ascii: "(") else {
                return length
            }
            length = index + 1
        }
    }

    /// The length of the `[]`s a cell ends with (`*string*[]`, `[Name](name.md)[][]`), text
    /// for cmark after a code span, an emphasis or a link.
    private static func arraySuffixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        while length + 2 < bytes.count, bytes[bytes.count - length - 2] == UInt8(ascii: "["),
              bytes[bytes.count - length - 1] == UInt8(ascii: "]") {
            length += 2
        }
        return length
    }

    /// `[words](destination)` as one link node, when the words are plain text (after one `*`,
    /// Go's pointer mark, which cmark leaves as text) and the destination holds only characters
    /// cmark keeps as they are (no escapes, entities, spaces, angle brackets, quotes or
    /// parentheses).
    private static func simpleLink(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode? {
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close >= 2,
              close + 3 < bytes.count, bytes[close + 1] == UInt8(ascii: "(")
        else { return nil }
        let words = UnsafeBufferPointer(rebasing: bytes[1..<close])
        let destination = UnsafeBufferPointer(rebasing: bytes[(close + 2)..<(bytes.count - 1)])
        let plainWords = words.first == UInt8(ascii: "*") ? UnsafeBufferPointer(rebasing: words.dropFirst()) : words
        guard let firstWord = plainWords.first, let lastWord = plainWords.last,
              firstWord != UInt8(ascii: " "), lastWord != UInt8(ascii: " "), isPlain(plainWords),
              destination.allSatisfy(isPlainURLByte)
        else { return nil }
        let label = MarkdownNode(
            kind: .text, literal: String(decoding: words, as: UTF8.self),
            startLine: 1, startColumn: 2, endLine: 1, endColumn: close)
        return MarkdownNode(
            kind: .link, url: String(decoding: destination, as: UTF8.self),
            startLine: 1, startColumn: 1, endLine: 1, endColumn: bytes.count, children: [label])
    }

    private static func isPlainURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"),
             UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "@"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// Whether a one-line cell starting like this is a paragraph for cmark: a letter, or
    /// digits not followed by `.` or `)` (which could make an ordered list item), or
    /// punctuation that starts no block (`:heavy_check_mark:`, `"quoted"`, `{`, `(`).
    private static func startsNoBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first.isASCIILetter { return true }
        if first.isASCIIDigit {
            guard let afterDigits = bytes.first(where: { !$0.isASCIIDigit }) else { return true }
            return afterDigits != UInt8(ascii: ".") && afterDigits != UInt8(ascii: ")")
        }
        switch first {
        case UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "{"),
             UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// Printable ASCII without the characters that start inlines in cmark (`\ ` * _ [ ] ! < &`).
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { isPlain($0) }
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"):
            return false
        default:
            return byte >= 0x20 && byte < 0x7F
        }
    }

    private static func paragraphInlines(of text: String) -> [MarkdownNode]? {
        var text = text
        let document = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                parse(characters.baseAddress, count: characters.count, maximumDepth: maximumDepth).root
            }
        }
        guard document.children.count == 1, document.children[0].kind == .paragraph else {
            return nil
        }
        return document.children[0].children
    }

    /// - Parameter movingBlocksToLineOne: renumber the lines of each top-level block and its
    ///   descendants as if the block started on line 1 (for `parseInlines(batch:)`).
    /// - Parameter tablesFrom: the document's source, to recover top-level pipe tables from
    ///   their lines; `nil` for inline content.
    private static func parse(
        _ characters: UnsafePointer<CChar>?, count: Int, maximumDepth: Int, movingBlocksToLineOne: Bool = false,
        tablesFrom source: SourceText? = nil
    ) -> (root: MarkdownNode, firstTooDeep: MarkdownNode?) {
        guard let characters, count > 0,
              let root = cmark_parse_document(characters, count, CMARK_OPT_SOURCEPOS)
        else {
            return (MarkdownNode(kind: .document), nil)
        }
        defer { cmark_node_free(root) }
        return copyTree(root, maximumDepth: maximumDepth, movingBlocksToLineOne: movingBlocksToLineOne, tablesFrom: source)
    }

    /// Copies the tree with cmark's iterator rather than recursion, so deeply nested
    /// input (thousands of block quotes) cannot exhaust the stack; containers below
    /// `maximumDepth` are skipped whole.
    private static func copyTree(
        _ root: OpaquePointer, maximumDepth: Int, movingBlocksToLineOne: Bool, tablesFrom source: SourceText?
    ) -> (root: MarkdownNode, firstTooDeep: MarkdownNode?) {
        guard let iterator = cmark_iter_new(root) else { return (MarkdownNode(kind: .document), nil) }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        var finished = MarkdownNode(kind: .document)
        var firstTooDeep: MarkdownNode?
        var lineShift = 0
        // Inside a table paragraph, whose inlines are not copied: where the table starts, and
        // how many of its nodes are open (the paragraph included), so nesting is still limited.
        // (Not the table's node: copying it out at every event was most of the walk's cost.)
        var table: (line: Int, column: Int, open: Int)?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if let inside = table {
                if event == CMARK_EVENT_EXIT {
                    table = inside.open == 1 ? nil : (inside.line, inside.column, inside.open - 1)
                } else if event == CMARK_EVENT_ENTER, !isLeaf(cmark_node_get_type(node)) {
                    if stack.count + inside.open >= maximumDepth {
                        if firstTooDeep == nil {
                            var placed = shallowCopy(node)
                            if placed.startLine == 0 {
                                placed.startLine = inside.line
                                placed.startColumn = inside.column
                            }
                            firstTooDeep = placed
                        }
                        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    } else {
                        table = (inside.line, inside.column, inside.open + 1)
                    }
                }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                if movingBlocksToLineOne, stack.count == 1 {
                    lineShift = 1 - Int(cmark_node_get_start_line(node))
                }
                var copy = shallowCopy(node)
                if lineShift != 0 {
                    if copy.startLine > 0 { copy.startLine += lineShift }
                    if copy.endLine > 0 { copy.endLine += lineShift }
                }
                if isLeaf(cmark_node_get_type(node)) {
                    appendToParent(copy, stack: &stack, finished: &finished)
                } else if stack.count == 1, copy.kind == .paragraph, let source,
                          let rows = pipeTable(spanning: copy, in: source) {
                    copy.kind = .table
                    copy.table = rows
                    table = (copy.startLine, copy.startColumn, 1)
                    appendToParent(copy, stack: &stack, finished: &finished)
                } else if stack.count >= maximumDepth {
                    // Continue after this node's exit: its subtree is not visited.
                    if firstTooDeep == nil {
                        // Inlines may have no position: then the innermost block's stands in.
                        var placed = copy
                        if placed.startLine == 0, let block = stack.last(where: { $0.startLine > 0 }) {
                            placed.startLine = block.startLine
                            placed.startColumn = block.startColumn
                        }
                        firstTooDeep = placed
                    }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                } else {
                    copy.children.reserveCapacity(childCount(node))
                    stack.append(copy)
                }
            } else if event == CMARK_EVENT_EXIT, let completed = stack.popLast() {
                appendToParent(completed, stack: &stack, finished: &finished)
            }
        }
        return (finished, firstTooDeep)
    }

    /// The pipe table that a paragraph's source lines make, if they make one: at least a
    /// header and a delimiter row, so the paragraph spans two lines or more.
    private static func pipeTable(spanning paragraph: MarkdownNode, in source: SourceText) -> PipeTable? {
        guard paragraph.startLine > 0, paragraph.endLine > paragraph.startLine else { return nil }
        return PipeTable.parse(source, lines: paragraph.startLine...paragraph.endLine)
    }

    /// `node` is consumed: moved into its parent, not copied (and the copy's original released).
    private static func appendToParent(
        _ node: consuming MarkdownNode, stack: inout [MarkdownNode], finished: inout MarkdownNode
    ) {
        if stack.isEmpty {
            finished = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    /// How many children cmark's node has: the capacity of the copy's `children`, which then
    /// grows by no reallocation (the regrowths were a tenth of copying the tree).
    private static func childCount(_ node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    /// Leaf nodes get only an enter event from cmark's iterator.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK,
             CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    /// The node without its children. The strings are read before the node is made, so that
    /// it is initialized once rather than copied to set them.
    private static func shallowCopy(_ node: OpaquePointer) -> MarkdownNode {
        let type = cmark_node_get_type(node)
        var literal = ""
        var url = ""
        var fenceInfo = ""
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_HTML_INLINE:
            literal = string(cmark_node_get_literal(node))
            if type == CMARK_NODE_CODE_BLOCK {
                fenceInfo = string(cmark_node_get_fence_info(node))
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            url = string(cmark_node_get_url(node))
        default:
            break
        }
        return MarkdownNode(
            kind: kind(of: type, node: node),
            literal: literal,
            url: url,
            fenceInfo: fenceInfo,
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node))
        )
    }

    private static func kind(of type: cmark_node_type, node: OpaquePointer) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .other
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
