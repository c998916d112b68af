import Foundation

/// Compares two type graphs: every change once, at the type that owns it.
///
/// A field whose type is another model only changes when the reference itself changes
/// (to another type, or its kind); changes inside the referenced type are reported there,
/// never again at each type that reaches it. Renamed types are followed through references,
/// so a field of a renamed type has not changed.
public enum SpecDiff {
    public static func compare(old: TypeGraph, new: TypeGraph) -> [SpecChange] {
        var diff = GraphDiff(old: old, new: new)
        diff.run()
        return diff.changes.sorted(by: GraphDiff.order)
    }
}

struct GraphDiff {
    let old: TypeGraph
    let new: TypeGraph
    let matching: TypeMatching
    let oldAPI: GeneratedAPI
    let newAPI: GeneratedAPI
    private var wire: WireEquivalence
    private(set) var changes: [SpecChange] = []

    init(old: TypeGraph, new: TypeGraph) {
        self.old = old
        self.new = new
        self.matching = TypeMatching(old: old, new: new)
        self.oldAPI = GeneratedAPI(old)
        self.newAPI = GeneratedAPI(new)
        self.wire = WireEquivalence(old: old, new: new)
    }

    mutating func run() {
        for model in old.models where matching.counterpart(ofOld: model.id) == nil {
            record(.typeRemoved, owner: model, message: "type removed (\(TypeSpelling.kind(of: model.shape)) `\(oldAPI.typeName(model.id))`)",
                   before: model.qualifiedName, old: model.location)
        }
        for model in new.models {
            guard let oldID = matching.oldForNew[model.id.index] else {
                record(.typeAdded, owner: model, message: "type added (\(Self.summary(of: model.shape)))",
                       after: model.qualifiedName, new: model.location)
                continue
            }
            compareTypes(old[oldID], model)
        }
    }

    /// By type; within a type, the type's own changes first, then by rule, then by place.
    static func order(_ lhs: SpecChange, _ rhs: SpecChange) -> Bool {
        func key(_ change: SpecChange) -> (String, Int, Int, Int, String) {
            let place = change.newLocation ?? change.oldLocation ?? change.typeLocation
            let rule = DiffRule.allCases.firstIndex(of: change.rule)!
            return (change.typeName, change.member == nil ? 0 : 1, rule, place.line, change.member ?? "")
        }
        return key(lhs) < key(rhs)
    }

    // MARK: Types

    private mutating func compareTypes(_ o: ModelNode, _ n: ModelNode) {
        let oldSwift = oldAPI.typeName(o.id)
        let newSwift = newAPI.typeName(n.id)
        if let rename = matching.renames[o.id] {
            var facts = ChangeFacts()
            facts.swiftUnchanged = oldSwift == newSwift
            let swift = oldSwift == newSwift ? "" : " (Swift `\(oldSwift)` → `\(newSwift)`)"
            record(.typeRenamed, owner: n, message: "renamed from `\(o.qualifiedName)`\(swift)",
                   before: o.qualifiedName, after: n.qualifiedName, evidence: rename.evidence,
                   old: o.location, new: n.location, facts: facts)
        } else if oldSwift != newSwift {
            record(.typeSwiftNameChanged, owner: n,
                   message: "generated Swift type renamed from `\(oldSwift)` to `\(newSwift)`: another namespace declares the same name",
                   before: oldSwift, after: newSwift, old: o.location, new: n.location)
        }
        switch (o.deprecation, n.deprecation) {
        case (nil, let deprecation?):
            record(.typeDeprecated, owner: n, message: "type deprecated" + Self.reason(deprecation.message),
                   after: deprecation.message, old: o.location, new: deprecation.location)
        case (let deprecation?, nil):
            record(.typeUndeprecated, owner: n, message: "type no longer deprecated",
                   before: deprecation.message, old: deprecation.location, new: n.location)
        default:
            break
        }
        let oldDescription = Self.text(o.description)
        let newDescription = Self.text(n.description)
        if oldDescription != newDescription {
            record(.descriptionChanged, owner: n, message: "description changed",
                   before: oldDescription, after: newDescription, old: o.location, new: n.location)
        }
        // A renamed type's examples name it: that alone is not an example change.
        let oldExamples = o.examples.map { o.name == n.name ? $0.code : $0.code.replacingOccurrences(of: o.name, with: n.name) }
        let newExamples = n.examples.map(\.code)
        if oldExamples != newExamples {
            record(.exampleChanged, owner: n, message: "example changed",
                   before: oldExamples.joined(separator: "\n"), after: newExamples.joined(separator: "\n"),
                   old: o.examples.first?.location ?? o.location, new: n.examples.first?.location ?? n.location)
        }
        switch (o.shape, n.shape) {
        case (.object(let before), .object(let after)):
            compareFields(o, n, before, after)
        case (.enumeration(let before), .enumeration(let after)):
            compareEnums(o, n, before, after)
        case (.union(let before), .union(let after)):
            compareUnions(o, n, before, after)
        default:
            let from = TypeSpelling.kind(of: o.shape)
            let to = TypeSpelling.kind(of: n.shape)
            record(.typeKindChanged, owner: n, message: "changed from \(Self.withArticle(from)) to \(Self.withArticle(to))",
                   before: from, after: to, old: o.location, new: n.location)
        }
    }

