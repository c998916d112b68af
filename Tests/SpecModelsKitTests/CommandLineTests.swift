import Foundation
import XCTest
@testable import SpecModelsKit

/// `specmodels generate` and `check`, run as a user runs them.
final class CommandLineTests: XCTestCase {
    private var workspace: URL!
    private var spec: URL { workspace.appendingPathComponent("spec") }
    private var output: URL { workspace.appendingPathComponent("Generated") }

    override func setUpWithError() throws {
        workspace = try TestSupport.temporaryDirectory(self)
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("spec"), to: spec)
    }

    private func specmodels(_ arguments: String...) throws -> TestSupport.ProcessResult {
        try TestSupport.run(try TestSupport.specmodelsExecutable, arguments, in: workspace)
    }

    private func snapshot() throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            let url = output.appendingPathComponent(name)
            let date = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date ?? .distantPast
            files[name] = (try Data(contentsOf: url), date)
        }
        return files
    }

    private func assertUnchanged(_ before: [String: (Data, Date)], file: StaticString = #filePath, line: UInt = #line) throws {
        let after = try snapshot()
        XCTAssertEqual(Set(after.keys), Set(before.keys), "the set of files changed", file: file, line: line)
        for (name, (data, date)) in before {
            XCTAssertEqual(after[name]?.0, data, "\(name) changed", file: file, line: line)
            XCTAssertEqual(after[name]?.1, date, "\(name) was touched", file: file, line: line)
        }
    }

    func testGenerateTwiceRewritesNothing() throws {
        let first = try specmodels("generate")
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(first.standardOutput, "Generated: 10 written, 0 unchanged, 0 removed\n")
        let before = try snapshot()
        Thread.sleep(forTimeInterval: 0.05)
        let second = try specmodels("generate")
        XCTAssertEqual(second.standardOutput, "Generated: 0 written, 10 unchanged, 0 removed\n")
        try assertUnchanged(before)
    }

    func testCheckFailsAfterASpecEditAndPassesAfterGenerate() throws {
        XCTAssertEqual(try specmodels("generate").status, 0)
        XCTAssertEqual(try specmodels("check").status, 0)

        let doc = spec.appendingPathComponent("models/operations/listinstallationsgroup.md")
        var text = try String(contentsOf: doc, encoding: .utf8)
        text = text.replacingOccurrences(of: "| `groupName`", with: "| `groupLabel`")
        try Data(text.utf8).write(to: doc)
        let stale = try specmodels("check")
        XCTAssertEqual(stale.status, 1)
        XCTAssertEqual(stale.standardError, "Generated/models.operations.listinstallationsgroup.swift: error: out of date: run `specmodels generate`\n")

        try FileManager.default.removeItem(at: spec.appendingPathComponent("models/operations/listinstallationsstatus.md"))
        try Data(text.replacingOccurrences(of: "# ListInstallationsGroup", with: "# ListInstallationsTeam").utf8)
            .write(to: spec.appendingPathComponent("models/operations/listinstallationsteam.md"))
        // The connection links the deleted status doc: an error, and nothing is written.
        let broken = try specmodels("generate")
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.standardError.contains("listinstallationsconnection.md:"), broken.standardError)

        let connection = spec.appendingPathComponent("models/operations/listinstallationsconnection.md")
        let fixed = try String(contentsOf: connection, encoding: .utf8)
            .replacingOccurrences(of: "[operations.ListInstallationsStatus](../../models/operations/listinstallationsstatus.md)", with: "*string*")
        try Data(fixed.utf8).write(to: connection)
        let missingAndExtra = try specmodels("check")
        XCTAssertEqual(missingAndExtra.status, 1)
        XCTAssertEqual(missingAndExtra.standardError.split(separator: "\n").sorted(), [
            "Generated/models.operations.listinstallationsconnection.swift: error: out of date: run `specmodels generate`",
            "Generated/models.operations.listinstallationsgroup.swift: error: out of date: run `specmodels generate`",
            "Generated/models.operations.listinstallationsstatus.swift: error: no longer generated: run `specmodels generate` to remove it",
            "Generated/models.operations.listinstallationsteam.swift: error: missing: run `specmodels generate`",
        ])
        let regenerated = try specmodels("generate")
        XCTAssertEqual(regenerated.standardOutput, "Generated: 3 written, 7 unchanged, 1 removed\n")
        XCTAssertEqual(try specmodels("check").status, 0)
    }

    func testGenerateDeletesOnlyFilesItWrote() throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let userFile = output.appendingPathComponent("Extensions.swift")
        try Data("// mine\n".utf8).write(to: userFile)
        XCTAssertEqual(try specmodels("generate").status, 0)
        try FileManager.default.removeItem(at: spec.appendingPathComponent("models/operations/listinstallationsrefreshtoken.md"))
        let tokenDoc = spec.appendingPathComponent("models/operations/listinstallationsoauth2authorizationcodetoken.md")
        let token = try String(contentsOf: tokenDoc, encoding: .utf8)
            .replacingOccurrences(of: "[operations.ListInstallationsRefreshToken](../../models/operations/listinstallationsrefreshtoken.md)", with: "*any*")
        try Data(token.utf8).write(to: tokenDoc)
        let result = try specmodels("generate")
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("models.operations.listinstallationsrefreshtoken.swift").path))
        XCTAssertEqual(try String(contentsOf: userFile, encoding: .utf8), "// mine\n")
    }

    func testDiagnosticsPointAtTheMarkdownAndLeaveTheOutputAlone() throws {
        XCTAssertEqual(try specmodels("generate").status, 0)
        let before = try snapshot()
        let docs = spec.appendingPathComponent("models/operations")
        /// Rewrites the first line of a doc that contains `marker`.
        func edit(_ name: String, lineContaining marker: String, _ transform: (String) -> String) throws {
            let url = docs.appendingPathComponent(name)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let index = try XCTUnwrap(lines.firstIndex { $0.contains(marker) })
            lines[index] = transform(lines[index])
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
        }
        // A link to a missing doc, an unknown type spelling and a malformed table, in one run.
        try edit("listinstallationsconnection.md", lineContaining: "listinstallationsgroup.md") {
            $0.replacingOccurrences(of: "listinstallationsgroup.md", with: "listinstallationsgrop.md")
        }
        try edit("listinstallationsconsumer.md", lineContaining: "`consumerName`") {
            $0.replacingOccurrences(of: "*string*", with: "*strin* ")
        }
        try edit("listinstallationsaccesstoken.md", lineContaining: "`token`") {
            $0.replacingOccurrences(of: "| `token`", with: "| `token` | extra")
        }
        let result = try specmodels("generate")
        XCTAssertEqual(result.status, 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.standardError)
        XCTAssertTrue(lines[0].hasPrefix("spec/models/operations/listinstallationsaccesstoken.md:"), lines[0])
        XCTAssertTrue(lines[0].contains(": error: table row has 6 cells, the header has 5"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("spec/models/operations/listinstallationsconnection.md:67:"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("did you mean `listinstallationsgroup.md`?"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("spec/models/operations/listinstallationsconsumer.md:"), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("error: unknown type `strin`: no model doc declares it; did you mean `string`?"), lines[2])
        try assertUnchanged(before)
    }

    func testRefusesToGenerateIntoTheSpecFolder() throws {
        // A refused output folder is a command-line mistake: exit status 2.
        let result = try specmodels("generate", "--output", "spec")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.hasPrefix(
            "error: refusing to generate into `spec`: it is the spec folder; choose a separate output folder such as `Generated`\nUsage: specmodels generate"),
            result.standardError)
        let parent = try specmodels("generate", "--output", ".")
        XCTAssertEqual(parent.status, 2)
    }
}
