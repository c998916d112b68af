/// Reads the `## Fields` table: one `Field` per row, columns found by their header names.
struct FieldsTableReader {
    let file: String

    private static let requiredMarker = ":heavy_check_mark:"
    private static let optionalMarker = ":heavy_minus_sign:"

    private struct Columns {
        var field: Int
        var type: Int
        var required: Int
        var description: Int?
        var example: Int?
    }

    func read(_ table: PipeTable?, at tableLocation: SourceLocation, diagnostics: inout Diagnostics) -> [Field] {
        guard let table else {
            diagnostics.error(
                "malformed `## Fields` table: expected a header row `| Field | Type | Required | Description |` followed by a delimiter row `| --- | --- | --- | --- |`",
                at: tableLocation)
            return []
        }
        guard let columns = columns(of: table.header, diagnostics: &diagnostics) else { return [] }
        var fields: [Field] = []
        fields.reserveCapacity(table.rows.count)
        var seen: [String: SourceLocation] = [:]
        seen.reserveCapacity(table.rows.count)
        let expected = table.header.cells.count
        let rows = Self.recoverRows(table.rows, width: expected, columns: columns, leadingPipes: table.header.hasLeadingPipe)
        let inlines = cellInlines(rows.map(\.row), columns: columns)
        for ((row, repair), rowInlines) in zip(rows, inlines) {
            if row.cells.count != expected {
                let lastColumn = row.cells.last.map { $0.column + $0.text.utf8.count } ?? 1
                reportWidth(cells: row.cells.count, expected: expected, line: row.line,
                            column: row.cells.count < expected ? lastColumn : cellColumn(row, expected), diagnostics: &diagnostics)
                continue  // the cells cannot be matched to columns
            }
            // A widened row is read only when its Field, Type and Required cells read; otherwise
            // the extra cell is somewhere else, and the width is the problem to report.
            var rowDiagnostics = Diagnostics()
            let field = field(in: row, inlines: rowInlines, columns: columns, diagnostics: &rowDiagnostics)
            if field == nil, case .widened(let line, _, let cells, _, let extraColumn) = repair {
                reportWidth(cells: cells, expected: expected, line: line, column: extraColumn, diagnostics: &diagnostics)
                continue
            }
            diagnostics.append(contentsOf: rowDiagnostics)
            guard let field else { continue }
            // Recovered only when its Field, Type and Required cells read: then the rest can
            // only belong to its description.
            if let repair {
                diagnostics.warning(repair.message(field: field.name), at: location(repair.line, repair.column))
            }
            if let first = seen[field.name] {
                diagnostics.error("duplicate field `\(field.name.excerpt)`: it is already declared at line \(first.line); remove one of the rows", at: field.location)
                continue
            }
            seen[field.name] = field.location
            fields.append(field)
        }
        return fields
    }

    /// How a row was put back together.
    private enum Repair {
        /// Lines without a leading `|` after it: a raw line break cut its last cell short.
        case continued(line: Int, through: Int)
        /// More cells than the header: unescaped `|`s in the Description cell, from `column`;
        /// `extraColumn` is where the cells past the header's width began.
        case widened(line: Int, column: Int, cells: Int, width: Int, extraColumn: Int)

        var line: Int {
            switch self {
            case .continued(let line, _), .widened(let line, _, _, _, _): line
            }
        }

        var column: Int {
            switch self {
            case .continued: 1
            case .widened(_, let column, _, _, _): column
            }
        }

        func message(field: String) -> String {
            switch self {
            case .continued(let line, let last):
                let lines = line == last ? "line \(line), which does" : "lines \(line)–\(last), which do"
                return "the row of field `\(field.excerpt)` goes on over \(lines) not start with `|`: a raw line break cut its last cell short (write `<br/>` for a line break in a cell); read as one row"
            case .widened(_, _, let cells, let width, _):
                return "the row of field `\(field.excerpt)` has \(cells) cells, the header has \(width): its Description holds an unescaped `|` (write `\\|`); the extra cells are read as part of the Description"
            }
        }
    }

