import Foundation
import XCTest
@testable import SpecModelsKit

/// File-based reference tests: each folder under `Fixtures/Reference` holds a `spec/` and the
/// exact Swift expected from it in `expected/`. A change to the output is made by hand in the
/// expected files first, then in the generator; `SPECMODELS_UPDATE_REFERENCES=1 make test`
/// rewrites them when a change is intended across the board.
final class ReferenceTests: XCTestCase {
    private var updating: Bool { ProcessInfo.processInfo.environment["SPECMODELS_UPDATE_REFERENCES"] == "1" }

    func testReferenceCases() throws {
        let root = TestSupport.fixtures.appendingPathComponent("Reference")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(cases.isEmpty)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let result = Generator.generate(specDirectory: folder.appendingPathComponent("spec").path)
            XCTAssertEqual(result.diagnostics.all.map(\.description), [], name)
            try compare(result.files, with: folder.appendingPathComponent("expected"), label: name)
        }
    }

    /// `Generated/` is the committed output for `spec/`: it must be exactly what the generator writes.
    func testGeneratedFolderIsUpToDate() throws {
        let result = Generator.generate(specDirectory: TestSupport.packageRoot.appendingPathComponent("spec").path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let staleness = OutputDirectory(path: TestSupport.packageRoot.appendingPathComponent("Generated").path)
            .staleness(against: result.files)
        XCTAssertTrue(staleness.isUpToDate, "Generated/ is stale, run `make generate`: \(staleness)")
        XCTAssertEqual(result.files.count, 10, "one file per doc of spec/ plus the support file")
    }

    /// Generating twice gives the same bytes: nothing depends on hashing order or the clock.
    func testOutputIsDeterministic() throws {
        let spec = TestSupport.fixtures.appendingPathComponent("Reference/shop/spec").path
        let first = Generator.generate(specDirectory: spec).files
        for _ in 0..<3 {
            XCTAssertEqual(Generator.generate(specDirectory: spec).files, first)
        }
    }

    private func compare(_ files: [SwiftEmitter.OutputFile], with expected: URL, label: String) throws {
        if updating {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            for file in files where file.name != SupportLibrary.fileName {
                try Data(file.contents.utf8).write(to: expected.appendingPathComponent(file.name))
            }
            return
        }
        let expectedNames = Set(try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".swift") })
        let actualNames = Set(files.map(\.name)).subtracting([SupportLibrary.fileName])
        XCTAssertEqual(actualNames.sorted(), expectedNames.sorted(), "\(label): the set of generated files")
        for file in files where expectedNames.contains(file.name) {
            let wanted = try String(contentsOf: expected.appendingPathComponent(file.name), encoding: .utf8)
            if wanted != file.contents {
                XCTFail("\(label)/\(file.name) differs from the reference:\n\(Self.lineDiff(expected: wanted, actual: file.contents))")
            }
        }
    }

    /// The first differing lines, with context, in `-`/`+` form.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        var index = 0
        while index < max(old.count, new.count), report.count < 40 {
            let left = index < old.count ? String(old[index]) : nil
            let right = index < new.count ? String(new[index]) : nil
            if left != right {
                report.append("line \(index + 1):")
                if let left { report.append("- \(left)") }
                if let right { report.append("+ \(right)") }
            }
            index += 1
        }
        return report.joined(separator: "\n")
    }
}
