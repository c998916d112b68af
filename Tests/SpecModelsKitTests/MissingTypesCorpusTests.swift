import Foundation
import XCTest
@testable import SpecModelsKit

/// A published doc set that names docs which were never published (`dwolla/models`, in the
/// flat layout): an error at each such reference by default, a warning with `missingTypes: jsonValue`.
final class MissingTypesCorpusTests: XCTestCase {
    /// Every reference to a missing doc in `dwolla/models`, each at its line and column.
    static let missingReferences = [
        "createcustomerfundingsourcechecking.md:22:79: link `../models/type.md` points to `type.md`, which is not in the spec",
        "createcustomervirtualfundingsource.md:22:128: link `../models/type.md` points to `type.md`, which is not in the spec",
        "operations/updaterequestbody.md:8:6: unknown type `models.DeactivateCustomer`: no model doc declares it",
        "operations/updaterequestbody.md:16:6: unknown type `models.ReactivateCustomer`: no model doc declares it",
        "operations/updaterequestbody.md:24:6: unknown type `models.SuspendCustomer`: no model doc declares it",
        "operations/updaterequestbody.md:32:6: unknown type `models.UpdateUnverifiedAndReceiveOnly`: no model doc declares it",
        "operations/updaterequestbody.md:43:6: unknown type `models.UpdateVerifiedPersonal`: no model doc declares it",
        "operations/updaterequestbody.md:58:6: unknown type `models.UpdateVerifiedBusiness`: no model doc declares it",
        "operations/updaterequestbody.md:75:6: unknown type `models.UpgradeToVerifiedPersonal`: no model doc declares it",
        "operations/updaterequestbody.md:150:6: unknown type `models.RetryVerifiedPersonal`: no model doc declares it",
        "operations/updaterequestbody.md:168:6: unknown type `models.RetryVerifiedBusinessNoController`: no model doc declares it",
        "operations/updaterequestbody.md:188:6: unknown type `models.RetryVerifiedBusinessWithController`: no model doc declares it",
        "operations/updaterequestbody.md:223:6: unknown type `models.RetryVerifiedBusinessWithInternationalController`: no model doc declares it",
        "operations/updaterequestbody.md:262:6: unknown type `models.RetryVerifiedSoleProp`: no model doc declares it",
        "upgradetoverifiedbusinesscontroller.md:34:94: link `../models/upgradetoverifiedbusinessaddress.md` points to `upgradetoverifiedbusinessaddress.md`, which is not in the spec",
    ]

    /// `path:line:column: problem`, with the path relative to the spec folder and the message
    /// cut before the note on what the reference becomes and any hint.
    private static func places(_ diagnostics: Diagnostics, severity: Diagnostic.Severity, in folder: URL) -> [String] {
        diagnostics.sorted.map { diagnostic in
            XCTAssertEqual(diagnostic.severity, severity, diagnostic.description)
            let location = diagnostic.location.map { "\($0.file.replacingOccurrences(of: folder.path + "/", with: "")):\($0.line):\($0.column)" } ?? "?"
            let problem = diagnostic.message.components(separatedBy: "; ")[0].components(separatedBy: " (built-in types are")[0]
            return "\(location): \(problem)"
        }
    }

    func testMissingDocsAreErrorsByDefault() throws {
        let models = try TestSupport.corpusFolder("dwolla/models")
        let result = Generator.generate(specDirectory: models.path)
        XCTAssertEqual(Self.places(result.diagnostics, severity: .error, in: models), Self.missingReferences)
        XCTAssertEqual(result.files, [])
    }

    func testMissingDocsAreWarningsWithJSONValue() throws {
        let models = try TestSupport.corpusFolder("dwolla/models")
        let result = Generator.generate(specDirectory: models.path, missingTypes: .jsonValue)
        XCTAssertEqual(Self.places(result.diagnostics, severity: .warning, in: models), Self.missingReferences)
        for diagnostic in result.diagnostics.all {
            XCTAssertTrue(diagnostic.message.contains("; it becomes `JSONValue` until the doc is added (missingTypes: jsonValue)"), diagnostic.message)
        }
        XCTAssertEqual(result.files.count, 1_004 + 1)

        // The contents of the models folder copied into a folder named `spec` give the same.
        let copy = try TestSupport.temporaryDirectory(self).appendingPathComponent("spec")
        try FileManager.default.copyItem(at: models, to: copy)
        let copied = Generator.generate(specDirectory: copy.path, missingTypes: .jsonValue)
        XCTAssertEqual(Self.places(copied.diagnostics, severity: .warning, in: copy), Self.missingReferences)
        XCTAssertEqual(copied.files, result.files)
    }
}
