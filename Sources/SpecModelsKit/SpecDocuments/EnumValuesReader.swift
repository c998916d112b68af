/// Reads `## Values`: a TypeScript union of literals in a code block (`"a" | "b" | 3`),
/// a `| Name | Value |` table, or a bullet list of values.
enum EnumValuesReader {
    /// Speakeasy writes this marker at the end of an open enum's values (in a table, as the
    /// Value of a row named `-`). It names the kind of the values.
    static let unrecognizedMarkers: [String: Kind] = ["Unrecognized<string>": .strings, "Unrecognized<number>": .numbers]

    enum Kind {
        case strings
        case numbers
    }

    /// Speakeasy's note before an open enum's table: a paragraph that names the marker in a
    /// code span ("This is an open enum. Unrecognized values will be captured as the
    /// `Unrecognized<string>` branded type.").
    static func isOpenEnumNote(_ paragraph: MarkdownNode) -> Bool {
        paragraph.children.contains { $0.kind == .code && unrecognizedMarkers[$0.literal] != nil }
    }

    /// Reports a marker that names the other kind of values than the enum lists: such a doc
    /// contradicts itself, and the raw type of the enum would be a guess.
    private static func checkMarker(
        _ marker: (kind: Kind, text: String, location: SourceLocation)?, _ values: [EnumValue], diagnostics: inout Diagnostics
    ) {
        guard let marker else { return }
        let mismatch = values.first { value in
            switch value.value {
            case .string: return marker.kind == .numbers
            case .integer, .number: return marker.kind == .strings
            }
        }
        guard let mismatch else { return }
        let listed = marker.kind == .numbers ? "strings" : "numbers"
        diagnostics.error(
            "`\(marker.text)` marks an enum of \(marker.kind == .numbers ? "numbers" : "strings"), but the values are \(listed) (\(mismatch.value.spelling.excerpt) at line \(mismatch.location.line)); make them agree",
            at: marker.location)
    }

    static func read(codeBlock: MarkdownNode, file: String, source: SourceText, diagnostics: inout Diagnostics) -> [EnumValue] {
        // A fenced block's code starts on the line after the fence, an indented block's on
        // its first line.
        let opening = source.line(codeBlock.startLine).drop { $0 == " " }
        let isFenced = opening.hasPrefix("```") || opening.hasPrefix("~~~")
        let firstLine = codeBlock.startLine + (isFenced ? 1 : 0)
        let codeLines = codeBlock.literal.split(separator: "\n", omittingEmptySubsequences: false)
        var values: [EnumValue] = []
        var marker: (kind: Kind, text: String, location: SourceLocation)?
        var scanner = LiteralUnionScanner(text: Array(codeBlock.literal.utf8))
        while let token = scanner.next() {
            // cmark removed the indentation before each code line: the code line is the end of
            // the source line, and the column is counted from where it starts there.
            let sourceLine = source.line(firstLine + token.line).utf8.count
            let codeLine = token.line < codeLines.count ? codeLines[token.line].utf8.count : 0
            let column = min(max(1, sourceLine - codeLine + token.column), sourceLine + 1)
            let location = SourceLocation(file: file, line: firstLine + token.line, column: column)
            switch token.kind {
            case .literal(let literal):
                values.append(EnumValue(name: nil, value: literal, location: location))
            case .marker(let text) where unrecognizedMarkers[text] != nil:
                marker = marker ?? (unrecognizedMarkers[text] ?? .strings, text, location)
            case .marker(let text):
                diagnostics.error(
                    "`\(text.excerpt)` is not a literal: write a string in quotes, like \"\(text.excerpt)\"; `## Values` is a union of literals like \"a\" | \"b\" | 3",
                    at: location)
                return values
            case .missingSeparator(let text):
                diagnostics.error(
                    "expected `|` between two values, found `\(text.excerpt)`; `## Values` is a union of literals like \"a\" | \"b\" | 3",
                    at: location)
                return values
            case .unterminated(let text):
                diagnostics.error(
                    "unterminated string `\(text.excerpt)`: add the closing quote",
                    at: location)
                return values
            case .danglingSeparator:
                diagnostics.error(
                    "no value after this `|`: remove it, or add a value; `## Values` is a union of literals like \"a\" | \"b\" | 3",
                    at: location)
                return values
            case .invalid(let text):
                diagnostics.error(
                    "`\(text.excerpt)` is not a literal: `## Values` is a union of literals like \"a\" | \"b\" | 3",
                    at: location)
                return values
            }
        }
        if values.isEmpty {
            diagnostics.error("`## Values` lists no value: expected a union of literals like \"a\" | \"b\"", at: SourceLocation(file: file, line: codeBlock.startLine, column: codeBlock.startColumn))
        }
        checkMarker(marker, values, diagnostics: &diagnostics)
        return values
    }

