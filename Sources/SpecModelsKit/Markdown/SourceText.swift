/// The bytes of one markdown file, with fast access to its lines by number.
///
/// Lines end as CommonMark (and so cmark, whose line numbers diagnostics use) says: at
/// `\n`, `\r\n` or a lone `\r`.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Offsets of the first byte of each line; line `n` (1-based) starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    public var lineCount: Int { lineStarts.count }

    /// Files without `\r` (nearly all) are scanned for `\n` with memchr, several times faster
    /// than a loop over the bytes.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            if buffer.firstOffset(of: UInt8(ascii: "\r")) == nil {
                var searchFrom = 0
                while let newline = buffer.firstOffset(of: UInt8(ascii: "\n"), from: searchFrom) {
                    starts.append(newline + 1)
                    searchFrom = newline + 1
                }
                return
            }
            for offset in buffer.indices {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n")
                    || (byte == UInt8(ascii: "\r") && (offset + 1 == buffer.count || buffer[offset + 1] != UInt8(ascii: "\n"))) {
                    starts.append(offset + 1)
                }
            }
        }
        return starts
    }

    /// The text of line `number` (1-based) without its line terminator.
    public func line(_ number: Int) -> String {
        String(decoding: bytes[byteRange(ofLine: number)], as: UTF8.self)
    }

    /// The offsets of line `number` (1-based) in `bytes`, without its line terminator; an
    /// empty range for lines that do not exist.
    public func byteRange(ofLine number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, end < bytes.count, bytes[end] == UInt8(ascii: "\n"), bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The line and byte column of the first byte that is not valid UTF-8, if any.
    public func firstInvalidUTF8() -> (line: Int, column: Int)? {
        // ASCII is UTF-8, and most docs are mostly ASCII: eight bytes at a time find the first
        // byte that is not, where a character starts. From there the standard library's
        // validator is many times faster than decoding scalar by scalar (which was 8% of a
        // whole run); the scan below only locates an error.
        let asciiPrefix = asciiPrefixLength(bytes)
        if asciiPrefix == bytes.count || String(validating: bytes[asciiPrefix...], as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return position(ofOffset: offset)
            }
        }
    }

    /// How many bytes at the start are below 0x80, checked a word at a time.
    private func asciiPrefixLength(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            let highBits: UInt64 = 0x8080_8080_8080_8080
            var offset = 0
            while offset + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & highBits == 0 {
                offset += 8
            }
            while offset < raw.count, raw[offset] < 0x80 {
                offset += 1
            }
            return offset
        }
    }

    /// The first byte of line `number` (1-based), or `nil` when the line is empty or does not exist.
    public func firstByte(ofLine number: Int) -> UInt8? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        return start < bytes.count ? bytes[start] : nil
    }

    /// The byte offset of a 1-based line and byte column.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return lineStarts[line - 1] + column - 1
    }

    /// The 1-based line and byte column of a byte offset.
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
