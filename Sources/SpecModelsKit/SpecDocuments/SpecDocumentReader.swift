/// Reads one markdown model doc into a `SpecDocument`, reporting every problem it finds.
public struct SpecDocumentReader {
    public let relativePath: String
    public let displayPath: String
    /// Where the spec's `models/` folder is, for the doc's namespace.
    public let modelsFolder: ModelsFolder

    public init(relativePath: String, displayPath: String, modelsFolder: ModelsFolder = ModelsFolder(isSpecFolder: false)) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.modelsFolder = modelsFolder
    }

    /// The first `\r` not followed by `\n`. memchr finds each `\r` (most files have none):
    /// a generic scan of every byte was 2% of a run.
    private static func firstLoneCarriageReturn(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var searchFrom = 0
            while let offset = buffer.firstOffset(of: UInt8(ascii: "\r"), from: searchFrom) {
                if offset + 1 == buffer.count || buffer[offset + 1] != UInt8(ascii: "\n") { return offset }
                searchFrom = offset + 1
            }
            return nil
        }
    }

    /// `bytes.firstIndex(of: 0)` with memchr: the generic scan of every doc was 2% of a run.
    private static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { $0.firstOffset(of: 0) }
    }

    public func read(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> SpecDocument? {
        let source = SourceText(bytes: bytes)
        if let bad = source.firstInvalidUTF8() {
            let offset = source.offset(line: bad.line, column: bad.column)
            let byte = offset < bytes.count ? String(bytes[offset], radix: 16, uppercase: true) : "?"
            diagnostics.error(
                "byte 0x\(byte.count == 1 ? "0" + byte : byte) is not UTF-8 text: save the file as UTF-8 (it may be Latin-1, UTF-16 or binary)",
                at: location(bad.line, bad.column))
            return nil
        }
        if let nul = Self.firstNUL(in: bytes) {
            let position = source.position(ofOffset: nul)
            diagnostics.error(
                "a NUL byte: this is a binary file, not a markdown model doc",
                at: location(position.line, position.column))
            return nil
        }
        if bytes.isEmpty {
            diagnostics.error("empty file: expected a model doc that starts with a `# Name` heading", at: location(1, 1))
            return nil
        }
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
            diagnostics.error("the file holds only blank lines: expected a model doc that starts with a `# Name` heading", at: location(1, 1))
            return nil
        }
        if let carriageReturn = Self.firstLoneCarriageReturn(in: bytes) {
            // Markdown ends a line there, which splits a table row in two.
            let position = source.position(ofOffset: carriageReturn)
            diagnostics.warning(
                "a carriage return (\\r) without a line feed ends the line here; save the file with \\n or \\r\\n line endings",
                at: location(position.line, position.column))
        }
        if reportMergeConflicts(source, diagnostics: &diagnostics) {
            return nil
        }
        let (root, tooDeep) = MarkdownParser.parseDocument(source, maximumDepth: MarkdownParser.maximumDepth)
        if let tooDeep {
            diagnostics.error(
                "markdown nested more than \(MarkdownParser.maximumDepth) levels deep (block quotes, lists or emphasis inside each other); a model doc needs a few",
                at: location(tooDeep.startLine, tooDeep.startColumn))
            return nil
        }
        var sections = SectionScanner(
            relativePath: relativePath, displayPath: displayPath,
            namespace: modelsFolder.namespace(ofRelativePath: relativePath), source: source)
        var found = Diagnostics()
        let document = sections.read(root, diagnostics: &found)
        // A page that is no model doc gets one warning that says so, not one per section.
        if let skipped = sections.notAModelDoc {
            diagnostics.append(skipped)
        } else {
            diagnostics.append(contentsOf: found)
        }
        return document
    }

    /// Reports each `<<<<<<<` … `>>>>>>>` block a merge left in the file; returns whether there was one.
    private func reportMergeConflicts(_ source: SourceText, diagnostics: inout Diagnostics) -> Bool {
        var found = false
        func report(_ start: Int, end: Int?) {
            found = true
            let range = end.map { "lines \(start)–\($0)" } ?? "from line \(start)"
            diagnostics.error(
                "unresolved merge conflict (\(range)): keep one side and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines",
                at: location(start, 1))
        }
        var open: Int?
        for number in 1...max(1, source.lineCount) {
            let first = source.firstByte(ofLine: number)
            guard first == UInt8(ascii: "<") || first == UInt8(ascii: ">") else { continue }
            let line = source.line(number)
            if Self.isConflictMarker(line, "<") {
                if let start = open { report(start, end: nil) }
                open = number
            } else if Self.isConflictMarker(line, ">"), let start = open {
                report(start, end: number)
                open = nil
            }
        }
        if let start = open { report(start, end: nil) }
        return found
    }

    /// `<<<<<<< HEAD`, `>>>>>>> branch`: seven marks, then the end of the line or a space.
    private static func isConflictMarker(_ line: String, _ mark: Character) -> Bool {
        let characters = line.prefix(8)
        guard characters.prefix(7).allSatisfy({ $0 == mark }), characters.count >= 7 else { return false }
        return characters.count == 7 || characters.last == " "
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}