    // MARK: Fields

    private struct FieldKey: Hashable {
        var type: TypeExpression
        var isRequired: Bool
    }

    private mutating func compareFields(_ o: ModelNode, _ n: ModelNode, _ before: [Property], _ after: [Property]) {
        let oldNames = oldAPI.propertyNames(o.id, before)
        let newNames = newAPI.propertyNames(n.id, after)
        var newIndex: [String: Int] = [:]
        for (index, property) in after.enumerated() { newIndex[property.name] = index }
        var oldIndex: [String: Int] = [:]
        for (index, property) in before.enumerated() { oldIndex[property.name] = index }
        let removed = before.indices.filter { newIndex[before[$0].name] == nil }
        let added = after.indices.filter { oldIndex[after[$0].name] == nil }
        let renames = RenamePairing.pairs(
            removed: removed, added: added,
            key: { isOld, index in
                isOld
                    ? FieldKey(type: matching.translate(before[index].type), isRequired: before[index].isRequired)
                    : FieldKey(type: after[index].type, isRequired: after[index].isRequired)
            },
            similarity: { RenamePairing.nameSimilarity(before[$0].name, after[$1].name) * 100 - abs($0 - $1) })
        var renamedTo: [Int: Int] = [:]
        for pair in renames { renamedTo[pair.old] = pair.new }
        let renamedFrom = Set(renames.map(\.new))

        var retained: [(old: Int, new: Int)] = []
        for (index, property) in before.enumerated() {
            if let counterpart = newIndex[property.name] {
                retained.append((index, counterpart))
                compareField(n, property, after[counterpart], sameName: true)
            } else if let counterpart = renamedTo[index] {
                retained.append((index, counterpart))
                let target = after[counterpart]
                var facts = ChangeFacts()
                facts.swiftUnchanged = oldNames[index] == newNames[counterpart]
                facts.oldRequired = property.isRequired
                facts.newRequired = target.isRequired
                facts.wireUnchanged = property.wireKey == target.wireKey
                let swift = facts.swiftUnchanged ? "" : " (Swift `\(oldNames[index])` → `\(newNames[counterpart])`)"
                var evidence = ["same type `\(TypeSpelling.spell(target.type, in: new))`, \(target.isRequired ? "required" : "optional") in both"]
                if index == counterpart { evidence.append("same position (\(index + 1))") }
                if facts.wireUnchanged { evidence.append("same wire key `\(target.wireKey)`") }
                record(.fieldRenamed, owner: n, member: target.name,
                       message: "field `\(property.name)` renamed to `\(target.name)`\(swift)",
                       before: property.name, after: target.name, evidence: evidence,
                       old: property.location, new: target.location, facts: facts)
                compareField(n, property, target, sameName: false)
            } else {
                var facts = ChangeFacts()
                facts.oldRequired = property.isRequired
                record(.fieldRemoved, owner: n, member: property.name,
                       message: "\(property.isRequired ? "required" : "optional") field `\(property.name)` removed (`\(TypeSpelling.spell(property.type, in: old))`)",
                       before: TypeSpelling.spell(property.type, in: old), old: property.location, facts: facts)
            }
        }
        for index in added where !renamedFrom.contains(index) {
            let property = after[index]
            let spelled = TypeSpelling.spell(property.type, in: new)
            if property.isRequired {
                var facts = ChangeFacts()
                facts.hasInitDefault = GeneratedAPI.hasInitDefault(property)
                facts.newRequired = true
                record(.fieldAddedRequired, owner: n, member: property.name,
                       message: "required field `\(property.name)` added (`\(spelled)`)\(facts.hasInitDefault ? "" : ": a new init parameter without default")",
                       after: spelled, new: property.location, facts: facts)
            } else {
                record(.fieldAddedOptional, owner: n, member: property.name,
                       message: "optional field `\(property.name)` added (`\(spelled)`)",
                       after: spelled, new: property.location)
            }
        }
        // The generated init takes its parameters in field order.
        let newOrder = retained.sorted { $0.old < $1.old }.map(\.new)
        if newOrder != newOrder.sorted() {
            let beforeOrder = newOrder.map { newNames[$0] }.joined(separator: ", ")
            let afterOrder = newOrder.sorted().map { newNames[$0] }.joined(separator: ", ")
            record(.fieldsReordered, owner: n,
                   message: "fields reordered: the init's parameters go from (\(beforeOrder)) to (\(afterOrder))",
                   before: beforeOrder, after: afterOrder, old: o.location, new: n.location)
        }
    }

