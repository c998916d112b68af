/// Recognises the SDK language of a spec's docs from what they hold. The language of their
/// fenced examples (```` ```java ````, ```` ```ruby ````) names it outright: when any doc has
/// such an example, the examples decide and no Type cell is read (a C# `BigInteger` or a Ruby
/// `T::Array` may also be a word of another language). Only docs without any example are
/// read for the type names in their Type cells and member headings (`str`, `int64`,
/// `JsonNullable`, `Dictionary`, `T::Array`). Each piece of evidence allows some languages; the
/// spec's language is one that every piece allows. When the evidence allows several (a spec of
/// `*string*` fields reads the same in TypeScript, Go and C#), TypeScript wins, then the folder
/// name (C#'s `Models/`), then the order of `SpecFlavour.allCases`. Two docs that allow no
/// language in common are reported, naming both.
enum FlavourDetection {
    /// One doc's evidence: the languages it allows, and what allows them.
    private struct Evidence {
        var flavours: Set<SpecFlavour>
        var what: String
        var location: SourceLocation
    }

    /// The docs' language, or `nil` (with an error) when two docs disagree.
    static func detect(_ documents: [SpecDocument], diagnostics: inout Diagnostics) -> SpecFlavour? {
        let fences: [Evidence?] = documents.compactMap(exampleEvidence(in:))
        let evidence = fences.isEmpty ? documents.concurrentMap(evidence(in:)) : fences
        var allowed = Set(SpecFlavour.allCases)
        var narrowest: Evidence?
        for item in evidence.compactMap({ $0 }) {
            let remaining = allowed.intersection(item.flavours)
            guard remaining.isEmpty else {
                if remaining.count < allowed.count { narrowest = item }
                allowed = remaining
                continue
            }
            let other = evidence.compactMap { $0 }.first { $0.flavours.isDisjoint(with: item.flavours) } ?? narrowest ?? item
            diagnostics.error(
                "this doc reads as \(describe(item.flavours)) (\(item.what)), but \(other.location.file) reads as \(describe(other.flavours)) (\(other.what)) at line \(other.location.line): a spec holds the docs of one SDK language; move the other language's docs to a spec of their own, or set `flavour:` in specmodels.yml",
                at: item.location)
            return nil
        }
        if allowed.contains(.typeScript) { return .typeScript }
        if allowed.contains(.csharp), documents.contains(where: { $0.relativePath.hasPrefix("Models/") }) { return .csharp }
        return SpecFlavour.allCases.first { allowed.contains($0) } ?? .typeScript
    }

