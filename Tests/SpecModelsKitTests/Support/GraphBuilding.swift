@testable import SpecModelsKit

extension TestSupport {
    /// Reads in-memory docs (relative path → markdown) and builds their graph, with the
    /// diagnostics of both stages as printed.
    static func buildGraph(_ docs: [String: String], root: [String] = ["spec"]) -> (TypeGraph, [String]) {
        var diagnostics = Diagnostics()
        var documents: [SpecDocument] = []
        for path in docs.keys.sorted() {
            let reader = SpecDocumentReader(relativePath: path, displayPath: path)
            if let document = reader.read(Array(docs[path, default: ""].utf8), diagnostics: &diagnostics) {
                documents.append(document)
            }
        }
        let graph = TypeGraphBuilder.build(documents, specRoot: root, diagnostics: &diagnostics)
        return (graph, diagnostics.sorted.map(\.description))
    }
}
