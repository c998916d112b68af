import Foundation

/// The TypeScript example literal of a Speakeasy model doc, converted to JSON.
///
/// Speakeasy writes one ```` ```typescript ```` block per model under `## Example Usage`, and one
/// per member under `## Supported Types` for unions:
///
///     import { ListInstallationsConnection } from "@amp-labs/sdk-node-platform/models/operations";
///
///     let value: ListInstallationsConnection = {
///       id: "connection-123",
///       createTime: new Date("2023-07-13T21:34:44.816354Z"),
///       scopes: ["[\"oauth\"]"],
///     };
///
/// `parse(_:)` takes the whole block text (imports included) and returns the annotated type and
/// the value as canonical JSON, so a test can decode it with the generated model.
///
/// The accepted language is the data subset of TypeScript/JSON5, read by a hand-written
/// recursive-descent parser:
/// - `import …` statements (skipped), then one `let`/`const`/`var` declaration `name: Type = value;`
///   (`export` allowed). The type is everything between `:` and `=`, whitespace collapsed.
/// - Objects with identifier, quoted (`"k"`, `'k'`) or decimal-integer keys; arrays; trailing commas.
/// - Strings in `"`, `'` or backticks (no `${}`), joined by `+` (`"a" + "b"`), with every JS escape: `\" \' \\ \/ \b \f \n \r \t \v
///   \0 \xHH \uXXXX \u{X…}`, surrogate pairs, line continuations, and identity escapes
///   (`\.` is `.`, as in JavaScript). Octal escapes are rejected, as in strict mode.
/// - Numbers keep their spelling (`215118`, `1.50`, `-2.5e-3`); forms JSON lacks are normalised:
///   `.5` → `0.5`, `5.` → `5`, `+1` → `1`, `1_000` → `1000`, `10n` → `10`, `0x1F`/`0o17`/`0b11` →
///   decimal. `NaN`, `Infinity` and leading zeros are errors.
/// - `true`, `false`, `null`; `undefined` follows `JSON.stringify`: a property is dropped, an
///   array element becomes `null`, a top-level `undefined` is an error.
/// - `new Date("…")` and `new RFCDate("…")` become the string `"…"`.
/// - An enum member reference, `DefaultSubtitleForced.PreferForced` (or `ns.Enum.Member`), becomes
///   the member's value, looked up in the `EnumMembers` passed to `parse` (built from the enum
///   docs' Values tables) in the namespace the block imports the enum from
///   (`import { X } from "…/models/shared"`); an unknown member is a syntax error.
/// - `await` before a value is ignored.
/// - `//` and `/* */` comments between tokens are ignored, except where they stand in for data.
///
/// Placeholders (not data) are reported as `Failure.placeholder`:
/// - a block without a declaration that holds a comment (`// No examples available for this model`);
/// - a comment where a value is required (`let value: X = /* values here */;`, `a: /* … */,`);
/// - a block comment right before a closing `}`/`]` (`{ /* values here */ }`, `[/* … */]`);
/// - a spread/ellipsis `...`.
///
/// Runtime values with no JSON form are reported as `Failure.notData` with the reason: a function
/// call (`await openAsBlob("example.file")`) or another constructor (`new Blob(…)`).
///
/// An empty object `{}` is data (all-optional models and free-form maps use it).
///
/// Output JSON is compact UTF-8 with object keys sorted by their UTF-8 bytes, strings escaped per
/// RFC 8259 (`"`, `\`, control characters; `/` and non-ASCII are written as-is). Two examples
/// that differ only in key order or number-free formatting compare equal.
struct TypeScriptExample: Sendable, Equatable {
    /// The annotated type, e.g. `ListInstallationsConnection`, `operations.X`, `operations.X[]`,
    /// `{ [k: string]: operations.ProviderInfo }` (source text with whitespace runs collapsed).
    let typeName: String
    /// The value as canonical JSON (UTF-8). May be a fragment: a top-level string, number, etc.
    let json: Data

    init(typeName: String, json: Data) {
        self.typeName = typeName
        self.json = json
    }

    /// `json` as a `String`.
    var jsonString: String { String(decoding: json, as: UTF8.self) }

    /// Decodes `json` as `T`.
    func decode<T: Decodable>(_ type: T.Type = T.self, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(T.self, from: json)
    }

