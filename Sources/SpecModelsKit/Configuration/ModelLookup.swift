/// Finds the models and fields that `specmodels.yml` names: `Name` when one namespace
/// declares it, `namespace.Name` always, and `Type.field` with the field's documented name.
struct ModelLookup {
    let graph: TypeGraph
    let namespaces: Set<String>
    private let byQualifiedName: [String: ModelID]
    private let byName: [String: [ModelID]]

    init(_ graph: TypeGraph) {
        self.graph = graph
        var byQualifiedName: [String: ModelID] = [:]
        var byName: [String: [ModelID]] = [:]
        for model in graph.models {
            byQualifiedName[model.qualifiedName] = model.id
            byName[model.name, default: []].append(model.id)
        }
        self.byQualifiedName = byQualifiedName
        self.byName = byName
        self.namespaces = Set(graph.models.map(\.namespace).filter { !$0.isEmpty })
    }

    func isType(_ spelling: String) -> Bool {
        byQualifiedName[spelling] != nil || byName[spelling] != nil
    }

    /// The model a spelling names, or a message saying why there is none.
    func model(_ spelling: String) -> Result<ModelID, Failure> {
        if let id = byQualifiedName[spelling] { return .success(id) }
        if let ids = byName[spelling] {
            if ids.count == 1 { return .success(ids[0]) }
            let choices = ids.map { "`\(graph[$0].qualifiedName)`" }.joined(separator: ", ")
            return .failure(Failure("`\(spelling)` names several types (\(choices)); write one of them"))
        }
        var message = "unknown type `\(spelling)`"
        let candidates = Array(byQualifiedName.keys) + Array(byName.keys)
        if let suggestion = Suggestion.closest(to: spelling, among: candidates) {
            message += "; did you mean `\(suggestion)`?"
        }
        return .failure(Failure(message))
    }

    /// The field `Type.field` (or `namespace.Type.field`) names: its model and property index.
    func field(_ spelling: String) -> Result<(model: ModelID, index: Int), Failure> {
        let parts = spelling.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty) else {
            return .failure(Failure("expected `Type.field`, found `\(spelling)`"))
        }
        let typeParts = parts.count >= 3 && namespaces.contains(parts[0]) ? 2 : 1
        let typeSpelling = parts[..<typeParts].joined(separator: ".")
        let fieldName = parts[typeParts...].joined(separator: ".")
        let id: ModelID
        switch model(typeSpelling) {
        case .success(let found): id = found
        case .failure(let failure): return .failure(failure)
        }
        let model = graph[id]
        guard case .object(let properties) = model.shape else {
            let kind = if case .union = model.shape { "a union" } else { "an enum" }
            return .failure(Failure("`\(model.qualifiedName)` is \(kind); only object types have fields"))
        }
        if let index = properties.firstIndex(where: { $0.name == fieldName }) {
            return .success((id, index))
        }
        var message = "`\(model.qualifiedName)` has no field `\(fieldName)`"
        if let suggestion = Suggestion.closest(to: fieldName, among: properties.map(\.name)) {
            message += "; did you mean `\(suggestion)`?"
        }
        return .failure(Failure(message))
    }

    /// The namespace a spelling names, or a message with a suggestion.
    func namespace(_ spelling: String) -> Result<String, Failure> {
        if namespaces.contains(spelling) { return .success(spelling) }
        var message = "unknown namespace `\(spelling)`"
        if let suggestion = Suggestion.closest(to: spelling, among: namespaces) {
            message += "; did you mean `\(suggestion)`?"
        } else if !namespaces.isEmpty {
            message += "; the spec has \(namespaces.sorted().map { "`\($0)`" }.joined(separator: ", "))"
        }
        return .failure(Failure(message))
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
