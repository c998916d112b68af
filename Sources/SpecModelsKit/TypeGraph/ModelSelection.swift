/// Which models refer to which, for choosing a subset of a graph to emit: the models
/// reachable from some roots, and the references that would leave such a subset.
public enum ModelSelection {
    /// A reference from a field or union member to a model, with its place in the doc.
    public struct Reference: Sendable, Equatable {
        public let owner: ModelID
        public let target: ModelID
        public let location: SourceLocation
    }

    /// Every model a model names, inside arrays, maps and `|` types too, in field order.
    public static func references(of model: ModelNode) -> [Reference] {
        var references: [Reference] = []
        func collect(_ type: TypeExpression, at location: SourceLocation) {
            type.forEach { part in
                if case .model(let target) = part {
                    references.append(Reference(owner: model.id, target: target, location: location))
                }
            }
        }
        switch model.shape {
        case .object(let properties):
            for property in properties { collect(property.type, at: property.location) }
            for property in model.streamFields { collect(property.type, at: property.location) }
        case .union(let members):
            for member in members { collect(member.type, at: member.location) }
        case .enumeration:
            break
        }
        return references
    }

    /// The roots and every model they reach through references.
    public static func reachable(from roots: [ModelID], in graph: TypeGraph) -> Set<ModelID> {
        var reached = Set(roots)
        var pending = roots
        while let next = pending.popLast() {
            for reference in references(of: graph[next]) where reached.insert(reference.target).inserted {
                pending.append(reference.target)
            }
        }
        return reached
    }

    /// The references from models inside `selection` to models outside it, in model order.
    public static func escapingReferences(from selection: Set<ModelID>, in graph: TypeGraph) -> [Reference] {
        selection.sorted().flatMap { id in
            references(of: graph[id]).filter { !selection.contains($0.target) }
        }
    }
}
