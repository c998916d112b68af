extension TypeScriptExample.EnumMembers {
    /// The named values of every enum doc in `graph` (the `Name` column of its Values table),
    /// under the enum's qualified name (`shared.BoolInt`) and, when no other enum shares it, its
    /// plain name (`BoolInt`), the spelling examples use after importing the type.
    init(_ graph: TypeGraph) {
        var byQualifiedName: [String: [String: EnumValue.Literal]] = [:]
        var byName: [String: [[String: EnumValue.Literal]]] = [:]
        for model in graph.models {
            guard case .enumeration(let shape) = model.shape else { continue }
            var members: [String: EnumValue.Literal] = [:]
            for value in shape.values {
                if let name = value.name { members[name] = value.value }
            }
            guard !members.isEmpty else { continue }
            byQualifiedName[model.qualifiedName] = members
            byName[model.name, default: []].append(members)
        }
        for (name, candidates) in byName where candidates.count == 1 && byQualifiedName[name] == nil {
            byQualifiedName[name] = candidates[0]
        }
        self.init(byQualifiedName)
    }
}
