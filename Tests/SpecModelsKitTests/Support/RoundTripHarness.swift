import Foundation
import XCTest
@testable import SpecModelsKit

/// Compiles generated models together with a driver that decodes, re-encodes and re-decodes
/// JSON samples, and reports every sample that does not survive the trip.
///
/// Each sample is checked three ways: the first decode succeeds with a plain `JSONDecoder()`,
/// decoding the re-encoded JSON gives an equal value, and the re-encoded JSON is the same tree
/// as the sample (ignoring key order, number spelling, timestamp spelling, and `null` versus a
/// missing key).
struct RoundTripHarness {
    struct Sample {
        /// The Swift type to decode, e.g. `ListInstallationsConnection` or `[String: ProviderInfo]`.
        var swiftType: String
        var json: Data
        /// Where the sample came from, for failure messages.
        var origin: String
        /// When set, decoding must fail; the message must contain this text.
        var expectedFailure: String? = nil
        /// Report every JSON path that does not come back (`LOST` lines) instead of failing
        /// the sample as a whole: for counting keys over payloads that may not all decode.
        var listsLosses = false
    }

    struct Outcome {
        var checked: Int
        var failures: [String]
        /// For samples that list losses: per sample index, the decoding error, if any.
        var undecodable: [Int: String] = [:]
        /// For samples that list losses: per sample index, the JSON paths that did not come
        /// back with their value (`$.data[0].created_at`).
        var lost: [Int: [String]] = [:]
        /// How long compiling the models and the driver took.
        var compileSeconds: Double = 0

        /// The failures by example origin (`path:line`; a union member's second sample,
        /// `path:line as Name`, counts for its example), each with its reasons.
        var failuresByOrigin: [String: [String]] {
            var failures: [String: [String]] = [:]
            for line in self.failures {
                let text = line.dropFirst("FAIL ".count)
                guard let colon = text.range(of: ": ") else { continue }
                let origin = String(text[..<colon.lowerBound].split(separator: " ").first ?? "")
                failures[origin, default: []].append(String(text[colon.upperBound...]))
            }
            return failures
        }
    }

    let test: XCTestCase

    /// - Parameter customChecks: Swift statements run after the samples; they call
    ///   `expect(_:_:)` and may `try` (a thrown error fails the run).
    func run(models: URL, samples: [Sample], workspace: URL, customChecks: String = "") throws -> Outcome {
        let sampleFolder = workspace.appendingPathComponent("samples")
        try FileManager.default.createDirectory(at: sampleFolder, withIntermediateDirectories: true)
        for (index, sample) in samples.enumerated() {
            try sample.json.write(to: sampleFolder.appendingPathComponent("\(index).json"))
        }
        let driver = workspace.appendingPathComponent("RoundTripDriver.swift")
        try Data(Self.driverSource(samples, customChecks: customChecks).utf8).write(to: driver)
        let executable = workspace.appendingPathComponent("roundtrip")
        // The driver uses deprecated models on purpose, so warnings are allowed in it alone.
        let started = Date()
        let compiled = try TestSupport.compile(
            try TestSupport.swiftFiles(in: models) + [driver], moduleName: "RoundTrip", output: executable,
            executable: true, warningsAsErrors: false)
        let compileSeconds = Date().timeIntervalSince(started)
        let modelWarnings = compiled.standardError.split(separator: "\n")
            .filter { $0.contains(": warning:") && !$0.contains("RoundTripDriver.swift") }
        XCTAssertEqual(modelWarnings, [], "the generated models compile with warnings")
        guard compiled.status == 0 else {
            XCTFail("the models and the driver do not compile:\n\(compiled.standardError.prefix(20_000))")
            return Outcome(checked: 0, failures: ["compile failed"], compileSeconds: compileSeconds)
        }
        let result = try TestSupport.run(executable, [sampleFolder.path])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        guard result.status == 0, let summary = lines.last, summary.hasPrefix("round-trip: ") else {
            XCTFail("the driver did not finish (status \(result.status)):\n\(result.standardOutput.suffix(5000))\n\(result.standardError.suffix(5000))")
            return Outcome(checked: 0, failures: ["driver failed"], compileSeconds: compileSeconds)
        }
        var outcome = Self.outcome(of: lines)
        outcome.compileSeconds = compileSeconds
        return outcome
    }

