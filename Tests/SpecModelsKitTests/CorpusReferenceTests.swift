import Foundation
import XCTest
@testable import SpecModelsKit

/// Pins the exact output for hand-picked docs of the real corpus: an object, an enum, a
/// union, a deprecated type and a model with a keyword field name.
///
/// Code generated from the corpus is not ours to commit, so the pin is a digest of the
/// output rather than the text; `Fixtures/Reference/shop` pins the same shapes readably.
/// When a change to the output is intended, run with `SPECMODELS_PRINT_PINS=1` and review
/// the printed files before updating the digests.
final class CorpusReferenceTests: XCTestCase {
    private static let pins: [(doc: String, shape: String, digest: String)] = [
        ("operations/listinstallationsconnection.md", "object", "7871fa506fc8a2f8"),
        ("operations/authscheme.md", "enum", "7de56de31045116a"),
        ("operations/updateconnectionresponse.md", "union", "925adcde3e5be010"),
        ("operations/valuedefaultlegacy.md", "deprecated union", "1279bc92c5de1af6"),
        ("errors/batchupsertintegrationsinputvalidationissue.md", "keyword field `in`", "c853e36249860577"),
    ]

    func testPinnedCorpusDocs() throws {
        let models = try TestSupport.corpusModels("v4")
        let result = Generator.generate(specDirectory: models.path)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let printing = ProcessInfo.processInfo.environment["SPECMODELS_PRINT_PINS"] == "1"
        for pin in Self.pins {
            let name = SwiftEmitter.outputFileName(forSpecPath: pin.doc)
            let file = try XCTUnwrap(result.files.first { $0.name == name }, name)
            let digest = Self.digest(file.contents)
            if printing { print("// \(pin.doc) (\(pin.shape)) digest \(digest)\n\(file.contents)") }
            XCTAssertEqual(digest, pin.digest, "the output for \(pin.doc) (\(pin.shape)) changed; review it with SPECMODELS_PRINT_PINS=1")
        }
    }

    /// 64-bit FNV-1a, printed as 16 hex digits: enough to notice any change.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
