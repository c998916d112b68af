/// Accepted changes, one per line: a rule id, the `Type.member` path, and the reason.
///
///     # rule                path                                         reason
///     field-became-required operations.Connection.groupRef               the server always sent it
///     example-changed       *                                            examples are regenerated
///
/// `*` in the rule or the path matches anything (`operations.Connection.*`). Blank lines and
/// lines starting with `#` are comments. The reason is required, so that the file explains
/// itself in review.
public struct DiffIgnoreFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var path: String
        public var reason: String
        public var location: SourceLocation

        public func matches(_ change: SpecChange) -> Bool {
            DiffIgnoreFile.glob(rule, matches: change.rule.rawValue) && DiffIgnoreFile.glob(path, matches: change.path)
        }
    }

    /// Where ignore files are looked for when the command names none.
    public static let defaultPath = ".specmodels-diff-ignore"

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Parses the file's text. Malformed lines are errors at their line.
    public static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> DiffIgnoreFile {
        var entries: [Entry] = []
        let known = Set(DiffRule.allCases.map(\.rawValue))
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingSpaces
            let location = SourceLocation(file: file, line: offset + 1, column: 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words: [String] = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count == 3, !words[2].trimmingSpaces.isEmpty else {
                diagnostics.error("expected `rule-id Type.field reason`, with a reason for accepting the change", at: location)
                continue
            }
            if !words[0].contains("*") && !known.contains(words[0]) {
                var message = "unknown rule `\(words[0])`"
                if let suggestion = Suggestion.closest(to: words[0], among: known) { message += "; did you mean `\(suggestion)`?" }
                diagnostics.error(message, at: location)
                continue
            }
            entries.append(Entry(rule: words[0], path: words[1], reason: words[2].trimmingSpaces, location: location))
        }
        return DiffIgnoreFile(entries: entries)
    }

    /// The first entry that accepts the change, if any.
    public func entry(for change: SpecChange) -> Entry? {
        entries.first { $0.matches(change) }
    }

    /// `*` matches any run of characters; everything else matches itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        if parts.count == 1 { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}
