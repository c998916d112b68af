import Foundation
import XCTest
import SpecModelsSupport

func decode<T: Decodable>(_ type: T.Type, _ json: String, with decoder: JSONDecoder = JSONDecoder()) throws -> T {
    try decoder.decode(T.self, from: Data(json.utf8))
}

func encodeString<T: Encodable>(_ value: T, sorted: Bool = true, with encoder: JSONEncoder = JSONEncoder()) throws -> String {
    if sorted { encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes] }
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Runs `body`, asserts it throws a DecodingError, and returns it.
func expectDecodingError(
    _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
) -> DecodingError? {
    do {
        try body()
        XCTFail("expected a DecodingError, got success", file: file, line: line)
        return nil
    } catch let error as DecodingError {
        return error
    } catch {
        XCTFail("expected a DecodingError, got \(error)", file: file, line: line)
        return nil
    }
}

extension DecodingError {
    var context: Context? {
        switch self {
        case .dataCorrupted(let context): return context
        case .keyNotFound(_, let context): return context
        case .typeMismatch(_, let context): return context
        case .valueNotFound(_, let context): return context
        @unknown default: return nil
        }
    }

    var isDataCorrupted: Bool {
        if case .dataCorrupted = self { return true }
        return false
    }

    /// Coding path as strings, array indices as "#n".
    var path: [String] {
        (context?.codingPath ?? []).map { key in key.intValue.map { "#\($0)" } ?? key.stringValue }
    }
}

func requireSendable<T: Sendable>(_: T.Type) {}