    static func read(table: PipeTable?, at location: SourceLocation, file: String, diagnostics: inout Diagnostics) -> [EnumValue] {
        guard let table else {
            diagnostics.error(
                "malformed `## Values`: expected a ```typescript block like \"a\" | \"b\" or a `| Name | Value |` table",
                at: location)
            return []
        }
        let headers = table.header.cells.map { $0.text.lowercased() }
        guard let valueColumn = headers.firstIndex(of: "value") else {
            diagnostics.error("the `## Values` table has no `Value` column", at: location)
            return []
        }
        let nameColumn = headers.firstIndex(of: "name")
        var values: [EnumValue] = []
        var valueTexts: [String] = []
        var marker: (kind: Kind, text: String, location: SourceLocation)?
        // The Value and Name cells of all rows, with one cmark parse (`parseInlines(batch:)`).
        let texts = table.rows.flatMap { row in
            row.cells.count == table.header.cells.count ? [row.cells[valueColumn].text, nameColumn.map { row.cells[$0].text } ?? ""] : ["", ""]
        }
        let inlines = MarkdownParser.parseInlines(batch: texts)
        for (rowIndex, row) in table.rows.enumerated() {
            guard row.cells.count == table.header.cells.count else {
                diagnostics.error(
                    "table row has \(row.cells.count) cells, the header has \(table.header.cells.count)",
                    at: SourceLocation(file: file, line: row.line, column: 1))
                continue
            }
            let cell = row.cells[valueColumn]
            let cellLocation = SourceLocation(file: file, line: cell.line, column: cell.column)
            let text = inlines[2 * rowIndex].map(\.plainText).joined()
            if let kind = unrecognizedMarkers[text] {
                marker = marker ?? (kind, text, cellLocation)
                continue
            }
            let name = nameColumn.map { _ in inlines[2 * rowIndex + 1].map(\.plainText).joined() }
            // A blank cell is the empty string: Speakeasy writes `""` as nothing at all.
            values.append(EnumValue(name: name?.isEmpty == false ? name : nil, value: tableLiteral(text), location: cellLocation))
            valueTexts.append(text)
        }
        unquoteNumbers(in: &values, texts: valueTexts, marker: marker?.kind)
        checkMarker(marker, values, diagnostics: &diagnostics)
        return values
    }

    /// Reads values written as a bullet list, one value an item (`- "a"`, `` - `a` ``,
    /// `- a`), the open-enum marker as an item of its own. Unquoted items are read as table
    /// cells are.
    static func read(list: MarkdownNode, file: String, diagnostics: inout Diagnostics) -> [EnumValue] {
        var values: [EnumValue] = []
        var texts: [String] = []
        var marker: (kind: Kind, text: String, location: SourceLocation)?
        for item in list.children where item.kind == .item {
            let location = SourceLocation(file: file, line: item.startLine, column: (item.children.first ?? item).startColumn)
            guard item.children.count <= 1, item.children.allSatisfy({ $0.kind == .paragraph }) else {
                diagnostics.error("a `## Values` list item holds one value, like `- \"a\"`", at: location)
                continue
            }
            let text = item.plainText.trimmingSpaces
            if let kind = unrecognizedMarkers[text] {
                marker = marker ?? (kind, text, location)
                continue
            }
            let literal = tableLiteral(text)
            if case .string(let string) = literal, string == text, text.first == "\"" || text.first == "'" {
                diagnostics.error(
                    "`\(text.excerpt)` is not one literal: a `## Values` list item holds one value, like `- \"a\"`", at: location)
                continue
            }
            values.append(EnumValue(name: nil, value: literal, location: location))
            texts.append(text)
        }
        unquoteNumbers(in: &values, texts: texts, marker: marker?.kind)
        checkMarker(marker, values, diagnostics: &diagnostics)
        return values
    }

