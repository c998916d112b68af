import Foundation
import XCTest
@testable import SpecModelsKit

/// `git:REV` inputs, read from a temporary repository's object database.
final class DiffGitInputTests: XCTestCase {
    typealias D = SpecDoc

    private var repository: URL!

    override func setUpWithError() throws {
        repository = FileManager.default.temporaryDirectory
            .appendingPathComponent("specmodels-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: repository)
    }

    @discardableResult
    private func git(_ arguments: String..., in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory ?? repository
        // `git status` may otherwise refresh the index, which would hide whether the diff wrote it.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 {
            XCTFail("git \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    private func write(_ documents: [String: String], under folder: String = "spec") throws {
        for (path, text) in documents {
            let url = repository.appendingPathComponent(folder).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    private func remove(_ path: String, under folder: String = "spec") throws {
        try FileManager.default.removeItem(at: repository.appendingPathComponent(folder).appendingPathComponent(path))
    }

    private func read(_ input: SpecInput, in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) -> SpecSnapshot? {
        var diagnostics = Diagnostics()
        let snapshot = SpecSnapshot.read(input, workingDirectory: (directory ?? repository).path, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [], file: file, line: line)
        return snapshot
    }

    private func failure(_ input: SpecInput, in directory: URL? = nil) -> [String] {
        var diagnostics = Diagnostics()
        XCTAssertNil(SpecSnapshot.read(input, workingDirectory: (directory ?? repository).path, diagnostics: &diagnostics))
        return diagnostics.all.map(\.description)
    }

    private var version1: SpecFixture {
        SpecFixture([
            ("Pet", D.object("Pet", [D.field("id", "*string*"), D.field("owner", D.link("Owner"), required: false)])),
            ("Owner", D.object("Owner", [D.field("name", "*string*")])),
        ])
    }

    /// The default comparison: the committed spec against the working tree, with links
    /// resolved on both sides, and the index left exactly as it was.
    func testHeadAgainstTheWorkingTree() throws {
        try write(version1.documents)
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        var version2 = version1
        version2[name: "Owner"] = D.object("Owner", [D.field("name", "*string*"), D.field("email", "*string*", required: false)])
        try write(version2.documents)
        // Something staged that the diff must not disturb.
        try write(["notes.txt": "staged"], under: ".")
        try git("add", "notes.txt")
        let statusBefore = try git("status", "--porcelain")
        let indexBefore = try Data(contentsOf: repository.appendingPathComponent(".git/index"))

        let old = try XCTUnwrap(read(SpecInput(parsing: "git:HEAD")))
        let new = try XCTUnwrap(read(SpecInput(parsing: "spec")))
        let changes = SpecDiff.compare(old: old.graph, new: new.graph)
        XCTAssertEqual(changes.map(\.compact), ["field-added-optional operations.Owner.email info/info/info"])
        XCTAssertEqual(old.label, "git:HEAD:spec")
        XCTAssertEqual(old.graph.models.map(\.displayPath), ["spec/models/operations/owner.md", "spec/models/operations/pet.md"])
        // The link from Pet to Owner resolved at the revision too.
        guard case .object(let properties) = old.graph.models[1].shape else { return XCTFail("Pet is an object") }
        XCTAssertEqual(properties[1].type, .model(ModelID(index: 0)))

        XCTAssertEqual(try Data(contentsOf: repository.appendingPathComponent(".git/index")), indexBefore)
        XCTAssertEqual(try git("status", "--porcelain"), statusBefore)
    }

    func testRevisionsAndPaths() throws {
        try write(version1.documents, under: "api/spec")
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        try git("tag", "v1")
        var version2 = version1
        version2[name: "Pet"] = nil
        try write(version2.documents, under: "api/spec")
        try remove(SpecDoc.path("Pet"), under: "api/spec")
        try git("commit", "-q", "-am", "v2")

        let old = try XCTUnwrap(read(SpecInput(parsing: "git:HEAD~1:api/spec")))
        let tagged = try XCTUnwrap(read(SpecInput(parsing: "git:v1:api/spec")))
        let new = try XCTUnwrap(read(SpecInput(parsing: "git:main:api/spec")))
        XCTAssertEqual(old.graph.models.count, 2)
        XCTAssertEqual(tagged.graph.models.count, 2)
        XCTAssertEqual(SpecDiff.compare(old: old.graph, new: new.graph).map(\.compact), [
            "type-removed operations.Pet breaking/info/info",
        ])
        // From a subfolder, paths are relative to it, as directory arguments are.
        let api = repository.appendingPathComponent("api")
        let fromSubfolder = try XCTUnwrap(read(SpecInput(parsing: "git:v1:spec"), in: api))
        XCTAssertEqual(fromSubfolder.graph.models.map(\.displayPath), ["spec/models/operations/owner.md", "spec/models/operations/pet.md"])
        let climbing = try XCTUnwrap(read(SpecInput(parsing: "git:v1:../api/spec"), in: api))
        XCTAssertEqual(climbing.graph.models.count, 2)
    }

    /// Hidden files, files that are not markdown and symbolic links are not docs.
    func testSkipsWhatIsNotADoc() throws {
        try write(version1.documents)
        try write([".drafts/models/operations/draft.md": "# Draft\n", "models/README.txt": "notes"])
        try FileManager.default.createSymbolicLink(
            atPath: repository.appendingPathComponent("spec/models/link.md").path,
            withDestinationPath: "operations/pet.md")
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        let snapshot = try XCTUnwrap(read(SpecInput(parsing: "git:HEAD")))
        XCTAssertEqual(snapshot.graph.models.map(\.qualifiedName), ["operations.Owner", "operations.Pet"])
    }

    func testUnreadableInputs() throws {
        try write(version1.documents)
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        XCTAssertEqual(failure(SpecInput(parsing: "git:nope")), [
            "error: `git:nope:spec`: `nope` is not a commit in the repository at \(try realPath(repository))",
        ])
        XCTAssertEqual(failure(SpecInput(parsing: "git:HEAD:docs")), ["error: `git:HEAD:docs`: the revision has no folder `docs`"])
        XCTAssertEqual(failure(SpecInput(parsing: "git:HEAD:spec/models/operations/pet.md")), [
            "error: `git:HEAD:spec/models/operations/pet.md`: `spec/models/operations/pet.md` is a file at that revision, not a spec directory",
        ])
        XCTAssertEqual(failure(SpecInput(parsing: "git:HEAD:../elsewhere")), [
            "error: `git:HEAD:../elsewhere`: `../elsewhere` is outside the repository at \(try realPath(repository))",
        ])
        XCTAssertEqual(failure(SpecInput(parsing: "git:-x")), ["error: `git:-x:spec`: expected a revision such as HEAD, main or a commit id"])
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("specmodels-no-repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let messages = failure(SpecInput(parsing: "git:HEAD"), in: outside)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages.first?.contains("not a git repository") == true, "\(messages)")
    }

    /// A doc that does not parse at the revision gives the generator's diagnostics.
    func testBrokenDocAtTheRevision() throws {
        try write(["models/operations/pet.md": "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | [operations.Missing](../../models/operations/missing.md) | :heavy_check_mark: | N/A |\n"])
        try git("add", ".")
        try git("commit", "-q", "-m", "broken")
        let messages = failure(SpecInput(parsing: "git:HEAD"))
        XCTAssertEqual(messages, [
            "spec/models/operations/pet.md:7:10: error: link `../../models/operations/missing.md` points to `models/operations/missing.md`, which is not in the spec",
        ])
    }

    func testParsingInputArguments() {
        XCTAssertEqual(SpecInput(parsing: "spec"), .directory("spec"))
        XCTAssertEqual(SpecInput(parsing: "./git:odd"), .directory("./git:odd"))
        XCTAssertEqual(SpecInput(parsing: "git:HEAD"), .git(revision: "HEAD", path: "spec"))
        XCTAssertEqual(SpecInput(parsing: "git:main:api/spec"), .git(revision: "main", path: "api/spec"))
        XCTAssertEqual(SpecInput(parsing: "git:abc123:"), .git(revision: "abc123", path: "."))
        XCTAssertEqual(SpecInput(parsing: "git:HEAD~2").description, "git:HEAD~2:spec")
    }

    func testRepositoryPaths() {
        XCTAssertEqual(GitRevisionReader.repositoryPath("spec", prefix: "", topLevel: "/r"), "spec")
        XCTAssertEqual(GitRevisionReader.repositoryPath("spec", prefix: "api/", topLevel: "/r"), "api/spec")
        XCTAssertEqual(GitRevisionReader.repositoryPath("../spec/./x", prefix: "api/", topLevel: "/r"), "spec/x")
        XCTAssertEqual(GitRevisionReader.repositoryPath(".", prefix: "", topLevel: "/r"), "")
        XCTAssertNil(GitRevisionReader.repositoryPath("..", prefix: "", topLevel: "/r"))
        XCTAssertEqual(GitRevisionReader.repositoryPath("/r/api/spec", prefix: "x/", topLevel: "/r"), "api/spec")
        XCTAssertNil(GitRevisionReader.repositoryPath("/elsewhere/spec", prefix: "", topLevel: "/r"))
    }

    /// The repository's top level as git prints it (temporary folders may be symlinks).
    private func realPath(_ url: URL) throws -> String {
        try git("rev-parse", "--show-toplevel", in: url).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
