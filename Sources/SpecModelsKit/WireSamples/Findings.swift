/// What `learn-keys` finds lacking in the samples and the SDK docs — an operation no doc
/// names, a key no field has, a body that contradicts its doc — as opposed to input it cannot
/// read at all. Each finding skips only what it concerns, and all of them have one severity:
/// warnings by default, errors under `--strict` (which then fails the run and writes nothing).
public struct Findings: Sendable {
    public let severity: Diagnostic.Severity
    public private(set) var diagnostics = Diagnostics()

    public init(severity: Diagnostic.Severity = .warning) {
        self.severity = severity
    }

    public mutating func report(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(severity, message, at: location))
    }

    public var isEmpty: Bool { diagnostics.all.isEmpty }
}