    /// The rows as Speakeasy meant them: in a table whose rows start with `|`, a narrower line
    /// without one continues the row before it (its first cell goes on with that row's last
    /// one), and a row wider than the header
    /// has its extra cells in the Description cell (when there is one), joined with the `|`s
    /// that split them. Rows that need neither are returned as they are.
    private static func recoverRows(
        _ rows: [PipeTable.Row], width: Int, columns: Columns, leadingPipes: Bool
    ) -> [(row: PipeTable.Row, repair: Repair?)] {
        var recovered: [(row: PipeTable.Row, repair: Repair?)] = []
        recovered.reserveCapacity(rows.count)
        for row in rows {
            if leadingPipes, !row.hasLeadingPipe, row.cells.count < width, let first = row.cells.first, var previous = recovered.last,
               let last = previous.row.cells.indices.last {
                previous.row.cells[last].text += "\n" + first.text
                previous.row.cells += row.cells.dropFirst()
                if case .continued(let line, _) = previous.repair {
                    previous.repair = .continued(line: line, through: row.line)
                } else {
                    previous.repair = .continued(line: row.line, through: row.line)
                }
                recovered[recovered.count - 1] = previous
                continue
            }
            recovered.append((row, nil))
        }
        guard let description = columns.description else { return recovered }
        for index in recovered.indices {
            var row = recovered[index].row
            let extra = row.cells.count - width
            guard extra > 0 else { continue }
            let joined = row.cells[description...(description + extra)].map(\.text).joined(separator: " | ")
            let column = row.cells[description + 1].column
            let extraColumn = row.cells[width].column
            row.cells[description].text = joined
            row.cells.removeSubrange((description + 1)...(description + extra))
            // Only a row whose Field and Required cells then read is one Speakeasy meant.
            guard hasIntactKeyCells(row, columns: columns) else { continue }
            if recovered[index].repair == nil {
                recovered[index].repair = .widened(line: row.line, column: column, cells: width + extra, width: width, extraColumn: extraColumn)
            }
            recovered[index].row = row
        }
        return recovered
    }

    /// Whether the Field cell holds a code span (`` `name` ``, `~~`name`~~`) and the Required
    /// cell a marker.
    private static func hasIntactKeyCells(_ row: PipeTable.Row, columns: Columns) -> Bool {
        let field = row.cells[columns.field].text
        let required = row.cells[columns.required].text
        return (field.hasPrefix("`") || field.hasPrefix("~~`")) && (required == requiredMarker || required == optionalMarker)
    }

    /// The inlines of the cells that are read as markdown, per row and column (empty for the
    /// others), from one cmark parse for the whole table.
    private func cellInlines(_ rows: [PipeTable.Row], columns: Columns) -> [[[MarkdownNode]]] {
        let parsed = [columns.field, columns.type, columns.description, columns.example].compactMap { $0 }
        var texts: [String] = []
        texts.reserveCapacity(rows.reduce(0) { $0 + $1.cells.count })
        for row in rows {
            for (index, cell) in row.cells.enumerated() {
                texts.append(parsed.contains(index) ? cell.text : "")
            }
        }
        var flat = MarkdownParser.parseInlines(batch: texts)[...]
        return rows.map { row in
            let cells = Array(flat.prefix(row.cells.count))
            flat = flat.dropFirst(row.cells.count)
            return cells
        }
    }

    private func reportWidth(cells: Int, expected: Int, line: Int, column: Int, diagnostics: inout Diagnostics) {
        diagnostics.error(
            "table row has \(cells) cell\(cells == 1 ? "" : "s"), the header has \(expected): \(cells < expected ? "add the missing cells" : "remove the extra cells") (a `|` inside a cell is written `\\|`)",
            at: location(line, column))
    }

    private func cellColumn(_ row: PipeTable.Row, _ index: Int) -> Int {
        index < row.cells.count ? row.cells[index].column : 1
    }

    /// `| Name | Type | Description |`, with no `Field` and no `Required` column: the table of
    /// an SDK page (Speakeasy's Python `utils/retryconfig.md`), which documents the SDK's own
    /// settings, never a model's fields.
    static func isSDKSettingsTable(_ table: PipeTable?) -> Bool {
        guard let table else { return false }
        let names = table.header.cells.map { $0.text.trimmingSpaces.lowercased() }
        return names.contains("name") && names.contains("type") && !names.contains("field") && !names.contains("required")
    }

    private func columns(of header: PipeTable.Row, diagnostics: inout Diagnostics) -> Columns? {
        // A handful of columns: a search of their names costs less than hashing them. The
        // last column of a name is the one read, as it always was.
        let names = header.cells.map { $0.text.trimmingSpaces.lowercased() }
        let byName = { (name: String) in names.lastIndex(of: name) }
        var missing: [String] = []
        for name in ["field", "type", "required"] where byName(name) == nil {
            missing.append(name.prefix(1).uppercased() + name.dropFirst())
        }
        if !missing.isEmpty {
            let found = header.cells.map { "`\($0.text.excerpt)`" }.joined(separator: ", ")
            diagnostics.error(
                "the `## Fields` table has no \(missing.map { "`\($0)`" }.joined(separator: " or ")) column (found \(found)); expected `Field | Type | Required | Description`",
                at: location(header.line, header.cells.first?.column ?? 1))
            return nil
        }
        return Columns(
            field: byName("field")!, type: byName("type")!, required: byName("required")!,
            description: byName("description"), example: byName("example"))
    }

