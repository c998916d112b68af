/// How an API spells its JSON keys, as a rule from a field's documented name (`wireKeys:` in
/// `specmodels.yml`). SDK docs show the SDK's property names (`createdAt`), which the SDK
/// derives from the wire keys (`created_at`); a style undoes that renaming for the fields it
/// can. Keys the rule cannot give (`_links` documented as `links`) need `keyOverrides`.
public enum WireKeyStyle: String, Sendable, CaseIterable {
    /// The documented name is the key.
    case documented
    /// `createdAt` → `created_at`, `HTTPMeta` → `http_meta`, `addressLine1` → `address_line1`.
    case snakeCase = "snake_case"
    /// `mediaContainer` → `MediaContainer`, `ipV4Address` → `IpV4Address`.
    case pascalCase = "PascalCase"
    /// `deploymentAlias` → `deployment-alias`.
    case kebabCase = "kebab-case"
    /// `DocID`, `DocId`, `doc_id` → `docId`; `HTTPMeta` → `httpMeta`; `baseURL` → `baseUrl`:
    /// the words of Swift property names (`NameWords`), for docs that show names in another
    /// case than the wire's (Go's and C#'s PascalCase properties of a camelCase API).
    case camelCase

    /// The key this style gives the documented name `name`.
    ///
    /// For `snake_case`, `PascalCase` and `kebab-case`, the name is cut into words where a
    /// lower-case letter or a digit meets an upper-case one (`created|At`, `ip|V4`), before the
    /// last capital of a run that goes on in lower case (`HTTP|Meta`), and at `_`, `-`, `.` and
    /// spaces. Digits stay with the word before them (`line1`), as the APIs we measured write
    /// them. `camelCase` joins the words of Swift property names (`NameWords`). Symbols before
    /// the first letter or digit (`_id`, `$ref`) are kept as they are.
    public func key(for name: String) -> String {
        switch self {
        case .documented: return name
        case .snakeCase: return Self.joiningWords(of: name, separator: "_") { $0.lowercased() }
        case .pascalCase: return Self.joiningWords(of: name, separator: "") { $0.prefix(1).uppercased() + $0.dropFirst() }
        case .kebabCase: return Self.joiningWords(of: name, separator: "-") { $0.lowercased() }
        case .camelCase: return Self.camelCaseKey(for: name)
        }
    }

    /// The leading symbols, then the words of `words(of:)` changed by `spelling` and joined.
    private static func joiningWords(of name: String, separator: String, _ spelling: (String) -> String) -> String {
        let (prefix, words) = Self.words(of: name)
        guard !words.isEmpty else { return name }
        return prefix + words.map(spelling).joined(separator: separator)
    }

    /// Leading symbols as they are (`_links`), then the words of the rest as `NameWords`
    /// splits them, joined in lowerCamelCase: the Swift property name, without its escaping.
    /// The rest goes through `NameWords.lowerCamelCase(_: String)`, which converts an ASCII
    /// name in one pass by the same rules (splitting each key into words first was 2.8% of
    /// generating Kong's 4,370 Go docs); a name with no words is kept as it is.
    private static func camelCaseKey(for name: String) -> String {
        let start = name.firstIndex { $0.isLetter || $0.isNumber } ?? name.endIndex
        let rest = String(name[start...])
        let camel = NameWords.lowerCamelCase(rest)
        guard camel.isEmpty else { return String(name[..<start]) + camel }
        let words = NameWords.split(rest)
        guard !words.isEmpty else { return name }
        return String(name[..<start]) + NameWords.lowerCamelCase(words)
    }

    /// The leading symbols of a name and its words (see `key(for:)`).
    static func words(of name: String) -> (prefix: String, words: [String]) {
        let characters = Array(name)
        var start = 0
        while start < characters.count && !(characters[start].isLetter || characters[start].isNumber) { start += 1 }
        var words: [String] = []
        var word = ""
        for index in start..<characters.count {
            let character = characters[index]
            if Self.separators.contains(character) {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            if !word.isEmpty, character.isUppercase, let previous = word.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let endsLowerOrDigit = previous.isLowercase || previous.isNumber
                let startsWordAfterCapitals = previous.isUppercase && (next?.isLowercase ?? false)
                if endsLowerOrDigit || startsWordAfterCapitals {
                    words.append(word)
                    word = ""
                }
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return (String(characters[..<start]), words)
    }

    private static let separators: Set<Character> = ["_", "-", ".", " "]
}
