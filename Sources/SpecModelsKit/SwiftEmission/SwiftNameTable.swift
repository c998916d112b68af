/// The Swift name of every model of a graph, unique within the generated module.
///
/// Names come from the `#` headings. When two emitted namespaces declare the same name, each
/// of them gets its namespace as a prefix (`ErrorsProblem`, `OperationsProblem`). Names that
/// `nameOverrides` gives are kept as they are (the configuration checked they are unique).
struct SwiftNameTable {
    private var names: [String]

    init(_ graph: TypeGraph, options: EmissionOptions = EmissionOptions()) {
        // Models are read in place by index: iterating `graph.models` copied every node.
        let models = graph.models
        let base = models.indices.map { SwiftNaming.typeName(models[$0].name) }
        var counts: [String: Int] = [:]
        for index in models.indices where options.emits(qualifiedName: models[index].qualifiedName)
            && options.typeNames[models[index].qualifiedName] == nil {
            counts[base[index], default: 0] += 1
        }
        var taken = UniqueNames(reserving: options.typeNames.values)
        var names: [String] = []
        names.reserveCapacity(base.count)
        for index in models.indices {
            if let renamed = options.typeNames[models[index].qualifiedName] {
                names.append(renamed)
                continue
            }
            var candidate = base[index]
            if counts[candidate, default: 0] > 1, !models[index].namespace.isEmpty {
                candidate = SwiftNaming.typeName(models[index].namespace) + candidate
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
