/// The words of a documented name, the same whichever SDK language's docs spell it.
///
/// TypeScript and Java docs write `docId`, Python `doc_id`, Go `DocID`, C# `DocId`: all four
/// are the words `doc` and `id`. Words break at every character that is not a letter or a
/// digit, where a lower-case letter or a digit meets a capital (`doc|Id`, `v2|Field`), and
/// before the last capital of a run that goes on in lower case (`HTTP|Meta`), except for a
/// plural `s` (`user|IDs`). Digits stay with the word before them (`line1`, `oauth2`), and a
/// letter after digits goes on the same word (`2fa`).
///
/// Swift member names (`SwiftNaming.memberName`) and the `camelCase` wire-key style join
/// these words, so they agree.
enum NameWords {
    /// What a character is to the word split.
    private enum Kind: Equatable {
        case upper
        /// A lower-case letter, or a letter or mark without case.
        case lower
        case digit
        case separator
    }

    /// The words of `name`, each with its case as written.
    static func split(_ name: String) -> [Substring] {
        let scalars = name.unicodeScalars
        var kinds: [Kind] = []
        kinds.reserveCapacity(scalars.count)
        var indices: [String.UnicodeScalarView.Index] = []
        indices.reserveCapacity(scalars.count + 1)
        var index = scalars.startIndex
        while index != scalars.endIndex {
            kinds.append(kind(of: scalars[index]))
            indices.append(index)
            index = scalars.index(after: index)
        }
        indices.append(scalars.endIndex)
        var words: [Substring] = []
        var start: Int?
        for position in kinds.indices {
            let current = kinds[position]
            if current == .separator {
                if let wordStart = start { words.append(Substring(scalars[indices[wordStart]..<indices[position]])) }
                start = nil
                continue
            }
            if let wordStart = start, breaksBefore(position, in: kinds, scalars: scalars, indices: indices) {
                words.append(Substring(scalars[indices[wordStart]..<indices[position]]))
                start = position
            } else if start == nil {
                start = position
            }
        }
        if let wordStart = start { words.append(Substring(scalars[indices[wordStart]..<indices[kinds.count]])) }
        return words
    }

    /// Whether a word ends before the character at `position` (which follows a letter or digit).
    private static func breaksBefore(
        _ position: Int, in kinds: [Kind], scalars: String.UnicodeScalarView, indices: [String.UnicodeScalarView.Index]
    ) -> Bool {
        guard kinds[position] == .upper else { return false }
        switch kinds[position - 1] {
        case .lower, .digit:
            return true
        case .upper:
            // `HTTPMeta`: the last capital of a run starts the next word, unless what follows is
            // a lone plural `s` (`IDs`, `URLs`).
            guard position + 1 < kinds.count, kinds[position + 1] == .lower else { return false }
            let isPlural = scalars[indices[position + 1]] == "s" && (position + 2 == kinds.count || kinds[position + 2] != .lower)
            return !isPlural
        case .separator:
            return false
        }
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x41...0x5A: return .upper
        case 0x61...0x7A: return .lower
        case 0x30...0x39: return .digit
        case 0..<0x80: return .separator
        default:
            let properties = scalar.properties
            if properties.isUppercase { return .upper }
            if properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                return .lower
            }
            return properties.numericType != nil ? .digit : .separator
        }
    }

    /// The words joined in lowerCamelCase, every word lower-cased first so that acronyms read
    /// as words: `DocID`, `doc_id`, `DocId` → `docId`; `baseURL` → `baseUrl`; `MANUAL` → `manual`.
    /// An underscore keeps two numbers apart (`1.0` → `1_0`); "" when there are no words.
    static func lowerCamelCase(_ words: [Substring]) -> String {
        var name = ""
        for (position, word) in words.enumerated() {
            let lowered = word.lowercased()
            if position == 0 {
                name = lowered
                continue
            }
            if name.last?.isNumber == true && lowered.first?.isNumber == true { name += "_" }
            name += capitalizingFirst(lowered)
        }
        return name
    }

    /// `camelCase` of a whole name: `lowerCamelCase(split(name))`.
    static func lowerCamelCase(_ name: String) -> String {
        asciiLowerCamelCase(name) ?? lowerCamelCase(split(name))
    }

    /// `lowerCamelCase(split(name))` in one pass over the bytes of an ASCII name, by the same
    /// rules (every field's Swift name and camelCase key is made here: splitting into scalars
    /// and Substrings first was 4% of generating ampersand v4). Nil for other names.
    private static func asciiLowerCamelCase(_ name: String) -> String? {
        let converted = name.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func kind(_ position: Int) -> Kind {
                switch bytes[position] {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
                case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
                default: return .separator
                }
            }
            func breaksBefore(_ position: Int) -> Bool {
                guard kind(position) == .upper else { return false }
                switch kind(position - 1) {
                case .lower, .digit:
                    return true
                case .upper:
                    guard position + 1 < bytes.count, kind(position + 1) == .lower else { return false }
                    let isPlural = bytes[position + 1] == UInt8(ascii: "s") && (position + 2 == bytes.count || kind(position + 2) != .lower)
                    return !isPlural
                case .separator:
                    return false
                }
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 1)
            func append(word: Range<Int>) {
                let first = bytes[word.lowerBound].asciiLowercased
                if output.isEmpty {
                    output.append(first)
                } else {
                    if let last = output.last, last.isASCIIDigit, first.isASCIIDigit { output.append(UInt8(ascii: "_")) }
                    output.append(first.asciiUppercased)
                }
                for position in word.dropFirst() { output.append(bytes[position].asciiLowercased) }
            }
            var start: Int?
            for position in 0..<bytes.count {
                if kind(position) == .separator {
                    if let wordStart = start { append(word: wordStart..<position) }
                    start = nil
                } else if let wordStart = start, breaksBefore(position) {
                    append(word: wordStart..<position)
                    start = position
                } else if start == nil {
                    start = position
                }
            }
            if let wordStart = start { append(word: wordStart..<bytes.count) }
            return output
        }
        guard let converted, let converted else { return nil }
        return String(decoding: converted, as: UTF8.self)
    }

    /// `word` with its first letter upper-cased: `line` → `Line`, `2fa` stays.
    static func capitalizingFirst(_ word: String) -> String {
        // An ASCII first byte is the first Character's first scalar: only a-z changes.
        if let byte = word.utf8.first, byte < 0x80 {
            guard byte.isASCIILowercase else { return word }
            var bytes = Array(word.utf8)
            bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