    /// Why a block did not convert.
    enum Failure: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
        /// The example is a placeholder, not data. The payload is the placeholder's source text
        /// verbatim, e.g. `// No examples available for this model`, `/* values here */`, `...`.
        case placeholder(String)
        /// The block is not valid example syntax. `line` and `column` are 1-based, relative to the
        /// text passed to `parse(_:)`; the column counts Unicode scalars.
        case syntax(message: String, line: Int, column: Int)
        /// The example is a runtime value with no JSON form, such as `await openAsBlob("x")` or
        /// `new Blob(…)`; the payload says why.
        case notData(String)

        var description: String {
            switch self {
            case .placeholder(let text):
                return "placeholder, not data: \(text)"
            case .syntax(let message, let line, let column):
                return "\(line):\(column): \(message)"
            case .notData(let reason):
                return "not data: \(reason)"
            }
        }

        var errorDescription: String? { description }

        var isPlaceholder: Bool {
            if case .placeholder = self { return true }
            return false
        }

        /// A placeholder or a runtime value: the doc shows no data, so the example is skipped,
        /// with `description` as the reason. Only `.syntax` means the example itself is wrong.
        var isSkipped: Bool {
            if case .syntax = self { return false }
            return true
        }
    }

    /// Converts the text of one ```` ```typescript ```` block (without the fences). An enum member
    /// reference (`BoolInt.True`) becomes the member's value from `enumMembers`; an enum the block
    /// does not import is looked up in `namespace`, the namespace of the doc the block is in
    /// (`components`), before its plain name (which two namespaces' enums may share).
    static func parse(
        _ source: String, enumMembers: EnumMembers = EnumMembers(), namespace: String? = nil
    ) throws(Failure) -> TypeScriptExample {
        var parser = Parser(source: source, enumMembers: enumMembers, namespace: namespace)
        let (typeName, value) = try parser.parseBlock()
        var bytes: [UInt8] = []
        Parser.write(value, into: &bytes)
        return TypeScriptExample(typeName: typeName, json: Data(bytes))
    }

    /// The value of the block as the parser reads it, for a reader that only walks it (the
    /// nulls of examples): the same blocks convert and fail as with `parse(_:enumMembers:namespace:)`,
    /// without writing JSON and reading it back.
    static func parseValue(
        _ source: String, enumMembers: EnumMembers = EnumMembers(), namespace: String? = nil
    ) throws(Failure) -> Value {
        var parser = Parser(source: source, enumMembers: enumMembers, namespace: namespace)
        return try parser.parseBlock().value
    }

    /// The enum members an example may name, with their values: `DefaultSubtitleForced.PreferForced`
    /// is `1` when the `DefaultSubtitleForced` doc's Values table says so.
    struct EnumMembers: Sendable {
        /// Enum name (as examples spell it: `Name` or `namespace.Name`) → member name → value.
        private var values: [String: [String: EnumValue.Literal]]

        init(_ values: [String: [String: EnumValue.Literal]] = [:]) {
            self.values = values
        }

        /// The value of `enumName.member`. An enum imported from a module whose last path
        /// component is a namespace (`…/models/shared`) is looked up as `shared.Name` first; one
        /// not imported, in `namespace` (the example's own doc's) first.
        func value(
            enumName: String, member: String, importedFrom module: String? = nil, namespace: String? = nil
        ) -> EnumValue.Literal? {
            let first = module.flatMap { $0.split(separator: "/").last.map(String.init) } ?? namespace
            if let first, !first.isEmpty, let value = values["\(first).\(enumName)"]?[member] {
                return value
            }
            return values[enumName]?[member]
        }
    }
}

// MARK: - Implementation

extension TypeScriptExample {
    /// A parsed value. Its JSON form drops an object's `undefined` members (an array's
    /// `undefined` elements are already `null`) and sorts the members by key.
    indirect enum Value: Sendable {
        case string(String)
        /// JSON spelling of the number.
        case number(String)
        case bool(Bool)
        case null
        case undefined
        case array([Value])
        case object([(key: String, value: Value)])
    }

    fileprivate struct Comment {
        var text: String
        var isBlock: Bool
    }