    /// Compares a field with its counterpart; `sameName` is false for a renamed field, whose
    /// change of wire key the rename already reports.
    private mutating func compareField(_ n: ModelNode, _ p: Property, _ q: Property, sameName: Bool) {
        let translated = matching.translate(p.type)
        if translated != q.type {
            compareFieldType(n, p, q, translated: translated)
        }
        if sameName && p.wireKey != q.wireKey {
            record(.fieldWireKeyChanged, owner: n, member: q.name,
                   message: "wire key of `\(q.name)` changed from `\(p.wireKey)` to `\(q.wireKey)` (Swift unchanged)",
                   before: p.wireKey, after: q.wireKey, old: p.location, new: q.location)
        }
        let oldSwift = oldAPI.declaredType(p)
        let newSwift = newAPI.declaredType(q)
        if p.isRequired != q.isRequired {
            if q.isRequired {
                let nullable = q.isNullable ? " and nullable" : ""
                record(.fieldBecameRequired, owner: n, member: q.name,
                       message: "field `\(q.name)` became required\(nullable) (Swift `\(oldSwift)` → `\(newSwift)`, no default in init)",
                       before: "optional", after: "required", old: p.location, new: q.location)
            } else {
                var facts = ChangeFacts()
                facts.swiftUnchanged = oldSwift == newSwift
                let swift = facts.swiftUnchanged ? "Swift `\(newSwift)` unchanged, the init parameter defaults to nil" : "Swift `\(oldSwift)` → `\(newSwift)`"
                record(.fieldBecameOptional, owner: n, member: q.name,
                       message: "field `\(q.name)` became optional (\(swift))",
                       before: "required", after: "optional", old: p.location, new: q.location, facts: facts)
            }
        } else if p.isNullable != q.isNullable {
            // An optional field that becomes nullable is three-state: old decoders read its `null` as absent.
            var facts = ChangeFacts()
            facts.oldRequired = p.isRequired
            facts.newRequired = q.isRequired
            let field = q.isRequired ? "required field" : "optional field"
            if q.isNullable {
                record(.fieldBecameNullable, owner: n, member: q.name,
                       message: "\(field) `\(q.name)` may now be null (Swift `\(oldSwift)` → `\(newSwift)`)",
                       before: "non-null", after: "nullable", old: p.location, new: q.location, facts: facts)
            } else {
                record(.fieldBecameNonNullable, owner: n, member: q.name,
                       message: "\(field) `\(q.name)` may no longer be null (Swift `\(oldSwift)` → `\(newSwift)`)",
                       before: "nullable", after: "non-null", old: p.location, new: q.location, facts: facts)
            }
        }
        switch (p.deprecationMessage, q.deprecationMessage) {
        case (nil, let message?):
            record(.fieldDeprecated, owner: n, member: q.name, message: "field `\(q.name)` deprecated" + Self.reason(message),
                   after: message, old: p.location, new: q.location)
        case (let message?, nil):
            record(.fieldUndeprecated, owner: n, member: q.name, message: "field `\(q.name)` no longer deprecated",
                   before: message, old: p.location, new: q.location)
        default:
            break
        }
        let oldDescription = Self.text([p.description])
        let newDescription = Self.text([q.description])
        if oldDescription != newDescription {
            record(.descriptionChanged, owner: n, member: q.name, message: "description of `\(q.name)` changed",
                   before: oldDescription, after: newDescription, old: p.location, new: q.location)
        }
        if p.example != q.example {
            record(.exampleChanged, owner: n, member: q.name, message: "example of `\(q.name)` changed",
                   before: p.example, after: q.example, old: p.location, new: q.location)
        }
    }

