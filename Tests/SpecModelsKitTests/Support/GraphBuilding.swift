@testable import SpecModelsKit

extension TestSupport {
    /// Reads in-memory docs (relative path → markdown) and builds their graph, with the
    /// diagnostics of both stages as printed. The models folder is found as `Generator` finds it.
    static func buildGraph(_ docs: [String: String], missingTypes: MissingTypes = .error) -> (TypeGraph, [String]) {
        var diagnostics = Diagnostics()
        var documents: [SpecDocument] = []
        let modelsFolder = ModelsFolder(relativePaths: docs.keys)
        for path in docs.keys.sorted() {
            let reader = SpecDocumentReader(relativePath: path, displayPath: path, modelsFolder: modelsFolder)
            if let document = reader.read(Array(docs[path, default: ""].utf8), diagnostics: &diagnostics) {
                documents.append(document)
            }
        }
        let graph = TypeGraphBuilder.build(documents, modelsFolder: modelsFolder, missingTypes: missingTypes, diagnostics: &diagnostics)
        return (graph, diagnostics.sorted.map(\.description))
    }
}
