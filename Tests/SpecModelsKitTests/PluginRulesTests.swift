import Foundation
import XCTest
@testable import SpecModelsKit

/// The plugins cannot import SpecModelsKit, so `Plugins/Shared/SpecFolder.swift` copies the rules
/// that decide which files the tool reads and writes. The build command declares exactly those
/// files, so the copies must agree with the tool; this file is compiled into the tests through
/// the same symbolic link the plugins use.
final class PluginRulesTests: XCTestCase {
    func testOutputFileNamesAgreeWithTheEmitter() throws {
        var paths = [
            "models/operations/listinstallationsgroup.md",
            "top.md",
            "UPPER.MD",
            "a b/c-d_e.md",
            "ünïcode/naïve.md",
            "dots.in.name/x.y.md",
            "no-extension",
            "a//b.md", "/leading/slash.md", "trailing/slash/", "//", "",
            "models/operations/listinstallationsoauth2authorizationcodetoken.md",
        ]
        if let corpus = try? TestSupport.corpusModels("v4") {
            paths += SpecFolder.documentPaths(in: corpus.path)
        }
        for path in paths {
            XCTAssertEqual(SpecFolder.outputFileName(forSpecPath: path), SwiftEmitter.outputFileName(forSpecPath: path), path)
        }
        XCTAssertEqual(SpecFolder.supportFileName, SupportLibrary.fileName)
        XCTAssertEqual(SpecFolder.configurationFileName, Configuration.fileName)
    }

    func testDocumentDiscoveryAgreesWithSpecSource() throws {
        let root = try TestSupport.temporaryDirectory(self)
        let spec = root.appendingPathComponent("spec")
        try TestSupport.write([
            "spec/models/operations/a.md": "# A",
            "spec/models/operations/B.MD": "# B",
            "spec/models/errors/deep/er/c.md": "# C",
            "spec/top.md": "# Top",
            "spec/notes.txt": "not a doc",
            "spec/.hidden.md": "# Hidden",
            "spec/.git/x.md": "# In a hidden folder",
            "elsewhere/linked.md": "# Linked folder",
        ], to: root)
        // Symbolic links to folders are followed, by the tool and by the plugin.
        try FileManager.default.createSymbolicLink(
            at: spec.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("elsewhere"))
        var diagnostics = Diagnostics()
        let read = SpecSource(directory: spec.path).read(diagnostics: &diagnostics).map(\.relativePath).sorted()
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(SpecFolder.documentPaths(in: spec.path), read)
        XCTAssertEqual(read, ["link/linked.md", "models/errors/deep/er/c.md", "models/operations/B.MD", "models/operations/a.md", "top.md"])
        XCTAssertEqual(SpecFolder.outputFileNames(forDocuments: read).last, "SpecModels+Support.swift")
    }

    func testTheRepositorySpecMatchesGenerated() throws {
        let spec = TestSupport.packageRoot.appendingPathComponent("spec").path
        let expected = SpecFolder.outputFileNames(forDocuments: SpecFolder.documentPaths(in: spec)).sorted()
        let manifest = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Generated/.specmodels-manifest"), encoding: .utf8)
        XCTAssertEqual(expected, manifest.split(separator: "\n").map(String.init))
    }

    func testBothPluginsRunTheSameCommand() {
        XCTAssertEqual(
            SpecFolder.generateArguments(specDirectory: "/p/Sources/App/spec", outputDirectory: "/w/GeneratedModels", configuration: "/p/Sources/App/specmodels.yml"),
            ["generate", "--spec", "/p/Sources/App/spec", "--output", "/w/GeneratedModels", "--quiet", "--config", "/p/Sources/App/specmodels.yml"])
        // The plugins look for the configuration where the tool does by itself.
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "/p/Sources/App/spec"), "/p/Sources/App/\(SpecFolder.configurationFileName)")
    }
}
