/// Decides which type of the old graph is which type of the new one.
///
/// 1. Same `namespace.Name`: the same type.
/// 2. Left over on both sides, same doc path: the heading was renamed in place.
/// 3. Left over on both sides, the same `namespace.Name` up to case (C#'s `Components`), then
///    the same `Name` up to case in another namespace: the doc moved (`models.DocSpec` in
///    Python docs, `components.DocSpec` in Go's). The generated Swift names a type without
///    its namespace, so the move alone changes nothing; a name spelled with other case is a
///    rename. Where a side has the name several times, the two
///    that share the most field names, values or members pair, when that is one pair.
/// 4. Left over on both sides, same shape (fields named up to case and underscores, with
///    their types and requiredness; enum values; union members): renamed. References inside
///    a shape count as equal when they point to types already matched, so renames are found
///    leaves first, round after round; a last round lets references between still-unmatched
///    types match each other, which finds types renamed together in a cycle.
///
/// Every step groups by a dictionary key, so matching stays linear in the number of types.
struct TypeMatching {
    struct Rename {
        var evidence: [String]
    }

    let old: TypeGraph
    let new: TypeGraph
    /// Indexed by old model index.
    private(set) var newForOld: [ModelID?]
    /// Indexed by new model index.
    private(set) var oldForNew: [ModelID?]
    /// Keyed by old model id.
    private(set) var renames: [ModelID: Rename] = [:]

    init(old: TypeGraph, new: TypeGraph) {
        self.old = old
        self.new = new
        newForOld = Array(repeating: nil, count: old.models.count)
        oldForNew = Array(repeating: nil, count: new.models.count)
        matchByName()
        matchByPath()
        matchByUnqualifiedName()
        matchByShape()
    }

    /// The old type's counterpart in the new graph, if it has one.
    func counterpart(ofOld id: ModelID) -> ModelID? { newForOld[id.index] }

    /// An old type expression with its model references translated into the new graph;
    /// references to types that have no counterpart become ids no new model has.
    func translate(_ type: TypeExpression) -> TypeExpression {
        switch type {
        case .model(let id):
            return .model(newForOld[id.index] ?? ModelID(index: -1 - id.index))
        case .array(let element): return .array(translate(element))
        case .map(let value): return .map(translate(value))
        case .oneOf(let members): return .oneOf(members.map(translate))
        case .stream(let kind, let element): return .stream(kind, translate(element))
        default: return type
        }
    }

    private mutating func link(_ oldID: ModelID, _ newID: ModelID, evidence: [String]?) {
        newForOld[oldID.index] = newID
        oldForNew[newID.index] = oldID
        if let evidence { renames[oldID] = Rename(evidence: evidence) }
    }

    private mutating func matchByName() {
        var byName: [String: ModelID] = [:]
        for model in new.models { byName[model.qualifiedName] = byName[model.qualifiedName] ?? model.id }
        for model in old.models {
            if let id = byName[model.qualifiedName], oldForNew[id.index] == nil {
                link(model.id, id, evidence: nil)
            }
        }
    }

    private mutating func matchByPath() {
        var byPath: [String: ModelID] = [:]
        for model in new.models where oldForNew[model.id.index] == nil { byPath[model.relativePath] = model.id }
        for model in old.models where newForOld[model.id.index] == nil {
            if let id = byPath[model.relativePath] {
                link(model.id, id, evidence: ["same doc `\(model.relativePath)`, renamed heading"])
            }
        }
    }

    private mutating func matchByUnqualifiedName() {
        // C# capitalises namespaces (`Components.Account`): that is the same place.
        let removed = old.models.map(\.id).filter { newForOld[$0.index] == nil }.map(\.index)
        let added = new.models.map(\.id).filter { oldForNew[$0.index] == nil }.map(\.index)
        for pair in RenamePairing.uniquePairs(removed: removed, added: added, key: { isOld, index in
            (isOld ? old : new)[ModelID(index: index)].qualifiedName.lowercased()
        }) {
            link(ModelID(index: pair.old), ModelID(index: pair.new), evidence: nameEvidence(old[ModelID(index: pair.old)], new[ModelID(index: pair.new)]))
        }
        var newByName: [String: [ModelID]] = [:]
        for model in new.models where oldForNew[model.id.index] == nil {
            newByName[model.name.lowercased(), default: []].append(model.id)
        }
        var oldByName: [String: [ModelID]] = [:]
        var order: [String] = []
        for model in old.models where newForOld[model.id.index] == nil {
            let key = model.name.lowercased()
            guard newByName[key] != nil else { continue }
            if oldByName[key] == nil { order.append(key) }
            oldByName[key, default: []].append(model.id)
        }
        for key in order {
            for (oldID, newID) in Self.pairSameNames(oldByName[key]!, newByName[key]!, old: old, new: new) {
                link(oldID, newID, evidence: nameEvidence(old[oldID], new[newID]))
            }
        }
    }

