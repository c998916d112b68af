import Foundation
import XCTest
@testable import SpecModelsKit

/// The support file at each access level: the SpecModelsSupport target and its tests cover the
/// behaviour; here every emitted variant is compiled warning-free in Swift 6 mode, and the
/// rewriting of the access level and the names read from the source are checked.
final class SupportLibraryVariantTests: XCTestCase {
    func testEveryAccessLevelCompilesWarningFree() throws {
        let workspace = try TestSupport.temporaryDirectory(self)
        for access in ["public", "package", "internal"] {
            try TestSupport.write(["\(access)/\(SupportLibrary.fileName)": SupportLibrary.source(access: access)], to: workspace)
            let source = workspace.appendingPathComponent("\(access)/\(SupportLibrary.fileName)")
            var arguments = ["-swift-version", "6", "-warnings-as-errors", "-parse-as-library", "-typecheck", "-module-name", "Support"]
            if access == "package" { arguments += ["-package-name", "SupportPackage"] }
            let result = try TestSupport.run(try TestSupport.swiftc, arguments + [source.path])
            XCTAssertEqual(result.status, 0, "\(access):\n\(result.standardError.prefix(10_000))")
        }
    }

    func testDeclaredNamesAreReadFromTheSource() {
        // The names generated models use: each must be known, so a model with one of them is renamed.
        let used: Set = ["JSONValue", "RFC3339Timestamp", "DateOnly", "Indirect", "Nullable", "SpecModelsCodingKey", "UnionCandidate", "decodeUnion"]
        XCTAssertTrue(used.isSubset(of: SupportLibrary.declaredNames), "\(used.subtracting(SupportLibrary.declaredNames))")
        // Members (indented) are not top-level names.
        XCTAssertFalse(SupportLibrary.declaredNames.contains("init"))
        XCTAssertFalse(SupportLibrary.declaredNames.contains("encode"))
    }

    func testAccessLevelIsRewrittenOnEveryDeclaration() {
        for access in ["package", "internal"] {
            let source = SupportLibrary.source(access: access)
            XCTAssertTrue(source.hasPrefix(SupportLibrary.header + "\nimport Foundation\n"), access)
            let lines = source.split(separator: "\n")
            XCTAssertFalse(lines.contains { $0.drop { $0 == " " }.hasPrefix("public ") }, access)
            XCTAssertEqual(lines.count { $0.drop { $0 == " " }.hasPrefix(access + " ") },
                           SupportLibrary.source(access: "public").split(separator: "\n").count { $0.drop { $0 == " " }.hasPrefix("public ") }, access)
        }
    }
}
