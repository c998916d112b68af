/// Parses the inline content of a Type cell (or a union member heading) into an unresolved
/// type expression. Emphasis and code spans are transparent (`*string*[]` is `string[]`);
/// links stay distinct because their destinations name the linked doc.
///
/// Grammar, as it occurs in Speakeasy docs:
///
///     union   := postfix ('|' postfix)*
///     postfix := primary ('[' ']')*
///     primary := link | name | name '<' arguments '>' | '[' name ']'
///              | '{' '[' name ':' 'string' ']' ':' union '}' | '(' union ')'
///              | string-literal | number-literal
struct TypeExpressionParser {
    /// An expression whose model names are not yet looked up.
    indirect enum Unresolved: Equatable {
        case primitive(TypeExpression)
        case named(String, column: Int)
        case linked(text: String, destination: String, column: Int)
        case array(Unresolved)
        case map(Unresolved)
        case oneOf([Unresolved])
        /// `EventStream<T>` or `JsonLStream<T>`, at the column of its name.
        case stream(StreamKind, Unresolved, column: Int)
    }

    struct Failure: Error, Equatable {
        var message: String
        /// 0-based byte offset into the cell text where the problem is, when known.
        var offset: Int?
        /// The problem is that the cell ends too early: it is reported at the cell's end.
        var atEnd = false
    }

    /// Deeper nesting than this (brackets, generic arguments and `[]` suffixes together) is
    /// reported rather than followed, so that resolution and emission, which recurse over
    /// the expression, stay shallow.
    static let maximumDepth = 64

    private enum Token: Equatable {
        case word(String)
        case string(String)
        case punctuation(Character)
        case link(text: String, destination: String)
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0
    private var depth = 0

