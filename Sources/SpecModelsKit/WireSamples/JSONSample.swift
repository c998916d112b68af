/// A JSON payload read with the place of every value and key, object keys in the order the
/// text gives them, and numbers as spelled: what `learn-keys` needs to say where a key is.
///
/// Foundation's `JSONSerialization` loses all three (and the difference between `1` and `1.0`).
public struct JSONSample: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([JSONSample])
        case string(String)
        /// The number as spelled (`42`, `-1.5e3`).
        case number(String)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public var key: String
        /// Where the key's opening quote is, in the text parsed (1-based line, byte column).
        public var keyLine: Int
        public var keyColumn: Int
        public var value: JSONSample
    }

    public var value: Value
    /// Where the value starts, in the text parsed (1-based line, byte column).
    public var line: Int
    public var column: Int

    /// Whether a number's spelling is an integer (no fraction, no exponent).
    public static func isInteger(_ spelling: String) -> Bool {
        !spelling.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// A problem in the text, at a 1-based line and byte column of it.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Containers nested deeper than this are an error, not a stack overflow.
    public static let maximumDepth = 512

    /// Parses one JSON value (RFC 8259), surrounded by nothing but whitespace.
    public static func parse(_ text: String) -> Result<JSONSample, SyntaxError> {
        var parser = JSONSampleParser(bytes: Array(text.utf8))
        do {
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            if !parser.atEnd {
                throw parser.error("unexpected text after the JSON value")
            }
            return .success(value)
        } catch let error as SyntaxError {
            return .failure(error)
        } catch {
            return .failure(SyntaxError(message: "\(error)", line: 1, column: 1))
        }
    }
}

/// A recursive-descent reader over UTF-8 bytes that tracks the line and column it is at.
private struct JSONSampleParser {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    /// The offset of the current line's first byte, for columns.
    var lineStart = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset >= bytes.count }
    var column: Int { offset - lineStart + 1 }

    func error(_ message: String) -> JSONSample.SyntaxError {
        JSONSample.SyntaxError(message: message, line: line, column: column)
    }

    /// What the next byte is, for messages.
    var found: String {
        guard !atEnd else { return "the end of the text" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "`\(Character(Unicode.Scalar(byte)))`" }
        return "byte \(hex(byte))"
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSONSample {
        let (startLine, startColumn) = (line, column)
        func node(_ value: JSONSample.Value) -> JSONSample {
            JSONSample(value: value, line: startLine, column: startColumn)
        }
        guard !atEnd else { throw error("expected a JSON value, found the end of the text") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            guard depth < JSONSample.maximumDepth else { throw error("JSON nested deeper than \(JSONSample.maximumDepth) levels") }
            return node(.object(try members(depth: depth)))
        case UInt8(ascii: "["):
            guard depth < JSONSample.maximumDepth else { throw error("JSON nested deeper than \(JSONSample.maximumDepth) levels") }
            return node(.array(try elements(depth: depth)))
        case UInt8(ascii: "\""):
            return node(.string(try string()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return node(.number(try number()))
        case UInt8(ascii: "t"):
            try literal("true")
            return node(.bool(true))
        case UInt8(ascii: "f"):
            try literal("false")
            return node(.bool(false))
        case UInt8(ascii: "n"):
            try literal("null")
            return node(.null)
        default:
            throw error("expected a JSON value, found \(found)")
        }
    }

    private mutating func members(depth: Int) throws -> [JSONSample.Member] {
        offset += 1  // {
        skipWhitespace()
        var result: [JSONSample.Member] = []
        if !atEnd && bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return result
        }
        while true {
            guard !atEnd, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes, found \(found)")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            skipWhitespace()
            guard !atEnd, bytes[offset] == UInt8(ascii: ":") else { throw error("expected `:` after the key, found \(found)") }
            offset += 1
            skipWhitespace()
            let value = try value(depth: depth + 1)
            result.append(JSONSample.Member(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            guard !atEnd else { throw error("expected `,` or `}`, found the end of the text") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
            } else if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return result
            } else {
                throw error("expected `,` or `}`, found \(found)")
            }
        }
    }

    private mutating func elements(depth: Int) throws -> [JSONSample] {
        offset += 1  // [
        skipWhitespace()
        var result: [JSONSample] = []
        if !atEnd && bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return result
        }
        while true {
            result.append(try value(depth: depth + 1))
            skipWhitespace()
            guard !atEnd else { throw error("expected `,` or `]`, found the end of the text") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
            } else if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return result
            } else {
                throw error("expected `,` or `]`, found \(found)")
            }
        }
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard !atEnd, bytes[offset] == byte else { throw error("expected `\(word)`, found \(found)") }
            offset += 1
        }
    }

    private mutating func number() throws -> String {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
            return offset - first
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit, found \(found)") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            offset = integerStart
            throw error("a number may not start with 0 followed by digits")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw error("expected a digit after `.`, found \(found)") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func string() throws -> String {
        offset += 1  // "
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun(upTo end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard !atEnd else { throw error("unterminated string: expected a closing `\"`") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                flushRun(upTo: offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun(upTo: offset)
                offset += 1
                scalars.append(try escape())
                runStart = offset
            case 0..<0x20:
                throw error("control character \(hex(byte)) in a string: escape it")
            default:
                offset += 1
            }
        }
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard !atEnd else { throw error("unterminated string: expected a closing `\"`") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexQuad()
            if (0xD800..<0xDC00).contains(first) {
                // A high surrogate must be followed by `\u` and a low one.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("`\\u` high surrogate without a low surrogate after it")
                }
                offset += 2
                let second = try hexQuad()
                guard (0xDC00..<0xE000).contains(second) else { throw error("`\\u` high surrogate followed by something other than a low surrogate") }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("`\\u` low surrogate without a high surrogate before it") }
            return scalar
        default:
            offset -= 1
            throw error("unknown escape `\\\(found.trimmingBackticks)` in a string")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard !atEnd else { throw error("expected four hex digits after `\\u`, found the end of the text") }
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after `\\u`, found \(found)")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }
}

/// `0x0A`.
private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
}

private extension String {
    var trimmingBackticks: String {
        hasPrefix("`") && hasSuffix("`") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
