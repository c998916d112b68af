import Foundation
import SpecModelsKit
import Yams

/// Writes learned settings into the text of a `specmodels.yml`, line by line: `wireKeys` is
/// set in place, new `keyOverrides` and `nullable` entries go after the section's last entry
/// (or in a new section at the end), entries for the same field are updated where they are,
/// and every other line — the user's settings, comments, blank lines — stays as it was.
///
/// YAML is not re-serialised: the document is composed only to find where things are.
public enum ConfigurationEditor {
    /// The edited text, or `nil` with the reasons in `diagnostics`.
    /// - Parameter graph: resolves the file's field spellings (`Account.links`) to the ones
    ///   learned (`components.Account.links`), so that no field is listed twice.
    public static func apply(
        _ learned: LearnedSettings, to text: String, path: String, graph: TypeGraph, diagnostics: inout Diagnostics
    ) -> String? {
        var editor = Editor(text: text, path: path, graph: graph)
        editor.apply(learned)
        diagnostics.append(contentsOf: editor.diagnostics)
        guard !editor.diagnostics.hasErrors else { return nil }
        let result = editor.text
        // The edit must read back as a configuration: never write a file that `generate` rejects.
        var check = Diagnostics()
        _ = ConfigurationFile.parse(result, path: path, diagnostics: &check)
        guard !check.hasErrors else {
            diagnostics.error("writing the learned settings into this file would make it invalid YAML; add them by hand", at: .start(of: path))
            return nil
        }
        return result
    }
}

private struct Editor {
    let path: String
    let graph: TypeGraph
    var lines: [String]
    let lineEnding: String
    let endsWithNewline: Bool
    var diagnostics = Diagnostics()
    /// The top-level keys and values, by name.
    var sections: [String: (key: Node, value: Node)] = [:]
    /// Lines to insert after a line (0 = before the first), applied last, bottom-up.
    var insertions: [Int: [String]] = [:]
    /// Sections added at the end of the file.
    var appended: [String] = []

    init(text: String, path: String, graph: TypeGraph) {
        self.path = path
        self.graph = graph
        var split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = text.isEmpty || text.hasSuffix("\n")
        if endsWithNewline && !split.isEmpty { split.removeLast() }
        lineEnding = split.first?.hasSuffix("\r") == true ? "\r\n" : "\n"
        lines = split.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if let root = try? Yams.compose(yaml: text), let mapping = root.mapping {
            for (key, value) in mapping {
                if let name = key.scalar?.string { sections[name] = (key, value) }
            }
        }
    }

    var text: String {
        var result = lines
        for line in insertions.keys.sorted(by: >) {
            result.insert(contentsOf: insertions[line]!, at: line)
        }
        var joined = result.joined(separator: lineEnding)
        if !result.isEmpty && (endsWithNewline || !appended.isEmpty) { joined += lineEnding }
        if !appended.isEmpty { joined += appended.joined(separator: lineEnding) + lineEnding }
        return joined
    }

    mutating func apply(_ learned: LearnedSettings) {
        setWireKeys(learned.keyStyle)
        mergeKeyOverrides(learned.keyOverrides)
        mergeNullable(learned.nullable)
    }

    // MARK: wireKeys

    private mutating func setWireKeys(_ style: WireKeyStyle) {
        guard let (_, value) = sections["wireKeys"] else {
            if style != .documented { appended.append("wireKeys: \(style.rawValue)") }
            return
        }
        guard let scalar = value.scalar, let mark = value.mark else {
            diagnostics.error("`wireKeys` must be a style name for learn-keys to set it", at: location(of: value))
            return
        }
        if scalar.string != style.rawValue {
            replaceScalar(at: mark, with: style.rawValue)
        }
    }

    // MARK: keyOverrides

    private mutating func mergeKeyOverrides(_ overrides: [LearnedSettings.KeyOverride]) {
        guard !overrides.isEmpty else { return }
        let newLines = { (entries: [LearnedSettings.KeyOverride], indentation: String) in
            entries.map { "\(indentation)\($0.yamlEntry)" }
        }
        guard let (key, value) = sections["keyOverrides"] else {
            appended.append("keyOverrides:")
            appended += newLines(overrides, "  ")
            return
        }
        guard let mapping = value.mapping, !mapping.isEmpty else {
            guard emptySection(key: key, value: value, named: "keyOverrides") else { return }
            insert(newLines(overrides, "  "), after: key.mark!.line)
            return
        }
        guard value.mark.map({ !isFlow(at: $0) }) ?? false else {
            diagnostics.error("`keyOverrides` is written in flow style (`{…}`); write it as a block mapping, one entry a line, so that learn-keys can add entries", at: location(of: value))
            return
        }
        var existing: [LearnedSettings.FieldName: Node] = [:]
        var lastLine = 0
        var indentation = ""
        for (entryKey, entryValue) in mapping {
            guard let keyMark = entryKey.mark else { continue }
            if indentation.isEmpty { indentation = String(repeating: " ", count: keyMark.column - 1) }
            lastLine = max(lastLine, entryValue.mark?.line ?? keyMark.line)
            if let spelled = entryKey.scalar?.string, let field = graph.fieldName(spelled: spelled) {
                existing[field] = entryValue
            }
        }
        var added: [LearnedSettings.KeyOverride] = []
        for override in overrides {
            guard let current = existing[override.field] else {
                added.append(override)
                continue
            }
            if current.scalar?.string != override.key, let mark = current.mark {
                replaceScalar(at: mark, with: YAMLScalar.quoted(override.key))
            }
        }
        insert(newLines(added, indentation), after: endOfEntry(at: lastLine, indentation: indentation.count))
    }

