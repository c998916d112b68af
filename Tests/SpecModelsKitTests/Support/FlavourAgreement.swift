@testable import SpecModelsKit

/// How far the type graphs of one API, read from the docs of several SDK languages, describe
/// the same API.
///
/// Types are matched by name, ignoring case and the folder they sit in; where one side has
/// two types of one name (`components.Detail`, `errors.Detail`) the folder decides, with
/// `folderAliases` mapping one language's folder names onto another's (C#'s `Requests` is the
/// others' `operations`); a folder aliased to "" is the main one, whose types keep the bare
/// name (Go's `components.ChatRequest` is Python's flat `ChatRequest`). Fields are matched by
/// their name lower-cased without underscores (`doc_id`, `DocID` and `docId` are one field).
///
/// Two field types agree when they have the same structure: integers and numbers agree (only
/// some languages tell them apart; `distinguishingIntegers` compares two that do), model
/// references agree when the types they name match, arrays, maps and inline unions recurse,
/// everything else must be the same. A type agrees when it is on every side with the same
/// kind of shape and, for an object, the same fields with agreeing types; for an enum, the
/// same values; for a union, agreeing members. Each disagreement is one `Difference`;
/// `explain` sorts them by rules that say why the languages differ there.
struct FlavourAgreement {
    struct Side {
        /// The language, as differences name it (`TypeScript`, `Java`).
        var label: String
        var graph: TypeGraph
    }

    /// One place where the sides do not say the same thing. Enum differences name the values
    /// that not every side has.
    struct Difference: CustomStringConvertible {
        enum Kind: Hashable {
            /// The type is not on every side.
            case type
            /// The sides' types are of different kinds (object, enum, union).
            case shape
            /// The field is not on every side of a type that is.
            case field
            /// The field is on every side with types that do not agree.
            case fieldType
            /// An enum's values differ.
            case enumValues
            /// A union's members differ.
            case unionMembers
        }

        var kind: Kind
        /// The type's name as the first side that has it spells it.
        var typeName: String
        /// The field's documented name on the first side that has it, for field differences.
        var field: String?
        /// What each side says, by label: a type spelling or a shape kind; absent sides are left out.
        var sides: [String: String]
        /// The type on each side that has it, by label.
        var models: [String: ModelID]
        /// For field differences, the field's type on each side that has the field, by label.
        var fieldTypes: [String: TypeExpression] = [:]

        var description: String {
            let place = field.map { "\(typeName).\($0)" } ?? typeName
            let said = sides.keys.sorted().map { "\($0): \(sides[$0]!)" }.joined(separator: ", ")
            return "\(place) [\(kind)] \(said)"
        }

        /// The labels of the sides that have this type (or this field).
        var present: Set<String> {
            field == nil ? Set(models.keys) : Set(fieldTypes.keys)
        }
    }

    /// Why some differences are what they are: a rule that picks them and what it means.
    struct Explanation {
        var name: String
        var reason: String
        var applies: (Difference) -> Bool
    }

    let sides: [Side]
    /// Every type name any side has (one per matched group).
    private(set) var typeCount = 0
    /// Types on every side.
    private(set) var typesOnEverySide = 0
    /// Types on every side whose shapes agree entirely.
    private(set) var agreeingTypes = 0
    /// Fields of the objects on every side: every field any side has.
    private(set) var fieldCount = 0
    /// Those fields on every side.
    private(set) var fieldsOnEverySide = 0
    /// Those on every side whose types agree.
    private(set) var agreeingFields = 0
    private(set) var differences: [Difference] = []

    /// Fields on every side with agreeing types whose requiredness differs (`Type.field`).
    private(set) var requirednessDifferences: [String] = []
    /// How many agreeing fields have each type, by its spelling (`Date`, `[string]`).
    private(set) var agreeingFieldTypes: [String: Int] = [:]
    /// How many of the fields on every side each side's docs say may be `null`, by label.
    private(set) var nullableFields: [String: Int] = [:]

    /// Whether `integer` and `number` disagree.
    let distinguishingIntegers: Bool
    /// The key a side's model is matched by, indexed by model index.
    private var typeKeys: [[String]] = []