    private mutating func compareFieldType(_ n: ModelNode, _ p: Property, _ q: Property, translated: TypeExpression) {
        let from = TypeSpelling.spell(p.type, in: old)
        let to = TypeSpelling.spell(q.type, in: new)
        if p.type == .string, case .model(let id) = q.type, case .enumeration = new[id].shape {
            record(.fieldBecameEnum, owner: n, member: q.name,
                   message: "field `\(q.name)` became the enum `\(to)` (Swift `String` → `\(newAPI.typeName(id))`)",
                   before: from, after: to, old: p.location, new: q.location)
            return
        }
        if Self.members(of: q.type, in: new).contains(translated) {
            record(.fieldWrappedInUnion, owner: n, member: q.name,
                   message: "field `\(q.name)` wrapped into the union `\(to)` (was `\(from)`)",
                   before: from, after: to, old: p.location, new: q.location)
            return
        }
        if Self.members(of: p.type, in: old).map(matching.translate).contains(q.type) {
            record(.fieldUnwrappedFromUnion, owner: n, member: q.name,
                   message: "field `\(q.name)` unwrapped from the union `\(from)` to `\(to)`",
                   before: from, after: to, old: p.location, new: q.location)
            return
        }
        var facts = ChangeFacts()
        let oldSwift = oldAPI.mapping.swiftType(p.type)
        let newSwift = newAPI.mapping.swiftType(q.type)
        facts.swiftUnchanged = oldSwift == newSwift
        facts.newAcceptsAnything = q.type == .any
        facts.oldAcceptsAnything = p.type == .any
        facts.wireUnchanged = wire.equivalent(p.type, q.type)
        let fromKind = TypeSpelling.kind(p.type, in: old)
        let toKind = TypeSpelling.kind(q.type, in: new)
        var kinds = fromKind == toKind ? "\(fromKind) → other \(toKind)" : "\(fromKind) → \(toKind)"
        if facts.wireUnchanged { kinds += " with the same JSON" }
        let swift = facts.swiftUnchanged ? ", Swift type `\(newSwift)` unchanged" : ", Swift `\(oldSwift)` → `\(newSwift)`"
        record(.fieldTypeChanged, owner: n, member: q.name,
               message: "type of `\(q.name)` changed from `\(from)` to `\(to)` (\(kinds)\(swift))",
               before: from, after: to, old: p.location, new: q.location, facts: facts)
    }

