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

    /// `---`, `:--`, `--:` or `:-:`, checked on bytes (Character comparisons of the long
    /// dash runs of padded tables cost more than the rest of the table).
    private static func isDelimiterCell(_ text: String) -> Bool {
        var body = Substring(text).utf8[...]
        if body.first == UInt8(ascii: ":") { body = body.dropFirst() }
        if body.last == UInt8(ascii: ":") { body = body.dropLast() }
        return !body.isEmpty && body.allSatisfy { $0 == UInt8(ascii: "-") }
    }

    /// Splits one row at unescaped pipes, keeping the byte column of each cell.
    static func splitRow(_ text: String, line: Int) -> Row {
        var text = text
        return text.withUTF8 { splitRow($0, line: line) }
    }

    private static func splitRow(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Row {
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
        ranges.reserveCapacity(boundaries.count + 1)
        var start = 0
        for boundary in boundaries {
            ranges.append(start..<boundary)
            start = boundary + 1
        }
        ranges.append(start..<bytes.count)
        // The optional leading and trailing pipes leave empty ranges at the ends.
        if let first = ranges.first, isBlank(bytes, first), let pipe = boundaries.first, isBlank(bytes, 0..<pipe) {
            ranges.removeFirst()
        }
        if ranges.count > 0, let last = ranges.last, isBlank(bytes, last), !boundaries.isEmpty {
            ranges.removeLast()
        }
        let cells = ranges.map { range in cell(bytes, range, line: line) }
        return Row(cells: cells, line: line)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where !isSpace(bytes[index]) { return false }
        return true
    }

    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) -> Cell {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        var hasEscapedPipe = false
        var index = lower
        while index + 1 < upper {
            if bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "|") {
                hasEscapedPipe = true
                break
            }
            index += 1
        }
        guard hasEscapedPipe else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            return Cell(text: text, line: line, column: lower + 1)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(upper - lower)
        index = lower
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
