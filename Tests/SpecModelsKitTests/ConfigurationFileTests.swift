import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// Reading `specmodels.yml`: its shape, unknown keys and wrong value types, each reported at
/// its line and column. Checking the names against a spec is `ConfigurationTests`' job.
final class ConfigurationFileTests: XCTestCase {
    private func parse(_ yaml: String) -> (Configuration?, [String]) {
        var diagnostics = Diagnostics()
        let configuration = ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics)
        return (configuration, diagnostics.sorted.map(\.description))
    }

    func testReadsEverySetting() throws {
        let (configuration, diagnostics) = parse("""
            accessModifier: package
            namespaces:
              include: [operations, components]
              exclude:
                - errors
              roots: [ListInstallationsConnection]
            typeOverrides:
              number: Int
              Problem.status: Int
            nameOverrides:
              ListInstallationsGroup: InstallationGroup
            keyOverrides:
              Message.operationId: operation_id
            conformances:
              Identifiable: "*"
              CustomMarker: [ListInstallationsGroup]
            """)
        XCTAssertEqual(diagnostics, [])
        let location = { (line: Int, column: Int) in SourceLocation(file: "specmodels.yml", line: line, column: column) }
        XCTAssertEqual(configuration, Configuration(
            accessModifier: .init(.package, at: location(1, 17)),
            includedNamespaces: [.init("operations", at: location(3, 13)), .init("components", at: location(3, 25))],
            includeLocation: location(3, 3),
            excludedNamespaces: [.init("errors", at: location(5, 7))],
            roots: [.init("ListInstallationsConnection", at: location(6, 11))],
            typeOverrides: [
                .init(key: .init("number", at: location(8, 3)), value: .init("Int", at: location(8, 11))),
                .init(key: .init("Problem.status", at: location(9, 3)), value: .init("Int", at: location(9, 19))),
            ],
            nameOverrides: [
                .init(key: .init("ListInstallationsGroup", at: location(11, 3)), value: .init("InstallationGroup", at: location(11, 27))),
            ],
            keyOverrides: [
                .init(key: .init("Message.operationId", at: location(13, 3)), value: .init("operation_id", at: location(13, 24))),
            ],
            conformances: [
                .init(protocolName: .init("Identifiable", at: location(15, 3)), types: .all(location(15, 17))),
                .init(protocolName: .init("CustomMarker", at: location(16, 3)), types: .listed([.init("ListInstallationsGroup", at: location(16, 18))])),
            ]))
    }

    func testEmptyFilesAndEmptySectionsMeanDefaults() {
        for yaml in ["", "# nothing yet\n", "typeOverrides:\nnameOverrides:\nnamespaces:\nconformances:\n"] {
            let (configuration, diagnostics) = parse(yaml)
            XCTAssertEqual(diagnostics, [], yaml)
            XCTAssertEqual(configuration, Configuration(), yaml)
        }
    }

    func testUnknownKeysAreErrorsWithSuggestions() {
        let (configuration, diagnostics) = parse("""
            acessModifier: public
            namespaces:
              includes: [operations]
              only: [errors]
            colors: true
            """)
        XCTAssertNil(configuration)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:1:1: error: unknown key `acessModifier` in the configuration; did you mean `accessModifier`?",
            "specmodels.yml:3:3: error: unknown key `includes` in `namespaces`; did you mean `include`?",
            "specmodels.yml:4:3: error: unknown key `only` in `namespaces`; expected one of `include`, `exclude`, `roots`",
            "specmodels.yml:5:1: error: unknown key `colors` in the configuration; expected one of `accessModifier`, `namespaces`, `typeOverrides`, `nameOverrides`, `keyOverrides`, `wireKeys`, `nullable`, `conformances`, `missingTypes`, `unknownTypes`, `flavour`, `integerType`",
        ])
    }

    func testMissingTypes() {
        let (configuration, diagnostics) = parse("missingTypes: jsonValue\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(configuration?.missingTypes, .init(.jsonValue, at: SourceLocation(file: "specmodels.yml", line: 1, column: 15)))
        XCTAssertEqual(parse("missingTypes: error\n").0?.missingTypes?.value, .error)
        XCTAssertEqual(parse("missingTypes: json-value\n").1, [
            "specmodels.yml:1:15: error: `missingTypes` must be `error` or `jsonValue`, found `json-value`; did you mean `jsonValue`?",
        ])
        XCTAssertEqual(parse("missingTypes: [jsonValue]\n").1, [
            "specmodels.yml:1:15: error: `missingTypes` must be `error` or `jsonValue`; found a list",
        ])
    }

    func testIntegerType() {
        let (configuration, diagnostics) = parse("integerType: Int64\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(configuration?.integerType, .init(.int64, at: SourceLocation(file: "specmodels.yml", line: 1, column: 14)))
        XCTAssertEqual(parse("integerType: Int\n").0?.integerType?.value, .int)
        XCTAssertNil(parse("accessModifier: public\n").0?.integerType)
        XCTAssertEqual(parse("accessModifier: public\nintegerType: int64\n").1, [
            "specmodels.yml:2:14: error: `integerType` must be `Int` or `Int64`, found `int64`; did you mean `Int64`?",
        ])
        XCTAssertEqual(parse("integerType: UInt32\n").1, [
            "specmodels.yml:1:14: error: `integerType` must be `Int` or `Int64`, found `UInt32`",
        ])
        XCTAssertEqual(parse("integerType: [Int64]\n").1, [
            "specmodels.yml:1:14: error: `integerType` must be `Int` or `Int64`; found a list",
        ])
    }

    func testWrongValueTypesAreErrors() {
        let (configuration, diagnostics) = parse("""
            accessModifier: 3
            namespaces: [operations]
            typeOverrides:
              number: 42
              Problem.status: [Int]
            nameOverrides: Foo
            keyOverrides:
              Message.operationId: true
            conformances:
              Identifiable: all
            """)
        XCTAssertNil(configuration)
        XCTAssertEqual(diagnostics, [
            "specmodels.yml:1:17: error: `accessModifier` must be `public`, `package` or `internal`; found the integer `3`",
            "specmodels.yml:2:13: error: `namespaces` must be a mapping with `include`, `exclude` and `roots`; found a list",
            "specmodels.yml:4:11: error: `typeOverrides` value for `number` must be a Swift type; found the integer `42`",
            "specmodels.yml:5:19: error: `typeOverrides` value for `Problem.status` must be a Swift type; found a list",
            "specmodels.yml:6:16: error: `nameOverrides` must be a mapping from a type (`Type`) or a field (`Type.field`) to a Swift name; found the string `Foo`",
            "specmodels.yml:8:24: error: `keyOverrides` value for `Message.operationId` must be a JSON key (a string); found the boolean `true`",
            "specmodels.yml:10:17: error: `conformances` value for `Identifiable` must be a list of types, or \"*\"; found the string `all`",
        ])
    }

    func testUnknownAccessModifierSuggestsOne() {
        let (_, diagnostics) = parse("accessModifier: pubilc\n")
        XCTAssertEqual(diagnostics, ["specmodels.yml:1:17: error: `accessModifier` must be `public`, `package` or `internal`, found `pubilc`; did you mean `public`?"])
    }

    func testRepeatedKeysAndBrokenYAML() {
        let (_, repeated) = parse("typeOverrides:\n  number: Int\n  number: Double\n")
        XCTAssertEqual(repeated.count, 1)
        XCTAssertTrue(repeated[0].hasPrefix("specmodels.yml:"), repeated[0])
        XCTAssertTrue(repeated[0].contains("error:"), repeated[0])

        let (_, broken) = parse("namespaces:\n  include: [operations\n")
        XCTAssertEqual(broken.count, 1)
        XCTAssertTrue(broken[0].hasPrefix("specmodels.yml:3:1: error: invalid YAML:"), broken[0])

        let (_, notAMapping) = parse("- accessModifier\n")
        XCTAssertEqual(notAMapping, ["specmodels.yml:1:1: error: the configuration must be a mapping of settings (accessModifier, namespaces, typeOverrides, nameOverrides, keyOverrides, wireKeys, nullable, conformances, missingTypes, unknownTypes, flavour, integerType); found a list"])
    }

    func testDefaultPathIsBesideTheSpecFolder() {
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "spec"), "specmodels.yml")
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "spec/"), "specmodels.yml")
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "Sources/App/spec"), "Sources/App/specmodels.yml")
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "/work/App/spec"), "/work/App/specmodels.yml")
        XCTAssertEqual(Configuration.defaultPath(forSpecDirectory: "/spec"), "/specmodels.yml")
    }
}
