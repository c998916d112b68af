/// Walks JSON payloads alongside the type graph and learns what the docs cannot say: the key
/// each field arrives under, and the required fields that arrive as `null`.
///
/// The walk goes through nested objects, arrays, maps and unions (taking the member that fits
/// best, see `PayloadFit`). Each key of an object typed as a model is matched to a field by
/// `KeySpelling`; a key that matches none, or several, is a finding with its JSON path and
/// place, never guessed. So are missing required keys and values of the wrong kind, which no
/// setting can fix. The keys that are placed still count: one body that contradicts its doc
/// does not cost the settings every other body shows.
public struct KeyLearner: Sendable {
    /// One key of one object typed as a model, in one sample.
    public struct Occurrence: Sendable {
        public var model: ModelID
        public var key: String
        /// `$.data[0].created_at`.
        public var path: String
        public var sample: Int
        public var location: SourceLocation
        public var match: KeySpelling.Match
    }

    /// The graph with the current settings applied (`TypeGraph.applying(_:)`): keys that are
    /// a field's current wire key match it directly.
    public let graph: TypeGraph
    public private(set) var occurrences: [Occurrence] = []
    /// Unmatched, ambiguous and missing keys, and values of the wrong kind.
    public private(set) var findings: Findings
    /// Per field (`FieldID`), the keys seen for it and where each was first seen.
    private var keysSeen: [FieldID: [(key: String, location: SourceLocation)]] = [:]
    /// Fields whose key was found by `KeySpelling.extendedSpelling`, with the documented
    /// name of the field the key is spelled like, noted in the YAML.
    private var extendedSpellings: [FieldID: String] = [:]
    /// Required fields that arrived as `null`, with where first.
    private var nullsSeen: [FieldID: SourceLocation] = [:]
    private var sampleCount = 0

    struct FieldID: Hashable, Comparable {
        var model: ModelID
        var index: Int

        static func < (lhs: FieldID, rhs: FieldID) -> Bool { (lhs.model, lhs.index) < (rhs.model, rhs.index) }
    }

    /// - Parameter findings: the severity of what the samples contradict (see `Findings`).
    public init(graph: TypeGraph, findings: Diagnostic.Severity = .warning) {
        self.graph = graph
        self.findings = Findings(severity: findings)
    }

    /// Walks one sample.
    public mutating func learn(_ sample: PayloadSample) {
        let walk = Walk(sample: sample, index: sampleCount, fit: PayloadFit(graph: graph))
        visit(sample.json, .model(sample.type), path: JSONPath.root, owner: nil, in: walk)
        sampleCount += 1
    }

    // MARK: The settings

    /// The settings the samples show, given the current ones (see `LearnedSettings`).
    public func settings(current: WireSettings) -> LearnedSettings {
        let observations = keysSeen.keys.sorted().map { field in
            LearnedSettings.Observation(
                field: fieldName(field), keys: keysSeen[field]!.map { .init(key: $0.key, location: $0.location) },
                note: extendedSpellings[field].map { "spelled like `\($0)`, which cannot hold its value" })
        }
        let nullable = nullsSeen.keys.sorted()
            .filter { !property($0).isNullableInDocs }
            .map { fieldName($0) }
        return LearnedSettings(
            observations: observations, nullable: nullable, samples: sampleCount, current: current, graph: graph,
            findings: findings.severity)
    }

    func property(_ field: FieldID) -> Property {
        guard case .object(let properties) = graph[field.model].shape else { preconditionFailure("fields belong to objects") }
        return properties[field.index]
    }

    func fieldName(_ field: FieldID) -> LearnedSettings.FieldName {
        LearnedSettings.FieldName(model: graph[field.model].qualifiedName, field: property(field).name)
    }

    // MARK: Walking

    /// The sample being walked.
    private struct Walk {
        let sample: PayloadSample
        let index: Int
        let fit: PayloadFit
    }

    /// - Parameter owner: the field or type whose documented type `type` is, for messages.
    private mutating func visit(_ json: JSONSample, _ type: TypeExpression, path: String, owner: String?, in walk: Walk) {
        switch type {
        case .any:
            return
        case .model(let id):
            let model = graph[id]
            switch model.shape {
            case .object(let properties):
                guard case .object(let members) = json.value else {
                    mismatch(json, expected: model.qualifiedName, path: path, owner: owner, in: walk)
                    return
                }
                visitObject(members, at: json, model: id, properties: properties, path: path, in: walk)
            case .enumeration(let shape):
                if !ScalarFit.fitsEnumeration(json, shape) {
                    mismatch(json, expected: model.qualifiedName, path: path, owner: owner, in: walk)
                }
            case .union(let members):
                guard let member = walk.fit.bestMember(json, among: members.map(\.type)) else { return }
                visit(json, member, path: path, owner: owner ?? model.qualifiedName, in: walk)
            }
        case .array(let element):
            guard case .array(let elements) = json.value else {
                mismatch(json, expected: TypeSpelling.spell(type, in: graph), path: path, owner: owner, in: walk)
                return
            }
            for (position, item) in elements.enumerated() {
                visit(item, element, path: JSONPath.appending(index: position, to: path), owner: owner, in: walk)
            }
        case .map(let value):
            guard case .object(let members) = json.value else {
                mismatch(json, expected: TypeSpelling.spell(type, in: graph), path: path, owner: owner, in: walk)
                return
            }
            for member in members {
                visit(member.value, value, path: JSONPath.appending(key: member.key, to: path), owner: owner, in: walk)
            }
        case .oneOf(let members):
            guard let member = walk.fit.bestMember(json, among: members) else { return }
            visit(json, member, path: path, owner: owner, in: walk)
        default:
            if !ScalarFit.fits(json, type) {
                mismatch(json, expected: TypeSpelling.spell(type, in: graph), path: path, owner: owner, in: walk)
            }
        }
    }

