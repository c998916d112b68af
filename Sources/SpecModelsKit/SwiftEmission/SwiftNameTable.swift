/// The Swift name of every model of a graph, unique within the generated module.
///
/// Names come from the `#` headings. When two namespaces declare the same name, each of
/// them gets its namespace as a prefix (`ErrorsProblem`, `OperationsProblem`).
struct SwiftNameTable {
    private var names: [String]

    init(_ graph: TypeGraph) {
        let base = graph.models.map { SwiftNaming.typeName($0.name) }
        var counts: [String: Int] = [:]
        for name in base { counts[name, default: 0] += 1 }
        var taken = Set<String>()
        var names: [String] = []
        names.reserveCapacity(base.count)
        for (model, name) in zip(graph.models, base) {
            var candidate = name
            if counts[name, default: 0] > 1, !model.namespace.isEmpty {
                candidate = SwiftNaming.typeName(model.namespace) + name
            }
            names.append(SwiftNaming.unique(candidate, in: &taken))
        }
        self.names = names
    }

    subscript(id: ModelID) -> String { names[id.index] }
}
