/// Finds unions that contain themselves through direct members that are unions.
///
/// A union decodes by trying its members on the same value. When a member is itself a union
/// (directly, not in an array or an object), that union is tried on the same value too, so a
/// circle of such members (`A = B | string`, `B = A | number`) never ends on a value that no
/// other member matches: the generated code would recurse until the stack runs out. Members
/// inside arrays, maps and object fields descend into the JSON and are fine.
enum UnionCycles {
    static func report(in graph: TypeGraph, diagnostics: inout Diagnostics) {
        // Edges from a union to the unions it names as direct members, with the member's position.
        var edges: [[(target: Int, member: Int)]] = Array(repeating: [], count: graph.models.count)
        for model in graph.models {
            guard case .union(let members) = model.shape else { continue }
            for (position, member) in members.enumerated() {
                guard let target = member.type.directModel, case .union = graph[target].shape else { continue }
                edges[model.id.index].append((target.index, position))
            }
        }
        let component = ContainmentCycles.stronglyConnectedComponents(edges.map { $0.map(\.target) })
        var reported = Set<Int>()
        for source in edges.indices {
            for edge in edges[source] where component[edge.target] == component[source] {
                guard reported.insert(component[source]).inserted else { continue }
                let path = cycle(from: source, through: edge.target, edges: edges, component: component)
                let names = path.map { "`\(graph.models[$0].qualifiedName)`" }.joined(separator: " → ")
                guard case .union(let members) = graph.models[source].shape else { continue }
                diagnostics.error(
                    "union `\(graph.models[source].qualifiedName)` contains itself (\(names)): decoding a value that no other member matches would never end; put the member in an array or an object field",
                    at: members[edge.member].location)
            }
        }
    }

    /// The cycle `source → first → … → source`, by a breadth-first search inside the component.
    private static func cycle(from source: Int, through first: Int, edges: [[(target: Int, member: Int)]], component: [Int]) -> [Int] {
        if first == source { return [source, source] }
        var previous: [Int: Int] = [first: source]
        var queue = [first]
        var head = 0
        while head < queue.count, previous[source] == nil {
            let vertex = queue[head]
            head += 1
            for edge in edges[vertex] where component[edge.target] == component[source] && previous[edge.target] == nil {
                previous[edge.target] = vertex
                queue.append(edge.target)
            }
        }
        var reversed = [source]
        var vertex = source
        while vertex != first, let before = previous[vertex] {
            reversed.append(before)
            vertex = before
        }
        reversed.append(source)
        return reversed.reversed()
    }
}
