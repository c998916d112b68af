import Foundation
@testable import SpecModelsKit
import XCTest

/// What `generate` may and may not do to an output folder.
final class OutputDirectoryTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("specmodels-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    private func write(_ relative: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    private func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    private func generated(_ name: String, _ body: String = "") -> SwiftEmitter.OutputFile {
        SwiftEmitter.OutputFile(name: name, contents: "\(OutputDirectory.generatedFileMarker) from x.md.\n\(body)")
    }

    // MARK: Writing and removing

    /// An output file holds the bytes it is written as; made from text, they are the text's UTF-8.
    func testAnOutputFileHoldsItsTextAsUTF8() {
        let file = SwiftEmitter.OutputFile(name: "É.swift", contents: "let é = 1\n")
        XCTAssertEqual(file.bytes, Array("let é = 1\n".utf8))
        XCTAssertEqual(file.contents, "let é = 1\n")
        XCTAssertEqual(file, SwiftEmitter.OutputFile(name: "É.swift", bytes: Array("let é = 1\n".utf8)))
    }

    func testWritesFilesAndManifestThenRemovesOnlyItsOwnStaleFiles() throws {
        let output = OutputDirectory(path: path("Generated"))
        var changes = try output.apply([generated("A.swift"), generated("B.swift")])
        XCTAssertEqual(changes.written, ["A.swift", "B.swift"])
        XCTAssertEqual(read("Generated/.specmodels-manifest"), "A.swift\nB.swift\n")

        try write("Generated/notes.txt", "mine")
        try write("Generated/Mine.swift", "// my own code")
        changes = try output.apply([generated("A.swift")])
        XCTAssertEqual(changes.unchanged, ["A.swift"])
        XCTAssertEqual(changes.removed, ["B.swift"])
        XCTAssertNil(read("Generated/B.swift"))
        XCTAssertEqual(read("Generated/notes.txt"), "mine")
        XCTAssertEqual(read("Generated/Mine.swift"), "// my own code")
        XCTAssertEqual(read("Generated/.specmodels-manifest"), "A.swift\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: path("Generated"))
            .filter { $0.hasPrefix(".specmodels-") && $0 != OutputDirectory.manifestName }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
    }

    func testKeepsAManifestListedFileTheUserHasReplaced() throws {
        let output = OutputDirectory(path: path("Generated"))
        _ = try output.apply([generated("A.swift"), generated("B.swift")])
        try write("Generated/B.swift", "// now the user's own")
        let changes = try output.apply([generated("A.swift")])
        XCTAssertEqual(changes.removed, [])
        XCTAssertEqual(read("Generated/B.swift"), "// now the user's own")
    }

    func testIgnoresManifestEntriesThatAreNotPlainSwiftFileNames() throws {
        try write("Generated/.specmodels-manifest", "../spec/a.md\n/etc/passwd\n..\nnotes.txt\nsub/A.swift\n")
        try write("spec/a.md", "# A")
        try write("Generated/notes.txt", "mine")
        _ = try OutputDirectory(path: path("Generated")).apply([generated("A.swift")])
        XCTAssertEqual(read("spec/a.md"), "# A")
        XCTAssertEqual(read("Generated/notes.txt"), "mine")
    }

    func testRefusesToOverwriteAFileItDidNotWrite() throws {
        try write("Generated/A.swift", "// hand-written, not by specmodels")
        let output = OutputDirectory(path: path("Generated"))
        XCTAssertEqual(output.conflicts(with: [generated("A.swift"), generated("B.swift")]), ["A.swift"])
        XCTAssertThrowsError(try output.apply([generated("A.swift"), generated("B.swift")]))
        XCTAssertEqual(read("Generated/A.swift"), "// hand-written, not by specmodels")
        XCTAssertNil(read("Generated/B.swift"), "nothing is written when one file conflicts")
        XCTAssertNil(read("Generated/.specmodels-manifest"))
    }

    /// `generate` compares the folder once: the comparison reports the conflicts, and applying
    /// it writes what differs, keeps what is the same and removes what is stale.
    func testOneComparisonReportsConflictsAndApplies() throws {
        let output = OutputDirectory(path: path("Generated"))
        _ = try output.apply([generated("A.swift"), generated("B.swift"), generated("C.swift")])
        try write("Generated/Mine.swift", "// hand-written")
        let conflicting = output.compare(with: [generated("A.swift"), generated("Mine.swift")])
        XCTAssertEqual(conflicting.conflicts, ["Mine.swift"])
        XCTAssertThrowsError(try output.apply(conflicting))
        XCTAssertEqual(read("Generated/Mine.swift"), "// hand-written")

        let comparison = output.compare(with: [generated("A.swift"), generated("B.swift", "changed")])
        XCTAssertEqual(comparison.conflicts, [])
        let changes = try output.apply(comparison)
        XCTAssertEqual(changes.unchanged, ["A.swift"])
        XCTAssertEqual(changes.written, ["B.swift"])
        XCTAssertEqual(changes.removed, ["C.swift"])
        XCTAssertEqual(read("Generated/B.swift"), "\(OutputDirectory.generatedFileMarker) from x.md.\nchanged")
    }

    func testOverwritesAGeneratedFileMissingFromTheManifest() throws {
        // Output of an older run without a manifest, or one interrupted before writing it.
        try write("Generated/A.swift", "\(OutputDirectory.generatedFileMarker) from an older run.\n")
        let output = OutputDirectory(path: path("Generated"))
        XCTAssertEqual(output.conflicts(with: [generated("A.swift")]), [])
        XCTAssertEqual(try output.apply([generated("A.swift")]).written, ["A.swift"])
    }

    func testFailedRunRemovesTheFoldersItCreated() throws {
        try write("file", "not a folder")
        XCTAssertThrowsError(try OutputDirectory(path: path("file/Generated")).apply([generated("A.swift")]))
        XCTAssertEqual(read("file"), "not a folder")
    }

    // MARK: Refused folders

    private func assertRefused(_ output: String, spec: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try OutputDirectory(path: output).validate(specDirectory: spec), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(fragment), "\"\(error)\" lacks \"\(fragment)\"", file: file, line: line)
        }
    }

    func testRefusesRootHomeSpecAndFoldersHoldingTheSpec() throws {
        try write("project/spec/models/a.md", "# A")
        let spec = path("project/spec")
        assertRefused("/", spec: spec, "the root folder")
        assertRefused(FileManager.default.homeDirectoryForCurrentUser.path, spec: spec, "the home folder")
        assertRefused(spec, spec: spec, "it is the spec folder")
        assertRefused(path("project/spec/"), spec: spec, "it is the spec folder")
        assertRefused(path("project/spec/models/.."), spec: spec, "it is the spec folder")
        assertRefused(path("project"), spec: spec, "contains the spec folder")
        assertRefused(root.path, spec: spec, "contains the spec folder")
        assertRefused("", spec: spec, "empty")
        try FileManager.default.createSymbolicLink(atPath: path("alias"), withDestinationPath: path("project"))
        assertRefused(path("alias"), spec: spec, "contains the spec folder")
        try write("project/README.md", "")
        assertRefused(path("project/README.md"), spec: spec, "is a file")
        assertRefused(path("project/README.md/Generated"), spec: spec, "is a file")
    }

    func testAcceptsAFolderBesideOrInsideTheSpec() throws {
        try write("project/spec/models/a.md", "# A")
        let spec = path("project/spec")
        XCTAssertNoThrow(try OutputDirectory(path: path("project/Generated")).validate(specDirectory: spec))
        XCTAssertNoThrow(try OutputDirectory(path: path("project/Sources/Models/Generated")).validate(specDirectory: spec))
        XCTAssertNoThrow(try OutputDirectory(path: path("project/spec-generated")).validate(specDirectory: spec))
    }

    func testWritabilityIsCheckedWithoutWriting() throws {
        try write("Generated/notes.txt", "mine")
        XCTAssertNoThrow(try OutputDirectory(path: path("Generated")).checkWritable())
        XCTAssertNoThrow(try OutputDirectory(path: path("Generated/new/deeper")).checkWritable())
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("Generated/new")))
        guard getuid() != 0 else { return }  // root writes through permission bits
        chmod(path("Generated"), 0o555)
        defer { chmod(path("Generated"), 0o755) }
        XCTAssertThrowsError(try OutputDirectory(path: path("Generated")).checkWritable())
        XCTAssertThrowsError(try OutputDirectory(path: path("Generated/new")).checkWritable())
    }
}
