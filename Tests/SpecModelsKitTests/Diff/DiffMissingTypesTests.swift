import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// `specmodels diff` reads a side's `missingTypes` before building its graph, as `generate` does.
final class DiffMissingTypesTests: XCTestCase {
    func testASideWithMissingDocsReadsUnderItsMissingTypesSetting() throws {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.write([
            "spec/pet.md": """
                # Pet

                ## Fields

                | Field | Type | Required |
                | --- | --- | --- |
                | `owner` | [models.Owner](../models/owner.md) | :heavy_check_mark: |
                """,
        ], to: root)
        let parse: SpecSnapshot.ConfigurationParser = { file, diagnostics in
            ConfigurationFile.parse(file.text, path: file.path, diagnostics: &diagnostics)
        }
        var strict = Diagnostics()
        XCTAssertNil(SpecSnapshot.read(.directory("spec"), workingDirectory: root.path, parseConfiguration: parse, diagnostics: &strict))
        XCTAssertEqual(strict.all.map(\.severity), [.error])

        try TestSupport.write(["specmodels.yml": "missingTypes: jsonValue\n"], to: root)
        var lenient = Diagnostics()
        let snapshot = SpecSnapshot.read(.directory("spec"), workingDirectory: root.path, parseConfiguration: parse, diagnostics: &lenient)
        XCTAssertEqual(lenient.all.map(\.severity), [.warning])
        guard case .object(let properties)? = snapshot?.graph.models.first?.shape else { return XCTFail("no graph") }
        XCTAssertEqual(properties.map(\.type), [.any])
    }
}
