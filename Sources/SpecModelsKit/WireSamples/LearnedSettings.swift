/// What `learn-keys` learned: `wireKeys`, `keyOverrides` and `nullable` entries for
/// `specmodels.yml`, with the counts behind the choice of style.
///
/// Only what the samples agree on is learned: a field seen under two keys gets no entry (a
/// field has one key; a finding says which keys, where, and the key it keeps), and does not
/// count for the style. The style is the one that gives the most of the other fields their
/// key; each field it does not gets a `keyOverrides` entry, and each required field seen as
/// `null` a `nullable` one.
public struct LearnedSettings: Sendable {
    /// A field as `specmodels.yml` names it: `Type.field`, with the qualified type name and
    /// the documented field name.
    public struct FieldName: Sendable, Hashable {
        public var model: String
        public var field: String

        public var spelled: String { "\(model).\(field)" }
    }

    public struct KeyOverride: Sendable, Equatable {
        public var field: FieldName
        public var key: String
        /// Why the key was not found by its spelling alone, written beside the entry.
        public var note: String? = nil

        /// `components.Account.links: _links`, with the note as a comment.
        public var yamlEntry: String {
            "\(YAMLScalar.quoted(field.spelled)): \(YAMLScalar.quoted(key))" + (note.map { "  # \($0)" } ?? "")
        }
    }

    /// The keys one field arrived under in the samples, each with where it was first seen.
    public struct Observation: Sendable {
        public struct Sighting: Sendable {
            public var key: String
            public var location: SourceLocation
        }

        public var field: FieldName
        public var keys: [Sighting]
        /// Why the key was not found by its spelling alone (see `KeyOverride.note`).
        public var note: String?
    }

    public var keyStyle: WireKeyStyle
    public var keyOverrides: [KeyOverride]
    /// Each required field seen as `null`.
    public var nullable: [FieldName]
    public var samples: Int
    /// Distinct fields seen in the samples with one key, and how many of them the style
    /// gives their key.
    public var fieldsSeen: Int
    public var fieldsFittingStyle: Int
    /// Fields seen under two or more keys: nothing is written for them.
    public var disagreements: [FieldName] = []
    /// Fields seen under two keys (findings), and keys the style would give two fields of one
    /// type (errors: the file would not be a valid configuration).
    public var problems: Diagnostics

    public init(
        keyStyle: WireKeyStyle, keyOverrides: [KeyOverride], nullable: [FieldName], samples: Int, fieldsSeen: Int,
        fieldsFittingStyle: Int, problems: Diagnostics = Diagnostics()
    ) {
        self.keyStyle = keyStyle
        self.keyOverrides = keyOverrides
        self.nullable = nullable
        self.samples = samples
        self.fieldsSeen = fieldsSeen
        self.fieldsFittingStyle = fieldsFittingStyle
        self.problems = problems
    }

    /// Decides what the observations make certain, on top of `current`.
    /// - Parameters:
    ///   - graph: the graph with `current` applied, whose fields the observations name.
    ///   - findings: the severity of a disagreement (see `Findings`).
    public init(
        observations: [Observation], nullable: [FieldName], samples: Int, current: WireSettings, graph: TypeGraph,
        findings: Diagnostic.Severity
    ) {
        var agreed: [Observation] = []
        var disagreements: [Observation] = []
        for observation in observations {
            if observation.keys.count > 1 { disagreements.append(observation) } else { agreed.append(observation) }
        }
        func fits(_ style: WireKeyStyle) -> Int {
            agreed.filter { style.key(for: $0.field.field) == $0.keys[0].key }.count
        }
        var best = (style: current.keyStyle, fits: fits(current.keyStyle))
        for style in WireKeyStyle.allCases {
            let count = fits(style)
            if count > best.fits { best = (style, count) }
        }
        let overrides = agreed.filter { best.style.key(for: $0.field.field) != $0.keys[0].key }
            .map { KeyOverride(field: $0.field, key: $0.keys[0].key, note: $0.note) }
        self.init(
            keyStyle: best.style, keyOverrides: overrides, nullable: nullable, samples: samples, fieldsSeen: agreed.count,
            fieldsFittingStyle: best.fits)
        self.disagreements = disagreements.map(\.field)
        let settings = applied(to: current)
        let lookup = ModelLookup(graph)
        for observation in disagreements {
            let places = observation.keys.map { "`\($0.key)` at \($0.location)" }.joined(separator: ", ")
            var kept = ""
            if case .success(let (id, index)) = lookup.field(observation.field.spelled), case .object(let properties) = graph[id].shape {
                kept = " and it keeps the key `\(settings.wireKey(of: properties[index], in: graph[id]))`"
            }
            problems.append(Diagnostic(
                findings,
                "`\(observation.field.spelled)` arrives under \(observation.keys.count) keys: \(places); a field has one key, so no key is learned for it\(kept)",
                at: observation.keys[1].location))
        }
        checkCollisions(in: graph, current: current)
    }

