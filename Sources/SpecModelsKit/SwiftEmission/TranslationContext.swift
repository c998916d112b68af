/// Everything the translators share about one graph.
struct TranslationContext: Sendable {
    let graph: TypeGraph
    let names: SwiftNameTable
    let mapping: SwiftTypeMapping
    let cycles: ContainmentCycles
    let options: EmissionOptions

    init(graph: TypeGraph, options: EmissionOptions) {
        self.graph = graph
        self.names = SwiftNameTable(graph, options: options)
        self.mapping = SwiftTypeMapping(names: names, spellingTypes: Self.spellingTypes(options), integerType: options.integerType.rawValue)
        self.cycles = ContainmentCycles(graph)
        self.options = options
        self.access = options.accessPrefix
    }

    /// `public ` (with the space), or nothing for internal declarations.
    let access: String

    /// `@available(*, deprecated, message: "…")`, or the plain attribute when the spec gives no reason.
    static func deprecatedAttribute(_ message: String) -> String {
        message.isEmpty
            ? "@available(*, deprecated)"
            : "@available(*, deprecated, message: \(SwiftNaming.stringLiteral(message)))"
    }
}
