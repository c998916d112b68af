import XCTest
@testable import SpecModelsKit

/// `WireKeyStyle.key(for:)`: the key each style gives a documented name, on names with
/// digits, acronyms, separators and leading symbols.
final class WireKeyStyleTests: XCTestCase {
    /// documented name → (snake_case, PascalCase, kebab-case)
    static let table: [(name: String, snake: String, pascal: String, kebab: String)] = [
        ("createdAt", "created_at", "CreatedAt", "created-at"),
        ("id", "id", "Id", "id"),
        ("addressLine1", "address_line1", "AddressLine1", "address-line1"),
        ("line2", "line2", "Line2", "line2"),
        ("ipV4Address", "ip_v4_address", "IpV4Address", "ip-v4-address"),
        ("v2Field", "v2_field", "V2Field", "v2-field"),
        ("HTTPMeta", "http_meta", "HTTPMeta", "http-meta"),
        ("httpMeta", "http_meta", "HttpMeta", "http-meta"),
        ("parseURL", "parse_url", "ParseURL", "parse-url"),
        ("userIDs", "user_i_ds", "UserIDs", "user-i-ds"),
        ("mediaContainer", "media_container", "MediaContainer", "media-container"),
        ("deploymentAlias", "deployment_alias", "DeploymentAlias", "deployment-alias"),
        ("dollarSchema", "dollar_schema", "DollarSchema", "dollar-schema"),
        ("links", "links", "Links", "links"),
        ("_links", "_links", "_Links", "_links"),
        ("$schema", "$schema", "$Schema", "$schema"),
        ("@odata.type", "@odata_type", "@OdataType", "@odata-type"),
        ("created_at", "created_at", "CreatedAt", "created-at"),
        ("deployment-alias", "deployment_alias", "DeploymentAlias", "deployment-alias"),
        ("MediaContainer", "media_container", "MediaContainer", "media-container"),
        ("oauth2Token", "oauth2_token", "Oauth2Token", "oauth2-token"),
        ("x", "x", "X", "x"),
        ("__", "__", "__", "__"),
        ("émigréName", "émigré_name", "ÉmigréName", "émigré-name"),
    ]

    func testEachStyle() {
        for row in Self.table {
            XCTAssertEqual(WireKeyStyle.documented.key(for: row.name), row.name, row.name)
            XCTAssertEqual(WireKeyStyle.snakeCase.key(for: row.name), row.snake, row.name)
            XCTAssertEqual(WireKeyStyle.pascalCase.key(for: row.name), row.pascal, row.name)
            XCTAssertEqual(WireKeyStyle.kebabCase.key(for: row.name), row.kebab, row.name)
        }
    }

    /// A style applied to its own output changes nothing.
    func testStylesAreIdempotent() {
        for row in Self.table {
            for style in WireKeyStyle.allCases {
                let key = style.key(for: row.name)
                XCTAssertEqual(style.key(for: key), key, "\(style) of \(row.name)")
            }
        }
    }

    func testRawValuesAreTheSpellingsOfSpecModelsYml() {
        XCTAssertEqual(WireKeyStyle.allCases.map(\.rawValue), ["documented", "snake_case", "PascalCase", "kebab-case"])
    }
}

/// The key a struct probes to notice `.convertFromSnakeCase`, and that strategy's result.
final class ConvertedKeyProbeTests: XCTestCase {
    func testConversionOfCertainKeysOnly() {
        let table: [(String, String?)] = [
            ("status_code", "statusCode"),
            ("address_line1", "addressLine1"),
            ("ip_v4_address", "ipV4Address"),
            ("a_b_c", "aBC"),
            ("statusCode", nil),
            ("line1", nil),
            ("_links", nil),
            ("links_", nil),
            ("a__b", nil),
            ("Status_Code", nil),
            ("v2_1", nil),
            ("deployment-alias", nil),
        ]
        for (key, converted) in table {
            XCTAssertEqual(ConvertedKeyProbe.convertedFromSnakeCase(key), converted, key)
        }
    }

    func testPrefersARequiredKeyAndSkipsKeysWhoseConvertedFormIsAKeyToo() {
        XCTAssertNil(ConvertedKeyProbe.probe(wireKeys: [("id", true), ("createdAt", true), ("_links", false)]))
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("created_at", false), ("status_code", true)])?.key, "status_code")
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("created_at", false), ("updated_at", false)])?.key, "created_at")
        XCTAssertEqual(ConvertedKeyProbe.probe(wireKeys: [("status_code", true), ("statusCode", false), ("row_version", false)])?.converted, "rowVersion")
    }
}