    /// A type found by its name in another place is renamed only when the name is spelled
    /// with other case.
    private func nameEvidence(_ model: ModelNode, _ counterpart: ModelNode) -> [String]? {
        model.name == counterpart.name
            ? nil : ["same name up to case, doc moved from `\(model.relativePath)` to `\(counterpart.relativePath)`"]
    }

    /// Pairs types of one name: alone on both sides, or, where a language has several (Go's
    /// `components.ChatResponse` body beside its `operations.ChatResponse` wrapper), the two
    /// that share more field names, values or members with each other than with any other.
    private static func pairSameNames(_ olds: [ModelID], _ news: [ModelID], old: TypeGraph, new: TypeGraph) -> [(ModelID, ModelID)] {
        if olds.count == 1 && news.count == 1 { return [(olds[0], news[0])] }
        let oldMembers = olds.map { memberKeys(old[$0]) }
        let newMembers = news.map { memberKeys(new[$0]) }
        let scores = oldMembers.map { o in newMembers.map { o.intersection($0).count } }
        /// The index of the strictly highest positive score, if there is one.
        func best(_ row: [Int]) -> Int? {
            guard let top = row.max(), top > 0, row.filter({ $0 == top }).count == 1 else { return nil }
            return row.firstIndex(of: top)
        }
        var pairs: [(ModelID, ModelID)] = []
        for (i, row) in scores.enumerated() {
            guard let j = best(row), best(scores.map { $0[j] }) == i else { continue }
            pairs.append((olds[i], news[j]))
        }
        return pairs
    }

    /// What a shape is made of, spelled so that languages agree: field names up to case and
    /// underscores, enum values, union member types by kind and name.
    private static func memberKeys(_ model: ModelNode) -> Set<String> {
        switch model.shape {
        case .object(let properties): return Set(properties.map { RenamePairing.spellingKey($0.name) })
        case .enumeration(let shape): return Set(shape.values.map { TypeSpelling.literal($0.value) })
        case .union(let members): return Set(members.map { RenamePairing.spellingKey(String($0.spelling.split(separator: ".").last ?? "")) })
        }
    }

    /// Strict rounds in a row before a relaxed one, which settles long rename chains at once:
    /// each round costs a pass over the unmatched types.
    static let maximumStrictRounds = 4

    private mutating func matchByShape() {
        var relaxed = false
        var strictRounds = 0
        while true {
            if !relaxed {
                strictRounds += 1
                if strictRounds > Self.maximumStrictRounds { relaxed = true }
            }
            let removed = old.models.map(\.id).filter { newForOld[$0.index] == nil }.map(\.index)
            let added = new.models.map(\.id).filter { oldForNew[$0.index] == nil }.map(\.index)
            if removed.isEmpty || added.isEmpty { return }
            var oldSignatures: [Int: String] = [:]
            for index in removed { oldSignatures[index] = signature(old[ModelID(index: index)], isOld: true, relaxed: relaxed) }
            var newSignatures: [Int: String] = [:]
            for index in added { newSignatures[index] = signature(new[ModelID(index: index)], isOld: false, relaxed: relaxed) }
            var pairs = RenamePairing.pairs(
                removed: removed, added: added,
                key: { isOld, index in isOld ? oldSignatures[index] : newSignatures[index] },
                similarity: { oldIndex, newIndex in
                    let o = old[ModelID(index: oldIndex)]
                    let n = new[ModelID(index: newIndex)]
                    return RenamePairing.nameSimilarity(o.name, n.name) * 2 + (o.namespace == n.namespace ? 1 : 0)
                })
            if relaxed { pairs = consistent(pairs) }
            for pair in pairs {
                let oldModel = old[ModelID(index: pair.old)]
                let newModel = new[ModelID(index: pair.new)]
                link(oldModel.id, newModel.id, evidence: Self.shapeEvidence(oldModel, newModel))
            }
            if pairs.isEmpty {
                if relaxed { return }
                relaxed = true
            } else if relaxed {
                relaxed = false
                strictRounds = 0
            }
        }
    }

