import Foundation
import XCTest
@testable import SpecModelsConfiguration
@testable import SpecModelsKit

/// What the generated code does with real JSON, on self-written fixtures
/// (`Fixtures/Semantics`, `Fixtures/Reference/shop` and `Fixtures/MissingTypes`): each case
/// is compiled with the models and run.
final class SemanticsTests: XCTestCase {
    func testGeneratedCodeOnHandWrittenPayloads() throws {
        let workspace = try TestSupport.temporaryDirectory(self)
        let models = workspace.appendingPathComponent("Models")
        for spec in ["Semantics/spec", "Reference/shop/spec"] {
            let result = Generator.generate(specDirectory: TestSupport.fixtures.appendingPathComponent(spec).path)
            XCTAssertEqual(result.diagnostics.all.map(\.description), [], spec)
            // Both sets share the support file; write each model file once.
            _ = try OutputDirectory(path: models.path).apply(result.files)
            try? FileManager.default.removeItem(at: models.appendingPathComponent(OutputDirectory.manifestName))
        }
        // Docs that name types the spec does not have, with `missingTypes: jsonValue` from the
        // specmodels.yml beside them: a warning at each reference.
        let missing = TestSupport.fixtures.appendingPathComponent("MissingTypes")
        var configurationDiagnostics = Diagnostics()
        let configuration = ConfigurationFile.read(
            path: missing.appendingPathComponent("specmodels.yml").path, diagnostics: &configurationDiagnostics)
        XCTAssertEqual(configurationDiagnostics.all.map(\.description), [])
        let result = Generator.generate(specDirectory: missing.appendingPathComponent("spec").path, configuration: configuration)
        let note = "it becomes `JSONValue` until the doc is added (missingTypes: jsonValue)"
        XCTAssertEqual(result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: missing.path + "/", with: "") }, [
            "spec/account.md:9:15: warning: link `../models/accounttype.md` points to `accounttype.md`, which is not in the spec; \(note); did you mean `account.md`?",
            "spec/account.md:10:16: warning: unknown type `models.Owner`: no model doc declares it; \(note)",
            "spec/operations/batch.md:7:6: warning: unknown type `models.Archive`: no model doc declares it; \(note)",
            "spec/operations/batch.md:9:6: warning: unknown type `models.Restore`: no model doc declares it; \(note); did you mean `models.Rename`?",
            "spec/updatecustomer.md:7:6: warning: unknown type `models.DeactivateCustomer`: no model doc declares it; \(note); did you mean `models.UpdateCustomer`?",
            "spec/updatecustomer.md:23:6: warning: unknown type `models.Suspend`: no model doc declares it; \(note)",
        ])
        _ = try OutputDirectory(path: models.path).apply(result.files)
        try? FileManager.default.removeItem(at: models.appendingPathComponent(OutputDirectory.manifestName))
        let keywordKeys = [
            "in", "type", "default", "protocol", "internal", "extension", "operator", "private", "self", "Type",
            "required", "override", "actor", "prefix", "class", "func", "let", "var", "return", "import", "init",
            "deinit", "subscript", "Self", "Any", "Protocol", "true", "nil", "static", "1st", "with-dash",
            "dot.name", "with space", "_under", "camelCase", "snake_case", "SCREAMING_CASE",
        ]
        let keywordJSON = "{" + keywordKeys.enumerated().map { "\"\($1)\": \"v\($0)\"" }.joined(separator: ", ") + "}"
        let samples: [RoundTripHarness.Sample] = [
            // Every keyword and non-identifier key round-trips under its own wire name.
            .init(swiftType: "Keywords", json: Data(keywordJSON.utf8), origin: "keywords"),
            // Open enums keep values the spec does not list, and re-encode them unchanged.
            .init(swiftType: "Color", json: Data(#""ultraviolet""#.utf8), origin: "unknown enum value"),
            .init(swiftType: "[Color]", json: Data(#"["red", "dark-blue", "1.0", "10", "unrecognized", "Red"]"#.utf8), origin: "enum values"),
            .init(swiftType: "Priority", json: Data("7".utf8), origin: "unknown numeric enum value"),
            .init(swiftType: "OrderStatus", json: Data(#""none""#.utf8), origin: "enum value none"),
            // Timestamps with 0, 3, 6 and 9 fractional digits and offsets.
            .init(swiftType: "Literals", json: Data(#"{"kind": "entry", "stamps": ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123Z", "2024-01-01T00:00:00.123456Z", "2024-01-01T00:00:00.123456789Z", "2024-01-01T02:00:00+02:00"], "when": "2023-07-13T21:34:44.816354Z", "day": "2024-02-29", "enabled": true, "content": "AAEC", "file": "aGk="}"#.utf8), origin: "literals, bytes, dates"),
            // A model that contains itself, through a field and through a union.
            .init(swiftType: "Node", json: Data(#"{"value": 1, "next": {"value": 2, "next": {"value": 3}, "tree": {"value": 4}}, "children": [{"value": 5}], "tree": "leaf"}"#.utf8), origin: "recursion"),
            .init(swiftType: "Order", json: Data(#"{"id": "o-2", "status": "placed", "placedAt": "2024-02-29T12:00:00.5+02:00", "lines": [{"sku": "a", "quantity": 1, "Type": "t"}], "previous": {"id": "o-1", "status": "in_transit", "placedAt": "2024-01-01T00:00:00Z", "lines": []}, "shipping-address": {"zip code": "1"}, "coupon": "SAVE"}"#.utf8), origin: "order"),
            .init(swiftType: "LookupResponse", json: Data(#"{"key": {"sku": "a", "quantity": 2}}"#.utf8), origin: "union map member"),
            // Missing docs hold the JSON as sent.
            .init(swiftType: "UpdateCustomer", json: Data(#"{"status": "deactivated"}"#.utf8), origin: "missing union member"),
            .init(swiftType: "UpdateCustomer", json: Data(#"{"name": "Jane", "note": "n"}"#.utf8), origin: "documented union member"),
            .init(swiftType: "Account", json: Data(#"{"type": "virtual", "owners": [{"id": 1}], "update": {"name": "J"}, "batch": [1, "a"]}"#.utf8), origin: "missing field types"),
            // What must not decode.
            .init(swiftType: "Literals", json: Data(#"{"kind": "exit"}"#.utf8), origin: "wrong string literal", expectedFailure: "expected the literal \"entry\""),
            .init(swiftType: "Literals", json: Data(#"{"kind": "entry", "enabled": false}"#.utf8), origin: "wrong boolean literal", expectedFailure: "expected the literal true"),
            .init(swiftType: "Literals", json: Data(#"{"kind": "entry", "when": "2023-02-29T00:00:00Z"}"#.utf8), origin: "invalid date", expectedFailure: "when"),
            .init(swiftType: "Literals", json: Data(#"{"kind": "entry", "day": "2023-13-01"}"#.utf8), origin: "invalid day", expectedFailure: "day"),
            .init(swiftType: "Shape", json: Data(#"{"radius": 2}"#.utf8), origin: "no union member fits", expectedFailure: "Circle"),
        ]
        let checks = #"""
            // The failure of a union lists every member.
            do {
                _ = try decode(Shape.self, #"{"radius": 2}"#)
                expect(false, "Shape decoded without an id")
            } catch {
                let message = "\(error)"
                expect(message.contains("edge.Circle") && message.contains("edge.Square") && message.contains("number"), message)
            }
            // Overlapping members: the one without leftover keys wins; ties go to the first.
            if case .circle = try decode(Shape.self, #"{"id": "a"}"#) {} else { expect(false, "tie should pick Circle") }
            if case .square = try decode(Shape.self, #"{"id": "a", "side": 2}"#) {} else { expect(false, "side fits Square alone") }
            if case .number(let value) = try decode(Shape.self, "3") { expect(value == 3, "number payload") } else { expect(false, "3 is a number") }
            // Unknown enum values are kept and encode back as sent.
            let color = try decode(Color.self, #""ultraviolet""#)
            expect(color == .unrecognized("ultraviolet"), "unknown value kept: \(color)")
            expect(String(decoding: try JSONEncoder().encode(color), as: UTF8.self) == #""ultraviolet""#, "re-encoded as sent")
            expect(Color(rawValue: "unrecognized") == .unrecognized2, "a value named unrecognized keeps its own case")
            expect(Color.allKnownCases.count == 10, "allKnownCases lists the spec's values")
            // Timestamps decode to the exact instant, whatever the decoder's date strategy.
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            let literals = try decoder.decode(Literals.self, from: Data(#"{"kind": "entry", "when": "2023-07-13T21:34:44.816354Z", "stamps": ["2024-01-01T02:00:00.5+02:00", "2024-01-01T00:00:00.123456789Z"]}"#.utf8))
            expect(abs((literals.when?.timeIntervalSince1970 ?? 0) - 1_689_284_084.816354) < 0.000_001, "microseconds kept")
            expect(literals.stamps?.first?.timeIntervalSince1970 == 1_704_067_200.5, "offset applied")
            expect(abs((literals.stamps?.last?.timeIntervalSince1970 ?? 0) - 1_704_067_200.123456789) < 0.000_001, "nanoseconds read")
            let encodedWhen = String(decoding: try JSONEncoder().encode(literals), as: UTF8.self)
            expect(encodedWhen.contains(#""when":"2023-07-13T21:34:44.816354Z""#), "encoded as RFC 3339 with fractional seconds: \(encodedWhen)")
            expect(literals.kind == "entry" && Literals().kind == "entry", "a literal field defaults to its literal")
            // Models named like standard types do not shadow them.
            let bytes: Data = Data([1, 2, 3])
            let now: Date = Date(timeIntervalSince1970: 0)
            let failure: Result<Int, any Error> = .success(1)
            expect(bytes.count == 3 && now.timeIntervalSince1970 == 0, "Foundation's Data and Date still resolve")
            if case .success = failure {} else { expect(false, "Swift's Result still resolves") }
            expect(DataModel(value: "d").value == "d" && TypeModel(value: "t").value == "t" && ErrorModel(value: "e").value == "e", "renamed models")
            // The recursive field keeps value semantics.
            var first = try decode(Node.self, #"{"value": 1, "next": {"value": 2}}"#)
            let copy = first
            first.next?.value = 20
            expect(copy.next?.value == 2 && first.next?.value == 20, "Indirect storage has value semantics")
            // A member the spec documents wins over missing ones listed before it, even with keys left over.
            if case .rename(let rename) = try decode(UpdateCustomer.self, #"{"name": "Jane"}"#) {
                expect(rename.name == "Jane", "Rename's payload")
            } else {
                expect(false, "{name} fits Rename")
            }
            if case .rename = try decode(UpdateCustomer.self, #"{"name": "Jane", "status": "suspended"}"#) {} else {
                expect(false, "Rename decodes, so it wins over the missing members although a key is left over")
            }
            // What no documented member fits is kept as sent, in the first missing member's case.
            let deactivate = try decode(UpdateCustomer.self, #"{"status": "suspended"}"#)
            expect(deactivate == .deactivateCustomer(.object(["status": .string("suspended")])), "kept as JSON: \(deactivate)")
            expect(try decode(UpdateCustomer.self, #""x""#) == .deactivateCustomer(.string("x")), "any JSON fits a missing member")
            expect(String(decoding: try JSONEncoder().encode(UpdateCustomer.suspend(.bool(true))), as: UTF8.self) == "true", "encoded as the JSON it holds")
            // Fields and unions whose types are missing hold any JSON.
            let account = try decode(Account.self, #"{"type": "virtual", "owners": [{"id": 1}], "batch": {"op": "archive"}}"#)
            expect(account.type == .string("virtual") && account.owners == [.object(["id": .number(1)])], "missing field types")
            expect(account.batch == .archive(.object(["op": .string("archive")])), "a union of missing members: the first")
            // Keywords are usable as ordinary properties.
            let keywords = try decode(Keywords.self, #"{"in": "a", "self": "b", "Type": "c", "1st": "d", "SCREAMING_CASE": "e"}"#)
            expect(keywords.in == "a" && keywords.self_ == "b" && keywords.type2 == "c" && keywords._1st == "d" && keywords.screamingCase == "e", "keyword fields")
            """#
        let outcome = try RoundTripHarness(test: self).run(models: models, samples: samples, workspace: workspace, customChecks: checks)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertGreaterThanOrEqual(outcome.checked, samples.count + 21)
    }
}