/// Walks the top-level blocks of one doc: the title, its description, then `##` sections.
private struct SectionScanner {
    let relativePath: String
    let displayPath: String
    let namespace: String
    let source: SourceText
    /// Set when the file is a page of another kind, which is skipped with this warning.
    private(set) var notAModelDoc: Diagnostic?

    private enum Section: Equatable {
        case preamble
        case exampleUsage
        case fields
        case values
        case supportedTypes
        case unknown
    }

    mutating func read(_ root: MarkdownNode, diagnostics: inout Diagnostics) -> SpecDocument? {
        var title: MarkdownNode?
        var description: [RichParagraph] = []
        var deprecation: Deprecation?
        var examples: [Example] = []
        var fields: [Field]?
        var values: [EnumValue]?
        var members: [UnionMember]?
        var bodyHeading: (name: String, location: SourceLocation)?
        var section = Section.preamble
        var bodyConsumed = false
        /// The last paragraph of `## Values` that is not its table (the open-enum note only
        /// when there is no other): prose when a table or code block follows, a malformed
        /// table when none does.
        var valuesProse: SourceLocation?
        /// Where a table of SDK settings stands in for a fields table: the doc is an SDK page.
        var sdkSettingsTable: SourceLocation?
        /// The `##` sections that are none of a model doc's, and whether it has `## Example Usage`.
        var otherSections: [String] = []
        var hasExampleUsage = false

        for block in root.children {
            let blockLocation = location(of: block)
            switch block.kind {
            case .heading(level: 1):
                if title != nil, Self.isProse(heading: block) {
                    // `# Data model` in a type's text: a type's name is one word.
                    if section == .preamble {
                        description.append(block.children)
                    } else {
                        diagnostics.warning(
                            "heading `# \(block.plainText.trimmingSpaces.excerpt)` is not a type's name (it has spaces), so it is part of the doc's text, not a second type; here, in `## \(bodyHeading?.name ?? "…")`, it is ignored",
                            at: blockLocation)
                    }
                    continue
                }
                if let title {
                    diagnostics.error(
                        "second `#` heading `\(block.plainText.excerpt)`: a model doc declares one type (the first is `\(title.plainText.excerpt)` at line \(title.startLine)); move the second type to a doc of its own",
                        at: blockLocation)
                } else {
                    title = block
                }
                section = .preamble
            case .heading(level: 2):
                let heading = block.plainText.trimmingSpaces
                let next = Self.section(named: heading)
                if [.fields, .values, .supportedTypes].contains(next) {
                    if let previous = bodyHeading {
                        diagnostics.error(
                            previous.name.lowercased() == heading.lowercased()
                                ? "second `## \(heading)` section (the first is at line \(previous.location.line)): a model doc has one"
                                : "`## \(heading)` after `## \(previous.name)` (line \(previous.location.line)): a model doc is an object (`## Fields`), an enum (`## Values`) or a union (`## Supported Types`), not several",
                            at: blockLocation)
                        section = .unknown
                        continue
                    }
                    bodyHeading = (heading, blockLocation)
                    switch next {
                    case .fields: fields = []
                    case .values: values = []
                    default: members = []
                    }
                } else if next == .unknown {
                    otherSections.append(heading)
                    diagnostics.warning(
                        "unknown section `## \(heading.excerpt)` is ignored; the sections of a model doc are `## Example Usage`, `## Fields`, `## Values` and `## Supported Types`",
                        at: blockLocation)
                }
                if next == .exampleUsage { hasExampleUsage = true }
                section = next
            case .heading(level: 3) where section == .supportedTypes:
                members?.append(unionMember(from: block, diagnostics: &diagnostics))
            case .codeBlock:
                switch section {
                case .exampleUsage, .supportedTypes:
                    let language = block.fenceInfo.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                    let example = Example(code: block.literal, location: blockLocation, language: language)
                    examples.append(example)
                    if section == .supportedTypes, let last = members?.indices.last, members?[last].example == nil {
                        members?[last].example = example
                    }
                case .values where !bodyConsumed:
                    bodyConsumed = true
                    values = EnumValuesReader.read(codeBlock: block, file: displayPath, source: source, diagnostics: &diagnostics)
                default:
                    break
                }
            case .list where section == .values && !bodyConsumed:
                bodyConsumed = true
                values = EnumValuesReader.read(list: block, file: displayPath, diagnostics: &diagnostics)
            case .paragraph, .table:
                switch section {
                case .preamble where title != nil:
                    description.append(block.kind == .table ? tableLines(block) : block.children)
                case .fields where !bodyConsumed && FieldsTableReader.isSDKSettingsTable(block.table):
                    bodyConsumed = true
                    sdkSettingsTable = blockLocation
                case .fields where !bodyConsumed:
                    bodyConsumed = true
                    fields = FieldsTableReader(file: displayPath).read(
                        block.table, at: blockLocation, diagnostics: &diagnostics)
                case .values where !bodyConsumed && block.table == nil:
                    // Speakeasy's newer docs say "This is an open enum. …" before the table.
                    // Every generated enum is open, and the note speaks of the TypeScript SDK's
                    // branded type, so it stays out of the doc comment; other prose joins it.
                    if EnumValuesReader.isOpenEnumNote(block) {
                        valuesProse = valuesProse ?? blockLocation
                    } else {
                        valuesProse = blockLocation
                        description.append(block.children)
                    }
                case .values where !bodyConsumed:
                    bodyConsumed = true
                    values = EnumValuesReader.read(
                        table: block.table, at: blockLocation, file: displayPath, diagnostics: &diagnostics)
                default:
                    break
                }
            case .blockQuote where section == .preamble:
                if let found = Self.deprecation(in: block, at: blockLocation) {
                    deprecation = found
                }
            default:
                break
            }
        }

        if let sdkSettingsTable {
            notAModelDoc = Diagnostic(
                .warning,
                "not a model doc: its `## Fields` table is `Name | Type | Description`, without the `Field` and `Required` columns of a model's fields, as on Speakeasy's pages of SDK settings; skipped",
                at: sdkSettingsTable)
            return nil
        }
        guard let title else {
            if bodyHeading == nil {
                // Speakeasy puts other pages beside the models (Go's `operations/options.md`).
                notAModelDoc = Diagnostic(
                    .warning,
                    "not a model doc (no `# Name` heading and no `## Fields`, `## Values` or `## Supported Types` section): skipped",
                    at: location(1, 1))
            } else {
                diagnostics.error("no `# Name` heading: a model doc starts with the name of its type, like `# ListInstallationsGroup`", at: location(1, 1))
            }
            return nil
        }
        if bodyHeading == nil, !hasExampleUsage, !otherSections.isEmpty {
            // Go's `operations/option.md`: `# Options`, then `## Global Options` and
            // `## Per-Method Options`, each a list of the SDK's option functions.
            let list = otherSections.prefix(3).map { "`## \($0.excerpt)`" }.joined(separator: ", ")
            notAModelDoc = Diagnostic(
                .warning,
                "not a model doc: no `## Fields`, `## Values` or `## Supported Types` section, and its sections (\(list)\(otherSections.count > 3 ? ", …" : "")) are none of a model doc's, as on Speakeasy's page of SDK options; skipped",
                at: location(of: title))
            return nil
        }
        var name = title.plainText.trimmingSpaces
        let struckThrough = name.hasPrefix("~~") && name.hasSuffix("~~") && name.count > 4
        if struckThrough {
            name = String(name.dropFirst(2).dropLast(2))
        }
        let nameLocation = location(of: title)
        if name.isEmpty {
            diagnostics.error("the `#` heading is empty: expected the name of the type, like `# ListInstallationsGroup`", at: nameLocation)
            return nil
        }
        if struckThrough, deprecation == nil {
            deprecation = Deprecation(message: "", location: nameLocation)
        }
        if values != nil, !bodyConsumed, let valuesProse {
            _ = EnumValuesReader.read(table: nil, at: valuesProse, file: displayPath, diagnostics: &diagnostics)
        }
        let body: SpecDocument.Body
        if let fields {
            body = .object(fields)
        } else if let values {
            body = .enumeration(values)
        } else if let members {
            if members.isEmpty, let heading = bodyHeading {
                diagnostics.error("`## Supported Types` lists no member: expected a `###` heading for each member type, like `operations.Name` or `string`", at: heading.location)
            }
            body = .union(members.map(Self.typedFromExample))
        } else {
            // Reported by the type graph, which knows whether the docs' language leaves such docs.
            body = .unknown
        }
        return SpecDocument(
            relativePath: relativePath,
            displayPath: displayPath,
            namespace: namespace,
            name: name,
            nameLocation: nameLocation,
            description: description,
            deprecation: deprecation,
            body: body,
            examples: examples)
    }

