/// The key a generated `init(from:)` checks first to notice a decoder that rewrites keys.
///
/// `JSONDecoder.keyDecodingStrategy = .convertFromSnakeCase` turns the payload's
/// `status_code` into `statusCode` before any key is matched, so a model coded under its
/// wire keys finds nothing: required fields fail with a bare "key not found", optional ones
/// are silently `nil`. A struct with a snake_case key asks for it and, when it is missing
/// but its converted form is there, fails with a message that names the strategy (the
/// support file's `checkKeysAreNotConverted`). One lookup per decoded object, two when the
/// key is absent.
enum ConvertedKeyProbe {
    /// The wire key to probe and the form `.convertFromSnakeCase` gives it, or nil when no
    /// key of the struct would be rewritten. A required key is preferred: it is always in a
    /// valid payload. A key whose converted form is itself a wire key of the struct is never
    /// chosen, since a payload may rightly hold that one alone.
    static func probe(wireKeys: [(key: String, isRequired: Bool)]) -> (key: String, converted: String)? {
        // Most structs have no snake_case key: no set of their keys is built for them.
        let candidates = wireKeys.compactMap { entry -> (key: String, converted: String, isRequired: Bool)? in
            convertedFromSnakeCase(entry.key).map { (entry.key, $0, entry.isRequired) }
        }
        guard !candidates.isEmpty else { return nil }
        let keys = Set(wireKeys.map(\.key))
        let usable = candidates.filter { !keys.contains($0.converted) }
        guard let chosen = usable.first(where: \.isRequired) ?? usable.first else { return nil }
        return (chosen.key, chosen.converted)
    }

    /// What Foundation's `.convertFromSnakeCase` makes of `key`, for keys whose conversion is
    /// certain: words of lower-case ASCII letters, each optionally followed by digits, joined
    /// by single underscores (`status_code` → `statusCode`, `address_line1` → `addressLine1`).
    /// Nil for every other key. Read on bytes, in one pass: splitting every key of every struct
    /// into Substrings and testing Characters was 7% of generating ampersand v4.
    static func convertedFromSnakeCase(_ key: String) -> String? {
        // A key without an underscore is never converted: no buffer for it.
        guard key.utf8.contains(UInt8(ascii: "_")) else { return nil }
        var converted: [UInt8] = []
        converted.reserveCapacity(key.utf8.count)
        var atWordStart = true
        var inDigits = false
        var separators = 0
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "_"):
                guard !atWordStart else { return nil }  // an empty word
                atWordStart = true
                inDigits = false
                separators += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !inDigits else { return nil }  // letters after a word's digits
                // Each word after the first starts upper-case.
                converted.append(atWordStart && separators > 0 ? byte - 0x20 : byte)
                atWordStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !atWordStart else { return nil }  // a word starts with a letter
                inDigits = true
                converted.append(byte)
            default:
                return nil
            }
        }
        guard separators > 0, !atWordStart else { return nil }
        return String(decoding: converted, as: UTF8.self)
    }
}
