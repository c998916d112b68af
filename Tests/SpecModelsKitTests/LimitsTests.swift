import Foundation
@testable import SpecModelsKit
import XCTest

/// The limits that keep hostile input from hanging a build or exhausting memory: each one
/// ends with a clear error. (The bad-input corpus covers them at their real sizes through the
/// binary; these check the library with small limits and with inputs far past the real ones.)
final class LimitsTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("specmodels-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func writeDocs(_ count: Int, size: Int = 0) throws {
        let folder = root.appendingPathComponent("models/ops")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            var doc = "# M\(index)\n\n## Values\n\n```typescript\n\"a\"\n```\n"
            if doc.utf8.count < size { doc += String(repeating: "x", count: size - doc.utf8.count) }
            try Data(doc.utf8).write(to: folder.appendingPathComponent(String(format: "m%03d.md", index)))
        }
    }

    /// The spec at `root` read with `limits`: its files and the messages.
    private func read(with limits: SpecSource.Limits) -> (files: [SpecSource.File], messages: [String]) {
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: root.path, limits: limits).read(diagnostics: &diagnostics)
        return (files, messages(diagnostics))
    }

    private func messages(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.sorted.map(\.description)
    }

    func testTooManyDocs() throws {
        try writeDocs(12)
        var limits = SpecSource.Limits()
        limits.fileCount = 10
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: root.path, limits: limits).read(diagnostics: &diagnostics)
        XCTAssertEqual(files.count, 10)
        XCTAssertEqual(messages(diagnostics), [
            "error: the spec holds more than 10 `.md` docs; `\(root.path)/models/ops/m010.md` and the docs after it are not read",
        ])
    }

    func testDocsTooLargeTogether() throws {
        try writeDocs(5, size: 1000)
        var limits = SpecSource.Limits()
        limits.totalSize = 3500
        let (files, messages) = read(with: limits)
        XCTAssertEqual(files.count, 3)
        XCTAssertEqual(messages, [
            "\(root.path)/models/ops/m003.md:1:1: error: the spec's docs are larger than 3 KiB together; this doc and the ones after it are not read",
        ])
    }

    /// Docs are read on every core within a shared budget of bytes; the docs within the limit
    /// in path order are the ones read, whatever order the threads took them in.
    func testDocsWithinTheTotalLimitAreReadWhateverTheThreadsOrder() throws {
        try writeDocs(200, size: 1000)
        var limits = SpecSource.Limits()
        limits.totalSize = 120_500
        let (files, messages) = read(with: limits)
        XCTAssertEqual(files.map(\.relativePath), (0..<120).map { String(format: "models/ops/m%03d.md", $0) })
        XCTAssertEqual(Set(files.map(\.bytes.count)), [1000])
        XCTAssertEqual(messages, [
            "\(root.path)/models/ops/m120.md:1:1: error: the spec's docs are larger than 117 KiB together; this doc and the ones after it are not read",
        ])
    }

    func testDefaultLimitsHoldTheLargestPublishedDocSetsFourTimesOver() {
        // 11,098 docs (56 MB) and 3,421 docs (57 MB) are the largest sets found; per doc, the
        // hostile-input limits stay.
        let limits = SpecSource.Limits()
        XCTAssertEqual(limits.fileCount, 100_000)
        XCTAssertEqual(limits.totalSize, 512 << 20)
        XCTAssertEqual(limits.fileSize, 1 << 20)
        XCTAssertEqual(limits.depth, 64)
    }

    func testSpecsLargerThanTheOldTotalLimitAreRead() throws {
        // 70 docs of 1 MiB each: 70 MiB, past the 64 MiB the limit used to be.
        let folder = root.appendingPathComponent("models/ops")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let doc = Data("# M\n\n## Values\n\n```typescript\n\"a\"\n```\n".utf8)
        let padded = doc + Data(repeating: UInt8(ascii: "x"), count: (1 << 20) - doc.count)
        for index in 0..<70 {
            try padded.write(to: folder.appendingPathComponent("m\(index).md"))
        }
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: root.path).read(diagnostics: &diagnostics)
        XCTAssertEqual(messages(diagnostics), [])
        XCTAssertEqual(files.count, 70)
        XCTAssertEqual(files.reduce(0) { $0 + $1.bytes.count }, 70 << 20)
    }

    func testSizesAreDescribedInUnitsPeopleRead() {
        XCTAssertEqual(SpecSource.describeSize(20 << 20), "20 MiB")
        XCTAssertEqual(SpecSource.describeSize(1_572_864), "1.5 MiB")
        XCTAssertEqual(SpecSource.describeSize(3500), "3 KiB")
        XCTAssertEqual(SpecSource.describeSize(12), "12 bytes")
    }

    // MARK: Nesting far past the limits, through the library (no stack overflow, no hang)

    private func generate(_ doc: String) -> [String] {
        let file = SpecSource.File(relativePath: "models/ops/x.md", displayPath: "x.md", bytes: Array(doc.utf8))
        return messages(Generator.generate([file]).diagnostics)
    }

    private let table = "\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"

    func testHundredThousandNestedParentheses() {
        let depth = 100_000
        let doc = "# X" + table + "| `a` | " + String(repeating: "(", count: depth) + "string" + String(repeating: ")", count: depth) + " | :heavy_check_mark: | A. |\n"
        let result = generate(doc)
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result.first?.contains("the type is nested more than 64 levels deep") == true, "\(result)")
    }

    func testHundredThousandArraySuffixes() {
        let doc = "# X" + table + "| `a` | string" + String(repeating: "[]", count: 100_000) + " | :heavy_check_mark: | A. |\n"
        let result = generate(doc)
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result.first?.contains("the type is nested more than 64 levels deep") == true, "\(result)")
    }

    func testHundredThousandNestedBlockQuotesAndLists() {
        for prefix in [">", "- ", "> - ", "1. "] {
            let doc = "# X\n\n" + String(repeating: prefix, count: 100_000) + "deep\n" + table + "| `a` | string | :heavy_check_mark: | A. |\n"
            XCTAssertEqual(
                generate(doc).map { $0.replacingOccurrences(of: #":\d+: error"#, with: ": error", options: .regularExpression) },
                ["x.md:3: error: markdown nested more than 100 levels deep (block quotes, lists or emphasis inside each other); a model doc needs a few"],
                "prefix \(prefix)")
        }
    }

    func testDeepEmphasisAndImagesInACell() {
        for (open, close) in [("*x _x ", " x_ x*"), ("![x ", "](u)")] {
            let doc = "# X" + table + "| `a` | string | :heavy_check_mark: | " + String(repeating: open, count: 20_000) + "deep" + String(repeating: close, count: 20_000) + " |\n"
            let result = generate(doc)
            XCTAssertEqual(result.count, 1, "\(open)")
            XCTAssertTrue(result.first?.contains("markdown nested more than 100 levels deep") == true, "\(result)")
        }
    }

    func testParsingInlinesOfADeepCellStaysShallow() {
        let inlines = MarkdownParser.parseInlines(String(repeating: "*x _x ", count: 50_000) + "deep" + String(repeating: " x_ x*", count: 50_000))
        var depth = 0
        var level = inlines
        while let first = level.first(where: { !$0.children.isEmpty }) {
            depth += 1
            level = first.children
        }
        XCTAssertLessThanOrEqual(depth, MarkdownParser.maximumDepth)
    }

    func testLongReferenceCycleOfObjects() {
        // 2,000 objects each holding the next, the last holding the first: one cycle, every
        // link indirect, found without recursion.
        let count = 2_000
        let files = (0..<count).map { index -> SpecSource.File in
            let next = (index + 1) % count
            let doc = "# M\(index)" + table + "| `next` | [ops.M\(next)](m\(next).md) | :heavy_check_mark: | Next. |\n"
            return SpecSource.File(relativePath: "models/ops/m\(index).md", displayPath: "m\(index).md", bytes: Array(doc.utf8))
        }
        let result = Generator.generate(files)
        XCTAssertEqual(messages(result.diagnostics), [])
        XCTAssertEqual(result.files.count, count + 1)
        XCTAssertTrue(result.files[0].contents.contains("Indirect<"), "the cycle needs indirect storage")
    }

    func testLongCycleOfUnionsIsAnError() {
        let count = 500
        let files = (0..<count).map { index -> SpecSource.File in
            let doc = "# U\(index)\n\n## Supported Types\n\n### `ops.U\((index + 1) % count)`\n\n### `string`\n"
            return SpecSource.File(relativePath: "models/ops/u\(index).md", displayPath: "u\(index).md", bytes: Array(doc.utf8))
        }
        let result = messages(Generator.generate(files).diagnostics)
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result.first?.hasPrefix("u0.md:5:6: error: union `ops.U0` contains itself (`ops.U0` → `ops.U1` → ") == true, "\(result)")
    }

    func testManyUnknownNamesStayFast() {
        // Each unknown name would be compared with every model for a "did you mean"; the
        // budget keeps 1,500 of them among 1,500 models from taking quadratic time.
        let count = 1_500
        let files = (0..<count).map { index -> SpecSource.File in
            let doc = "# Model\(index)" + table + "| `a` | ops.Modle\(index) | :heavy_check_mark: | A. |\n"
            return SpecSource.File(relativePath: "models/ops/m\(index).md", displayPath: "m\(index).md", bytes: Array(doc.utf8))
        }
        let started = Date()
        let result = messages(Generator.generate(files).diagnostics)
        XCTAssertEqual(result.count, count)
        XCTAssertEqual(result.filter { $0.contains("did you mean") }.count, ReferenceResolver.suggestionBudget)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }
}