    /// A `#` heading of several words (`# Data model`) is prose: a type's name is one word.
    private static func isProse(heading: MarkdownNode) -> Bool {
        heading.plainText.trimmingSpaces.contains(" ")
    }

    /// A member whose heading is empty takes the type its example writes, where it writes
    /// one (`MemberExampleType`); otherwise the empty heading is reported by the type graph.
    private static func typedFromExample(_ member: UnionMember) -> UnionMember {
        guard member.type.source.trimmingSpaces.isEmpty, let example = member.example,
              let cell = MemberExampleType.cell(in: example)
        else { return member }
        return UnionMember(type: cell, example: example)
    }

    private static func section(named heading: String) -> Section {
        switch heading.lowercased() {
        case "example usage": return .exampleUsage
        case "fields": return .fields
        case "values": return .values
        case "supported types": return .supportedTypes
        default: return .unknown
        }
    }

    /// `> :warning: **DEPRECATED**: message` marks a deprecated type.
    private static func deprecation(in quote: MarkdownNode, at location: SourceLocation) -> Deprecation? {
        let text = quote.children.map(\.plainText).joined(separator: " ")
        guard let marker = text.firstRange(of: "DEPRECATED") else { return nil }
        var message = text[marker.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "*" }
        while message.last == " " { message = message.dropLast() }
        return Deprecation(message: String(message), location: location)
    }