    /// The settings as YAML to paste into `specmodels.yml`, after a comment that says where
    /// they come from.
    public var yaml: String {
        var lines = [
            "# learn-keys: \(samples) sample\(samples == 1 ? "" : "s"), \(fieldsSeen) field\(fieldsSeen == 1 ? "" : "s") seen; "
                + "`\(keyStyle.rawValue)` gives \(fieldsFittingStyle) of them their key",
        ]
        if !disagreements.isEmpty {
            let count = disagreements.count
            lines.append("# not learned: \(count) field\(count == 1 ? "" : "s") the samples give different keys")
        }
        lines.append("wireKeys: \(keyStyle.rawValue)")
        if !keyOverrides.isEmpty {
            lines.append("keyOverrides:")
            lines += keyOverrides.map { "  \($0.yamlEntry)" }
        }
        if !nullable.isEmpty {
            lines.append("nullable:")
            lines += nullable.map { "  - \(YAMLScalar.quoted($0.spelled))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The settings as the generator takes them, on top of `current` (whose overrides of
    /// fields not learned here stay).
    public func applied(to current: WireSettings) -> WireSettings {
        var settings = current
        settings.keyStyle = keyStyle
        for entry in keyOverrides {
            settings.keys[entry.field.model, default: [:]][entry.field.field] = entry.key
        }
        for entry in nullable {
            settings.nullable[entry.model, default: []].insert(entry.field)
        }
        return settings
    }

    /// Reports the types in which the learned settings give two fields one key: decoding
    /// could not tell them apart, and no sample says which key the other one has.
    mutating func checkCollisions(in graph: TypeGraph, current: WireSettings) {
        let settings = applied(to: current)
        for model in graph.models {
            guard case .object(let properties) = model.shape else { continue }
            var owners: [String: String] = [:]
            for property in properties {
                let key = settings.wireKey(of: property, in: model)
                if let other = owners[key] {
                    problems.error(
                        "with `wireKeys: \(keyStyle.rawValue)`, `\(model.qualifiedName).\(other)` and `\(model.qualifiedName).\(property.name)` both get the key `\(key)`; add a keyOverrides entry for one of them",
                        at: property.location)
                } else {
                    owners[key] = property.name
                }
            }
        }
    }
}

/// YAML scalars as `learn-keys` writes them: plain when a YAML reader reads them back as the
/// same string, double-quoted otherwise (`"$schema"`, `"@odata.id"`, `"true"`).
public enum YAMLScalar {
    public static func quoted(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Letters, digits, `_`, `-` and `.`, starting with a letter or `_`, and not a word YAML
    /// reads as a boolean or null.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_", first.isASCII else { return false }
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == ".") }
        return allowed && !reserved.contains(text.lowercased())
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
}

extension TypeGraph {
    /// The field a `specmodels.yml` spelling names (`Account.links`,
    /// `components.Account.links`), spelled as `learn-keys` writes it; `nil` when it names none.
    public func fieldName(spelled spelling: String) -> LearnedSettings.FieldName? {
        guard case .success(let (id, index)) = ModelLookup(self).field(spelling),
              case .object(let properties) = self[id].shape
        else { return nil }
        return LearnedSettings.FieldName(model: self[id].qualifiedName, field: properties[index].name)
    }

    /// The model a spelling names (`Account`, `components.Account`), or a message saying why
    /// there is none (with a suggestion when one is close).
    public func model(spelled spelling: String) -> Result<ModelID, ModelNotFound> {
        ModelLookup(self).model(spelling).mapError { ModelNotFound(message: $0.message) }
    }
}

public struct ModelNotFound: Error, Sendable {
    public var message: String
}