    init(_ sides: [Side], folderAliases: [String: String] = [:], distinguishingIntegers: Bool = false) {
        self.sides = sides
        self.distinguishingIntegers = distinguishingIntegers
        typeKeys = sides.map { Self.typeKeys($0.graph, folderAliases: folderAliases) }
        var groups: [String: [ModelID?]] = [:]
        var order: [String] = []
        for (index, side) in sides.enumerated() {
            for model in side.graph.models {
                let key = typeKeys[index][model.id.index]
                if groups[key] == nil {
                    groups[key] = Array(repeating: nil, count: sides.count)
                    order.append(key)
                }
                groups[key]![index] = model.id
            }
        }
        typeCount = order.count
        for key in order.sorted() {
            compareType(groups[key]!)
        }
    }

    // MARK: Matching types

    /// A model's key: its name lower-cased, with its folder when another model of the graph has
    /// the same name.
    private static func typeKeys(_ graph: TypeGraph, folderAliases: [String: String]) -> [String] {
        let names = graph.models.map { $0.name.lowercased() }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return graph.models.map { model in
            let name = model.name.lowercased()
            guard counts[name]! > 1 else { return name }
            let folder = model.namespace.lowercased()
            let alias = folderAliases[folder] ?? folder
            return alias.isEmpty ? name : "\(alias).\(name)"
        }
    }

    /// The normalised name fields are matched by.
    static func fieldKey(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" }
    }

    // MARK: Comparing

    private mutating func compareType(_ ids: [ModelID?]) {
        let present = ids.indices.filter { ids[$0] != nil }
        let first = sides[present[0]].graph[ids[present[0]]!]
        guard present.count == sides.count else {
            var said: [String: String] = [:]
            for index in present { said[sides[index].label] = sides[index].graph[ids[index]!].qualifiedName }
            differences.append(Difference(kind: .type, typeName: first.name, sides: said, models: labelled(ids)))
            return
        }
        typesOnEverySide += 1
        let models = ids.indices.map { sides[$0].graph[ids[$0]!] }
        let kinds = models.map { TypeSpelling.kind(of: $0.shape) }
        guard Set(kinds).count == 1 else {
            differences.append(Difference(kind: .shape, typeName: first.name, sides: said(kinds), models: labelled(ids)))
            return
        }
        let before = differences.count
        switch first.shape {
        case .object:
            compareFields(models, ids: labelled(ids))
        case .enumeration:
            let values = models.map { model -> Set<String> in
                guard case .enumeration(let shape) = model.shape else { return [] }
                return Set(shape.values.map { TypeSpelling.literal($0.value) })
            }
            if Set(values).count > 1 {
                // Each side's values that not every side has.
                let common = values.dropFirst().reduce(values[0]) { $0.intersection($1) }
                let extra = values.map { $0.subtracting(common).sorted().joined(separator: ", ") }
                differences.append(Difference(
                    kind: .enumValues, typeName: first.name, sides: said(extra.map { $0.isEmpty ? "no other value" : "also \($0)" }),
                    models: labelled(ids)))
            }
        case .union:
            let members = ids.indices.map { index -> String in
                guard case .union(let members) = models[index].shape else { return "" }
                return members.map { spell($0.type, side: index) }.sorted().joined(separator: " | ")
            }
            if Set(members).count > 1 {
                differences.append(Difference(kind: .unionMembers, typeName: first.name, sides: said(members), models: labelled(ids)))
            }
        }
        if differences.count == before { agreeingTypes += 1 }
    }

