/// The result of comparing two snapshots, ready to render: the changes, what the ignore
/// file accepted, and the counts.
public struct DiffReport: Sendable {
    public struct Side: Sendable {
        public var label: String
        public var typeCount: Int
    }

    public struct IgnoredChange: Sendable {
        public var change: SpecChange
        public var entry: DiffIgnoreFile.Entry
    }

    public struct Summary: Sendable, Equatable {
        public var breaking = 0
        public var warning = 0
        public var info = 0
        /// Description and example changes, which are listed only on request.
        public var documentation = 0
        public var ignored = 0
        /// The types that have at least one change that is not documentation.
        public var changedTypes = 0
    }

    public var old: Side
    public var new: Side
    public var direction: WireDirection
    /// Every change not accepted by the ignore file, documentation included, in report order.
    public var changes: [SpecChange]
    public var ignored: [IgnoredChange]
    /// Ignore entries that matched nothing: stale, or misspelled.
    public var unusedIgnores: [DiffIgnoreFile.Entry]

    public init(old: SpecSnapshot, new: SpecSnapshot, direction: WireDirection = .both, ignore: DiffIgnoreFile = DiffIgnoreFile()) {
        self.old = Side(label: old.label, typeCount: old.graph.models.count)
        self.new = Side(label: new.label, typeCount: new.graph.models.count)
        self.direction = direction
        var kept: [SpecChange] = []
        var ignored: [IgnoredChange] = []
        var used = Set<DiffIgnoreFile.Entry>()
        for change in SpecDiff.compare(old: old.graph, new: new.graph) {
            if let entry = ignore.entry(for: change) {
                ignored.append(IgnoredChange(change: change, entry: entry))
                used.insert(entry)
            } else {
                kept.append(change)
            }
        }
        self.changes = kept
        self.ignored = ignored
        self.unusedIgnores = ignore.entries.filter { !used.contains($0) }
    }

    public func severity(of change: SpecChange) -> DiffSeverity {
        change.severity(direction)
    }

    /// The changes to list: all of them when `verbose`, else all but documentation.
    public func listed(verbose: Bool) -> [SpecChange] {
        verbose ? changes : changes.filter { !$0.isDocumentation }
    }

    public var summary: Summary {
        var summary = Summary()
        var types = Set<String>()
        for change in changes {
            if change.isDocumentation {
                summary.documentation += 1
                continue
            }
            types.insert(change.typeName)
            switch severity(of: change) {
            case .breaking: summary.breaking += 1
            case .warning: summary.warning += 1
            case .info: summary.info += 1
            }
        }
        summary.ignored = ignored.count
        summary.changedTypes = types.count
        return summary
    }

    /// The threshold of `--fail-on`.
    public enum FailureThreshold: String, Sendable, CaseIterable {
        case breaking
        case warning
        /// Any change at all, documentation included.
        case any
    }

    public func fails(on threshold: FailureThreshold) -> Bool {
        switch threshold {
        case .any: return !changes.isEmpty
        case .warning: return changes.contains { severity(of: $0) >= .warning }
        case .breaking: return changes.contains { severity(of: $0) == .breaking }
        }
    }

    /// `3 breaking, 1 warning, 12 info in 9 types; 40 description/example changes; 2 ignored`.
    public var summaryLine: String {
        let summary = self.summary
        let structural = summary.breaking + summary.warning + summary.info
        var line = structural == 0
            ? "no model changes"
            : "\(summary.breaking) breaking, \(summary.warning) warning\(summary.warning == 1 ? "" : "s"), \(summary.info) info in \(summary.changedTypes) type\(summary.changedTypes == 1 ? "" : "s")"
        if summary.documentation > 0 {
            line += "; \(summary.documentation) description/example change\(summary.documentation == 1 ? "" : "s")"
        }
        if summary.ignored > 0 { line += "; \(summary.ignored) ignored" }
        return line
    }
}
