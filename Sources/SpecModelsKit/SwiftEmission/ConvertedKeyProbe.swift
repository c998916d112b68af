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
        let keys = Set(wireKeys.map(\.key))
        let candidates = wireKeys.compactMap { entry -> (key: String, converted: String, isRequired: Bool)? in
            guard let converted = convertedFromSnakeCase(entry.key), !keys.contains(converted) else { return nil }
            return (entry.key, converted, entry.isRequired)
        }
        guard let chosen = candidates.first(where: \.isRequired) ?? candidates.first else { return nil }
        return (chosen.key, chosen.converted)
    }

    /// What Foundation's `.convertFromSnakeCase` makes of `key`, for keys whose conversion is
    /// certain: words of lower-case ASCII letters, each optionally followed by digits, joined
    /// by single underscores (`status_code` → `statusCode`, `address_line1` → `addressLine1`).
    /// Nil for every other key.
    static func convertedFromSnakeCase(_ key: String) -> String? {
        let words = key.split(separator: "_", omittingEmptySubsequences: false)
        guard words.count > 1, words.allSatisfy(isWord) else { return nil }
        return String(words[0]) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `[a-z]+[0-9]*`.
    private static func isWord(_ word: Substring) -> Bool {
        let letters = word.prefix { ("a"..."z").contains($0) }
        return !letters.isEmpty && word.dropFirst(letters.count).allSatisfy { ("0"..."9").contains($0) }
    }
}
