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
        /// Whether the line starts with a `|` (after spaces). Speakeasy starts every row with
        /// one; a line that does not is the rest of a cell a raw line break cut short.
        public var hasLeadingPipe = true
    }

    public var header: Row
    public var rows: [Row]

    /// Splits the given lines (line number and text, in order) into a table, or returns
    /// `nil` when they are not one: no delimiter row, or a delimiter row whose cell count
    /// differs from the header's.
    public static func parse(lines: [(number: Int, text: String)]) -> PipeTable? {
        table(rowCount: lines.count) { index in splitRow(lines[index].text, line: lines[index].number) }
    }

    /// `parse(lines:)` of lines `lines` of `source`, splitting each line's bytes in place
    /// (no String per line).
    public static func parse(_ source: SourceText, lines: ClosedRange<Int>) -> PipeTable? {
        source.bytes.withUnsafeBufferPointer { bytes in
            table(rowCount: lines.count) { index in
                let number = lines.lowerBound + index
                return splitRow(UnsafeBufferPointer(rebasing: bytes[source.byteRange(ofLine: number)]), line: number)
            }
        }
    }

    /// The table whose rows `row(0)`, `row(1)`, … split: a header, a delimiter row as wide
    /// as the header, then the body rows.
    private static func table(rowCount: Int, row: (Int) -> Row) -> PipeTable? {
        guard rowCount >= 2 else { return nil }
        let header = row(0)
        let delimiter = row(1)
        guard !header.cells.isEmpty,
              delimiter.cells.count == header.cells.count,
              delimiter.cells.allSatisfy({ isDelimiterCell($0.text) })
        else { return nil }
        return PipeTable(header: header, rows: (2..<rowCount).map(row))
    }

    /// `---`, `:--`, `--:` or `:-:`, checked on bytes (Character comparisons of the long
    /// dash runs of padded tables cost more than the rest of the table).
    private static func isDelimiterCell(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var lower = 0
            var upper = bytes.count
            if lower < upper, bytes[lower] == UInt8(ascii: ":") { lower += 1 }
            if lower < upper, bytes[upper - 1] == UInt8(ascii: ":") { upper -= 1 }
            guard lower < upper else { return false }
            return startOfRun(of: UInt8(ascii: "-"), in: bytes, from: lower, to: upper) == lower
        }
    }

    /// Splits one row at unescaped pipes, keeping the byte column of each cell.
    static func splitRow(_ text: String, line: Int) -> Row {
        var text = text
        return text.withUTF8 { splitRow($0, line: line) }
    }

    private static func splitRow(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Row {
        // The cells' ranges, split at the separating pipes; Speakeasy's rows have a handful of
        // cells, so the capacity reserved up front saves the regrowths of a growing array.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        // memchr finds the pipes (rows are padded with long runs of spaces); a pipe separates
        // cells unless a backslash escapes it, that is, unless an odd number of backslashes
        // comes right before it (`\\|` is an escaped backslash, then a separator).
        var start = 0
        var searchFrom = 0
        while let pipe = bytes.firstOffset(of: UInt8(ascii: "|"), from: searchFrom) {
            var backslashes = 0
            while pipe - backslashes > 0, bytes[pipe - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 {
                ranges.append(start..<pipe)
                start = pipe + 1
            }
            searchFrom = pipe + 1
        }
        let hasSeparator = !ranges.isEmpty
        ranges.append(start..<bytes.count)
        // The optional leading and trailing pipes leave empty ranges at the ends.
        let hasLeadingPipe = hasSeparator && isBlank(bytes, ranges[0])
        var cellRanges = ranges[...]
        if hasLeadingPipe {
            cellRanges = cellRanges.dropFirst()
        }
        if let last = cellRanges.last, isBlank(bytes, last), hasSeparator {
            cellRanges = cellRanges.dropLast()
        }
        var cells: [Cell] = []
        cells.reserveCapacity(cellRanges.count)
        for range in cellRanges {
            cells.append(cell(bytes, range, line: line))
        }
        return Row(cells: cells, line: line, hasLeadingPipe: hasLeadingPipe)
    }

    /// Where the run of `byte` that ends at `upper` starts (at least `lower`), comparing eight
    /// bytes at a time: Speakeasy pads every cell to its column's width, and the delimiter
    /// row is long runs of dashes, so byte-by-byte scans of them were a tenth of reading a table.
    private static func startOfRun(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> Int {
        guard let base = bytes.baseAddress else { return upper }
        let eight = UInt64(byte) &* 0x0101_0101_0101_0101
        var start = upper
        while start - lower >= 8, UnsafeRawPointer(base + start - 8).loadUnaligned(as: UInt64.self) == eight {
            start -= 8
        }
        while start > lower, bytes[start - 1] == byte { start -= 1 }
        return start
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
        upper = startOfRun(of: UInt8(ascii: " "), in: bytes, from: lower, to: upper)
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        // Most cells hold no backslash at all; memchr says so without a loop over the bytes.
        var hasEscapedPipe = false
        var searchFrom = lower
        while let backslash = bytes.firstOffset(of: UInt8(ascii: "\\"), from: searchFrom, to: upper - 1) {
            if bytes[backslash + 1] == UInt8(ascii: "|") {
                hasEscapedPipe = true
                break
            }
            searchFrom = backslash + 1
        }
        guard hasEscapedPipe else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            return Cell(text: text, line: line, column: lower + 1)
        }
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
