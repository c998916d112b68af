/// Parses the inline content of a Type cell (or a union member heading) into an unresolved
/// type expression, in the spellings of one SDK language (its `FlavourVocabulary`).
/// Emphasis and code spans are transparent (`*string*[]` is `string[]`); links stay distinct
/// because their destinations name the linked doc, and a link's text may wrap the linked
/// type (`[Optional[models.X]](…)`, `[*components.X](…)`).
///
/// Grammar, as it occurs in Speakeasy docs (generics open with `<`, in Python `[`, and in Ruby
/// each with its own bracket: `T.nilable(T)`, `T::Array<T>`, `T::Hash[Symbol, T]`):
///
///     union   := postfix ('|' postfix)*
///     postfix := primary ('[' ']')*
///     primary := link | name | name '<' union (',' union)* '>' | '[' name ']'
///              | '{' '[' name ':' 'string' ']' ':' union '}' | '(' union ')'
///              | string-literal | number-literal
///              | '[' ']' primary | 'map' '[' name ']' primary | '*' primary   (Go)
///              | '?' primary                                                   (PHP)
///
/// A name may be qualified with the language's namespace separators (PHP `Components\One`,
/// Ruby `Models::Shared::X`), which read as `.`.
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
        /// `Optional<T>`, `Nullable[T]`, `JsonNullable<T>`: what the wrapper says of a field.
        case marked(Unresolved, Presence)
    }

    /// What a wrapper type says of the field that has it.
    enum Presence: Equatable {
        /// `Optional<T>`: the field may be absent.
        case optional
        /// `Nullable[T]`: the field may be `null`.
        case nullable
        /// `JsonNullable<T>`, `OptionalNullable[T]`: absent, `null` or a value.
        case optionalNullable

        var isNullable: Bool { self != .optional }
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

    private let vocabulary: FlavourVocabulary
    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0
    private var depth = 0

    private init(vocabulary: FlavourVocabulary) {
        self.vocabulary = vocabulary
    }

    static func parse(_ cell: TypeCell, vocabulary: FlavourVocabulary = .typeScript) -> Result<Unresolved, Failure> {
        var parser = TypeExpressionParser(vocabulary: vocabulary)
        do {
            parser.tokens = try parser.tokenize(cell.inlines)
            takeStringLiterals(from: cell.source, into: &parser.tokens)
            guard !parser.tokens.isEmpty else { return .failure(Failure(message: "empty type", offset: 0)) }
            return .success(try parser.parseWhole())
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: nil))
        }
    }

    private mutating func parseWhole() throws -> Unresolved {
        let expression = try parseUnion()
        if position < tokens.count {
            throw failure("unexpected `\(describe(tokens[position].token))` after the type")
        }
        return expression
    }

    /// A link's text that wraps the linked type (`Optional[models.X]`, `*components.X`,
    /// `List<X>`): the text read as a type whose one named type is the link. A text that
    /// names no type (`[date](https://docs.python.org/…)`) is that built-in type.
    private func linkedType(text: String, destination: String, offset: Int) throws -> Unresolved {
        let plain = text.utf8.allSatisfy { Self.isWordByte($0) && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "+") }
        if plain || vocabulary.runtimeNames.contains(vocabulary.qualifiedName(text)) || text.isEmpty {
            return .linked(text: text, destination: destination, column: offset)
        }
        do {
            let expression = try readText(text, offset: offset + 1)
            // A union spelled out (Ruby's `T.any(A, ::String)`, PHP's `string|array|null`) is
            // the linked union doc, whatever the names in it.
            if case .oneOf = Self.unmarked(expression) {
                let link = Unresolved.linked(text: text, destination: destination, column: offset)
                if case .marked(_, let presence) = expression { return .marked(link, presence) }
                return link
            }
            var linkedLeaves = 0
            let linked = Self.replacingNames(in: expression, destination: destination, count: &linkedLeaves)
            return linkedLeaves == 1 ? linked : (linkedLeaves == 0 && !Self.isLocal(destination) ? linked : .linked(text: text, destination: destination, column: offset))
        } catch {
            // Not a type: the link's text is taken as the linked type's name, as ever.
            return .linked(text: text, destination: destination, column: offset)
        }
    }

    /// A link's text read as a type.
    private func readText(_ text: String, offset: Int) throws -> Unresolved {
        var inner = TypeExpressionParser(vocabulary: vocabulary)
        inner.depth = depth
        var textTokens: [(token: Token, offset: Int)] = []
        var openString: OpenString?
        try inner.tokenizeText(text, startingAt: offset, into: &textTokens, openString: &openString)
        guard openString == nil, !textTokens.isEmpty else { throw Failure(message: "", offset: nil) }
        inner.tokens = textTokens
        return try inner.parseWhole()
    }

    private static func unmarked(_ expression: Unresolved) -> Unresolved {
        if case .marked(let inner, _) = expression { return inner }
        return expression
    }

    /// Whether a link's text spells out a union (`T.any(A, ::String)`, `string|array|null`),
    /// which names the linked union doc by its members instead of its name.
    static func spellsUnion(_ text: String, vocabulary: FlavourVocabulary) -> Bool {
        guard let expression = try? TypeExpressionParser(vocabulary: vocabulary).readText(text, offset: 0) else { return false }
        if case .oneOf = unmarked(expression) { return true }
        return false
    }

    private static func isLocal(_ destination: String) -> Bool {
        !ReferenceResolver.hasURLScheme(Substring(destination))
    }

    /// The expression with its named types replaced by links to `destination`.
    private static func replacingNames(in expression: Unresolved, destination: String, count: inout Int) -> Unresolved {
        switch expression {
        case .named(let name, let column):
            count += 1
            return .linked(text: name, destination: destination, column: column)
        case .primitive, .linked: return expression
        case .array(let inner): return .array(replacingNames(in: inner, destination: destination, count: &count))
        case .map(let inner): return .map(replacingNames(in: inner, destination: destination, count: &count))
        case .oneOf(let members): return .oneOf(members.map { replacingNames(in: $0, destination: destination, count: &count) })
        case .stream(let kind, let inner, let column):
            return .stream(kind, replacingNames(in: inner, destination: destination, count: &count), column: column)
        case .marked(let inner, let presence):
            return .marked(replacingNames(in: inner, destination: destination, count: &count), presence)
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

    private func tokenize(_ inlines: [MarkdownNode]) throws -> [(token: Token, offset: Int)] {
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

    private func tokenizeText(
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
            } else if Self.isWordByte(byte) || namespaceSeparatorLength(bytes, at: index) > 0 {
                tokens.append((.word(readWord(bytes, index: &index)), base + start))
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // Read up to the closing quote, in this text or a later one.
                openString = OpenString(quote: byte, offset: base + start)
                index += 1
            } else if "<>,[]{}:|()".utf8.contains(byte) || (byte == UInt8(ascii: "*") && vocabulary.hasPrefixForms)
                        || (vocabulary.nullablePrefix.map { Character(Unicode.Scalar(byte)) == $0 } ?? false) {
                tokens.append((.punctuation(Character(Unicode.Scalar(byte))), base + start))
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                // A backslash markdown left in the text (`List\<String>` in a cell written
                // `List\\<…>`): escaping, not part of the type.
                index += 1
            } else {
                let scalar = String(decoding: bytes[start...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
                throw Failure(message: "unexpected character `\(scalar)` in a type", offset: base + start)
            }
        }
    }

    /// The length of the namespace separator (`\\`, `::`) at `index` when a name goes on after it, else 0.
    private func namespaceSeparatorLength(_ bytes: [UInt8], at index: Int) -> Int {
        for separator in vocabulary.namespaceSeparators {
            let length = separator.utf8.count
            guard index + length < bytes.count, bytes[index..<index + length].elementsEqual(separator.utf8),
                  Self.isWordByte(bytes[index + length])
            else { continue }
            return length
        }
        return 0
    }

    /// A name from `index` on, its namespace separators read as `.`, a leading one dropped
    /// (`\\DateTime` is `DateTime`, `::String` is `String`).
    private func readWord(_ bytes: [UInt8], index: inout Int) -> String {
        var word: [UInt8] = []
        while index < bytes.count {
            if Self.isWordByte(bytes[index]) {
                word.append(bytes[index])
                index += 1
            } else if case let length = namespaceSeparatorLength(bytes, at: index), length > 0 {
                if !word.isEmpty { word.append(UInt8(ascii: ".")) }
                index += length
            } else {
                break
            }
        }
        return String(decoding: word, as: UTF8.self)
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
            // `byte[]` (Java, C#) is bytes.
            if case .named(let name, _) = expression, name == vocabulary.byteArrayElement {
                expression = .primitive(.bytes)
            } else {
                expression = .array(expression)
            }
        }
        return expression
    }

    private mutating func parsePrimary() throws -> Unresolved {
        guard position < tokens.count else { throw failure("the type ends too early") }
        let (token, offset) = tokens[position]
        position += 1
        switch token {
        case .link(let text, let destination):
            return try linkedType(text: text, destination: destination, offset: offset)
        case .string(let value):
            return .primitive(.stringLiteral(value))
        case .punctuation("("):
            let inner = try parseUnion()
            try expect(")", closing: "(")
            return inner
        case .punctuation("[") where vocabulary.hasPrefixForms && peek() == .punctuation("]"):
            // Go's `[]T`.
            position += 1
            let element = try parsePrefixed()
            if case .named(let name, _) = element, name == vocabulary.byteArrayElement { return .primitive(.bytes) }
            return .array(element)
        case .punctuation(let prefix) where prefix == vocabulary.nullablePrefix:
            // PHP's `?string`: the field may be `null`.
            return .marked(try parsePrefixed(), .nullable)
        case .punctuation("*") where vocabulary.hasPrefixForms:
            // Go's pointer `*T`: the field may be absent, which the Required column says.
            return try parsePrefixed()
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
        case .word("map") where vocabulary.hasPrefixForms && peek() == .punctuation("["):
            // Go's `map[string]T`.
            position += 1
            try expectWord("string", context: "`map[…]` keys")
            try expect("]", closing: "map[")
            return .map(try parsePrefixed())
        case .word(let word):
            if let generic = vocabulary.generics[word], case .punctuation(let opener)? = peek(),
               vocabulary.openers(of: word).contains(opener) {
                return try self.generic(word, generic, opener: opener, offset: offset)
            }
            if vocabulary.genericOpener == "<", peek() == .punctuation("<") {
                throw failure("unknown generic type `\(word)<…>`: expected \(vocabulary.genericSummary)", at: offset)
            }
            return try named(word, offset: offset)
        case .punctuation(let character):
            position -= 1
            throw failure("unexpected `\(character)` where a type was expected")
        }
    }

    /// A Go prefix form's operand: a primary without `|` (`[]*string`, `map[string][]T`).
    private mutating func parsePrefixed() throws -> Unresolved {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw failure("the type is nested more than \(Self.maximumDepth) levels deep; a real type nests a few")
        }
        return try parsePostfix()
    }

    private mutating func generic(
        _ word: String, _ generic: FlavourVocabulary.Generic, opener: Character, offset: Int
    ) throws -> Unresolved {
        position += 1  // the opener
        let closer: Character = opener == "[" ? "]" : opener == "(" ? ")" : ">"
        let opening = "\(word)\(opener)"
        switch generic {
        case .map(let keys):
            guard case .word(let key)? = peek(), keys.contains(key) else {
                let expected = keys.sorted().map { "`\($0)`" }.joined(separator: " or ")
                throw failure("`\(word)` keys must be \(expected)" + (peek().map { ", found `\(describe($0))`" } ?? ""))
            }
            position += 1
            try expect(",")
            let value = try parseUnion()
            try expect(closer, closing: opening)
            return .map(value)
        case .list:
            let element = try parseUnion()
            try expect(closer, closing: opening)
            return .array(element)
        case .listOrMap(let keys):
            // `array<string, T>` is a map, `array<T>` a list.
            if case .word(let key)? = peek(), keys.contains(key), peek(1) == .punctuation(",") {
                position += 2
                let value = try parseUnion()
                try expect(closer, closing: opening)
                return .map(value)
            }
            let first = position < tokens.count ? tokens[position] : nil
            let element = try parseUnion()
            if peek() == .punctuation(","), let first {
                let expected = keys.sorted().map { "`\($0)`" }.joined(separator: " or ")
                throw failure("`\(word)` keys must be \(expected), found `\(describe(first.token))`", at: first.offset)
            }
            try expect(closer, closing: opening)
            return .array(element)
        case .bytes(let argument):
            try expectWord(argument, context: "`\(word)`")
            try expect(closer)
            return .primitive(.bytes)
        case .stream(let kind):
            return try stream(kind, column: offset)
        case .optional, .nullable, .optionalNullable:
            let inner = try parseUnion()
            try expect(closer, closing: opening)
            let presence: Presence = generic == .optional ? .optional : generic == .nullable ? .nullable : .optionalNullable
            return .marked(inner, presence)
        case .literal:
            var members = [try literal()]
            while accept(",") { members.append(try literal()) }
            try expect(closer, closing: opening)
            return members.count == 1 ? members[0] : .oneOf(members)
        case .union:
            var members = [try parseUnion()]
            while accept(",") { members.append(try parseUnion()) }
            try expect(closer, closing: opening)
            // `Union[bytes, IO[bytes], io.BufferedReader]`: one type, however many spellings.
            return members.allSatisfy { $0 == members[0] } ? members[0] : .oneOf(members)
        }
    }

    /// One constant of `Literal[…]`: a string, a number, `True`, `False` or `None`.
    private mutating func literal() throws -> Unresolved {
        guard let token = peek() else { throw failure("`Literal[…]` ends too early") }
        switch token {
        case .string(let value):
            position += 1
            return .primitive(.stringLiteral(value))
        case .word("True"), .word("False"):
            position += 1
            return .primitive(.booleanLiteral(token == .word("True")))
        case .word("None"):
            position += 1
            return .primitive(.null)
        case .word(let word) where Double(word) != nil:
            position += 1
            return .primitive(.numberLiteral(word))
        default:
            throw failure("`Literal[…]` holds constants like \"a\", 1, True or None, found `\(describe(token))`")
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
        if let primitive = vocabulary.primitives[word] {
            return .primitive(primitive)
        }
        if let first = word.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            guard Double(word) != nil else { throw Failure(message: "`\(word.excerpt)` is not a number", offset: offset) }
            return .primitive(.numberLiteral(word))
        }
        return .named(word, column: offset)
    }

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

    private func failure(_ message: String, at offset: Int) -> Failure {
        Failure(message: message, offset: offset)
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