    private func unionMember(from heading: MarkdownNode, diagnostics: inout Diagnostics) -> UnionMember {
        let spelling = heading.plainText
        // Where the first inline starts (cmark places a code span at its text, after the
        // backtick); a bare `###` has none, and its member is reported just after it.
        let column: Int
        if let first = heading.children.first, first.startLine == heading.startLine, first.startColumn > 0 {
            column = first.startColumn
        } else {
            column = max(heading.startColumn, heading.endColumn) + 1
        }
        // `### \`ns.Type[]\``: the spelling is the code span's text. Positions become
        // relative to the member's text, as those of a table cell are.
        let inlines = heading.children.map { node -> MarkdownNode in
            let inline = node.kind == .code
                ? MarkdownNode(kind: .text, literal: node.literal, startLine: node.startLine, startColumn: node.startColumn,
                               endLine: node.endLine, endColumn: node.endColumn)
                : node
            return inline.startLine > 0 ? inline.shifted(lines: 1 - heading.startLine, columns: 1 - column) : inline
        }
        return UnionMember(type: TypeCell(
            inlines: inlines,
            location: location(heading.startLine, column),
            source: spelling), example: nil)
    }

    /// A table in a type's description, kept as its source lines (DocC shows a markdown
    /// table in a doc comment as a table).
    private func tableLines(_ table: MarkdownNode) -> RichParagraph {
        var inlines: RichParagraph = []
        for number in table.startLine...table.endLine {
            if !inlines.isEmpty { inlines.append(MarkdownNode(kind: .lineBreak)) }
            let line = source.line(number)
            inlines.append(MarkdownNode(
                kind: .text, literal: line, startLine: number, startColumn: 1, endLine: number, endColumn: max(line.utf8.count, 1)))
        }
        return inlines
    }

    private func location(of node: MarkdownNode) -> SourceLocation {
        location(node.startLine, node.startColumn)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: max(line, 1), column: max(column, 1))
    }
}

extension String {
    var trimmingSpaces: String {
        // Most strings have nothing to trim: an ASCII non-space byte at each end says so
        // without Character properties (a Character's whitespace-ness is its first scalar's,
        // and no cluster ending in an ASCII scalar starts with whitespace unless it is one).
        if let first = utf8.first, let last = utf8.last,
           Self.isASCIINonSpace(first), Self.isASCIINonSpace(last) {
            return self
        }
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    private static func isASCIINonSpace(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
