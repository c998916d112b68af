import XCTest
@testable import SpecModelsKit

/// Table-driven tests for the names the generated code uses.
final class SwiftNamingTests: XCTestCase {
    func testMemberNames() {
        let cases: [(String, String)] = [
            ("projectId", "projectId"), ("bad_credentials", "badCredentials"),
            ("oauth2/authorizationCode", "oauth2AuthorizationCode"), ("text/plain", "textPlain"),
            ("1.0", "_1_0"), ("10", "_10"), ("with space", "withSpace"), ("shipping-address", "shippingAddress"),
            ("APIKey", "apiKey"), ("URL", "url"), ("SCREAMING_CASE", "screamingCase"), ("self", "self_"),
            ("Type", "type"), ("init", "init_"), ("---", "empty"),
        ]
        for (spelling, expected) in cases {
            XCTAssertEqual(SwiftNaming.memberName(spelling), expected, spelling)
        }
        XCTAssertEqual(SwiftNaming.escaped("default"), "`default`")
        XCTAssertEqual(SwiftNaming.escaped("name"), "name")
    }

    func testTypeNames() {
        XCTAssertEqual(SwiftNaming.typeName("ListInstallationsGroup"), "ListInstallationsGroup")
        XCTAssertEqual(SwiftNaming.typeName("Data"), "DataModel")
        XCTAssertEqual(SwiftNaming.typeName("JSONValue"), "JSONValueModel")
        XCTAssertEqual(SwiftNaming.words(splittingCamelCase: "UpdateConnectionAPIProblem"), ["Update", "Connection", "API", "Problem"])
    }

    func testUniqueNamesNumberCollisionsInOrder() {
        var names = UniqueNames(reserving: ["unrecognized"])
        XCTAssertEqual(["a", "a", "a3", "a", "unrecognized", "b"].map { names.claim($0) }, ["a", "a2", "a3", "a4", "unrecognized2", "b"])
        // Thousands of colliding names stay distinct (and take linear time).
        var many = UniqueNames()
        let claimed = (0..<5_000).map { _ in many.claim("field") }
        XCTAssertEqual(Set(claimed).count, 5_000)
        XCTAssertEqual(claimed.last, "field5000")
    }
}
