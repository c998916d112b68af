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

    /// A doc is a file whose name ends in `.md` in any case, as `lowercased().hasSuffix(".md")` says.
    func testMarkdownExtensionInAnyCase() {
        for name in ["a.md", "a.MD", "a.Md", ".md", "Ärger.mD", "x.tar.md"] {
            XCTAssertTrue(SpecSource.hasMarkdownExtension(name), name)
        }
        for name in ["a.mdx", "amd", "a.m", "md", "", "a.ｍd", "a.md.bak", "a,md"] {
            XCTAssertFalse(SpecSource.hasMarkdownExtension(name), name)
            XCTAssertEqual(SpecSource.hasMarkdownExtension(name), name.lowercased().hasSuffix(".md"), name)
        }
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
        // Empty components (doubled or trailing slashes) are skipped.
        XCTAssertEqual(holding.namespace(ofRelativePath: "models//shared/pet.md/"), "shared")
        XCTAssertEqual(holding.namespace(ofRelativePath: "/pet.md"), "")
        XCTAssertEqual(ModelsFolder(relativePaths: ["models/pet.md", "sdks/pets.md"]), holding)
        XCTAssertEqual(ModelsFolder(relativePaths: ["pet.md", "operations/modelsx.md"]), inside)
    }

    // MARK: Older SDKs: the models folder deeper in the repository

    /// TypeScript's older layout: `docs/sdk/models/shared/x.md`, linked as
    /// `../../../sdk/models/shared/x.md` (Go's: `docs/pkg/models/…`, `../../../pkg/models/…`).
    static func deep(_ sdkFolder: String) -> [String: String] {
        [
            "shared/order.md": object("Order", fields: [
                ("line", "[shared.Line](../../../\(sdkFolder)/models/shared/line.md)"),
                ("status", "[operations.Status](../../../\(sdkFolder)/models/operations/status.md)"),
                ("tags", "*shared.Line*[]"),
            ]),
            "shared/line.md": object("Line", fields: [("order", "[shared.Order](../../../\(sdkFolder)/models/shared/order.md)")]),
            "operations/status.md": enumTag.replacingOccurrences(of: "# Tag", with: "# Status"),
        ]
    }

    private static let deepReferences = [
        "shared.Line.order → shared.Order",
        "shared.Order.line → shared.Line",
        "shared.Order.status → operations.Status",
        "shared.Order.tags → shared.Line",
    ]

    func testLinksThatClimbAboveTheSpecAndComeBackThroughTheModelsFolderResolve() throws {
        for sdkFolder in ["sdk", "pkg"] {
            let docs = Self.deep(sdkFolder)
            // Handed the models folder itself, whatever it is called, or the folder holding it.
            for folder in ["models", "spec"] {
                for holdingModels in [false, true] {
                    let result = try generate(docs, in: folder, holdingModels: holdingModels)
                    XCTAssertEqual(result.diagnostics.sorted.map(\.description), [], "\(sdkFolder) \(folder) \(holdingModels)")
                    XCTAssertEqual(Self.references(result.graph), Self.deepReferences, "\(sdkFolder) \(folder) \(holdingModels)")
                }
            }
        }
    }

    func testALinkThatClimbsAboveTheSpecAndComesBackElsewhereLeavesIt() throws {
        var docs = Self.deep("sdk")
        docs["shared/line.md"] = Self.object("Line", fields: [
            ("other", "[shared.Order](../../../sdk/shared/order.md)"),      // back through `shared/`, not `models/`
            ("short", "[shared.Order](../../../order.md)"),                 // never comes back down
            ("deeper", "[shared.Order](../../../../sdk/models/shared/order.md)"),   // comes back one folder short
            ("back", "[shared.Order](../../../sdk/../sdk/models/shared/order.md)"), // a `..` on the way back counts
        ])
        let result = try generate(docs, in: "models")
        let messages = result.diagnostics.sorted.map { $0.description.components(separatedBy: ": ").dropFirst().joined(separator: ": ") }
        XCTAssertEqual(messages, [
            "error: link `../../../sdk/shared/order.md` points outside the spec folder: model docs link only to docs in the spec",
            "error: link `../../../order.md` points outside the spec folder: model docs link only to docs in the spec",
            "error: link `../../../../sdk/models/shared/order.md` points outside the spec folder: model docs link only to docs in the spec",
        ])
    }

    func testLinkPaths() {
        let folder = ModelsFolder(isSpecFolder: true)
        let base = ["models", "shared"]
        XCTAssertEqual(folder.linkPath(from: base, following: "../../models/shared/x.md"), "models/shared/x.md")
        XCTAssertEqual(folder.linkPath(from: base, following: "../../../sdk/models/shared/x.md"), "models/shared/x.md")
        XCTAssertEqual(folder.linkPath(from: base, following: "../../../../a/b/Models/shared/x.md"), "models/shared/x.md")
        XCTAssertEqual(folder.linkPath(from: base, following: "./../x.md"), "models/x.md")
        XCTAssertNil(folder.linkPath(from: base, following: "../../../sdk/x.md"))
        XCTAssertNil(folder.linkPath(from: base, following: "../../../sdk"))
        XCTAssertNil(folder.linkPath(from: base, following: "../../../../sdk/models/x.md"))
        // Empty components are skipped; a climb past the base ends above the holding folder.
        XCTAssertEqual(folder.linkPath(from: base, following: "..//other/./é.md"), "models/other/é.md")
        XCTAssertEqual(folder.linkPath(from: [], following: "models/x.md"), "models/x.md")
        XCTAssertNil(folder.linkPath(from: [], following: "../x.md"))
        XCTAssertEqual(folder.relativePath(ofLinkPath: "Models/ns/é.md"), "ns/é.md")
    }

    /// Paths of ASCII are read on bytes, others by Characters: both find the same folders.
    func testNestedFoldersOnBytesAndCharacters() {
        XCTAssertEqual(ModelsFolder.nestedFolders(in: [
            "docs/MODELS/shared/x.md", "docs/models/README.MD", "a/b/models/c/readme.md", "é/models/x.md", "é/sdk/Models/é.md",
            "models/x.md", "docs/models", "x/models/y/models/z.md",
        ]), ["docs/MODELS", "x/models", "é/models", "é/sdk/Models"])
    }

    /// A repository, or an SDK's `docs/`: the one models folder in it is the spec; the SDK's
    /// other pages (`docs/sdks/…/README.md`, a resource named "models" among them) are not read.
    func testAFolderHoldingOneModelsFolderDeeperIsReadAsIt() throws {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.write(Self.deep("sdk"), to: root.appendingPathComponent("repo/docs/sdk/models"))
        try TestSupport.write([
            "repo/docs/sdks/models/README.md": "# Models\n\n## Overview\n\nOperations on models.\n",
            "repo/docs/sdks/orders/README.md": "# Orders\n\n## Overview\n",
            "repo/README.md": "# SDK\n",
        ], to: root)
        let direct = Generator.generate(specDirectory: root.appendingPathComponent("repo/docs/sdk/models").path)
        for folder in ["repo", "repo/docs"] {
            let result = Generator.generate(specDirectory: root.appendingPathComponent(folder).path)
            XCTAssertEqual(result.diagnostics.sorted.map(\.description), [], folder)
            XCTAssertEqual(Self.references(result.graph), Self.deepReferences, folder)
            XCTAssertEqual(result.files.map(\.name), direct.files.map(\.name), folder)
            XCTAssertEqual(result.files.map(\.contents), direct.files.map(\.contents), folder)
        }
        XCTAssertEqual(ModelsFolder.nestedFolders(in: ["docs/sdk/models/shared/x.md", "docs/sdks/models/README.md", "x.md", "models.md"]), ["docs/sdk/models"])
    }

    /// A repository with several SDKs (Gusto's `gusto_embedded/docs/models` and
    /// `gusto_embedded_v_2025_11_15/docs/models`) holds several specs: one error names them.
    func testAFolderHoldingSeveralModelsFoldersIsAnError() throws {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.write(Self.namespaced, to: root.appendingPathComponent("repo/v1/docs/models"))
        try TestSupport.write(Self.namespaced, to: root.appendingPathComponent("repo/v2/docs/Models"))
        let result = Generator.generate(specDirectory: root.appendingPathComponent("repo").path)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "error: the spec folder holds 2 models folders (`v1/docs/models`, `v2/docs/Models`): each is the spec of one SDK; pass one of them as the spec folder",
        ])
        XCTAssertEqual(result.files.count, 0)
    }
}