    fileprivate enum Kind: Equatable {
        case identifier(String)
        case string(String)
        /// Already in JSON spelling, without sign.
        case number(String)
        case punct(Unicode.Scalar)
        case ellipsis
        case eof
    }

    fileprivate struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// Comments between the previous token and this one.
        var comments: [Comment]
    }

    fileprivate struct Parser {
        static let maxDepth = 256

        let s: [Unicode.Scalar]
        let enumMembers: EnumMembers
        /// The namespace of the doc the block is in, where an enum the block does not import is
        /// looked up first.
        let namespace: String?
        /// Imported local name → module specifier (`"@lukehagar/plexjs/models/shared"`) and the
        /// name the module exports (`import { A as B }`).
        var imports: [String: (module: String, name: String)] = [:]
        var pos = 0
        var lookahead: Token?

        init(source: String, enumMembers: EnumMembers, namespace: String?) {
            s = Array(source.unicodeScalars)
            self.enumMembers = enumMembers
            self.namespace = namespace
        }

        // MARK: Statements

        mutating func parseBlock() throws(Failure) -> (typeName: String, value: Value) {
            var comments: [Comment] = []
            while true {
                let token = try next()
                comments.append(contentsOf: token.comments)
                switch token.kind {
                case .identifier("import"):
                    try parseImport(token)
                case .identifier("export"), .punct(";"):
                    continue
                case .identifier("let"), .identifier("const"), .identifier("var"):
                    return try parseDeclaration()
                case .eof:
                    if !comments.isEmpty {
                        throw Failure.placeholder(comments.map(\.text).joined(separator: "\n"))
                    }
                    throw fail("no `let value: Type = …` declaration found", at: token.start)
                default:
                    throw fail("expected an import or a `let`/`const` declaration, found \(describe(token))", at: token.start)
                }
            }
        }

        /// Reads `import { A, B as C } from "module";` (or `import "module";`), recording the module
        /// of each imported name; the `import` token is consumed.
        mutating func parseImport(_ importToken: Token) throws(Failure) {
            var depth = 0
            var names: [(local: String, exported: String)] = []
            var renaming = false
            while true {
                let token = try next()
                switch token.kind {
                case .eof:
                    throw fail("unterminated import statement", at: importToken.start)
                case .punct("{"):
                    depth += 1
                case .punct("}"):
                    depth -= 1
                case .punct(";") where depth == 0:
                    return
                case .identifier("as"):
                    renaming = true
                case .identifier(let name) where depth > 0:
                    if renaming, let last = names.popLast() {
                        names.append((name, last.exported))
                    } else {
                        names.append((name, name))
                    }
                    renaming = false
                case .string(let module) where depth == 0:
                    for name in names { imports[name.local] = (module, name.exported) }
                    if case .punct(";") = try peek().kind { _ = try next() }
                    return
                default:
                    break
                }
            }
        }

        /// `name: Type = value;` after the `let`/`const`/`var` keyword.
        mutating func parseDeclaration() throws(Failure) -> (typeName: String, value: Value) {
            let nameToken = try next()
            guard case .identifier(let name) = nameToken.kind else {
                throw fail("expected a variable name, found \(describe(nameToken))", at: nameToken.start)
            }
            let colon = try next()
            guard colon.kind == .punct(":") else {
                throw fail("expected a type annotation `\(name): Type`, found \(describe(colon))", at: colon.start)
            }
            let typeName = try parseTypeAnnotation(after: colon)
            _ = try next()  // `=`

            let valueToken = try peek()
            let value = try parseValue(depth: 0)
            if case .undefined = value {
                throw fail("`undefined` has no JSON representation", at: valueToken.start)
            }

            var token = try next()
            while token.kind == .punct(";") { token = try next() }
            guard token.kind == .eof else {
                throw fail("unexpected \(describe(token)) after the value", at: token.start)
            }
            return (typeName, value)
        }

        /// Reads the type up to the `=` at nesting depth 0 (not consumed) and returns its source
        /// text with whitespace and comments collapsed to single spaces.
        mutating func parseTypeAnnotation(after colon: Token) throws(Failure) -> String {
            var text = ""
            var previousEnd: Int?
            var depth = 0
            while true {
                let token = try peek()
                let isArrow = token.kind == .punct("=") && token.end < s.count && s[token.end] == ">"
                switch token.kind {
                case .eof, .punct(";"):
                    throw fail("expected `=` and a value after the type annotation, found \(describe(token))", at: token.start)
                case .punct("=") where depth == 0 && !isArrow:
                    guard previousEnd != nil else {
                        throw fail("empty type annotation", at: token.start)
                    }
                    return text
                case .punct("{"), .punct("["), .punct("("), .punct("<"):
                    depth += 1
                case .punct("}"), .punct("]"), .punct(")"), .punct(">"):
                    depth -= 1
                    if depth < 0 {
                        throw fail("unbalanced \(describe(token)) in the type annotation", at: token.start)
                    }
                default:
                    break
                }
                _ = try next()
                var end = token.end
                if isArrow {
                    end = try next().end  // the `>` of `=>`
                }
                if let previousEnd, previousEnd < token.start { text += " " }
                text += String(String.UnicodeScalarView(s[token.start..<end]))
                previousEnd = end
            }
        }

        // MARK: Values

        mutating func parseValue(depth: Int) throws(Failure) -> Value {
            let token = try peek()
            if depth > Self.maxDepth {
                throw fail("nesting deeper than \(Self.maxDepth) levels", at: token.start)
            }
            if !Self.startsValue(token.kind), let comment = token.comments.first {
                throw Failure.placeholder(comment.text)
            }
            switch token.kind {
            case .ellipsis:
                throw Failure.placeholder("...")
            case .punct("{"):
                _ = try next()
                return try parseObject(depth: depth)
            case .punct("["):
                _ = try next()
                return try parseArray(depth: depth)
            case .string(var text):
                _ = try next()
                // `"a" + "b"`: a long string split over lines, one constant.
                while try peek().kind == .punct("+") {
                    _ = try next()
                    let operand = try next()
                    guard case .string(let more) = operand.kind else {
                        throw fail("expected a string after `+`, found \(describe(operand))", at: operand.start)
                    }
                    text += more
                }
                return .string(text)
            case .number(let spelling):
                _ = try next()
                return .number(spelling)
            case .punct("-"), .punct("+"):
                _ = try next()
                let operand = try next()
                guard case .number(let spelling) = operand.kind else {
                    throw fail("expected a number after the sign, found \(describe(operand))", at: operand.start)
                }
                return .number(token.kind == .punct("-") ? "-" + spelling : spelling)
            case .identifier(let word):
                _ = try next()
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                case "undefined": return .undefined
                case "new": return try parseNew(newToken: token)
                case "await":
                    return try parseValue(depth: depth + 1)
                case "NaN", "Infinity":
                    throw fail("`\(word)` has no JSON representation", at: token.start)
                default:
                    return try parseReference(word, at: token)
                }
            default:
                throw fail("expected a value, found \(describe(token))", at: token.start)
            }
        }

        /// `Date("…")` or `RFCDate("…")` after `new`: the string. Any other constructor builds a
        /// runtime object, which is not data.
        mutating func parseNew(newToken: Token) throws(Failure) -> Value {
            let constructor = try next()
            guard case .identifier(let name) = constructor.kind else {
                throw fail("expected a constructor after `new`, found \(describe(constructor))", at: constructor.start)
            }
            guard Self.dateConstructors.contains(name) else {
                throw Failure.notData("`new \(name)(…)` builds a runtime object, not JSON data")
            }
            let open = try next()
            guard open.kind == .punct("(") else {
                throw fail("expected `(` after `new \(name)`, found \(describe(open))", at: open.start)
            }
            let argument = try next()
            guard case .string(let text) = argument.kind else {
                throw fail("`new \(name)(…)` needs a string literal argument, found \(describe(argument))", at: argument.start)
            }
            if try peek().kind == .punct(",") { _ = try next() }
            let close = try next()
            guard close.kind == .punct(")") else {
                throw fail("expected `)` to close `new \(name)(`, found \(describe(close))", at: close.start)
            }
            return .string(text)
        }

        /// The constructors whose one string argument is the value's JSON form.
        static let dateConstructors: Set<String> = ["Date", "RFCDate"]

        /// An identifier that is not a literal keyword, already consumed: `Enum.Member` (its
        /// value, from `enumMembers`) or a function call such as `openAsBlob("x")` (not data).
        mutating func parseReference(_ word: String, at token: Token) throws(Failure) -> Value {
            var path = [word]
            while try peek().kind == .punct(".") {
                _ = try next()
                let part = try next()
                guard case .identifier(let name) = part.kind else {
                    throw fail("expected a name after `.`, found \(describe(part))", at: part.start)
                }
                path.append(name)
            }
            let spelling = path.joined(separator: ".")
            if try peek().kind == .punct("(") {
                throw Failure.notData("`\(spelling)(…)` is a function call, its result a runtime value, not JSON data")
            }
            guard path.count >= 2 else {
                throw fail("unsupported expression `\(word)`; only literals, `new Date(\"…\")` and enum members are data", at: token.start)
            }
            let imported = imports[path[0]]
            let enumName = ([imported?.name ?? path[0]] + path.dropFirst().dropLast()).joined(separator: ".")
            guard
                let value = enumMembers.value(
                    enumName: enumName, member: path[path.count - 1], importedFrom: imported?.module,
                    namespace: imported == nil && path.count == 2 ? namespace : nil)
            else {
                throw fail("`\(spelling)` names no member of a known enum", at: token.start)
            }
            switch value {
            case .string(let text): return .string(text)
            case .integer(let number): return .number(String(number))
            case .number(let spelling): return .number(spelling)
            }
        }

        /// The members after `{`, through the closing `}`.
        mutating func parseObject(depth: Int) throws(Failure) -> Value {
            var members: [(key: String, value: Value)] = []
            var seen: Set<String> = []
            while true {
                let keyToken = try peek()
                if keyToken.kind == .punct("}") {
                    if let comment = keyToken.comments.first(where: \.isBlock) {
                        throw Failure.placeholder(comment.text)
                    }
                    _ = try next()
                    return .object(members)
                }
                let key: String
                switch keyToken.kind {
                case .ellipsis:
                    throw Failure.placeholder("...")
                case .identifier(let word):
                    key = word
                case .string(let text):
                    key = text
                case .number(let spelling) where spelling.unicodeScalars.allSatisfy(Self.isDecimalDigit):
                    key = spelling
                case .number:
                    throw fail("only decimal integer literals are supported as numeric property names", at: keyToken.start)
                case .punct("["):
                    throw fail("computed property names are not data", at: keyToken.start)
                default:
                    throw fail("expected a property name or `}`, found \(describe(keyToken))", at: keyToken.start)
                }
                _ = try next()

                let colon = try peek()
                switch colon.kind {
                case .punct(":"):
                    _ = try next()
                case .punct(","), .punct("}"):
                    throw fail("shorthand property `\(key)` is not data; expected `:`", at: colon.start)
                case .punct("("):
                    throw fail("method `\(key)(…)` is not data", at: colon.start)
                default:
                    throw fail("expected `:` after property name \(describe(keyToken)), found \(describe(colon))", at: colon.start)
                }

                guard seen.insert(key).inserted else {
                    throw fail("duplicate property \(Self.quoted(key))", at: keyToken.start)
                }
                let value = try parseValue(depth: depth + 1)
                members.append((key, value))

                let separator = try peek()
                switch separator.kind {
                case .punct(","):
                    _ = try next()
                case .punct("}"):
                    continue
                default:
                    throw fail("expected `,` or `}` after the value of \(Self.quoted(key)), found \(describe(separator))", at: separator.start)
                }
            }
        }

        /// The elements after `[`, through the closing `]`.
        mutating func parseArray(depth: Int) throws(Failure) -> Value {
            var elements: [Value] = []
            while true {
                let token = try peek()
                switch token.kind {
                case .punct("]"):
                    if let comment = token.comments.first(where: \.isBlock) {
                        throw Failure.placeholder(comment.text)
                    }
                    _ = try next()
                    return .array(elements)
                case .punct(","):
                    throw fail("empty array element (a hole) is not data", at: token.start)
                default:
                    break
                }
                let value = try parseValue(depth: depth + 1)
                if case .undefined = value {
                    elements.append(.null)
                } else {
                    elements.append(value)
                }

                let separator = try peek()
                switch separator.kind {
                case .punct(","):
                    _ = try next()
                case .punct("]"):
                    continue
                default:
                    throw fail("expected `,` or `]` after an array element, found \(describe(separator))", at: separator.start)
                }
            }
        }

        static func startsValue(_ kind: Kind) -> Bool {
            switch kind {
            case .identifier, .string, .number, .ellipsis, .punct("{"), .punct("["), .punct("-"), .punct("+"):
                return true
            default:
                return false
            }
        }

        // MARK: Lexer

        mutating func peek() throws(Failure) -> Token {
            if let lookahead { return lookahead }
            let token = try lex()
            lookahead = token
            return token
        }

        mutating func next() throws(Failure) -> Token {
            let token = try peek()
            lookahead = nil
            return token
        }

        mutating func lex() throws(Failure) -> Token {
            var comments: [Comment] = []
            while pos < s.count {
                let c = s[pos]
                if Self.isWhitespace(c) || Self.isLineTerminator(c) {
                    pos += 1
                } else if c == "/", pos + 1 < s.count, s[pos + 1] == "/" {
                    let start = pos
                    while pos < s.count, !Self.isLineTerminator(s[pos]) { pos += 1 }
                    comments.append(Comment(text: text(start, pos), isBlock: false))
                } else if c == "/", pos + 1 < s.count, s[pos + 1] == "*" {
                    let start = pos
                    pos += 2
                    while pos < s.count, !(s[pos] == "*" && pos + 1 < s.count && s[pos + 1] == "/") { pos += 1 }
                    guard pos < s.count else {
                        throw fail("unterminated block comment", at: start)
                    }
                    pos += 2
                    comments.append(Comment(text: text(start, pos), isBlock: true))
                } else {
                    break
                }
            }

            let start = pos
            guard pos < s.count else {
                return Token(kind: .eof, start: pos, end: pos, comments: comments)
            }
            let c = s[pos]
            let kind: Kind
            if c == "\"" || c == "'" || c == "`" {
                kind = .string(try lexString())
            } else if Self.isDecimalDigit(c) || (c == "." && pos + 1 < s.count && Self.isDecimalDigit(s[pos + 1])) {
                kind = .number(try lexNumber())
            } else if c == ".", pos + 2 < s.count, s[pos + 1] == ".", s[pos + 2] == "." {
                pos += 3
                kind = .ellipsis
            } else if Self.isIdentifierStart(c) {
                pos += 1
                while pos < s.count, Self.isIdentifierPart(s[pos]) { pos += 1 }
                kind = .identifier(text(start, pos))
            } else {
                pos += 1
                kind = .punct(c)
            }
            return Token(kind: kind, start: start, end: pos, comments: comments)
        }

        /// A string literal starting at `pos` (on the quote); returns its value.
        mutating func lexString() throws(Failure) -> String {
            let quote = s[pos]
            let start = pos
            pos += 1
            var out = String.UnicodeScalarView()
            while true {
                guard pos < s.count else {
                    throw fail("unterminated string literal", at: start)
                }
                let c = s[pos]
                if c == quote {
                    pos += 1
                    return String(out)
                }
                if c == "\\" {
                    try lexEscape(into: &out)
                    continue
                }
                if quote == "`" {
                    if c == "$", pos + 1 < s.count, s[pos + 1] == "{" {
                        throw fail("template literal substitution `${…}` is not data", at: pos)
                    }
                    if c == "\r" {  // template literals normalise CR and CRLF to LF
                        out.append("\n")
                        pos += 1
                        if pos < s.count, s[pos] == "\n" { pos += 1 }
                        continue
                    }
                } else if c == "\n" || c == "\r" {
                    throw fail("unterminated string literal (line break inside the string)", at: start)
                }
                out.append(c)
                pos += 1
            }
        }

        /// An escape sequence starting at `pos` (on the backslash).
        mutating func lexEscape(into out: inout String.UnicodeScalarView) throws(Failure) {
            let escapeStart = pos
            pos += 1
            guard pos < s.count else {
                throw fail("unterminated escape sequence", at: escapeStart)
            }
            let c = s[pos]
            pos += 1
            switch c {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "0" where !(pos < s.count && Self.isDecimalDigit(s[pos])):
                out.append("\u{00}")
            case "0"..."9":
                throw fail("octal escape sequences are not allowed", at: escapeStart)
            case "x":
                let value = try lexHexDigits(count: 2, escapeStart: escapeStart)
                out.append(Unicode.Scalar(UInt8(value)))
            case "u":
                let value = try lexUnicodeEscapeValue(escapeStart: escapeStart)
                switch value {
                case 0xD800...0xDBFF:
                    guard pos + 1 < s.count, s[pos] == "\\", s[pos + 1] == "u" else {
                        throw fail("lone high surrogate in \\u escape", at: escapeStart)
                    }
                    let lowStart = pos
                    pos += 2
                    let low = try lexUnicodeEscapeValue(escapeStart: lowStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("high surrogate not followed by a low surrogate", at: escapeStart)
                    }
                    let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    out.append(Unicode.Scalar(combined)!)
                case 0xDC00...0xDFFF:
                    throw fail("lone low surrogate in \\u escape", at: escapeStart)
                default:
                    out.append(Unicode.Scalar(value)!)
                }
            case "\r":  // line continuation
                if pos < s.count, s[pos] == "\n" { pos += 1 }
            case "\n", "\u{2028}", "\u{2029}":
                break
            default:  // \" \' \\ \/ \` and identity escapes such as \.
                out.append(c)
            }
        }

        /// The value of `XXXX` or `{X…}` after `\u` (`pos` is after the `u`).
        mutating func lexUnicodeEscapeValue(escapeStart: Int) throws(Failure) -> UInt32 {
            guard pos < s.count, s[pos] == "{" else {
                return try lexHexDigits(count: 4, escapeStart: escapeStart)
            }
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            while pos < s.count, s[pos] != "}" {
                guard let digit = Self.digitValue(s[pos], radix: 16) else {
                    throw fail("invalid \\u{…} escape", at: escapeStart)
                }
                value = value * 16 + UInt32(digit)
                guard value <= 0x10FFFF else {
                    throw fail("\\u{…} escape beyond U+10FFFF", at: escapeStart)
                }
                digits += 1
                pos += 1
            }
            guard pos < s.count, digits > 0 else {
                throw fail("invalid \\u{…} escape", at: escapeStart)
            }
            pos += 1
            return value
        }

        mutating func lexHexDigits(count: Int, escapeStart: Int) throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard pos < s.count, let digit = Self.digitValue(s[pos], radix: 16) else {
                    throw fail("invalid escape sequence: expected \(count) hex digits", at: escapeStart)
                }
                value = value * 16 + UInt32(digit)
                pos += 1
            }
            return value
        }

        /// A numeric literal starting at `pos`; returns its JSON spelling (without sign).
        mutating func lexNumber() throws(Failure) -> String {
            let start = pos
            if s[pos] == "0", pos + 1 < s.count, let radix = Self.radix(prefix: s[pos + 1]) {
                pos += 2
                let digits = try digitRun(radix: radix)
                guard !digits.isEmpty else {
                    throw fail("missing digits in numeric literal", at: start)
                }
                var value: UInt64 = 0
                for digit in digits.unicodeScalars {
                    let (product, overflow1) = value.multipliedReportingOverflow(by: UInt64(radix))
                    let (sum, overflow2) = product.addingReportingOverflow(UInt64(Self.digitValue(digit, radix: radix)!))
                    guard !overflow1, !overflow2 else {
                        throw fail("integer literal does not fit in 64 bits", at: start)
                    }
                    value = sum
                }
                if pos < s.count, s[pos] == "n" { pos += 1 }
                try checkNumberEnd(start)
                return String(value)
            }

            var integer = try digitRun(radix: 10)
            if integer.unicodeScalars.count > 1, integer.unicodeScalars.first == "0" {
                throw fail("numbers with leading zeros (legacy octal) are not allowed", at: start)
            }
            var fraction: String?
            if pos < s.count, s[pos] == "." {
                pos += 1
                fraction = try digitRun(radix: 10)
            }
            var exponent = ""
            if pos < s.count, s[pos] == "e" || s[pos] == "E" {
                exponent.unicodeScalars.append(s[pos])
                pos += 1
                if pos < s.count, s[pos] == "+" || s[pos] == "-" {
                    exponent.unicodeScalars.append(s[pos])
                    pos += 1
                }
                let digits = try digitRun(radix: 10)
                guard !digits.isEmpty else {
                    throw fail("missing exponent digits in numeric literal", at: start)
                }
                exponent += digits
            }
            if fraction == nil, exponent.isEmpty, pos < s.count, s[pos] == "n" { pos += 1 }  // BigInt
            try checkNumberEnd(start)

            if integer.isEmpty { integer = "0" }
            if let fraction, !fraction.isEmpty { integer += "." + fraction }
            return integer + exponent
        }

        /// Digits of `radix`, with `_` separators between digits removed.
        mutating func digitRun(radix: Int) throws(Failure) -> String {
            var out = String.UnicodeScalarView()
            while pos < s.count {
                let c = s[pos]
                if c == "_" {
                    guard !out.isEmpty, pos + 1 < s.count, Self.digitValue(s[pos + 1], radix: radix) != nil else {
                        throw fail("misplaced numeric separator `_`", at: pos)
                    }
                    pos += 1
                    continue
                }
                guard Self.digitValue(c, radix: radix) != nil else { break }
                out.append(c)
                pos += 1
            }
            return String(out)
        }

        func checkNumberEnd(_ start: Int) throws(Failure) {
            if pos < s.count, Self.isIdentifierStart(s[pos]) || Self.isDecimalDigit(s[pos]) {
                throw fail("invalid numeric literal", at: start)
            }
        }

        // MARK: Characters

        static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{FEFF}"
                || (c.value > 0x7F && c.properties.isWhitespace && !isLineTerminator(c))
        }

        static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
            c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
        }

        static func isDecimalDigit(_ c: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(c)
        }

        static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            c == "$" || c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
                || (c.value > 0x7F && c.properties.isIDStart)
        }

        static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
            isIdentifierStart(c) || isDecimalDigit(c) || c == "\u{200C}" || c == "\u{200D}"
                || (c.value > 0x7F && c.properties.isIDContinue)
        }

        static func radix(prefix c: Unicode.Scalar) -> Int? {
            switch c {
            case "x", "X": return 16
            case "o", "O": return 8
            case "b", "B": return 2
            default: return nil
            }
        }

        static func digitValue(_ c: Unicode.Scalar, radix: Int) -> Int? {
            let value: Int
            switch c {
            case "0"..."9": value = Int(c.value - 48)
            case "a"..."f": value = Int(c.value - 97 + 10)
            case "A"..."F": value = Int(c.value - 65 + 10)
            default: return nil
            }
            return value < radix ? value : nil
        }

        // MARK: Diagnostics

        func text(_ start: Int, _ end: Int) -> String {
            String(String.UnicodeScalarView(s[start..<end]))
        }

        func describe(_ token: Token) -> String {
            switch token.kind {
            case .eof: return "end of input"
            case .ellipsis: return "`...`"
            case .string: return "string literal"
            case .number(let spelling): return "number `\(spelling)`"
            case .identifier(let word): return "`\(word)`"
            case .punct(let c): return "`\(c)`"
            }
        }

        static func quoted(_ key: String) -> String {
            var bytes: [UInt8] = []
            writeString(key, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// A syntax failure at scalar offset `offset`, with a 1-based line and column.
        func fail(_ message: String, at offset: Int) -> Failure {
            var line = 1
            var column = 1
            var i = 0
            while i < min(offset, s.count) {
                let c = s[i]
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" {
                    i += 1  // CRLF counts once
                    if i >= offset { break }
                }
                if Self.isLineTerminator(c) {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
            return .syntax(message: message, line: line, column: column)
        }

        // MARK: JSON writer

        static func write(_ value: Value, into out: inout [UInt8]) {
            switch value {
            case .string(let text):
                writeString(text, into: &out)
            case .number(let spelling):
                out.append(contentsOf: spelling.utf8)
            case .bool(let flag):
                out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .null, .undefined:
                out.append(contentsOf: "null".utf8)
            case .array(let elements):
                out.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    write(element, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let members):
                let kept = members
                    .filter { if case .undefined = $0.value { return false } else { return true } }
                    .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                out.append(UInt8(ascii: "{"))
                for (index, member) in kept.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    writeString(member.key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(member.value, into: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }

        static func writeString(_ text: String, into out: inout [UInt8]) {
            let hex = Array("0123456789abcdef".utf8)
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x00..<0x20:
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default:
                    out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