    /// The value an unquoted table cell or list item writes: a quoted literal or a number as
    /// such, any other text (the empty text too) as the string itself.
    private static func tableLiteral(_ text: String) -> EnumValue.Literal {
        var scanner = LiteralUnionScanner(text: Array(text.utf8))
        if let token = scanner.next(), case .literal(let parsed) = token.kind, scanner.next() == nil {
            return parsed
        }
        return .string(text)
    }

    /// Speakeasy writes a table's (and a list's) values without quotes, so `1080` may be a
    /// number or the string "1080". The values are numbers only when every one is a number;
    /// the `Unrecognized<…>` marker, where there is one, decides. Otherwise each number is
    /// the string it is written as (`00`, `2160`, `1` beside `last`).
    private static func unquoteNumbers(in values: inout [EnumValue], texts: [String], marker: Kind?) {
        let allNumbers = values.allSatisfy { if case .string = $0.value { false } else { true } }
        switch marker {
        case .numbers?: return
        case .strings?: break
        case nil where allNumbers: return
        case nil: break
        }
        for index in values.indices {
            if case .string = values[index].value { continue }
            values[index].value = .string(texts[index])
        }
    }
}

/// Splits `"a" | 'b' | 12 | -1.5 | Unrecognized<string>` into tokens, with positions.
struct LiteralUnionScanner {
    struct Token: Equatable {
        enum Kind: Equatable {
            case literal(EnumValue.Literal)
            /// A bare word such as `Unrecognized<string>`.
            case marker(String)
            /// A value where a `|` should be: the rest of the line.
            case missingSeparator(String)
            /// A quoted string without its closing quote: the rest of the line.
            case unterminated(String)
            case invalid(String)
            /// A `|` that no value follows.
            case danglingSeparator
        }

        var kind: Kind
        /// 0-based line within the text, 1-based byte column.
        var line: Int
        var column: Int
    }

    private let text: [UInt8]
    private var index = 0
    private var line = 0
    private var lineStart = 0
    private var expectsValue = true

    init(text: [UInt8]) {
        self.text = text
    }

    mutating func next() -> Token? {
        skipSpace()
        guard index < text.count else { return nil }
        if !expectsValue {
            guard text[index] == UInt8(ascii: "|") else {
                let token = Token(kind: .missingSeparator(rest()), line: line, column: column)
                index = text.count
                return token
            }
            // A `|` with nothing after it is reported where it stands, not at the end of the
            // text (which, after a final line break, is a line past the code).
            let separator = (line: line, column: column)
            index += 1
            skipSpace()
            guard index < text.count else { return Token(kind: .danglingSeparator, line: separator.line, column: separator.column) }
        }
        expectsValue = false
        let startColumn = column
        let byte = text[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let start = index
            var malformedEscape = false
            guard let string = quoted(byte, malformedEscape: &malformedEscape) else {
                index = start
                let text = rest()
                let token = Token(kind: malformedEscape ? .invalid(text) : .unterminated(text), line: line, column: startColumn)
                index = text.count
                return token
            }
            return Token(kind: .literal(.string(string)), line: line, column: startColumn)
        }
        let word = bareWord()
        if let integer = Int(word) {
            return Token(kind: .literal(.integer(integer)), line: line, column: startColumn)
        }
        if Double(word) != nil, word.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true {
            return Token(kind: .literal(.number(word)), line: line, column: startColumn)
        }
        return Token(kind: word.isEmpty ? .invalid(rest()) : .marker(word), line: line, column: startColumn)
    }

    private var column: Int { index - lineStart + 1 }

    private func rest() -> String {
        let end = text[index...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
        return String(decoding: text[index..<end], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            default:
                return
            }
        }
    }

    private mutating func bareWord() -> String {
        let start = index
        while index < text.count, ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "|")].contains(text[index]) {
            index += 1
        }
        return String(decoding: text[start..<index], as: UTF8.self)
    }

    /// A quoted string with JSON-style escapes; `nil` when unterminated or malformed.
    private mutating func quoted(_ quote: UInt8, malformedEscape: inout Bool) -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            bytes.removeAll()
        }
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == quote {
                flush()
                return String(scalars)
            }
            if byte == UInt8(ascii: "\n") { return nil }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard index < text.count else { return nil }
            let escaped = text[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "u"):
                guard index + 4 <= text.count,
                      let code = UInt32(String(decoding: text[index..<index + 4], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(code)
                else {
                    malformedEscape = true
                    return nil
                }
                index += 4
                flush()
                scalars.append(scalar)
            default: bytes.append(escaped)
            }
        }
        return nil
    }
}
