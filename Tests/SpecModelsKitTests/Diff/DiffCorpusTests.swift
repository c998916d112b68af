import Foundation
import XCTest
@testable import SpecModelsKit

/// The real ampersand docs, version after version. The expectations were found by reading
/// `diff -r` of consecutive versions (tables normalised, example blocks set apart):
///
/// - v1 → v2: only the TypeScript examples changed (the package became
///   `@amp-labs/sdk-node-platform`, and the faker values are new). No model change.
/// - v2 → v3: the connection request bodies moved their fields into a nested
///   `connection` object (`ConnectionRequestBody`, `UpdateConnectionConnectionRequestBody`)
///   beside a required `updateMask`; `Oauth2Password` became `Oauth2PasswordCredentials`
///   (same fields, new doc), and likewise for `UpdateConnection…`. Timestamp examples lost
///   their microseconds.
/// - v3 → v4: the list-org-builders operation arrived (`Builder`, `ListOrgBuilders…`);
///   `GenerateConnectionGenerateConnectionRequest` went back to flat fields;
///   `UpdateConnectionConnectionRequestBody` was folded into `ConnectionRequestBody`, whose
///   credential fields now point at the `UpdateConnection…` copies of the same schemas.
///
/// Reads `SPECMODELS_CORPUS` (e.g. `/work/shared/specs`): unset skips, set to a folder
/// without `ampersand/` fails.
final class DiffCorpusTests: XCTestCase {
    /// Each version is read once for all tests (XCTest runs them one after another).
    nonisolated(unsafe) private static var snapshots: [String: SpecSnapshot] = [:]

    private func snapshot(_ version: String, file: StaticString = #filePath, line: UInt = #line) throws -> SpecSnapshot {
        guard let corpus = ProcessInfo.processInfo.environment["SPECMODELS_CORPUS"], !corpus.isEmpty else {
            throw XCTSkip("SPECMODELS_CORPUS is not set")
        }
        let directory = URL(fileURLWithPath: corpus).appendingPathComponent("ampersand/\(version)").path
        guard FileManager.default.fileExists(atPath: directory) else {
            XCTFail("SPECMODELS_CORPUS is set but \(directory) does not exist", file: file, line: line)
            throw XCTSkip("no corpus")
        }
        if let cached = Self.snapshots[directory] { return cached }
        var diagnostics = Diagnostics()
        guard let snapshot = SpecSnapshot.read(.directory(directory), diagnostics: &diagnostics) else {
            XCTFail("cannot read \(directory):\n" + diagnostics.sorted.map(\.description).joined(separator: "\n"), file: file, line: line)
            throw XCTSkip("unreadable corpus")
        }
        Self.snapshots[directory] = snapshot
        return snapshot
    }

    private func diff(_ old: String, _ new: String) throws -> (report: DiffReport, structural: [SpecChange], documentation: [SpecChange]) {
        let report = DiffReport(old: try snapshot(old), new: try snapshot(new))
        return (report, report.changes.filter { !$0.isDocumentation }, report.changes.filter(\.isDocumentation))
    }

    func testV1ToV2ChangesOnlyExamples() throws {
        let (report, structural, documentation) = try diff("v1", "v2")
        XCTAssertEqual(structural.map(\.compact), [])
        // 614 docs, of which 6 (the integration-field ones) are byte for byte the same.
        XCTAssertEqual(documentation.count, 608)
        XCTAssertTrue(documentation.allSatisfy { $0.rule == .exampleChanged && $0.member == nil })
        XCTAssertFalse(documentation.contains { $0.typeName == "operations.IntegrationField" })
        XCTAssertEqual(report.summaryLine, "no model changes; 608 description/example changes")
        XCTAssertFalse(report.fails(on: .warning))
        XCTAssertTrue(report.fails(on: .any))
    }