    private static func describe(_ flavours: Set<SpecFlavour>) -> String {
        let names = SpecFlavour.allCases.filter { flavours.contains($0) }.map(\.displayName)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    /// The language a doc's first example of a known language names, or `nil`.
    private static func exampleEvidence(in document: SpecDocument) -> Evidence? {
        for example in document.examples where !example.language.isEmpty {
            if let flavours = exampleLanguages[example.language] {
                return Evidence(flavours: flavours, what: "a ```\(example.language) example", location: example.location)
            }
        }
        return nil
    }

    /// The languages a doc without examples allows by its type names, or `nil` when nothing in
    /// it tells.
    private static func evidence(in document: SpecDocument) -> Evidence? {
        var result: Evidence?
        func allow(_ flavours: Set<SpecFlavour>, _ what: @autoclosure () -> String, at location: SourceLocation) {
            guard flavours.count < SpecFlavour.allCases.count else { return }
            if var current = result {
                let narrowed = current.flavours.intersection(flavours)
                // Within one doc, the first evidence that narrows stands for the rest.
                guard !narrowed.isEmpty else { return }
                if narrowed.count < current.flavours.count {
                    current.flavours = narrowed
                    current.what = what()
                    current.location = location
                }
                result = current
            } else {
                result = Evidence(flavours: flavours, what: what(), location: location)
            }
        }
        // Once a doc allows one language, the rest of it cannot change its answer (evidence
        // against it within the doc is set aside), so most docs are read only in part.
        var isDecided: Bool { result?.flavours.count == 1 }
        switch document.body {
        case .object(let fields):
            for field in fields where !isDecided {
                for (word, flavours) in typeWords(in: field.type) {
                    allow(flavours, "`\(word)` in a Type cell", at: field.type.location)
                }
            }
        case .union(let members):
            for member in members where !isDecided {
                let heading = member.type.source.trimmingSpaces
                if let flavours = memberHeadingWords[heading] {
                    allow(flavours, "the member heading `\(heading)`", at: member.type.location)
                }
                for (word, flavours) in typeWords(in: member.type) {
                    allow(flavours, "`\(word)` in a member heading", at: member.type.location)
                }
            }
        case .enumeration, .unknown:
            break
        }
        return result
    }

    /// The words of a cell that some languages know as types, with those languages; Go's
    /// prefix forms (`[]T`, `map[string]T`, `*T`) count as the word `[]`, `map[` or `*`, and
    /// PHP's nullable prefix (`?string`) as `?`.
    private static func typeWords(in cell: TypeCell) -> [(String, Set<SpecFlavour>)] {
        var found: [(String, Set<SpecFlavour>)] = []
        var pending: [MarkdownNode] = cell.inlines.reversed()
        var atStart = true
        while let node = pending.popLast() {
            switch node.kind {
            case .text, .code:
                let text = node.literal
                if atStart {
                    let trimmed = text.drop { $0 == " " }
                    if trimmed.hasPrefix("[]") || trimmed.hasPrefix("map[") || trimmed.hasPrefix("*") {
                        found.append((trimmed.hasPrefix("*") ? "*" : trimmed.hasPrefix("[]") ? "[]" : "map[", [.go]))
                    }
                    if let prefix = trimmed.first, let flavours = nullablePrefixes[prefix] {
                        found.append((String(prefix), flavours))
                    }
                }
                collectWords(text, into: &found)
                atStart = atStart && text.allSatisfy { $0 == " " }
            case .link:
                let text = node.plainText
                if atStart, text.hasPrefix("*") { found.append(("*", [.go])) }
                if atStart, let prefix = text.first, let flavours = nullablePrefixes[prefix] { found.append((String(prefix), flavours)) }
                // A link to a doc names a model last (`Optional[models.X]`, `Request`): only the
                // words around that name are the language's. A link to a language's reference
                // (`[date](https://docs.python.org/…)`) is all the language's.
                var words = words(in: text)
                if !ReferenceResolver.hasURLScheme(Substring(node.url)) { words = words.dropLast() }
                for word in words {
                    if let flavours = typeWordFlavours[word] { found.append((word, flavours)) }
                }
                atStart = false
            case .emphasis, .strong:
                pending.append(contentsOf: node.children.reversed())
            default:
                atStart = false
            }
        }
        return found
    }

    /// The words of a text: runs of letters, digits, `_` and `.` (`time.Time`), read on bytes
    /// (splitting by Character was most of the detection's time). PHP's `\` and Ruby's `::`
    /// between or before names read as `.`, as the vocabularies spell qualified names
    /// (`T::Array` is `T.Array`, `::String` is `String`, `\DateTime` is `DateTime`).
    private static func words(in text: String) -> [String] {
        var words: [String] = []
        let bytes = Array(text.utf8)
        var index = 0
        var word: [UInt8] = []
        func separator(at index: Int) -> Int {
            guard index + 1 < bytes.count else { return 0 }
            if bytes[index] == UInt8(ascii: "\\"), isNameByte(bytes[index + 1]) { return 1 }
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":"), index + 2 < bytes.count,
               isNameByte(bytes[index + 2]) {
                return 2
            }
            return 0
        }
        while index < bytes.count {
            if isWordByte(bytes[index]) {
                word.append(bytes[index])
                index += 1
            } else if case let length = separator(at: index), length > 0 {
                if !word.isEmpty { word.append(UInt8(ascii: ".")) }
                index += length
            } else {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
                index += 1
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) && byte != UInt8(ascii: ".")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return byte >= 0x80
        }
    }

    private static func collectWords(_ text: String, into found: inout [(String, Set<SpecFlavour>)]) {
        for word in words(in: text) {
            if let flavours = typeWordFlavours[word] { found.append((word, flavours)) }
        }
    }

    /// Each type word of any language, with the languages that know it.
    private static let typeWordFlavours: [String: Set<SpecFlavour>] = {
        var table: [String: Set<SpecFlavour>] = [:]
        for flavour in SpecFlavour.allCases {
            for word in flavour.vocabulary.typeWords { table[word, default: []].insert(flavour) }
        }
        return table
    }()

    /// The languages that write a nullable type with a prefix (PHP's `?string`), by prefix.
    private static let nullablePrefixes: [Character: Set<SpecFlavour>] = {
        var table: [Character: Set<SpecFlavour>] = [:]
        for flavour in SpecFlavour.allCases {
            if let prefix = flavour.vocabulary.nullablePrefix { table[prefix, default: []].insert(flavour) }
        }
        return table
    }()

    private static let exampleLanguages: [String: Set<SpecFlavour>] = {
        var table: [String: Set<SpecFlavour>] = [:]
        for flavour in SpecFlavour.allCases {
            for language in flavour.vocabulary.exampleLanguages { table[language, default: []].insert(flavour) }
        }
        return table
    }()

    /// C#'s member headings that name a built-in type (`### Str`); `ArrayOf…`/`MapOf…` too.
    private static let memberHeadingWords: [String: Set<SpecFlavour>] = {
        var table: [String: Set<SpecFlavour>] = [:]
        for name in FlavourVocabulary.csharpMemberNames.keys { table[name] = [.csharp] }
        return table
    }()
}