    /// The member types of a union type: a union model's members or an inline `A | B`.
    private static func members(of type: TypeExpression, in graph: TypeGraph) -> [TypeExpression] {
        switch type {
        case .oneOf(let members): return members
        case .model(let id) where id.index >= 0:
            if case .union(let members) = graph[id].shape { return members.map(\.type) }
            return []
        default: return []
        }
    }

    // MARK: Enums

    private mutating func compareEnums(_ o: ModelNode, _ n: ModelNode, _ before: EnumerationShape, _ after: EnumerationShape) {
        if before.rawType != after.rawType {
            record(.enumRawTypeChanged, owner: n, message: "raw values changed from \(before.rawType)s to \(after.rawType)s",
                   before: "\(before.rawType)", after: "\(after.rawType)", old: o.location, new: n.location)
            return
        }
        let oldCases = oldAPI.caseNames(o, before)
        let newCases = newAPI.caseNames(n, after)
        var newIndex: [EnumValue.Literal: Int] = [:]
        for (index, value) in after.values.enumerated() { newIndex[value.value] = index }
        var oldIndex: [EnumValue.Literal: Int] = [:]
        for (index, value) in before.values.enumerated() { oldIndex[value.value] = index }
        let removed = before.values.indices.filter { newIndex[before.values[$0].value] == nil }
        let added = after.values.indices.filter { oldIndex[after.values[$0].value] == nil }
        // A rename keeps the Name column's name, or the spelling up to case and punctuation
        // (`in_progress` → `inProgress`); failing that, a lone removed value replaced in place.
        var renames = RenamePairing.pairs(
            removed: removed, added: added,
            key: { isOld, index in Self.renameKey(isOld ? before.values[index] : after.values[index]) },
            similarity: { -abs($0 - $1) })
        if renames.isEmpty, removed.count == 1, added.count == 1, removed[0] == added[0] {
            renames = [(removed[0], added[0])]
        }
        var renamedTo: [Int: Int] = [:]
        for pair in renames { renamedTo[pair.old] = pair.new }
        let renamedFrom = Set(renames.map(\.new))
        for (index, value) in before.values.enumerated() {
            if let counterpart = newIndex[value.value] {
                // Same wire value; the Name column may still have renamed the Swift case.
                if oldCases[index] != newCases[counterpart] {
                    var facts = ChangeFacts()
                    facts.wireUnchanged = true
                    let target = after.values[counterpart]
                    record(.enumValueRenamed, owner: n, member: TypeSpelling.pathSegment(target.value),
                           message: "Swift case of \(TypeSpelling.literal(target.value)) renamed from `.\(oldCases[index])` to `.\(newCases[counterpart])`",
                           before: oldCases[index], after: newCases[counterpart],
                           evidence: ["same value \(TypeSpelling.literal(target.value)), new name in the Name column"],
                           old: value.location, new: target.location, facts: facts)
                }
            } else if let counterpart = renamedTo[index] {
                let target = after.values[counterpart]
                var facts = ChangeFacts()
                facts.swiftUnchanged = oldCases[index] == newCases[counterpart]
                let swift = facts.swiftUnchanged
                    ? " (Swift case `.\(newCases[counterpart])` unchanged)"
                    : " (Swift `.\(oldCases[index])` → `.\(newCases[counterpart])`)"
                var evidence: [String] = []
                if let name = target.name, name == value.name {
                    evidence.append("same name `\(name)`")
                } else if Self.renameKey(value) == Self.renameKey(target) {
                    evidence.append("same spelling up to case and punctuation")
                } else {
                    evidence.append("the only value removed and the only one added, at the same position (\(index + 1))")
                }
                record(.enumValueRenamed, owner: n, member: TypeSpelling.pathSegment(target.value),
                       message: "value \(TypeSpelling.literal(value.value)) renamed to \(TypeSpelling.literal(target.value))\(swift)",
                       before: TypeSpelling.literal(value.value), after: TypeSpelling.literal(target.value), evidence: evidence,
                       old: value.location, new: target.location, facts: facts)
            } else {
                record(.enumValueRemoved, owner: n, member: TypeSpelling.pathSegment(value.value),
                       message: "value \(TypeSpelling.literal(value.value)) removed (Swift case `.\(oldCases[index])`)",
                       before: TypeSpelling.literal(value.value), old: value.location)
            }
        }
        for index in added where !renamedFrom.contains(index) {
            let value = after.values[index]
            record(.enumValueAdded, owner: n, member: TypeSpelling.pathSegment(value.value),
                   message: "value \(TypeSpelling.literal(value.value)) added (Swift case `.\(newCases[index])`; old decoders read it as `.unrecognized`)",
                   after: TypeSpelling.literal(value.value), new: value.location)
        }
    }

