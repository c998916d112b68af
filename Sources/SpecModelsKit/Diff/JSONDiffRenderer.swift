import Foundation

/// The machine-readable report. The schema is documented in the README and versioned by
/// `schemaVersion`: fields are only ever added within a version.
public enum JSONDiffRenderer {
    public static let schemaVersion = 1

    public static func render(_ report: DiffReport, verbose: Bool = false) -> String {
        let summary = report.summary
        let document = Document(
            schemaVersion: schemaVersion,
            old: Side(label: report.old.label, types: report.old.typeCount),
            new: Side(label: report.new.label, types: report.new.typeCount),
            direction: report.direction,
            summary: Summary(
                breaking: summary.breaking, warning: summary.warning, info: summary.info,
                documentation: summary.documentation, ignored: summary.ignored, changedTypes: summary.changedTypes),
            changes: report.listed(verbose: verbose).map { Change($0, direction: report.direction) },
            ignored: report.ignored.map {
                Ignored(fingerprint: $0.change.fingerprint, rule: $0.change.rule, path: $0.change.path, reason: $0.entry.reason)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain values cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        // Some Foundations print an empty array over three lines; strings cannot contain a
        // raw newline, so this touches only layout.
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"\[\n\s*\n\s*\]"#, with: "[]", options: .regularExpression)
        return text + "\n"
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var old: Side
        var new: Side
        var direction: WireDirection
        var summary: Summary
        var changes: [Change]
        var ignored: [Ignored]
    }

    struct Side: Encodable {
        var label: String
        var types: Int
    }

    struct Summary: Encodable {
        var breaking: Int
        var warning: Int
        var info: Int
        var documentation: Int
        var ignored: Int
        var changedTypes: Int
    }

    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int

        init(_ location: SourceLocation) {
            file = location.file
            line = location.line
            column = location.column
        }
    }

    struct Change: Encodable {
        var fingerprint: String
        var rule: DiffRule
        var severity: DiffSeverity
        var swift: DiffSeverity
        var wire: DiffSeverity
        var request: DiffSeverity
        var response: DiffSeverity
        var type: String
        var member: String?
        var path: String
        var message: String
        var before: String?
        var after: String?
        var evidence: [String]
        var old: Location?
        var new: Location?

        init(_ change: SpecChange, direction: WireDirection) {
            fingerprint = change.fingerprint
            rule = change.rule
            severity = change.severity(direction)
            swift = change.swift
            wire = change.wire(direction)
            request = change.request
            response = change.response
            type = change.typeName
            member = change.member
            path = change.path
            message = change.message
            before = change.before
            after = change.after
            evidence = change.evidence
            old = change.oldLocation.map(Location.init)
            new = change.newLocation.map(Location.init)
        }

        // Absent values are written as `null`, so every change has every key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(swift, forKey: .swift)
            try container.encode(wire, forKey: .wire)
            try container.encode(request, forKey: .request)
            try container.encode(response, forKey: .response)
            try container.encode(type, forKey: .type)
            try container.encode(member, forKey: .member)
            try container.encode(path, forKey: .path)
            try container.encode(message, forKey: .message)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(old, forKey: .old)
            try container.encode(new, forKey: .new)
        }

        enum CodingKeys: String, CodingKey {
            case fingerprint, rule, severity, swift, wire, request, response, type, member, path, message, before, after, evidence, old, new
        }
    }

    struct Ignored: Encodable {
        var fingerprint: String
        var rule: DiffRule
        var path: String
        var reason: String
    }
}
