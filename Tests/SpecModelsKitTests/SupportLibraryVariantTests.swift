import Foundation
import XCTest
@testable import SpecModelsKit

/// The support file at each access level: `Generated/` tests the public variant's behaviour;
/// here every variant is compiled warning-free in Swift 6 mode, and `declaredNames`, kept by
/// hand, is checked against the declarations the source really has.
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

    func testDeclaredNamesAreTheTopLevelDeclarations() {
        for access in ["public", "package", "internal"] {
            var declared = Set<String>()
            for line in SupportLibrary.source(access: access).split(separator: "\n") where line.hasPrefix(access + " ") {
                let words = line.dropFirst(access.count + 1).split(whereSeparator: { " <(:".contains($0) })
                guard words.count >= 2, ["struct", "enum", "class", "func", "protocol", "typealias", "actor"].contains(words[0]) else { continue }
                declared.insert(String(words[1]))
            }
            XCTAssertEqual(declared, SupportLibrary.declaredNames, access)
        }
    }
}
