import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// The SwiftPM integration, end to end: `Tests/Fixtures/PluginConsumer` built with `swift build`
/// through `SpecModelsPlugin`, and `generate-models` run on a copy of this repository. Both work
/// on copies in a temporary folder, with their own scratch folders, so they never touch this
/// checkout or its `.build`. They build swift-argument-parser, Yams and SpecModelsKit from source,
/// a minute or two each on two cores; set `SPECMODELS_SKIP_PLUGIN_TESTS=1` to skip them locally.
final class PluginIntegrationTests: XCTestCase {
    /// The command-plugin invocation, as the README shows it.
    static let generateModelsCommand = "swift package --allow-writing-to-package-directory generate-models"
    static let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/PluginConsumer")
    static let generatorLine = "SpecModels: generating"

    // MARK: The consumer package

    func testConsumerPackageBuildsWithThePluginAndRegeneratesOnlyWhenNeeded() throws {
        let swift = try Self.swiftExecutable()
        let root = try TestSupport.temporaryDirectory(self)
        removeSwiftPMLocks(of: root)
        let package = root.appendingPathComponent("PluginConsumer")
        try FileManager.default.copyItem(at: Self.fixture, to: package)
        try pointAtThisCheckout(package)
        let scratch = root.appendingPathComponent("scratch")
        let target = package.appendingPathComponent("Sources/Consumer")
        let docs = target.appendingPathComponent("spec/models/operations")
        func build(_ label: String) throws -> String {
            try self.build(swift, ["build", "--scratch-path", scratch.path], in: package, label: label)
        }

        // A clean build generates, compiles and links; the program decodes with the generated types.
        let first = try build("first build")
        XCTAssertTrue(first.contains("\(Self.generatorLine) 9 models for Consumer"), first)
        XCTAssertFalse(first.contains("unhandled"), "the README's exclude: leaves no unhandled files:\n\(first)")
        let run = try TestSupport.run(scratch.appendingPathComponent("debug/Consumer"), [])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, """
            connection connection-123 to salesforce for Super Customer: working, oauth2AuthorizationCode
            round trip equal: true, known ids: ["connection-123"]

            """)
        let outputs = try pluginOutputFolder(scratch)
        let initial = try modificationDates(outputs)
        XCTAssertEqual(initial.count, 10)

        // SwiftPM relinks a plugin's tool on the first build after a clean one, which reruns the
        // generator: it must rewrite nothing, so nothing recompiles. After that, a build with
        // nothing changed does not run it at all.
        let second = try build("second build")
        XCTAssertFalse(second.contains("Compiling Consumer"), second)
        XCTAssertEqual(try modificationDates(outputs), initial)
        let noOp = try build("no-op build")
        XCTAssertFalse(noOp.contains(Self.generatorLine), "a no-op build ran the generator:\n\(noOp)")
        // (SwiftPM prints "Compiling plugin …" for every build; those are cached.)
        let compiled = noOp.split(separator: "\n").filter { $0.contains("Compiling") && !$0.contains("Compiling plugin") }
        XCTAssertEqual(compiled, [], noOp)
        XCTAssertEqual(try modificationDates(outputs), initial)

