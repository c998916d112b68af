/// A GFM pipe table recovered from the source lines of the paragraph cmark made of it.
///
/// Rows and cells are split by the GFM rules: an unescaped `|` separates cells, the
/// leading and trailing pipes are optional, `\|` is a literal pipe inside a cell, and the
/// second line is the delimiter row (`---`, `:--`, `--:`, `:-:`). Cell contents are left
/// for `MarkdownParser.parseInlines`.
public struct PipeTable: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// The trimmed cell text with `\|` unescaped.
        public var text: String
        public var line: Int
        /// The byte column of the first character of the trimmed text (or of the cell, when empty).
        public var column: Int
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        public var line: Int
    }

    public var header: Row
    public var rows: [Row]

    /// Splits the given lines (line number and text, in order) into a table, or returns
    /// `nil` when they are not one: no delimiter row, or a delimiter row whose cell count
    /// differs from the header's.
    public static func parse(lines: [(number: Int, text: String)]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        let header = splitRow(lines[0].text, line: lines[0].number)
        let delimiter = splitRow(lines[1].text, line: lines[1].number)
        guard !header.cells.isEmpty,
              delimiter.cells.count == header.cells.count,
              delimiter.cells.allSatisfy({ isDelimiterCell($0.text) })
        else { return nil }
        let rows = lines.dropFirst(2).map { splitRow($0.text, line: $0.number) }
        return PipeTable(header: header, rows: rows)
    }

    private static func isDelimiterCell(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix(":") { body = body.dropFirst() }
        if body.hasSuffix(":") { body = body.dropLast() }
        return !body.isEmpty && body.allSatisfy { $0 == "-" }
    }

    /// Splits one row at unescaped pipes, keeping the byte column of each cell.
    static func splitRow(_ text: String, line: Int) -> Row {
        let bytes = Array(text.utf8)
        var boundaries: [Int] = []  // offsets of the separating pipes
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") { boundaries.append(index) }
            index += 1
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for boundary in boundaries {
            ranges.append(start..<boundary)
            start = boundary + 1
        }
        ranges.append(start..<bytes.count)
        // The optional leading and trailing pipes leave empty ranges at the ends.
        if let first = ranges.first, isBlank(bytes[first]), boundaries.first.map({ isBlank(bytes[0..<$0]) }) == true {
            ranges.removeFirst()
        }
        if ranges.count > 0, let last = ranges.last, isBlank(bytes[last]), !boundaries.isEmpty {
            ranges.removeLast()
        }
        let cells = ranges.map { range in cell(bytes[range], offset: range.lowerBound, line: line) }
        return Row(cells: cells, line: line)
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func cell(_ bytes: ArraySlice<UInt8>, offset: Int, line: Int) -> Cell {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(upper - lower)
        var index = lower
        while index < upper {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < upper, bytes[index + 1] == UInt8(ascii: "|") {
                index += 1
            }
            unescaped.append(bytes[index])
            index += 1
        }
        return Cell(text: String(decoding: unescaped, as: UTF8.self), line: line, column: lower + 1)
    }
}
