import XCTest
@testable import SpecModelsKit

/// The diff reasons about generated names without emitting code; these tests hold its
/// naming to what the emitter really writes.
final class DiffGeneratedAPITests: XCTestCase {
    typealias D = SpecDoc

    private let fixture = SpecFixture([
        ("Pet", D.object("Pet", [
            D.field("a_b", "*string*"),
            D.field("aB", "*string*"),
            D.field("self", "*string*", required: false),
            D.field("pet", "*number*"),
            D.field("kind", "*\"pet\"*"),
        ])),
        ("Level", D.namedEnumeration("Level", [("Low", "1"), ("High", "2")])),
        ("Code", D.enumeration("Code", ["\"in_progress\"", "\"unrecognized\"", "\"2fa\"", "\"in-progress\""])),
        ("Size", D.enumeration("Size", ["1", "-2", "30"])),
    ])

    func testNamesMatchTheEmittedSource() throws {
        let graph = try XCTUnwrap(fixture.snapshot(label: "spec")).graph
        let api = GeneratedAPI(graph)
        let files = SwiftEmitter.emit(graph)
        func source(_ name: String) -> String {
            files.first { $0.name == "models.operations.\(name.lowercased()).swift" }?.contents ?? ""
        }
        let pet = graph.models.first { $0.name == "Pet" }!
        guard case .object(let properties) = pet.shape else { return XCTFail() }
        let names = api.propertyNames(pet.id, properties)
        XCTAssertEqual(names, ["aB", "aB2", "self_", "pet", "kind"])
        for (name, property) in zip(names, properties) {
            XCTAssertTrue(source("Pet").contains("public var \(SwiftNaming.escaped(name)): \(api.declaredType(property))"), name)
        }
        XCTAssertEqual(properties.map(GeneratedAPI.hasInitDefault), [false, false, true, false, true])
        XCTAssertTrue(source("Pet").contains("kind: String = \"pet\""))

        for enumName in ["Level", "Code", "Size"] {
            let model = graph.models.first { $0.name == enumName }!
            guard case .enumeration(let shape) = model.shape else { return XCTFail() }
            for caseName in api.caseNames(model, shape) {
                XCTAssertTrue(source(enumName).contains("    case \(SwiftNaming.escaped(caseName))\n"), "\(enumName).\(caseName)")
            }
        }
        let level = graph.models.first { $0.name == "Level" }!
        guard case .enumeration(let levels) = level.shape else { return XCTFail() }
        XCTAssertEqual(api.caseNames(level, levels), ["low", "high"])
        let code = graph.models.first { $0.name == "Code" }!
        guard case .enumeration(let codes) = code.shape else { return XCTFail() }
        XCTAssertEqual(api.caseNames(code, codes), ["inProgress", "unrecognized2", "_2fa", "inProgress2"])
        let size = graph.models.first { $0.name == "Size" }!
        guard case .enumeration(let sizes) = size.shape else { return XCTFail() }
        XCTAssertEqual(api.caseNames(size, sizes), ["value1", "valueMinus2", "value30"])
    }

    /// Nullable fields: required ones are `T?`, optional ones `Nullable<T>?`, as emitted.
    func testNullableDeclaredTypesMatchTheEmittedSource() throws {
        let graph = try XCTUnwrap(fixture.snapshot(label: "spec")).graph
        let settings = WireSettings(nullable: ["operations.Pet": ["aB", "self"]])
        let wired = graph.applying(settings)
        let api = GeneratedAPI(wired)
        let source = SwiftEmitter.emit(graph, options: EmissionOptions(wire: settings)).first { $0.name == "models.operations.pet.swift" }?.contents ?? ""
        let pet = wired.models.first { $0.name == "Pet" }!
        guard case .object(let properties) = pet.shape else { return XCTFail() }
        XCTAssertEqual(properties.map(api.declaredType), ["String", "String?", "Nullable<String>?", "Double", "String"])
        for (name, property) in zip(api.propertyNames(pet.id, properties), properties) {
            XCTAssertTrue(source.contains("public var \(SwiftNaming.escaped(name)): \(api.declaredType(property))\n"), name)
        }
        XCTAssertEqual(properties.map(GeneratedAPI.hasInitDefault), [false, false, true, false, true])
        XCTAssertTrue(source.contains("self_: Nullable<String>? = nil"), source)
    }
}
