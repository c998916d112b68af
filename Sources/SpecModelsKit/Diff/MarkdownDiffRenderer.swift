/// A pull-request comment: a headline with the counts, a table of breaking changes and
/// warnings, and the rest folded away.
public enum MarkdownDiffRenderer {
    public static func render(_ report: DiffReport, verbose: Bool = false) -> String {
        var lines: [String] = []
        lines.append("### specmodels diff: \(report.summaryLine)")
        lines.append("")
        lines.append("`\(report.old.label)` → `\(report.new.label)` · wire direction: \(report.direction.rawValue)")
        let listed = report.listed(verbose: verbose)
        let important = listed.filter { report.severity(of: $0) > .info }
        let other = listed.filter { report.severity(of: $0) == .info }
        if !important.isEmpty {
            lines.append("")
            lines.append(contentsOf: table(important, report: report))
        }
        if !other.isEmpty {
            lines.append("")
            lines.append("<details><summary>\(other.count) info change\(other.count == 1 ? "" : "s")</summary>")
            lines.append("")
            lines.append(contentsOf: table(other, report: report))
            lines.append("")
            lines.append("</details>")
        }
        if !verbose && report.summary.documentation > 0 {
            lines.append("")
            lines.append("\(report.summary.documentation) description/example change\(report.summary.documentation == 1 ? " is" : "s are") not listed (`--verbose` lists them).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ changes: [SpecChange], report: DiffReport) -> [String] {
        var lines = [
            "| | Type | Change | Rule | Swift | Wire | Where |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for change in changes {
            let severity = report.severity(of: change)
            let place = TextDiffRenderer.places(change)
            lines.append("| \(icon(severity)) | `\(change.typeName)` | \(cell(change.message)) | `\(change.rule.rawValue)` | \(change.swift.rawValue) | \(change.wire(report.direction).rawValue) | \(cell(place)) |")
        }
        return lines
    }

    private static func icon(_ severity: DiffSeverity) -> String {
        switch severity {
        case .breaking: ":red_circle: breaking"
        case .warning: ":warning: warning"
        case .info: "info"
        }
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