    func testV2ToV3() throws {
        let (report, structural, documentation) = try diff("v2", "v3")
        let generate = "operations.GenerateConnectionGenerateConnectionRequest"
        let update = "operations.UpdateConnectionUpdateConnectionRequest"
        let movedFields = ["providerWorkspaceRef", "groupName", "groupRef", "consumerName", "consumerRef", "provider",
                           "apiKey", "basicAuth", "oauth2ClientCredentials", "oauth2Password", "oauth2AuthorizationCode"]
        // In the generate request, groupRef, consumerRef and provider were required: old
        // decoders of this body need them.
        let requiredInGenerate: Set = ["groupRef", "consumerRef", "provider"]
        var expected = ["type-added operations.ConnectionRequestBody info/info/info"]
        expected += [
            "field-added-required \(generate).updateMask breaking/breaking/info",
            "field-added-required \(generate).connection breaking/breaking/info",
        ]
        expected += movedFields.map {
            "field-removed \(generate).\($0) breaking/warning/\(requiredInGenerate.contains($0) ? "breaking" : "info")"
        }
        expected += [
            "type-renamed operations.Oauth2PasswordCredentials breaking/info/info",
            "type-added operations.UpdateConnectionConnectionRequestBody info/info/info",
            "type-renamed operations.UpdateConnectionOauth2PasswordCredentials breaking/info/info",
            "field-added-required \(update).updateMask breaking/breaking/info",
            "field-added-required \(update).connection breaking/breaking/info",
        ]
        expected += movedFields.map { "field-removed \(update).\($0) breaking/warning/info" }
        XCTAssertEqual(structural.map(\.compact), expected)

        let renames = structural.filter { $0.rule == .typeRenamed }
        XCTAssertEqual(renames.map { "\($0.before!) → \($0.after!)" }, [
            "operations.Oauth2Password → operations.Oauth2PasswordCredentials",
            "operations.UpdateConnectionOauth2Password → operations.UpdateConnectionOauth2PasswordCredentials",
        ])
        XCTAssertEqual(renames[0].evidence, [
            "same 5 fields with the same types: `username`, `password`, `clientId`, `clientSecret`, `scopes`",
            "doc moved from `models/operations/oauth2password.md` to `models/operations/oauth2passwordcredentials.md`",
        ])
        XCTAssertEqual(renames[0].oldLocation?.file.hasSuffix("v2/models/operations/oauth2password.md"), true)
        XCTAssertEqual(renames[0].newLocation?.file.hasSuffix("v3/models/operations/oauth2passwordcredentials.md"), true)
        let added = structural.first { $0.path == "\(generate).updateMask" }
        XCTAssertEqual(added?.message, "required field `updateMask` added (`string[]`): a new init parameter without default")
        XCTAssertEqual(added?.newLocation?.line, 22)

        // Timestamp examples lost their microseconds: 53 field examples, 49 type examples.
        XCTAssertEqual(documentation.count, 102)
        XCTAssertTrue(documentation.allSatisfy { $0.rule == .exampleChanged })
        XCTAssertEqual(Set(documentation.compactMap(\.member)), ["createTime", "updateTime", "timestamp"])
        let connectionExample = documentation.first { $0.path == "operations.Connection.createTime" }
        XCTAssertEqual(connectionExample?.before, "2023-07-13T21:34:44.816354Z")
        XCTAssertEqual(connectionExample?.after, "2023-07-13T21:34:44.816Z")

        // The types that contain or reach the changed ones did not change themselves.
        let changedTypes = Set(structural.map(\.typeName))
        for unchanged in ["operations.GenerateConnectionRequest", "operations.UpdateConnectionRequest", "operations.BasicAuth"] {
            XCTAssertFalse(changedTypes.contains(unchanged), unchanged)
        }
        XCTAssertEqual(report.summaryLine, "28 breaking, 0 warnings, 2 info in 6 types; 102 description/example changes")
    }

    func testV3ToV4() throws {
        let (report, structural, documentation) = try diff("v3", "v4")
        let body = "operations.ConnectionRequestBody"
        let generate = "operations.GenerateConnectionGenerateConnectionRequest"
        XCTAssertEqual(structural.map(\.compact), [
            "type-added operations.Builder info/info/info",
            // Pointed at the UpdateConnection… copies: new Swift types, the same JSON.
            "field-type-changed \(body).basicAuth breaking/info/info",
            "field-type-changed \(body).oauth2ClientCredentials breaking/info/info",
            "field-type-changed \(body).oauth2PasswordCredentials breaking/info/info",
            "field-type-changed \(body).oauth2AuthorizationCode breaking/info/info",
            "field-added-optional \(generate).providerWorkspaceRef info/info/info",
            "field-added-optional \(generate).groupName info/info/info",
            "field-added-optional \(generate).consumerName info/info/info",
            "field-added-optional \(generate).apiKey info/info/info",
            "field-added-optional \(generate).basicAuth info/info/info",
            "field-added-optional \(generate).oauth2ClientCredentials info/info/info",
            "field-added-optional \(generate).oauth2PasswordCredentials info/info/info",
            "field-added-optional \(generate).oauth2AuthorizationCode info/info/info",
            "field-added-required \(generate).groupRef breaking/breaking/info",
            "field-added-required \(generate).consumerRef breaking/breaking/info",
            "field-added-required \(generate).provider breaking/breaking/info",
            "field-removed \(generate).updateMask breaking/warning/breaking",
            "field-removed \(generate).connection breaking/warning/breaking",
            "type-added operations.ListOrgBuildersAPIProblem info/info/info",
            "type-added operations.ListOrgBuildersRequest info/info/info",
            "type-added operations.ListOrgBuildersResponse info/info/info",
            "type-removed operations.UpdateConnectionConnectionRequestBody breaking/info/info",
            "field-type-changed operations.UpdateConnectionUpdateConnectionRequest.connection breaking/info/info",
        ])
        let retyped = structural.first { $0.path == "\(body).basicAuth" }
        XCTAssertEqual(retyped?.message,
                       "type of `basicAuth` changed from `operations.BasicAuth` to `operations.UpdateConnectionBasicAuth` (model → other model with the same JSON, Swift `BasicAuth` → `UpdateConnectionBasicAuth`)")
        XCTAssertEqual(retyped?.oldLocation?.line, 24)
        XCTAssertEqual(retyped?.newLocation?.line, 24)
        // No rename: the removed body's shape lives on in a type that existed before.
        XCTAssertFalse(structural.contains { $0.rule == .typeRenamed })
        XCTAssertEqual(documentation.map(\.compact), [
            "example-changed \(generate) info/info/info",
            "example-changed operations.GenerateConnectionRequest info/info/info",
        ])
        XCTAssertEqual(report.summaryLine, "11 breaking, 0 warnings, 12 info in 8 types; 2 description/example changes")
        // Responses are untouched by the flattened request body's new required fields.
        let responseOnly = DiffReport(old: try snapshot("v3"), new: try snapshot("v4"), direction: .response)
        XCTAssertEqual(responseOnly.changes.filter { !$0.isDocumentation && $0.wire(.response) == .breaking }.map(\.path), [
            "\(generate).updateMask", "\(generate).connection",
        ])
    }
}