    static func parse(_ cell: TypeCell) -> Result<Unresolved, Failure> {
        var parser = TypeExpressionParser()
        do {
            parser.tokens = try tokenize(cell.inlines)
            takeStringLiterals(from: cell.source, into: &parser.tokens)
            guard !parser.tokens.isEmpty else { return .failure(Failure(message: "empty type", offset: 0)) }
            let expression = try parser.parseUnion()
            if parser.position < parser.tokens.count {
                throw parser.failure("unexpected `\(parser.describe(parser.tokens[parser.position].token))` after the type")
            }
            return .success(expression)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: nil))
        }
    }

    // MARK: Tokens

    /// A string literal whose closing quote is in a later inline: cmark reads `__` in
    /// `*"__encrypted__"*` as strong emphasis, so the literal spans several text nodes.
    private struct OpenString {
        var quote: UInt8
        var offset: Int
        var content: [UInt8] = []
    }

    private static func tokenize(_ inlines: [MarkdownNode]) throws -> [(token: Token, offset: Int)] {
        var tokens: [(token: Token, offset: Int)] = []
        var offset = 0
        var openString: OpenString?
        var pending: [MarkdownNode] = inlines.reversed()
        while let node = pending.popLast() {
            // cmark's position is exact where it gives one (the cell's inlines are on line 1,
            // a code span starts at its text); the running count only fills in.
            if node.startLine == 1, node.startColumn > 0 { offset = node.startColumn - 1 }
            switch node.kind {
            case .text, .code, .htmlInline:
                // cmark reads `<Uint8Array>` in `ReadableStream<Uint8Array>` as an HTML tag.
                try tokenizeText(node.literal, startingAt: offset, into: &tokens, openString: &openString)
                offset += node.literal.utf8.count
            case .link:
                if let openString {
                    throw Failure(message: "unterminated string literal", offset: openString.offset)
                }
                let text = node.plainText
                tokens.append((.link(text: text, destination: node.url), offset))
                offset += text.utf8.count + node.url.utf8.count + 4
            case .emphasis, .strong:
                pending.append(contentsOf: node.children.reversed())
                offset += 1
            case .softBreak, .lineBreak:
                offset += 1
            default:
                throw Failure(message: "unexpected `\(node.plainText)` in a type", offset: offset)
            }
        }
        if let openString {
            throw Failure(message: "unterminated string literal", offset: openString.offset)
        }
        return tokens
    }

    private static func tokenizeText(
        _ text: String, startingAt base: Int, into tokens: inout [(token: Token, offset: Int)], openString: inout OpenString?
    ) throws {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            if var string = openString {
                while index < bytes.count, bytes[index] != string.quote {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    string.content.append(bytes[index])
                    index += 1
                }
                guard index < bytes.count else {
                    openString = string
                    return
                }
                index += 1
                tokens.append((.string(String(decoding: string.content, as: UTF8.self)), string.offset))
                openString = nil
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if isWordByte(byte) {
                while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                tokens.append((.word(String(decoding: bytes[start..<index], as: UTF8.self)), base + start))
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // Read up to the closing quote, in this text or a later one.
                openString = OpenString(quote: byte, offset: base + start)
                index += 1
            } else if "<>,[]{}:|()".utf8.contains(byte) {
                tokens.append((.punctuation(Character(Unicode.Scalar(byte))), base + start))
                index += 1
            } else {
                let scalar = String(decoding: bytes[start...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
                throw Failure(message: "unexpected character `\(scalar)` in a type", offset: base + start)
            }
        }
    }

    /// Replaces the contents of the string tokens with the literals as the cell's source
    /// writes them: `*"__encrypted__"*` is the string `__encrypted__`, whatever cmark made of
    /// the underscores. The k-th quoted literal of the source is the k-th string token; when
    /// the counts differ (a quote in a link's text), cmark's reading stands.
    private static func takeStringLiterals(from source: String, into tokens: inout [(token: Token, offset: Int)]) {
        let stringIndices = tokens.indices.filter { if case .string = tokens[$0].token { true } else { false } }
        guard !stringIndices.isEmpty else { return }
        let bytes = Array(source.utf8)
        var literals: [String] = []
        var index = 0
        while index < bytes.count {
            let quote = bytes[index]
            index += 1
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            var content: [UInt8] = []
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                content.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { return }
            index += 1
            literals.append(String(decoding: content, as: UTF8.self))
        }
        guard literals.count == stringIndices.count else { return }
        for (literal, tokenIndex) in zip(literals, stringIndices) {
            tokens[tokenIndex].token = .string(literal)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "$"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            return true
        default:
            return byte >= 0x80
        }
    }

    // MARK: Grammar

    private mutating func parseUnion() throws -> Unresolved {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw failure("the type is nested more than \(Self.maximumDepth) levels deep; a real type nests a few")
        }
        var members = [try parsePostfix()]
        while accept("|") {
            members.append(try parsePostfix())
        }
        return members.count == 1 ? members[0] : .oneOf(members)
    }

    private mutating func parsePostfix() throws -> Unresolved {
        var expression = try parsePrimary()
        var suffixes = 0
        while peek() == .punctuation("["), peek(1) == .punctuation("]") {
            suffixes += 1
            guard depth + suffixes <= Self.maximumDepth else {
                throw failure("the type is nested more than \(Self.maximumDepth) levels deep; a real type nests a few")
            }
            position += 2
            expression = .array(expression)
        }
        return expression
    }

    private mutating func parsePrimary() throws -> Unresolved {
        guard position < tokens.count else { throw failure("the type ends too early") }
        let (token, offset) = tokens[position]
        position += 1
        switch token {
        case .link(let text, let destination):
            return .linked(text: text, destination: destination, column: offset)
        case .string(let value):
            return .primitive(.stringLiteral(value))
        case .punctuation("("):
            let inner = try parseUnion()
            try expect(")", closing: "(")
            return inner
        case .punctuation("["):
            // `[File]`: a name in brackets, as Speakeasy writes unlinked union members.
            guard case .word(let name)? = peek() else { throw failure("expected a type name after `[`") }
            position += 1
            try expect("]", closing: "[")
            return try named(name, offset: offset + 1)
        case .punctuation("{"):
            // `{ [k: string]: T }`
            try expect("[")
            guard case .word? = peek() else { throw failure("expected a key name in `{ [k: string]: T }`") }
            position += 1
            try expect(":")
            try expectWord("string", context: "`{ [k: string]: T }` keys")
            try expect("]")
            try expect(":")
            let value = try parseUnion()
            try expect("}", closing: "{")
            return .map(value)
        case .word(let word):
            if peek() == .punctuation("<") {
                return try generic(word)
            }
            return try named(word, offset: offset)
        case .punctuation(let character):
            position -= 1
            throw failure("unexpected `\(character)` where a type was expected")
        }
    }

    private mutating func generic(_ word: String) throws -> Unresolved {
        position += 1  // `<`
        switch word {
        case "Record":
            try expectWord("string", context: "`Record` keys")
            try expect(",")
            let value = try parseUnion()
            try expect(">", closing: "Record<")
            return .map(value)
        case "Array":
            let element = try parseUnion()
            try expect(">", closing: "Array<")
            return .array(element)
        case "ReadableStream":
            try expectWord("Uint8Array", context: "`ReadableStream`")
            try expect(">")
            return .primitive(.bytes)
        case "EventStream", "JsonLStream":
            return try stream(word == "EventStream" ? .serverSentEvents : .jsonLines, column: tokens[position - 2].offset)
        default:
            position -= 2
            throw failure("unknown generic type `\(word)<…>`: expected `Record<string, T>`, `Array<T>` or `ReadableStream<Uint8Array>`")
        }
    }

    /// `EventStream<T>`, `JsonLStream<T>`: exactly one element type.
    private mutating func stream(_ kind: StreamKind, column: Int) throws -> Unresolved {
        let name = kind.spelling
        if peek() == .punctuation(">") {
            throw failure("`\(name)<>` has no element type: write the type of its elements, like `\(name)<components.Event>`")
        }
        let element = try parseUnion()
        if peek() == .punctuation(",") {
            throw failure("`\(name)` takes one element type, found `,`")
        }
        try expect(">", closing: "\(name)<")
        return .stream(kind, element, column: column)
    }

    private func named(_ word: String, offset: Int) throws -> Unresolved {
        if let primitive = Self.primitives[word] {
            return .primitive(primitive)
        }
        if let first = word.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            guard Double(word) != nil else { throw Failure(message: "`\(word.excerpt)` is not a number", offset: offset) }
            return .primitive(.numberLiteral(word))
        }
        return .named(word, column: offset)
    }

    /// The spellings of built-in types in Speakeasy docs.
    static let primitives: [String: TypeExpression] = [
        "string": .string,
        "number": .number,
        "boolean": .boolean,
        "any": .any,
        "Date": .dateTime,
        "RFCDate": .date,
        "File": .bytes,
        "Blob": .bytes,
        "Uint8Array": .bytes,
        "true": .booleanLiteral(true),
        "false": .booleanLiteral(false),
        "null": .null,
    ]

    /// Spellings from other languages and their names here, for "did you mean" hints.
    static let commonMistakes: [String: String] = [
        "integer": "number", "int": "number", "Int": "number", "float": "number", "double": "number",
        "Double": "number", "Number": "number", "str": "string", "String": "string", "text": "string",
        "bool": "boolean", "Bool": "boolean", "Boolean": "boolean", "Datetime": "Date", "DateTime": "Date",
        "datetime": "Date", "date": "Date", "timestamp": "Date", "object": "Record<string, any>",
        "Object": "Record<string, any>", "unknown": "any", "Any": "any", "bytes": "Blob", "binary": "Blob",
        "Map": "Record<string, T>", "list": "T[]",
    ]

    // MARK: Helpers

    private func peek(_ ahead: Int = 0) -> Token? {
        position + ahead < tokens.count ? tokens[position + ahead].token : nil
    }

    private mutating func accept(_ character: Character) -> Bool {
        guard peek() == .punctuation(character) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ character: Character, closing opener: String? = nil) throws {
        guard accept(character) else {
            let purpose = opener.map { " to close `\($0)`" } ?? ""
            throw failure(peek().map { "expected `\(character)`\(purpose), found `\(describe($0))`" }
                ?? "expected `\(character)`\(purpose) before the end of the type")
        }
    }

    private mutating func expectWord(_ word: String, context: String) throws {
        guard peek() == .word(word) else {
            throw failure("\(context) must be `\(word)`" + (peek().map { ", found `\(describe($0))`" } ?? ""))
        }
        position += 1
    }

    private func failure(_ message: String) -> Failure {
        position < tokens.count
            ? Failure(message: message, offset: tokens[position].offset)
            : Failure(message: message, offset: nil, atEnd: true)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let word): return word.excerpt
        case .string(let value): return "\"\(value.excerpt)\""
        case .punctuation(let character): return String(character)
        case .link(let text, _): return "[\(text.excerpt)](…)"
        }
    }
}