    /// Reads a driver's output lines, the last of which is its `round-trip: N checked` summary.
    static func outcome(of lines: [String]) -> Outcome {
        let summary = lines.last ?? ""
        let checked = Int(summary.dropFirst("round-trip: ".count).split(separator: " ").first ?? "") ?? -1
        var outcome = Outcome(checked: checked, failures: lines.dropLast().filter { $0.hasPrefix("FAIL ") })
        // `LOST <index> <path>` and `UNDECODABLE <index> <error>`.
        for line in lines.dropLast() {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3, let index = Int(parts[1]) else { continue }
            if parts[0] == "LOST" { outcome.lost[index, default: []].append(parts[2]) }
            if parts[0] == "UNDECODABLE" { outcome.undecodable[index] = parts[2] }
        }
        return outcome
    }

    /// How a driver starts.
    enum DriverEntry {
        /// The program's `@main`, reading the sample folder from its first argument.
        case main
        /// A public function `name(folder:)` of a library module, for a program that links
        /// several modules' drivers (each module's models and driver stay in their own namespace).
        case function(String)
    }

    /// A driver with one `check` call per sample, split into functions of 50 calls so that
    /// no function body grows large.
    static func driverSource(_ samples: [Sample], customChecks: String = "", entry: DriverEntry = .main) -> String {
        var source = "import Foundation\n\n"
        switch entry {
        case .main:
            source += "@main\n"
        case .function(let name):
            source += """
                public func \(name)(folder: String) throws {
                    RoundTripDriver.folder = folder
                    try RoundTripDriver.main()
                }


                """
        }
        source += """
            struct RoundTripDriver {
                nonisolated(unsafe) static var folder = ""
                nonisolated(unsafe) static var checked = 0

                static func main() throws {
                    if folder.isEmpty { folder = CommandLine.arguments[1] }

            """
        let chunks = stride(from: 0, to: samples.count, by: 50).map { $0..<min($0 + 50, samples.count) }
        for index in chunks.indices {
            source += "        checks\(index)()\n"
        }
        source += """
                    do {
                        try customChecks()
                    } catch {
                        print("FAIL custom checks threw: \\(error)")
                    }
                    print("round-trip: \\(checked) checked")
                }

                static func expect(_ condition: Bool, _ message: String, line: Int = #line) {
                    checked += 1
                    if !condition { print("FAIL custom check at driver line \\(line): \\(message)") }
                }

                static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
                    try JSONDecoder().decode(T.self, from: Data(json.utf8))
                }

                static func customChecks() throws {

            """
        source += customChecks.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        source += """

                }

                static func read(_ index: Int) -> Data {
                    (try? Data(contentsOf: URL(fileURLWithPath: "\\(folder)/\\(index).json"))) ?? Data()
                }

                static func check<T: Codable & Equatable>(_ type: T.Type, _ index: Int, _ origin: String) {
                    checked += 1
                    let original = read(index)
                    do {
                        let first = try JSONDecoder().decode(T.self, from: original)
                        let encoded = try JSONEncoder().encode(first)
                        let second = try JSONDecoder().decode(T.self, from: encoded)
                        if first != second {
                            print("FAIL \\(origin): decoding the re-encoded JSON gives a different value")
                        }
                        let before = try JSONDecoder().decode(JSONValue.self, from: original)
                        let after = try JSONDecoder().decode(JSONValue.self, from: encoded)
                        if !sameTree(before, after) {
                            print("FAIL \\(origin): the re-encoded JSON differs: \\(after) vs \\(before)")
                        }
                    } catch {
                        print("FAIL \\(origin): \\(error)")
                    }
                }

                /// Prints `UNDECODABLE i error`, or one `LOST i path` per JSON path whose value
                /// does not come back.
                static func checkLosses<T: Codable>(_ type: T.Type, _ index: Int) {
                    checked += 1
                    let original = read(index)
                    do {
                        let encoded = try JSONEncoder().encode(try JSONDecoder().decode(T.self, from: original))
                        let before = try JSONDecoder().decode(JSONValue.self, from: original)
                        let after = try JSONDecoder().decode(JSONValue.self, from: encoded)
                        for path in differences(before, after, path: "$") { print("LOST \\(index) \\(path)") }
                    } catch {
                        print("UNDECODABLE \\(index) \\("\\(error)".split(separator: "\\n").joined(separator: " "))")
                    }
                }

                /// The paths where two trees differ, as deep as both are containers of one kind;
                /// a missing key and `null` are the same.
                static func differences(_ lhs: JSONValue, _ rhs: JSONValue, path: String) -> [String] {
                    switch (lhs, rhs) {
                    case let (.object(left), .object(right)):
                        return Set(left.keys).union(right.keys).sorted().flatMap { key in
                            differences(left[key] ?? .null, right[key] ?? .null, path: appending(key, to: path))
                        }
                    case let (.array(left), .array(right)) where left.count == right.count:
                        return zip(left, right).enumerated().flatMap { differences($1.0, $1.1, path: "\\(path)[\\($0)]") }
                    default:
                        return sameTree(lhs, rhs) ? [] : [path]
                    }
                }

                /// `$.key`, or `$["@odata.id"]` for keys that are not plain words (as `JSONPath` writes them).
                static func appending(_ key: String, to path: String) -> String {
                    let isWord = !key.isEmpty && key.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
                        && !(key.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false)
                    if isWord { return "\\(path).\\(key)" }
                    var quoted = ""
                    for scalar in key.unicodeScalars {
                        switch scalar {
                        case "\\"": quoted += "\\\\\\""
                        case "\\\\": quoted += "\\\\\\\\"
                        case "\\n": quoted += "\\\\n"
                        default: quoted.unicodeScalars.append(scalar)
                        }
                    }
                    return "\\(path)[\\"\\(quoted)\\"]"
                }

                static func checkFails<T: Codable>(_ type: T.Type, _ index: Int, _ origin: String, _ expected: String) {
                    checked += 1
                    do {
                        let value = try JSONDecoder().decode(T.self, from: read(index))
                        print("FAIL \\(origin): decoded \\(value) but should have failed")
                    } catch {
                        let message = "\\(error)"
                        if !message.contains(expected) {
                            print("FAIL \\(origin): the error does not mention \\(expected): \\(message)")
                        }
                    }
                }

                static func sameTree(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
                    switch (lhs, rhs) {
                    case let (.object(left), .object(right)):
                        for key in Set(left.keys).union(right.keys) {
                            if !sameTree(left[key] ?? .null, right[key] ?? .null) { return false }
                        }
                        return true
                    case let (.array(left), .array(right)):
                        return left.count == right.count && zip(left, right).allSatisfy { sameTree($0, $1) }
                    case let (.string(left), .string(right)):
                        if left == right { return true }
                        guard let leftDate = RFC3339Timestamp(rfc3339String: left), let rightDate = RFC3339Timestamp(rfc3339String: right) else {
                            return false
                        }
                        return abs(leftDate.date.timeIntervalSince(rightDate.date)) < 0.000_001
                    default:
                        return lhs == rhs
                    }
                }

            """
        for (chunkIndex, chunk) in chunks.enumerated() {
            source += "    static func checks\(chunkIndex)() {\n"
            for index in chunk {
                let sample = samples[index]
                let origin = SwiftNaming.stringLiteral(sample.origin)
                if sample.listsLosses {
                    source += "        checkLosses(\(sample.swiftType).self, \(index))\n"
                } else if let expected = sample.expectedFailure {
                    source += "        checkFails(\(sample.swiftType).self, \(index), \(origin), \(SwiftNaming.stringLiteral(expected)))\n"
                } else {
                    source += "        check(\(sample.swiftType).self, \(index), \(origin))\n"
                }
            }
            source += "    }\n\n"
        }
        source += "}\n"
        return source
    }
}
