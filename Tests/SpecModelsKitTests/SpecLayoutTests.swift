import XCTest
@testable import SpecModelsKit

/// Speakeasy's two layouts of the `models/` folder, read from spec folders of any name: links
/// and `ns.Name` spellings mean the same whatever the folder is called.
final class SpecLayoutTests: XCTestCase {
    private static func object(_ name: String, fields: [(name: String, type: String)]) -> String {
        var doc = "# \(name)\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n"
        for field in fields {
            doc += "| `\(field.name)` | \(field.type) | :heavy_check_mark: |\n"
        }
        return doc
    }

    private static let enumTag = "# Tag\n\n## Values\n\n```typescript\n\"a\" | \"b\"\n```\n"

    /// The flat layout (dwolla): docs directly in `models/`, linked as `../models/x.md` from the
    /// top and `../../models/x.md` from a namespace folder, named `models.X`.
    static let flat: [String: String] = [
        "pet.md": object("Pet", fields: [
            ("owner", "[models.Owner](../models/owner.md)"),
            ("tag", "*models.Tag*"),
            ("order", "[operations.Order](../models/operations/order.md)"),
        ]),
        "owner.md": object("Owner", fields: [("name", "*string*")]),
        "tag.md": enumTag,
        "operations/order.md": object("Order", fields: [
            ("pet", "[models.Pet](../../models/pet.md)"),
            ("tags", "*models.Tag*[]"),
            ("line", "[operations.Line](../../models/operations/line.md)"),
            ("lines", "*operations.Line*[]"),
        ]),
        "operations/line.md": object("Line", fields: [("owner", "[models.Owner](../../models/owner.md)")]),
    ]

    /// The namespaced layout (ampersand): every doc one folder down, linked as `../../models/ns/x.md`.
    static let namespaced: [String: String] = [
        "operations/order.md": object("Order", fields: [
            ("line", "[operations.Line](../../models/operations/line.md)"),
            ("tag", "[components.Tag](../../models/components/tag.md)"),
            ("tags", "*components.Tag*[]"),
        ]),
        "operations/line.md": object("Line", fields: [("tag", "*components.Tag*")]),
        "components/tag.md": enumTag,
    ]

    /// Every field of every model as `Type.field → target`, for the models the fields name.
    private static func references(_ graph: TypeGraph) -> [String] {
        graph.models.flatMap { model -> [String] in
            guard case .object(let properties) = model.shape else { return [] }
            return properties.compactMap { property in
                var target: ModelID?
                property.type.forEach { if case .model(let id) = $0 { target = id } }
                return target.map { "\(model.qualifiedName).\(property.name) → \(graph[$0].qualifiedName)" }
            }
        }
    }

    /// Writes the docs into `folder` below a temporary directory (into `folder/models` when
    /// `holdingModels`) and generates from `folder`.
    private func generate(_ docs: [String: String], in folder: String, holdingModels: Bool = false) throws -> Generator.Result {
        let root = try TestSupport.temporaryDirectory(self, name: "\(name)-\(folder)")
        let spec = root.appendingPathComponent(folder)
        try TestSupport.write(docs, to: holdingModels ? spec.appendingPathComponent("models") : spec)
        return Generator.generate(specDirectory: spec.path)
    }

    func testFlatLayoutResolvesFromFoldersOfAnyName() throws {
        let expected = [
            "operations.Line.owner → models.Owner",
            "operations.Order.pet → models.Pet",
            "operations.Order.tags → models.Tag",
            "operations.Order.line → operations.Line",
            "operations.Order.lines → operations.Line",
            "models.Pet.owner → models.Owner",
            "models.Pet.tag → models.Tag",
            "models.Pet.order → operations.Order",
        ]
        for folder in ["spec", "models", "docs-v2"] {
            let result = try generate(Self.flat, in: folder)
            XCTAssertEqual(result.diagnostics.sorted.map(\.description), [], folder)
            XCTAssertEqual(Self.references(result.graph), expected, folder)
            XCTAssertEqual(result.files.count, Self.flat.count + 1, folder)
        }
        // A spec folder holding a folder named `models`: that folder is the models folder.
        let holding = try generate(Self.flat, in: "spec", holdingModels: true)
        XCTAssertEqual(holding.diagnostics.sorted.map(\.description), [])
        XCTAssertEqual(Self.references(holding.graph), expected)
    }

    func testNamespacedLayoutResolvesFromFoldersOfAnyName() throws {
        let expected = [
            "operations.Line.tag → components.Tag",
            "operations.Order.line → operations.Line",
            "operations.Order.tag → components.Tag",
            "operations.Order.tags → components.Tag",
        ]
        for folder in ["spec", "models", "docs-v2"] {
            for holdingModels in [false, true] {
                let result = try generate(Self.namespaced, in: folder, holdingModels: holdingModels)
                XCTAssertEqual(result.diagnostics.sorted.map(\.description), [], "\(folder) \(holdingModels)")
                XCTAssertEqual(Self.references(result.graph), expected, "\(folder) \(holdingModels)")
            }
        }
    }

    func testTheSwiftIsTheSameWhereverTheModelsFolderIs() throws {
        let direct = try generate(Self.flat, in: "docs-v2")
        let holding = try generate(Self.flat, in: "spec", holdingModels: true)
        // Only the header line names the doc's path, relative to the spec folder.
        func bodies(_ result: Generator.Result) -> [String] {
            result.files.map { $0.contents.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "" }
        }
        XCTAssertEqual(bodies(direct), bodies(holding))
        XCTAssertEqual(direct.files.map(\.name), ["operations.line.swift", "operations.order.swift", "owner.swift", "pet.swift", "tag.swift", "SpecModels+Support.swift"])
    }

    func testLinksOutOfTheModelsFolderStayOutside() throws {
        // `../types/x.md` from the top of the models folder leaves it, whatever the folder is called.
        var docs = Self.flat
        docs["owner.md"] = Self.object("Owner", fields: [("name", "[Name](../types/name.md)"), ("up", "[models.Pet](../../models/pet.md)")])
        for folder in ["spec", "models"] {
            let result = try generate(docs, in: folder)
            let messages = result.diagnostics.sorted.map { $0.description.components(separatedBy: ": ").dropFirst().joined(separator: ": ") }
            XCTAssertEqual(messages, [
                "error: link `../types/name.md` points outside the spec folder: model docs link only to docs in the spec",
                "error: link `../../models/pet.md` points outside the spec folder: model docs link only to docs in the spec",
            ], folder)
        }
    }

    func testNamespaces() {
        let inside = ModelsFolder(isSpecFolder: true)
        XCTAssertEqual(inside.namespace(ofRelativePath: "pet.md"), "models")
        XCTAssertEqual(inside.namespace(ofRelativePath: "operations/order.md"), "operations")
        XCTAssertEqual(inside.relativePath(ofLinkPath: "models/operations/order.md"), "operations/order.md")
        XCTAssertNil(inside.relativePath(ofLinkPath: "types/rfcdate.md"))
        let holding = ModelsFolder(isSpecFolder: false)
        XCTAssertEqual(holding.namespace(ofRelativePath: "models/pet.md"), "models")
        XCTAssertEqual(holding.namespace(ofRelativePath: "models/operations/order.md"), "operations")
        XCTAssertEqual(holding.namespace(ofRelativePath: "readme.md"), "")
        XCTAssertEqual(ModelsFolder(relativePaths: ["models/pet.md", "sdks/pets.md"]), holding)
        XCTAssertEqual(ModelsFolder(relativePaths: ["pet.md", "operations/modelsx.md"]), inside)
    }
}