    private mutating func visitObject(
        _ members: [JSONSample.Member], at node: JSONSample, model id: ModelID, properties: [Property], path: String, in walk: Walk
    ) {
        let model = graph[id]
        var present: [Int: String] = [:]  // property index → the key that gave it
        for member in members {
            let memberPath = JSONPath.appending(key: member.key, to: path)
            let location = walk.sample.location(of: member)
            var match = KeySpelling.match(member.key, in: properties)
            if case .spelling(let spelledLike) = match, !Self.isNull(member.value),
               !ScalarFit.kindFits(member.value, properties[spelledLike].type, in: graph) {
                // Spelled like a field that cannot hold the value: the key of another field.
                if let extended = KeySpelling.extendedSpelling(
                    of: member.key, value: member.value, spelledLike: spelledLike, in: properties, graph: graph) {
                    match = .extendedSpelling(extended, instead: spelledLike)
                    extendedSpellings[FieldID(model: id, index: extended)] = properties[spelledLike].name
                } else {
                    findings.report(
                        "key `\(member.key)` at `\(memberPath)` is spelled like `\(model.qualifiedName).\(properties[spelledLike].name)`, but its value is \(ScalarFit.kind(member.value)) and the field is `\(TypeSpelling.spell(properties[spelledLike].type, in: graph))`; if it is another field's key, add a keyOverrides entry for that field",
                        at: location)
                    match = .none
                    occurrences.append(Occurrence(model: id, key: member.key, path: memberPath, sample: walk.index, location: location, match: match))
                    continue
                }
            }
            switch match {
            case .wireKey(let found), .spelling(let found), .extendedSpelling(let found, _):
                if let other = present[found] {
                    findings.report(
                        "keys `\(other)` and `\(member.key)` of `\(path)` both belong to `\(model.qualifiedName).\(properties[found].name)`; a field has one key",
                        at: location)
                    match = .several([found])
                    break
                }
                present[found] = member.key
                record(key: member.key, for: FieldID(model: id, index: found), at: location)
                let property = properties[found]
                if Self.isNull(member.value) {
                    if property.isRequired && !property.isNullable {
                        recordNull(FieldID(model: id, index: found), at: location)
                    }
                } else {
                    visit(member.value, property.type, path: memberPath, owner: "\(model.qualifiedName).\(property.name)", in: walk)
                }
            case .additionalProperty(let found):
                if case .map(let valueType) = properties[found].type {
                    visit(member.value, valueType, path: memberPath, owner: "\(model.qualifiedName).\(properties[found].name)", in: walk)
                }
            case .none:
                var message = "key `\(member.key)` at `\(memberPath)` matches no field of `\(model.qualifiedName)`"
                if let suggestion = Suggestion.closest(to: member.key, among: properties.map(\.name)) {
                    message += "; the closest is `\(suggestion)`, but its spelling differs: if the key is that field's, add a keyOverrides entry"
                } else {
                    message += " (\(Self.fieldList(properties)))"
                }
                findings.report(message, at: location)
            case .several(let indices):
                let names = indices.map { "`\(properties[$0].name)`" }.joined(separator: ", ")
                findings.report(
                    "key `\(member.key)` at `\(memberPath)` matches \(indices.count) fields of `\(model.qualifiedName)` by spelling (\(names)); add a keyOverrides entry for the one it belongs to",
                    at: location)
            }
            occurrences.append(Occurrence(model: id, key: member.key, path: memberPath, sample: walk.index, location: location, match: match))
        }
        // A required additionalProperties map has no key of its own: no extra keys decode as `[:]`.
        for (position, property) in properties.enumerated()
        where property.isRequired && present[position] == nil && !KeySpelling.gathersAdditionalProperties(property) {
            findings.report(
                "`\(path)` has no key for the required field `\(model.qualifiedName).\(property.name)` (key `\(property.wireKey)`): the doc says it is always sent",
                at: walk.sample.location(of: node))
        }
    }

    private static func isNull(_ json: JSONSample) -> Bool {
        if case .null = json.value { return true }
        return false
    }

    private mutating func mismatch(_ json: JSONSample, expected: String, path: String, owner: String?, in walk: Walk) {
        let whose = owner.map { " (`\($0)`)" } ?? ""
        findings.report(
            "the value at `\(path)` is \(ScalarFit.kind(json)), but its documented type\(whose) is `\(expected)`",
            at: walk.sample.location(of: json))
    }

    private static func fieldList(_ properties: [Property]) -> String {
        let names = properties.prefix(8).map { "`\($0.name)`" }.joined(separator: ", ")
        if properties.isEmpty { return "it has no fields" }
        return "its fields are \(names)\(properties.count > 8 ? ", …" : "")"
    }

    private mutating func record(key: String, for field: FieldID, at location: SourceLocation) {
        var keys = keysSeen[field, default: []]
        if !keys.contains(where: { $0.key == key }) {
            keys.append((key, location))
            keysSeen[field] = keys
        }
    }

    private mutating func recordNull(_ field: FieldID, at location: SourceLocation) {
        if nullsSeen[field] == nil { nullsSeen[field] = location }
    }
}
