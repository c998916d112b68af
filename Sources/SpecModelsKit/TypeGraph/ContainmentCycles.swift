/// Finds the references through which a model would contain itself by value.
///
/// A Swift struct cannot store itself, directly or through other structs and enums; arrays
/// and dictionaries store their elements out of line, so only direct references (optional
/// or not) count. Every such reference inside a strongly connected component of the
/// containment graph needs indirection; all other references stay plain.
public struct ContainmentCycles: Sendable {
    public struct Edge: Hashable, Sendable {
        public let owner: ModelID
        /// The property index for objects, the member index for unions.
        public let position: Int
    }

    public let cyclicEdges: Set<Edge>

    public init(_ graph: TypeGraph) {
        var edges: [[(target: ModelID, edge: Edge)]] = Array(repeating: [], count: graph.models.count)
        for model in graph.models {
            switch model.shape {
            case .object(let properties):
                for (position, property) in properties.enumerated() {
                    if let target = property.type.directModel {
                        edges[model.id.index].append((target, Edge(owner: model.id, position: position)))
                    }
                }
            case .union(let members):
                for (position, member) in members.enumerated() {
                    if let target = member.type.directModel {
                        edges[model.id.index].append((target, Edge(owner: model.id, position: position)))
                    }
                }
            case .enumeration:
                break
            }
        }
        let component = Self.stronglyConnectedComponents(edges.map { $0.map(\.target.index) })
        var cyclic = Set<Edge>()
        for (source, outgoing) in edges.enumerated() {
            for (target, edge) in outgoing where component[source] == component[target.index] {
                cyclic.insert(edge)
            }
        }
        cyclicEdges = cyclic
    }

    public func isCyclic(_ owner: ModelID, _ position: Int) -> Bool {
        cyclicEdges.contains(Edge(owner: owner, position: position))
    }

    /// Tarjan's algorithm without recursion; returns a component number per vertex.
    static func stronglyConnectedComponents(_ successors: [[Int]]) -> [Int] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for root in 0..<count where index[root] < 0 {
            // Each frame is a vertex and the position of the next successor to visit.
            var frames: [(vertex: Int, next: Int)] = [(root, 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let vertex = frame.vertex
                if frame.next < successors[vertex].count {
                    frames[frames.count - 1].next += 1
                    let successor = successors[vertex][frame.next]
                    if index[successor] < 0 {
                        index[successor] = nextIndex
                        lowLink[successor] = nextIndex
                        nextIndex += 1
                        stack.append(successor)
                        onStack[successor] = true
                        frames.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[vertex] = min(lowLink[vertex], index[successor])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.vertex] = min(lowLink[parent.vertex], lowLink[vertex])
                }
                if lowLink[vertex] == index[vertex] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = nextComponent
                        if member == vertex { break }
                    }
                    nextComponent += 1
                }
            }
        }
        return component
    }
}
