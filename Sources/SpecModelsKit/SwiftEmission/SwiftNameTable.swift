/// The Swift name of every model of a graph, unique within the generated module.
///
/// Names come from the `#` headings. When two emitted namespaces declare the same name, each
/// of them gets its namespace as a prefix (`ErrorsProblem`, `OperationsProblem`). Names that
/// `nameOverrides` gives are kept as they are (the configuration checked they are unique).
struct SwiftNameTable {
    private var names: [String]

    init(_ graph: TypeGraph, options: EmissionOptions = EmissionOptions()) {
        let base = graph.models.map { SwiftNaming.typeName($0.name) }
        var counts: [String: Int] = [:]
        for (model, name) in zip(graph.models, base) where options.emits(model) && options.typeNames[model.qualifiedName] == nil {
            counts[name, default: 0] += 1
        }
        var taken = UniqueNames(reserving: options.typeNames.values)
        var names: [String] = []
        names.reserveCapacity(base.count)
        for (model, name) in zip(graph.models, base) {
            if let renamed = options.typeNames[model.qualifiedName] {
                names.append(renamed)
                continue
            }
            var candidate = name
            if counts[name, default: 0] > 1, !model.namespace.isEmpty {
                candidate = SwiftNaming.typeName(model.namespace) + name
            }
            names.append(taken.claim(candidate))
        }
        self.names = names
        // `JSONValue` aliases take what names the models leave, prefixed like them on a clash.
        let modelNames = Set(names)
        aliasNames = graph.jsonValueAliases.map { alias in
            var candidate = SwiftNaming.typeName(alias.name)
            if modelNames.contains(candidate), !alias.namespace.isEmpty {
                candidate = SwiftNaming.typeName(alias.namespace) + candidate
            }
            return taken.claim(candidate)
        }
    }

    subscript(id: ModelID) -> String { names[id.index] }

    /// The Swift names of `graph.jsonValueAliases`, in their order.
    let aliasNames: [String]
}