    // MARK: nullable

    private mutating func mergeNullable(_ fields: [LearnedSettings.FieldName]) {
        guard !fields.isEmpty else { return }
        let newLines = { (entries: [LearnedSettings.FieldName], prefix: String) in
            entries.map { "\(prefix)\(YAMLScalar.quoted($0.spelled))" }
        }
        guard let (key, value) = sections["nullable"] else {
            appended.append("nullable:")
            appended += newLines(fields, "  - ")
            return
        }
        guard let sequence = value.sequence, !sequence.isEmpty else {
            guard emptySection(key: key, value: value, named: "nullable") else { return }
            insert(newLines(fields, "  - "), after: key.mark!.line)
            return
        }
        guard value.mark.map({ !isFlow(at: $0) }) ?? false else {
            diagnostics.error("`nullable` is written in flow style (`[…]`); write it as a block list, one entry a line, so that learn-keys can add entries", at: location(of: value))
            return
        }
        var existing = Set<LearnedSettings.FieldName>()
        var lastLine = 0
        var prefix = ""
        for item in sequence {
            guard let mark = item.mark else { continue }
            if prefix.isEmpty { prefix = String(lines[mark.line - 1].prefix(mark.column - 1)) }
            lastLine = max(lastLine, mark.line)
            if let spelled = item.scalar?.string, let field = graph.fieldName(spelled: spelled) { existing.insert(field) }
        }
        let added = fields.filter { !existing.contains($0) }
        let dash = prefix.firstIndex(of: "-").map { prefix.distance(from: prefix.startIndex, to: $0) } ?? 0
        insert(newLines(added, prefix), after: endOfEntry(at: lastLine, indentation: dash))
    }

    // MARK: Text

    /// A section whose value is empty (`keyOverrides:`), null (`~`) or an empty flow
    /// collection (`{}`, `[]`): the value's text is removed so entries can follow the key.
    private mutating func emptySection(key: Node, value: Node, named name: String) -> Bool {
        guard let keyMark = key.mark else { return false }
        if let mark = value.mark, mark.line == keyMark.line, mark.column - 1 < lines[mark.line - 1].utf8.count,
           Array(lines[mark.line - 1].utf8)[mark.column - 1] != UInt8(ascii: "#") {
            let line = Array(lines[mark.line - 1].utf8)
            let end = tokenEnd(in: line, from: mark.column - 1)
            lines[mark.line - 1] = trimmedRight(String(decoding: line[..<(mark.column - 1)], as: UTF8.self))
                + String(decoding: line[end...], as: UTF8.self)
        } else if value.scalar == nil, value.mapping?.isEmpty != true, value.sequence?.isEmpty != true {
            diagnostics.error("`\(name)` has a value learn-keys cannot add entries to", at: location(of: value))
            return false
        }
        return true
    }

    /// Whether the collection at `mark` is written in flow style (starts with `{` or `[`).
    private func isFlow(at mark: Mark) -> Bool {
        let line = Array(lines[mark.line - 1].utf8)
        let offset = mark.column - 1
        return offset < line.count && (line[offset] == UInt8(ascii: "{") || line[offset] == UInt8(ascii: "["))
    }

    /// The last line of the entry that starts on `line`: continuation lines are indented
    /// deeper than `indentation`.
    private func endOfEntry(at line: Int, indentation: Int) -> Int {
        var last = line
        while last < lines.count {
            let next = lines[last]
            let depth = next.prefix { $0 == " " }.count
            if next.trimmingCharacters(in: .whitespaces).isEmpty || depth <= indentation { break }
            last += 1
        }
        return last
    }

    private mutating func insert(_ newLines: [String], after line: Int) {
        guard !newLines.isEmpty else { return }
        insertions[line, default: []] += newLines
    }

    /// Replaces the scalar token starting at `mark` (plain or quoted), keeping what follows
    /// it on the line (a comment).
    private mutating func replaceScalar(at mark: Mark, with replacement: String) {
        let line = Array(lines[mark.line - 1].utf8)
        let start = mark.column - 1
        let end = tokenEnd(in: line, from: start)
        lines[mark.line - 1] = String(decoding: line[..<start], as: UTF8.self) + replacement + String(decoding: line[end...], as: UTF8.self)
    }

    /// The end of a one-line scalar or empty flow collection: after its closing quote, or
    /// before ` #` or trailing spaces.
    private func tokenEnd(in line: [UInt8], from start: Int) -> Int {
        guard start < line.count else { return line.count }
        let quote = line[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var index = start + 1
            while index < line.count {
                if quote == UInt8(ascii: "\"") && line[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if line[index] == quote {
                    if quote == UInt8(ascii: "'") && index + 1 < line.count && line[index + 1] == quote {
                        index += 2
                        continue
                    }
                    return index + 1
                }
                index += 1
            }
            return line.count
        }
        var end = start
        while end < line.count {
            if line[end] == UInt8(ascii: "#") && end > start && (line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t")) { break }
            end += 1
        }
        while end > start && (line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        return end
    }

    private func trimmedRight(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return String(result)
    }

    private func location(of node: Node) -> SourceLocation {
        node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) } ?? .start(of: path)
    }
}