    private func field(
        in row: PipeTable.Row, inlines: [[MarkdownNode]], columns: Columns, diagnostics: inout Diagnostics
    ) -> Field? {
        let nameCell = row.cells[columns.field]
        let nameLocation = location(nameCell.line, nameCell.column)
        if nameCell.text.isEmpty {
            diagnostics.error("empty Field cell: expected the field name as a code span like `name`", at: nameLocation)
            return nil
        }
        guard let (name, deprecated) = Self.fieldName(inlines[columns.field]) else {
            diagnostics.error(
                "expected the field name as a code span like `name` (or ~~`name`~~ when deprecated), found `\(nameCell.text.excerpt)`: put the name between backticks",
                at: nameLocation)
            return nil
        }
        if name.trimmingSpaces.isEmpty {
            diagnostics.error("the field name is blank: expected the JSON key between the backticks, like `name`", at: nameLocation)
            return nil
        }
        let requiredCell = row.cells[columns.required]
        let isRequired: Bool
        switch requiredCell.text {
        case Self.requiredMarker: isRequired = true
        case Self.optionalMarker: isRequired = false
        default:
            diagnostics.error(
                "unknown Required marker `\(requiredCell.text.excerpt)`: expected \(Self.requiredMarker) (required) or \(Self.optionalMarker) (optional)",
                at: location(requiredCell.line, requiredCell.column))
            return nil
        }
        let typeCell = row.cells[columns.type]
        let typeLocation = location(typeCell.line, typeCell.column)
        if typeCell.text.isEmpty {
            diagnostics.error("field `\(name.excerpt)` has an empty Type cell: expected a type such as *string* or a link to a model doc", at: typeLocation)
            return nil
        }
        var description: RichParagraph = columns.description.map { inlines[$0] } ?? []
        var deprecationMessage: String?
        if deprecated {
            (deprecationMessage, description) = Self.splitDeprecationNotice(description)
        }
        // Speakeasy writes N/A where a field has no description.
        if description.count == 1, description[0].kind == .text, description[0].literal == "N/A" {
            description = []
        }
        let example = columns.example.map { inlines[$0].map(\.plainTextPreservingBreaks).joined() } ?? ""
        return Field(
            name: name,
            location: nameLocation,
            deprecationMessage: deprecationMessage,
            type: TypeCell(inlines: inlines[columns.type], location: typeLocation, source: typeCell.text),
            isRequired: isRequired,
            description: description,
            example: example)
    }

    /// Speakeasy starts a deprecated field's description with
    /// `:warning: ** DEPRECATED **: message<br/><br/>`; returns the message and the rest.
    static func splitDeprecationNotice(_ description: RichParagraph) -> (String, RichParagraph) {
        let breakIndex = description.firstIndex { $0.kind == .htmlInline && $0.literal.lowercased().hasPrefix("<br") }
        let notice = description[..<(breakIndex ?? description.endIndex)].map(\.plainText).joined()
        guard let marker = notice.firstRange(of: "DEPRECATED") else { return ("", description) }
        let afterMarker = notice[marker.upperBound...].drop { character in
            character == "*" || character == ":" || character == " "
        }
        let message = String(afterMarker).trimmingSpaces
        var rest = description[(breakIndex ?? description.endIndex)...]
        while let first = rest.first, first.kind == .htmlInline || first.kind == .softBreak { rest = rest.dropFirst() }
        return (message, Array(rest))
    }

    /// `` `name` `` or `~~`name`~~`.
    private static func fieldName(_ inlines: [MarkdownNode]) -> (String, Bool)? {
        if inlines.count == 1, inlines[0].kind == .code {
            return (inlines[0].literal, false)
        }
        if inlines.count == 3, inlines[1].kind == .code,
           inlines[0].kind == .text, inlines[0].literal == "~~",
           inlines[2].kind == .text, inlines[2].literal == "~~" {
            return (inlines[1].literal, true)
        }
        return nil
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

extension MarkdownNode {
    /// Plain text where `<br/>` becomes a line break.
    var plainTextPreservingBreaks: String {
        if kind == .htmlInline, literal.lowercased().hasPrefix("<br") { return "\n" }
        if children.isEmpty { return plainText }
        return children.map(\.plainTextPreservingBreaks).joined()
    }
}
