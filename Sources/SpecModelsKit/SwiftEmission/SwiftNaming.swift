/// Turns spec spellings into valid, readable Swift identifiers.
enum SwiftNaming {
    /// Keywords that must be escaped with backticks wherever they name a declaration.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "as", "false", "is", "nil", "self", "Self", "super", "throws",
        "true", "try", "Any", "Protocol", "Type", "await", "async", "consume", "copy", "discard", "each",
        "borrowing", "consuming", "actor", "some", "any", "package", "macro",
    ]

    /// Member names that backticks do not rescue: `value.self` and `value.init` mean something else.
    static let unusableMemberNames: Set<String> = ["self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "Any"]

    /// Names that generated and user code need to mean the standard library or Foundation type.
    /// A model with one of these names gets the `Model` suffix.
    static let reservedTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "Data", "Date", "Decimal", "Decodable",
        "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float", "Hashable",
        "Int", "Int64", "List", "Never", "Optional", "Protocol", "Result", "Self", "Sendable", "Set", "String",
        "Substring", "Type", "URL", "UUID", "Void", "CodingKey", "CodingKeys", "DecodingError", "EncodingError",
        "JSONDecoder", "JSONEncoder", "Locale", "Calendar", "TimeZone", "Foundation", "Swift", "Identifiable",
    ]

    /// Splits a spelling into words at non-alphanumerics, keeping the case of each word.
    static func words(_ spelling: String) -> [String] {
        if let words = asciiWords(spelling) { return words }
        var words: [String] = []
        var current = ""
        for character in spelling {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether `words(spelling)` is not empty, without building the words for ASCII spellings.
    static func hasWords(_ spelling: String) -> Bool {
        let bytes = spelling.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.contains(where: \.isASCIILetterOrDigit)
        }
        return !words(spelling).isEmpty
    }

    /// `words(_:)` on bytes for ASCII spellings, where letters and numbers are `A-Z a-z 0-9`
    /// (Character properties were a tenth of emission).
    private static func asciiWords(_ spelling: String) -> [String]? {
        let bytes = spelling.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var start: String.UTF8View.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte.isASCIILetterOrDigit {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(String(spelling[wordStart..<index]))
                start = nil
            }
            index = bytes.index(after: index)
        }
        if let wordStart = start { words.append(String(spelling[wordStart...])) }
        return words
    }

    /// Splits a PascalCase name into its words: `UpdateConnectionAPIProblem` gives
    /// `Update`, `Connection`, `API`, `Problem`.
    static func words(splittingCamelCase name: String) -> [String] {
        if let words = asciiWords(splittingCamelCase: name) { return words }
        let characters = Array(name)
        var words: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, !current.isEmpty {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let endsLowercaseWord = previous.isLowercase || previous.isNumber
                let endsAcronym = previous.isUppercase && next?.isLowercase == true
                if endsLowercaseWord || endsAcronym {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words(splittingCamelCase:)` on bytes for ASCII names, where the upper-case, lower-case
    /// and number Characters are `A-Z`, `a-z` and `0-9` (by Character it cost a union a
    /// hundred times as much as the rest of its naming).
    private static func asciiWords(splittingCamelCase name: String) -> [String]? {
        var name = name
        return name.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [String] = []
            var start = 0
            for index in bytes.indices where index > start && bytes[index].isASCIIUppercase {
                let previous = bytes[index - 1]
                let endsLowercaseWord = previous.isASCIILowercase || previous.isASCIIDigit
                let endsAcronym = previous.isASCIIUppercase && index + 1 < bytes.count && bytes[index + 1].isASCIILowercase
                if endsLowercaseWord || endsAcronym {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index
                }
            }
            if start < bytes.count {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
            return words
        }
    }

    /// `ListInstallationsGroup` stays; `list-installations group` becomes `ListInstallationsGroup`.
    static func typeName(_ spelling: String) -> String {
        var name = asciiPascalCase(spelling) ?? words(spelling).map { uppercasingFirst($0) }.joined(separator: "")
        if name.isEmpty { name = "Model" }
        if startsWithNumber(name) { name = "_" + name }
        if reservedTypeNames.contains(name) || SupportLibrary.declaredNames.contains(name) { name += "Model" }
        return name
    }

    /// `words(spelling)` each with its first letter upper-cased, joined, on bytes for ASCII
    /// spellings: one String instead of one per word and one per capitalized word.
    private static func asciiPascalCase(_ spelling: String) -> String? {
        var spelling = spelling
        return spelling.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Already PascalCase, the usual spelling of a model's name: the name itself.
            if let first = bytes.first, first.isASCIIUppercase, bytes.allSatisfy(\.isASCIILetterOrDigit) {
                return String(decoding: bytes, as: UTF8.self)
            }
            var name: [UInt8] = []
            name.reserveCapacity(bytes.count)
            var startsWord = true
            for byte in bytes {
                guard byte.isASCIILetterOrDigit else {
                    startsWord = true
                    continue
                }
                name.append(startsWord ? byte.asciiUppercased : byte)
                startsWord = false
            }
            return String(decoding: name, as: UTF8.self)
        }
    }

    /// A lowerCamelCase identifier from the words of a name (`NameWords`), the same from every
    /// SDK language's spelling: `docId`, `doc_id`, `DocID` and `DocId` all become `docId`,
    /// `baseURL` becomes `baseUrl`, `oauth2/authorizationCode` becomes `oauth2AuthorizationCode`,
    /// `1.0` becomes `_1_0`. Returns the bare identifier; escape it with `escaped(_:)` where it
    /// is declared.
    static func memberName(_ spelling: String) -> String {
        var name = NameWords.lowerCamelCase(spelling)
        guard !name.isEmpty else { return "empty" }
        if startsWithNumber(name) { name = "_" + name }
        if unusableMemberNames.contains(name) { name += "_" }
        return name
    }

    /// Whether the name's first Character is a number; for an ASCII first byte, whether it is
    /// a digit (no other ASCII character is a number), without Unicode's property tables.
    private static func startsWithNumber(_ name: String) -> Bool {
        guard let byte = name.utf8.first else { return false }
        guard byte >= 0x80 else { return byte.isASCIIDigit }
        return name.first?.isNumber == true
    }

    /// Escapes a declared name with backticks when it is a keyword.
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    static func uppercasingFirst(_ word: String) -> String {
        NameWords.capitalizingFirst(word)
    }

    /// A Swift string literal for `text`.
    static func stringLiteral(_ text: String) -> String {
        // Keys and values are nearly always printable ASCII with nothing to escape.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            var literal = ""
            literal.reserveCapacity(text.utf8.count + 2)
            literal.append("\"")
            literal.append(text)
            literal.append("\"")
            return literal
        }
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\0": literal += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    literal += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }
}

/// Hands out names unique within one scope: a name already given gets 2, 3, … appended.
/// Remembers the next number per name, so many colliding names cost linear time.
struct UniqueNames {
    private var taken: Set<String>
    private var nextSuffix: [String: Int] = [:]

    init<Reserved: Sequence<String>>(reserving reserved: Reserved) {
        taken = Set(reserved)
    }

    /// - Parameter capacity: how many names the scope will likely hold; the set of taken names
    ///   is made that large at once, not grown (and rehashed) name by name.
    init(capacity: Int = 0) {
        taken = Set(minimumCapacity: capacity)
    }

    mutating func claim(_ name: String) -> String {
        if taken.insert(name).inserted { return name }
        var counter = nextSuffix[name, default: 2]
        while taken.contains("\(name)\(counter)") { counter += 1 }
        nextSuffix[name] = counter + 1
        let unique = "\(name)\(counter)"
        taken.insert(unique)
        return unique
    }
}