    private mutating func compareFields(_ models: [ModelNode], ids: [String: ModelID]) {
        var fields: [String: [Property?]] = [:]
        var order: [String] = []
        for (index, model) in models.enumerated() {
            guard case .object(let properties) = model.shape else { continue }
            for property in properties {
                let key = Self.fieldKey(property.name)
                if fields[key] == nil {
                    fields[key] = Array(repeating: nil, count: models.count)
                    order.append(key)
                }
                fields[key]![index] = property
            }
        }
        fieldCount += order.count
        for key in order {
            let properties = fields[key]!
            let name = properties.compactMap { $0 }.first!.name
            var fieldTypes: [String: TypeExpression] = [:]
            for index in properties.indices {
                if let property = properties[index] { fieldTypes[sides[index].label] = property.type }
            }
            guard properties.allSatisfy({ $0 != nil }) else {
                var said: [String: String] = [:]
                for index in properties.indices {
                    if let property = properties[index] { said[sides[index].label] = "\(property.name): \(spell(property.type, side: index))" }
                }
                differences.append(Difference(
                    kind: .field, typeName: models[0].name, field: name, sides: said, models: ids, fieldTypes: fieldTypes))
                continue
            }
            fieldsOnEverySide += 1
            for (index, property) in properties.enumerated() where property!.isNullableInDocs {
                nullableFields[sides[index].label, default: 0] += 1
            }
            let types = properties.indices.map { spell(properties[$0]!.type, side: $0) }
            if Set(types).count == 1 {
                agreeingFields += 1
                agreeingFieldTypes[types[0], default: 0] += 1
                if Set(properties.map { $0!.isRequired }).count > 1 {
                    requirednessDifferences.append("\(models[0].name).\(name)")
                }
            } else {
                differences.append(Difference(
                    kind: .fieldType, typeName: models[0].name, field: name, sides: said(types), models: ids, fieldTypes: fieldTypes))
            }
        }
    }

    private func labelled(_ ids: [ModelID?]) -> [String: ModelID] {
        var result: [String: ModelID] = [:]
        for (index, id) in ids.enumerated() { if let id { result[sides[index].label] = id } }
        return result
    }

    private func said(_ values: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for (index, value) in values.enumerated() { result[sides[index].label] = value }
        return result
    }

    /// A type expression written so that agreeing expressions are written alike: model
    /// references by their match key, `integer` as `number` (unless `distinguishingIntegers`),
    /// inline union members sorted.
    func spell(_ type: TypeExpression, side: Int) -> String {
        switch type {
        case .integer: return distinguishingIntegers ? "integer" : "number"
        case .model(let id): return typeKeys[side][id.index]
        case .array(let element): return "[\(spell(element, side: side))]"
        case .map(let value): return "[string: \(spell(value, side: side))]"
        case .oneOf(let members): return members.map { spell($0, side: side) }.sorted().joined(separator: " | ")
        case .stream(let kind, let element): return "\(kind.spelling)<\(spell(element, side: side))>"
        default: return TypeSpelling.spell(type, in: sides[side].graph)
        }
    }

    // MARK: Explaining

    /// The graph of the side labelled `label`.
    func graph(_ label: String) -> TypeGraph {
        sides.first { $0.label == label }!.graph
    }

    /// The differences each explanation takes (the first that applies), by name, and those none does.
    func explain(_ explanations: [Explanation]) -> (explained: [String: [Difference]], unexplained: [Difference]) {
        var explained: [String: [Difference]] = [:]
        var unexplained: [Difference] = []
        for difference in differences {
            if let explanation = explanations.first(where: { $0.applies(difference) }) {
                explained[explanation.name, default: []].append(difference)
            } else {
                unexplained.append(difference)
            }
        }
        return (explained, unexplained)
    }

    // MARK: Summary

    /// The counts the summary reports.
    struct Counts: Equatable {
        var types: Int, typesOnEverySide: Int, agreeingTypes: Int
        var fields: Int, fieldsOnEverySide: Int, agreeingFields: Int
    }

    var counts: Counts {
        Counts(
            types: typeCount, typesOnEverySide: typesOnEverySide, agreeingTypes: agreeingTypes,
            fields: fieldCount, fieldsOnEverySide: fieldsOnEverySide, agreeingFields: agreeingFields)
    }

    /// `12 of 20` with the share in percent, one decimal.
    static func share(_ part: Int, of whole: Int) -> String {
        let tenths = whole == 0 ? 0 : (part * 1000 + whole / 2) / whole
        return "\(part) of \(whole) (\(tenths / 10).\(tenths % 10)%)"
    }

    var summary: String {
        """
        types: \(typeCount) names, \(Self.share(typesOnEverySide, of: typeCount)) on every side, \
        \(Self.share(agreeingTypes, of: typesOnEverySide)) of those agree; \
        fields of those: \(fieldCount), \(Self.share(fieldsOnEverySide, of: fieldCount)) on every side, \
        \(Self.share(agreeingFields, of: fieldsOnEverySide)) of those agree \
        (\(requirednessDifferences.count) of them required on some sides only)
        """
    }
}
