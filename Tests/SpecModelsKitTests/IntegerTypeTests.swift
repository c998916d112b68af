import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// `integerType: Int64` in `specmodels.yml`: every integer — fields, union members and integer
/// enums' raw values — is `Int64` instead of `Int` (32 bits on watchOS `arm64_32` and `wasm32`).
final class IntegerTypeTests: XCTestCase {
    static let docs: [String: String] = [
        "models/components/parcel.md": """
            # Parcel

            ## Fields

            | Field | Type | Required | Description |
            | --- | --- | --- | --- |
            | `count` | *number* | :heavy_check_mark: | An integer, as a flavour's docs spell it. |
            | `sizes` | *number*[] | :heavy_minus_sign: | Integers too. |
            | `ratio` | *number* | :heavy_minus_sign: | A float. |
            | `speed` | [components.Speed](../../models/components/speed.md) | :heavy_minus_sign: | An integer enum. |
            | `weight` | [components.Weight](../../models/components/weight.md) | :heavy_minus_sign: | Integer and float members. |
            """,
        "models/components/speed.md": """
            # Speed

            ## Values

            | Name       | Value |
            | ---------- | ----- |
            | `Standard` | 1     |
            | `Express`  | 2     |
            """,
        "models/components/weight.md": """
            # Weight

            ## Supported Types

            ### `number`

            ```typescript
            const value: number = 1284.03;
            ```

            ### `number`

            ```typescript
            const value: number = 128403;
            ```
            """,
    ]

    /// The graph with `count` and `sizes` integers, as a reader of Java, Go or Python docs
    /// gives them (`long`, `int64`, `int`); the TypeScript docs say `number`.
    private func files(integerType yaml: String) throws -> [SwiftEmitter.OutputFile] {
        var diagnostics = Diagnostics()
        let sources = Self.docs.keys.sorted().map { SpecSource.File(relativePath: $0, displayPath: $0, bytes: Array(Self.docs[$0, default: ""].utf8)) }
        var graph = Generator.buildGraph(from: sources, diagnostics: &diagnostics)
        let index = try XCTUnwrap(graph.models.firstIndex { $0.name == "Parcel" })
        guard case .object(var properties) = graph.models[index].shape else { throw XCTSkip("Parcel is an object") }
        properties[0].type = .integer
        properties[1].type = .array(.integer)
        graph.models[index].shape = .object(properties)
        let configuration = try XCTUnwrap(ConfigurationFile.parse(yaml, path: "specmodels.yml", diagnostics: &diagnostics))
        let options = configuration.resolve(against: graph, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.description), [])
        return SwiftEmitter.emit(graph, options: options)
    }

    func testIntIsTheDefaultAndInt64TheSetting() throws {
        for (yaml, integer) in [("", "Int"), ("integerType: Int\n", "Int"), ("integerType: Int64\n", "Int64")] {
            let files = try files(integerType: yaml)
            let contents = { (name: String) in try XCTUnwrap(files.first { $0.name == "models.components.\(name).swift" }).contents }
            let parcel = try contents("parcel")
            let speed = try contents("speed")
            let weight = try contents("weight")
            for (text, fragment) in [
                (parcel, "    public var count: \(integer)\n"),
                (parcel, "    public var sizes: [\(integer)]?\n"),
                (parcel, "    public var ratio: Double?\n"),
                (speed, "    case unrecognized(\(integer))\n"),
                (speed, "    public init(rawValue: \(integer)) {\n"),
                (weight, "    case integer(\(integer))\n"),
                (weight, "    case number(Double)\n"),
            ] {
                XCTAssertTrue(text.contains(fragment), "\(yaml): missing\n\(fragment)\nin:\n\(text)")
            }
        }
    }

    func testInt64ModelsCompileAndCodeSixtyFourBitValues() throws {
        let run = try TestSupport.compileAndRun(try files(integerType: "integerType: Int64\n"), main: #"""
            import Foundation

            let json = #"{"count":9007199254740993,"ratio":0.5,"sizes":[-9223372036854775808,9223372036854775807],"speed":2,"weight":4294967296}"#
            let parcel = try JSONDecoder().decode(Parcel.self, from: Data(json.utf8))
            print(type(of: parcel.count), parcel.count, parcel.sizes ?? [])
            print(type(of: Speed.express.rawValue), parcel.speed == .express, Speed(rawValue: 1 << 40))
            if case .integer(let value)? = parcel.weight { print(type(of: value), value) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            print(String(decoding: try encoder.encode(parcel), as: UTF8.self) == json)
            """#, in: self)
        XCTAssertEqual(run.standardOutput, """
            Int64 9007199254740993 [-9223372036854775808, 9223372036854775807]
            Int64 true unrecognized(1099511627776)
            Int64 4294967296
            true

            """, run.standardError)
    }
}