        // Touching a doc runs the generator, which rewrites nothing.
        let group = docs.appendingPathComponent("listinstallationsgroup.md")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(2)], ofItemAtPath: group.path)
        let touched = try build("build after touching a doc")
        XCTAssertTrue(touched.contains(Self.generatorLine), "touching a doc did not run the generator:\n\(touched)")
        XCTAssertFalse(touched.contains("Compiling Consumer"), touched)
        XCTAssertEqual(try modificationDates(outputs), initial)

        // Editing a doc rewrites its file alone.
        let original = try String(contentsOf: group, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "Human-readable display name of the group.", with: "The group's display name.").utf8).write(to: group)
        let edited = try build("build after editing a doc")
        XCTAssertTrue(edited.contains(Self.generatorLine), edited)
        let afterEdit = try modificationDates(outputs)
        XCTAssertEqual(afterEdit.keys.filter { afterEdit[$0] != initial[$0] }, ["models.operations.listinstallationsgroup.swift"])
        XCTAssertTrue(try String(contentsOf: outputs.appendingPathComponent("models.operations.listinstallationsgroup.swift"), encoding: .utf8)
            .contains("The group's display name."))

        // Adding and removing a doc is noticed.
        let extra = docs.appendingPathComponent("extragroup.md")
        try Data(original.replacingOccurrences(of: "# ListInstallationsGroup", with: "# ExtraGroup").utf8).write(to: extra)
        let added = try build("build after adding a doc")
        XCTAssertTrue(added.contains("\(Self.generatorLine) 10 models for Consumer"), added)
        XCTAssertTrue(FileManager.default.fileExists(atPath: outputs.appendingPathComponent("models.operations.extragroup.swift").path))
        try FileManager.default.removeItem(at: extra)
        let removed = try build("build after removing a doc")
        XCTAssertTrue(removed.contains("\(Self.generatorLine) 9 models for Consumer"), removed)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outputs.appendingPathComponent("models.operations.extragroup.swift").path))

        // A bad doc fails the build with the generator's diagnostic at the markdown line.
        var lines = original.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| `groupName`") })
        let typeCell = try XCTUnwrap(lines[row].range(of: "*string*"))
        let column = lines[row].utf8.distance(from: lines[row].startIndex, to: typeCell.lowerBound) + 2
        lines[row].replaceSubrange(typeCell, with: "*strng* ")
        try Data(lines.joined(separator: "\n").utf8).write(to: group)
        let failed = try TestSupport.run(swift, ["build", "--scratch-path", scratch.path], in: package)
        let failure = failed.standardOutput + failed.standardError
        XCTAssertNotEqual(failed.status, 0, failure)
        XCTAssertTrue(failure.contains("\(group.path):\(row + 1):\(column): error: unknown type `strng`"), failure)
        try Data(original.utf8).write(to: group)

        // A target without a spec folder is told where the plugin looked.
        let moved = root.appendingPathComponent("spec-aside")
        try FileManager.default.moveItem(at: target.appendingPathComponent("spec"), to: moved)
        let missing = try TestSupport.run(swift, ["build", "--scratch-path", scratch.path], in: package)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue((missing.standardOutput + missing.standardError).contains(
            "error: SpecModelsPlugin: target `Consumer` has no spec folder: looked for \(target.path)/spec"), missing.standardOutput + missing.standardError)
        try FileManager.default.moveItem(at: moved, to: target.appendingPathComponent("spec"))
        _ = try build("build with the spec folder back")

        // A published doc set copied as it is into a target's spec/ builds, when the corpus is there.
        let published: URL?
        do {
            published = try TestSupport.corpusFolder("apideck/models")
        } catch is XCTSkip {
            published = nil
            print("PluginIntegrationTests: SPECMODELS_CORPUS is not set, so no target with a published spec/ is built")
        }
        if let published {
            try checkTargetWithPublishedSpec(published, swift: swift, package: package, scratch: scratch)
        }

        // generate-models writes the same files into the package, and so does the command line.
        let command = try commandPluginArguments(scratch: scratch)
        _ = try self.build(swift, command, in: package, label: "generate-models")
        let committed = target.appendingPathComponent("Generated")
        try assertSameFiles(committed, outputs)
        let cli = root.appendingPathComponent("cli")
        let generated = try TestSupport.run(try TestSupport.specmodelsExecutable, [
            "generate", "--spec", target.appendingPathComponent("spec").path, "--output", cli.path,
        ])
        XCTAssertEqual(generated.status, 0, generated.standardError)
        try assertSameFiles(cli, outputs)
    }

    /// Adds a library target `Published` whose `spec/` holds the *contents* of a published
    /// `models` folder (copied here, never committed): it builds, and a build with nothing
    /// changed does not run the generator. The target is removed again afterwards.
    private func checkTargetWithPublishedSpec(_ models: URL, swift: URL, package: URL, scratch: URL) throws {
        let target = package.appendingPathComponent("Sources/Published")
        let spec = target.appendingPathComponent("spec")
        try FileManager.default.createDirectory(at: spec, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: models.path) {
            try FileManager.default.copyItem(at: models.appendingPathComponent(item), to: spec.appendingPathComponent(item))
        }
        try Data("/// The models are generated from spec/ by SpecModelsPlugin.\npublic enum Published {}\n".utf8)
            .write(to: target.appendingPathComponent("Published.swift"))
        let manifest = package.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let targets = "    targets: [\n"
        XCTAssertTrue(text.contains(targets))
        try Data(text.replacingOccurrences(of: targets, with: targets + """
                    .target(
                        name: "Published",
                        exclude: ["spec"],
                        plugins: [.plugin(name: "SpecModelsPlugin", package: "SpecModels")]
                    ),

            """).utf8).write(to: manifest)
        let docs = try FileManager.default.subpathsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".md") }.count

        let first = try build(swift, ["build", "--scratch-path", scratch.path], in: package, label: "build with the published spec/ (\(docs) docs)")
        XCTAssertTrue(first.contains("\(Self.generatorLine) \(docs) models for Published"), first)
        let warnings = first.split(separator: "\n").filter { $0.contains("warning:") && $0.contains("/Published/") }
        XCTAssertEqual(warnings, [], "the published spec/ builds with warnings")
        let outputs = try pluginOutputFolder(scratch, target: "Published")
        let initial = try modificationDates(outputs)
        XCTAssertEqual(initial.count, docs + 1)

        // As after a clean build, the first build after the manifest changed relinks the tool
        // and may rerun the generator, which rewrites nothing; then a no-op build runs nothing.
        let second = try build(swift, ["build", "--scratch-path", scratch.path], in: package, label: "second build with the published spec/")
        XCTAssertFalse(second.contains("Compiling Published"), second)
        XCTAssertEqual(try modificationDates(outputs), initial)
        let noOp = try build(swift, ["build", "--scratch-path", scratch.path], in: package, label: "no-op build with the published spec/")
        XCTAssertFalse(noOp.contains(Self.generatorLine), "a no-op build ran the generator:\n\(noOp)")
        let compiled = noOp.split(separator: "\n").filter { $0.contains("Compiling") && !$0.contains("Compiling plugin") }
        XCTAssertEqual(compiled, [], noOp)

        try Data(text.utf8).write(to: manifest)
        try FileManager.default.removeItem(at: target)
    }

    // MARK: This repository through generate-models

    func testGenerateModelsReproducesTheCommittedGeneratedFolder() throws {
        let swift = try Self.swiftExecutable()
        let root = try TestSupport.temporaryDirectory(self)
        removeSwiftPMLocks(of: root)
        let copy = root.appendingPathComponent("SpecModels")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for entry in try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.path) where !entry.hasPrefix(".") {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(entry), to: copy.appendingPathComponent(entry))
        }
        // Spoil the copy's Generated/: the command must restore it exactly.
        let generated = copy.appendingPathComponent("Generated")
        for name in try FileManager.default.contentsOfDirectory(atPath: generated.path) where name.hasPrefix("models.") {
            try FileManager.default.removeItem(at: generated.appendingPathComponent(name))
        }
        try Data("// stale\n".utf8).write(to: generated.appendingPathComponent(SupportLibrary.fileName))

        let output = try self.build(swift, try commandPluginArguments(scratch: root.appendingPathComponent("scratch")), in: copy, label: "generate-models")
        XCTAssertTrue(output.contains("generate-models: package SpecModels: \(generated.path) is up to date"), output)
        try assertSameFiles(generated, TestSupport.packageRoot.appendingPathComponent("Generated"))
    }

    // MARK: The README

    /// Every `<!-- snippet: PATH -->` block in the README is that file, byte for byte.
    func testReadmeSnippetsAreTheFixtureFiles() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let snippets = Self.markedBlocks(in: readme, marker: "<!-- snippet: ")
        XCTAssertEqual(snippets.map(\.label), [
            "Tests/Fixtures/PluginConsumer/Package.swift",
            "Tests/Fixtures/PluginConsumer/Sources/Consumer/specmodels.yml",
        ])
        for snippet in snippets {
            let file = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(snippet.label), encoding: .utf8)
            XCTAssertEqual(snippet.code, file, snippet.label)
        }
        XCTAssertTrue(readme.contains(Self.generateModelsCommand + "\n"))
        XCTAssertTrue(readme.contains(Self.generateModelsCommand + " --target Consumer --target Other\n"))
    }

    /// The README's full configuration example is valid for this repository's spec.
    func testReadmeConfigurationExampleIsValid() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try XCTUnwrap(Self.markedBlocks(in: readme, marker: "<!-- example: ").first { $0.label == "specmodels.yml for spec/" })
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(example.code, path: "README.md", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        let result = Generator.generate(specDirectory: TestSupport.packageRoot.appendingPathComponent("spec").path, configuration: configuration)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [])
        let connection = try XCTUnwrap(result.files.first { $0.name == "models.operations.listinstallationsconnection.swift" }).contents
        XCTAssertTrue(connection.contains("package struct Connection: Codable, Hashable, Sendable, Identifiable {"), connection)
    }

    // MARK: Helpers

    /// The fenced block after each `marker LABEL -->` line.
    static func markedBlocks(in text: String, marker: String) -> [(label: String, code: String)] {
        var blocks: [(String, String)] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix(marker), lines[index].hasSuffix(" -->") else { continue }
            let label = String(lines[index].dropFirst(marker.count).dropLast(4))
            guard index + 1 < lines.count, lines[index + 1].hasPrefix("```") else { continue }
            var code: [String] = []
            var line = index + 2
            while line < lines.count, lines[line] != "```" {
                code.append(lines[line])
                line += 1
            }
            blocks.append((label, code.joined(separator: "\n") + "\n"))
            index = line
        }
        return blocks
    }

    static func swiftExecutable() throws -> URL {
        if ProcessInfo.processInfo.environment["SPECMODELS_SKIP_PLUGIN_TESTS"].map({ !$0.isEmpty && $0 != "0" }) == true {
            throw XCTSkip("SPECMODELS_SKIP_PLUGIN_TESTS is set")
        }
        let swiftc = try TestSupport.swiftc
        let swift = swiftc.deletingLastPathComponent().appendingPathComponent("swift")
        guard FileManager.default.isExecutableFile(atPath: swift.path) else { throw XCTSkip("no `swift` beside \(swiftc.path)") }
        return swift
    }

    /// `swift package --scratch-path … --allow-writing-to-package-directory generate-models`.
    private func commandPluginArguments(scratch: URL) throws -> [String] {
        let words = Self.generateModelsCommand.split(separator: " ").map(String.init)
        XCTAssertEqual(Array(words.prefix(2)), ["swift", "package"])
        return ["package", "--scratch-path", scratch.path] + words.dropFirst(2)
    }

    /// The copy depends on this checkout by absolute path; `name:` keeps it "SpecModels".
    private func pointAtThisCheckout(_ package: URL) throws {
        let manifest = package.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let relative = #".package(name: "SpecModels", path: "../../..")"#
        XCTAssertTrue(text.contains(relative))
        try Data(text.replacingOccurrences(of: relative, with: ".package(name: \"SpecModels\", path: \(SwiftNaming.stringLiteral(TestSupport.packageRoot.path)))").utf8).write(to: manifest)
    }

    /// Runs `swift` and fails with its output when it fails; returns standard output and error.
    private func build(_ swift: URL, _ arguments: [String], in directory: URL, label: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let started = Date()
        let result = try TestSupport.run(swift, arguments, in: directory)
        let output = result.standardOutput + result.standardError
        print("PluginIntegrationTests: \(label): \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        guard result.status == 0 else {
            XCTFail("\(label) failed (\(result.status)):\n\(output)", file: file, line: line)
            throw CancellationError()
        }
        return output
    }

    /// SwiftPM leaves empty lock files named after the scratch folder in the temporary folder.
    private func removeSwiftPMLocks(of root: URL) {
        let prefix = root.path.replacingOccurrences(of: "/", with: "_")
        let temporary = FileManager.default.temporaryDirectory
        addTeardownBlock {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".lock") {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }

    private func pluginOutputFolder(_ scratch: URL, target: String = "Consumer") throws -> URL {
        let folder = scratch.appendingPathComponent("plugins/outputs/pluginconsumer/\(target)/destination/SpecModelsPlugin/GeneratedModels")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("SwiftPM put the plugin outputs elsewhere than \(folder.path)")
        }
        return folder
    }

    private func modificationDates(_ folder: URL) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            dates[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return dates
    }

    /// The same file names, manifest included, with the same bytes.
    private func assertSameFiles(_ actual: URL, _ expected: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: expected.path).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: actual.path).sorted(), names, file: file, line: line)
        for name in names {
            let actualBytes = try Data(contentsOf: actual.appendingPathComponent(name))
            let expectedBytes = try Data(contentsOf: expected.appendingPathComponent(name))
            XCTAssertTrue(actualBytes == expectedBytes, "\(actual.path)/\(name) differs from \(expected.path)/\(name)", file: file, line: line)
        }
    }
}