    private static func renameKey(_ value: EnumValue) -> String? {
        if let name = value.name { return "name:" + name }
        guard case .string(let string) = value.value else { return nil }
        let letters = string.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return letters.isEmpty ? nil : "spelling:" + String(String.UnicodeScalarView(letters))
    }

    // MARK: Unions

    private mutating func compareUnions(_ o: ModelNode, _ n: ModelNode, _ before: [UnionMemberNode], _ after: [UnionMemberNode]) {
        var newTypes: [TypeExpression: Int] = [:]
        for (index, member) in after.enumerated() where newTypes[member.type] == nil { newTypes[member.type] = index }
        var matched = Set<Int>()
        for member in before {
            if let index = newTypes[matching.translate(member.type)] {
                matched.insert(index)
            } else {
                record(.unionMemberRemoved, owner: n, member: member.spelling,
                       message: "member `\(member.spelling)` removed",
                       before: member.spelling, old: member.location)
            }
        }
        for (index, member) in after.enumerated() where !matched.contains(index) {
            record(.unionMemberAdded, owner: n, member: member.spelling,
                   message: "member `\(member.spelling)` added (old decoders cannot read it)",
                   after: member.spelling, new: member.location)
        }
    }

    // MARK: Recording

    private mutating func record(
        _ rule: DiffRule, owner: ModelNode, member: String? = nil, message: String,
        before: String? = nil, after: String? = nil, evidence: [String] = [],
        old oldLocation: SourceLocation? = nil, new newLocation: SourceLocation? = nil,
        facts: ChangeFacts = ChangeFacts()
    ) {
        let severities = ChangeClassifier.classify(rule, facts)
        changes.append(SpecChange(
            rule: rule, typeName: owner.qualifiedName, member: member, message: message,
            before: before, after: after, evidence: evidence,
            oldLocation: oldLocation, newLocation: newLocation, typeLocation: owner.location,
            swift: severities.swift, request: severities.request, response: severities.response))
    }

    private static func text(_ paragraphs: [RichParagraph]) -> String {
        paragraphs.map { $0.map(\.plainText).joined() }.joined(separator: "\n\n")
    }

    private static func reason(_ message: String) -> String {
        message.isEmpty ? "" : ": \(message)"
    }

    private static func withArticle(_ kind: String) -> String {
        kind == "union" ? "a union" : "an \(kind)"
    }

    private static func summary(of shape: ModelNode.Shape) -> String {
        switch shape {
        case .object(let properties): return "object, \(properties.count) field\(properties.count == 1 ? "" : "s")"
        case .enumeration(let shape): return "enum, \(shape.values.count) value\(shape.values.count == 1 ? "" : "s")"
        case .union(let members): return "union, \(members.count) member\(members.count == 1 ? "" : "s")"
        }
    }
}