    /// Keeps the pairs of a relaxed round whose references to still-unmatched types point,
    /// on both sides, to types paired in the same round: types renamed together.
    private func consistent(_ pairs: [(old: Int, new: Int)]) -> [(old: Int, new: Int)] {
        var kept = pairs
        while true {
            var tentative: [Int: Int] = [:]
            for pair in kept { tentative[pair.old] = pair.new }
            let filtered = kept.filter { pair in
                let oldRefs = unmatchedReferences(old[ModelID(index: pair.old)], isOld: true)
                let newRefs = unmatchedReferences(new[ModelID(index: pair.new)], isOld: false)
                let translated = oldRefs.map { tentative[$0] ?? -1 }
                return Set(translated) == newRefs
            }
            if filtered.count == kept.count { return kept }
            kept = filtered
        }
    }

    /// The indexes of the other, unmatched types a shape refers to.
    private func unmatchedReferences(_ model: ModelNode, isOld: Bool) -> Set<Int> {
        var result = Set<Int>()
        let visit: (TypeExpression) -> Void = { type in
            type.forEach { part in
                guard case .model(let id) = part, id != model.id else { return }
                let matched = isOld ? self.newForOld[id.index] != nil : self.oldForNew[id.index] != nil
                if !matched { result.insert(id.index) }
            }
        }
        switch model.shape {
        case .object(let properties): properties.forEach { visit($0.type) }
        case .union(let members): members.forEach { visit($0.type) }
        case .enumeration: break
        }
        return result
    }

    private static func shapeEvidence(_ old: ModelNode, _ new: ModelNode) -> [String] {
        var evidence: [String]
        switch new.shape {
        case .object(let properties):
            let names = properties.map { "`\($0.name)`" }
            evidence = ["same \(names.count) field\(names.count == 1 ? "" : "s") with the same types: \(names.joined(separator: ", "))"]
        case .enumeration(let shape):
            evidence = ["same \(shape.values.count) enum value\(shape.values.count == 1 ? "" : "s")"]
        case .union(let members):
            evidence = ["same union members: \(members.map { "`\($0.spelling)`" }.joined(separator: ", "))"]
        }
        if old.relativePath != new.relativePath {
            evidence.append("doc moved from `\(old.relativePath)` to `\(new.relativePath)`")
        }
        return evidence
    }

    // MARK: Shape signatures

    /// A key that two types share exactly when their shapes are the same; `nil` for empty
    /// shapes, which say too little to match on.
    private func signature(_ model: ModelNode, isOld: Bool, relaxed: Bool) -> String? {
        let token: (TypeExpression) -> String = { type in
            self.signature(type, owner: model.id, isOld: isOld, relaxed: relaxed)
        }
        switch model.shape {
        case .object(let properties):
            guard !properties.isEmpty else { return nil }
            let fields = properties.map { "\(RenamePairing.spellingKey($0.name))\u{1}\($0.isRequired ? "!" : "?")\(token($0.type))" }.sorted()
            return "O\u{2}" + fields.joined(separator: "\u{2}")
        case .enumeration(let shape):
            guard !shape.values.isEmpty else { return nil }
            let values = shape.values.map { TypeSpelling.literal($0.value) }.sorted()
            return "E\u{2}\(shape.rawType)\u{2}" + values.joined(separator: "\u{2}")
        case .union(let members):
            guard !members.isEmpty else { return nil }
            return "U\u{2}" + members.map { token($0.type) }.sorted().joined(separator: "\u{2}")
        }
    }

    private func signature(_ type: TypeExpression, owner: ModelID, isOld: Bool, relaxed: Bool) -> String {
        switch type {
        case .model(let id):
            if id == owner { return "self" }
            let counterpart: ModelID? = isOld ? newForOld[id.index] : (oldForNew[id.index] == nil ? nil : id)
            if let counterpart { return "#\(counterpart.index)" }
            return relaxed ? "#?" : "\(isOld ? "old" : "new")#\(id.index)"
        case .array(let element): return "[\(signature(element, owner: owner, isOld: isOld, relaxed: relaxed))]"
        case .map(let value): return "{\(signature(value, owner: owner, isOld: isOld, relaxed: relaxed))}"
        case .oneOf(let members):
            return "(" + members.map { signature($0, owner: owner, isOld: isOld, relaxed: relaxed) }.joined(separator: "|") + ")"
        case .stream(let kind, let element):
            return "\(kind.spelling)<\(signature(element, owner: owner, isOld: isOld, relaxed: relaxed))>"
        default:
            return TypeSpelling.spell(type, in: isOld ? old : new)
        }
    }
}
