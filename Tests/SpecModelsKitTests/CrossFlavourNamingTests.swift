import Foundation
import XCTest
@testable import SpecModelsKit

/// Names do not depend on the SDK language of the docs: one API's docs in two languages give
/// the same Swift property and case names. Fields are the first column of `## Fields` tables
/// (TypeScript and Java `docId`, C# `DocId`, Go `DocID`, Python `doc_id`); only the doc reader
/// runs, so the Type cells of every language are left unread.
///
/// Types are matched by their `#` heading (headings that two docs of one corpus share are left
/// out), fields by their place when both tables have as many rows, otherwise by their letters
/// and digits alone (`DocID` ~ `doc_id`), and enum values by value. Every matched pair gives
/// one Swift name but the listed ones, which differ in what the name says, not in its spelling.
final class CrossFlavourNamingTests: XCTestCase {
    func testApideckTypeScriptJavaAndCSharpGiveTheSameNames() throws {
        let typeScript = try Self.names(in: TestSupport.corpusFolder("apideck/models"))
        let java = try Self.names(in: TestSupport.corpusFolder("flavours/java-apideck/models"))
        let cSharp = try Self.names(in: TestSupport.corpusFolder("flavours/csharp-apideck/Models"))
        assertAgreement(typeScript, java, label: "apideck TypeScript / Java", differences: [])
        assertAgreement(typeScript, cSharp, label: "apideck TypeScript / C#", differences: [
            // C# cannot name a property like its class, so Speakeasy appends `Value`.
            "Email.email / EmailValue"
        ])
    }

    func testGleanPythonAndGoGiveTheSameNames() throws {
        let python = try Self.names(in: TestSupport.corpusFolder("flavours/python-glean/models"))
        let go = try Self.names(in: TestSupport.corpusFolder("flavours/go-glean/models"))
        assertAgreement(python, go, label: "glean Python / Go", differences: [
            // Python documents the extra keys by pydantic's attribute for them (its flavour reads
            // that field as `additionalProperties`, after this name-only comparison).
            "AiAppActionCounts.__pydantic_extra__ / AdditionalProperties"
        ])
    }

    /// The documented names of one corpus: each object's field names and each enum's values,
    /// by heading.
    struct CorpusNames {
        var fields: [String: [String]] = [:]
        var enums: [String: [EnumValue]] = [:]
    }

    static func names(in folder: URL) throws -> CorpusNames {
        var diagnostics = Diagnostics()
        let files = SpecSource(directory: folder.path).read(diagnostics: &diagnostics)
        var names = CorpusNames()
        var seen: [String: Int] = [:]
        for file in files {
            let reader = SpecDocumentReader(relativePath: file.relativePath, displayPath: file.displayPath)
            guard let document = reader.read(file.bytes, diagnostics: &diagnostics) else { continue }
            seen[document.name, default: 0] += 1
            switch document.body {
            case .object(let fields): names.fields[document.name] = fields.map(\.name)
            case .enumeration(let values): names.enums[document.name] = values
            case .union, .unknown: break
            }
        }
        for (heading, count) in seen where count > 1 {
            names.fields[heading] = nil
            names.enums[heading] = nil
        }
        return names
    }

    /// The fields two corpora both document, paired as the type's description says.
    static func fieldPairs(_ left: CorpusNames, _ right: CorpusNames) -> [(type: String, left: String, right: String)] {
        var pairs: [(String, String, String)] = []
        for (type, leftFields) in left.fields.sorted(by: { $0.key < $1.key }) {
            guard let rightFields = right.fields[type] else { continue }
            if leftFields.count == rightFields.count {
                pairs += zip(leftFields, rightFields).map { (type, $0, $1) }
                continue
            }
            var byLetters: [String: String] = [:]
            for field in rightFields { byLetters[letters(field)] = field }
            for field in leftFields {
                if let other = byLetters[letters(field)] { pairs.append((type, field, other)) }
            }
        }
        return pairs
    }

    /// `DocID`, `doc_id` → `docid`.
    static func letters(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }

    /// Prints the share of matched names that give one Swift name, and checks that the pairs
    /// that do not are exactly `differences` (`Type.left / right` or `Enum.leftCase / .rightCase`).
    private func assertAgreement(_ left: CorpusNames, _ right: CorpusNames, label: String, differences: [String]) {
        let pairs = Self.fieldPairs(left, right)
        let differingFields = pairs.filter { SwiftNaming.memberName($0.left) != SwiftNaming.memberName($0.right) }
        var casePairs = 0
        var differingCases: [String] = []
        for (type, leftValues) in left.enums.sorted(by: { $0.key < $1.key }) {
            guard let rightValues = right.enums[type] else { continue }
            let leftNames = MemberNaming.caseNames(of: leftValues, enumName: type)
            let rightNames = MemberNaming.caseNames(of: rightValues, enumName: type)
            var rightByValue: [EnumValue.Literal: String] = [:]
            for (value, name) in zip(rightValues, rightNames) { rightByValue[value.value] = name }
            for (value, name) in zip(leftValues, leftNames) {
                guard let other = rightByValue[value.value] else { continue }
                casePairs += 1
                if other != name { differingCases.append("\(type).\(name) / .\(other)") }
            }
        }
        func share(_ same: Int, of all: Int) -> String {
            "\(same)/\(all) (\(String(format: "%.2f", all == 0 ? 0 : 100 * Double(same) / Double(all)))%)"
        }
        print("""
            \(label): \(share(pairs.count - differingFields.count, of: pairs.count)) fields and \
            \(share(casePairs - differingCases.count, of: casePairs)) enum cases give one Swift name
            """)
        XCTAssertGreaterThan(pairs.count, 1_000, "\(label): too few fields matched; are both corpora there?")
        XCTAssertGreaterThan(casePairs, 500, "\(label): too few enum values matched; are both corpora there?")
        let found = differingFields.map { "\($0.type).\($0.left) / \($0.right)" } + differingCases
        XCTAssertEqual(found, differences, label)
    }
}
