/// GitHub Actions workflow commands: `::error` for breaking changes and `::warning` for
/// warnings, on the new spec's lines (a removed element points at its type's heading),
/// `::notice` for info changes with `verbose`; then the summary line.
public enum GitHubDiffRenderer {
    public static func render(_ report: DiffReport, verbose: Bool = false) -> String {
        var lines: [String] = []
        for change in report.listed(verbose: verbose) {
            let severity = report.severity(of: change)
            let command: String
            switch severity {
            case .breaking: command = "error"
            case .warning: command = "warning"
            case .info:
                guard verbose else { continue }
                command = "notice"
            }
            var properties: [String] = []
            if let location = newSideLocation(change) {
                properties.append("file=\(property(location.file))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(property("\(change.rule.rawValue) (swift \(change.swift.rawValue), wire \(change.wire(report.direction).rawValue))"))")
            var message = "\(change.typeName): \(change.message)"
            if change.newLocation == nil, let old = change.oldLocation {
                message += " (was \(old.file):\(old.line))"
            }
            message += " [\(change.fingerprint)]"
            lines.append("::\(command) \(properties.joined(separator: ","))::\(data(message))")
        }
        lines.append("specmodels diff: \(report.summaryLine)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The change's line in the new spec, or its type's heading there; `nil` for a removed type.
    private static func newSideLocation(_ change: SpecChange) -> SourceLocation? {
        if let location = change.newLocation { return location }
        return change.rule == .typeRemoved ? nil : change.typeLocation
    }

    /// Escapes a workflow command's message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow command's property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
