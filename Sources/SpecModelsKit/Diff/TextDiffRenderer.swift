/// The default output: changes grouped by type, each with its rule, both axes, its places
/// in the old and new spec and its fingerprint; a summary line at the end. ANSI colours
/// when asked (the command asks on a terminal).
public enum TextDiffRenderer {
    public static func render(_ report: DiffReport, verbose: Bool = false, color: Bool = false) -> String {
        let style = Style(enabled: color)
        var lines: [String] = []
        lines.append("\(report.old.label) (\(report.old.typeCount) types) → \(report.new.label) (\(report.new.typeCount) types), wire direction: \(report.direction.rawValue)")
        var currentType: String?
        let listed = report.listed(verbose: verbose)
        let ruleWidth = listed.map(\.rule.rawValue.count).max() ?? 0
        for change in listed {
            if change.typeName != currentType {
                currentType = change.typeName
                lines.append("")
                lines.append(style.bold(change.typeName))
            }
            let severity = report.severity(of: change)
            let label = severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let rule = change.rule.rawValue.padding(toLength: ruleWidth, withPad: " ", startingAt: 0)
            lines.append("  \(style.severity(severity, label)) \(rule)  \(change.message)")
            let indent = String(repeating: " ", count: 11)
            var facts = "swift \(change.swift.rawValue), wire \(change.wire(report.direction).rawValue)"
            if report.direction == .both {
                facts += " (request \(change.request.rawValue), response \(change.response.rawValue))"
            }
            lines.append(indent + style.dim("\(facts) · \(Self.places(change)) · \(change.fingerprint)"))
            for evidence in change.evidence {
                lines.append(indent + style.dim("evidence: \(evidence)"))
            }
        }
        lines.append("")
        var summary = "Summary: \(report.summaryLine)"
        if !verbose && report.summary.documentation > 0 { summary += " (--verbose lists them)" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    static func places(_ change: SpecChange) -> String {
        switch (change.oldLocation, change.newLocation) {
        case let (old?, new?): return "\(short(old)) → \(short(new))"
        case let (old?, nil): return "was \(short(old))"
        case let (nil, new?): return "at \(short(new))"
        case (nil, nil): return short(change.typeLocation)
        }
    }

    private static func short(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line)"
    }

    private struct Style {
        let enabled: Bool

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }

        func severity(_ severity: DiffSeverity, _ text: String) -> String {
            switch severity {
            case .breaking: wrap(text, "1;31")
            case .warning: wrap(text, "33")
            case .info: wrap(text, "36")
            }
        }

        private func wrap(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}
