import Foundation
import XCTest
@testable import SpecModelsKit

/// Paths, the corpus, temporary folders and the Swift compiler, for tests.
enum TestSupport {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SpecModelsKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/SpecModelsKitTests/Fixtures")

    /// The `models` folder of one corpus version (`v1` … `v4`). Skips when `SPECMODELS_CORPUS`
    /// is unset; fails when it is set but the folder is missing.
    static func corpusModels(_ version: String) throws -> URL {
        try corpusFolder("ampersand/\(version)/models")
    }

    /// A folder of the corpus (`dwolla/models`). Skips when `SPECMODELS_CORPUS` is unset; fails
    /// when it is set but the folder is missing.
    static func corpusFolder(_ path: String) throws -> URL {
        guard let root = ProcessInfo.processInfo.environment["SPECMODELS_CORPUS"], !root.isEmpty else {
            throw XCTSkip("set SPECMODELS_CORPUS (make test does, when ../shared/specs exists) to run the corpus tests")
        }
        let folder = URL(fileURLWithPath: root).appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusMissing(path: folder.path)
        }
        return folder
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "SPECMODELS_CORPUS is set but \(path) does not exist" }
    }

    static let corpusVersions = ["v1", "v2", "v3", "v4"]

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase, name: String = #function) throws -> URL {
        let safeName = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("specmodels-tests-\(safeName)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `files` (relative path → contents) below `root`.
    static func write(_ files: [String: String], to root: URL) throws {
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// Runs the generator over in-memory docs (relative path → markdown).
    static func generate(_ docs: [String: String], options: EmissionOptions = EmissionOptions()) -> Generator.Result {
        let files = docs.keys.sorted().map { path in
            SpecSource.File(relativePath: path, displayPath: path, bytes: Array(docs[path, default: ""].utf8))
        }
        return Generator.generate(files, options: options)
    }

    /// The built `specmodels` executable, next to the test bundle.
    static var specmodelsExecutable: URL {
        get throws {
            // Linux runs the tests from `.build/debug/<Package>PackageTests.xctest`; macOS loads a
            // bundle from the same folder. The executable sits beside either.
            let starts = [Bundle.main.bundleURL, Bundle(for: BundleLocator.self).bundleURL, Bundle.main.executableURL]
            for start in starts.compactMap({ $0 }) {
                var folder = start
                for _ in 0..<3 {
                    let candidate = folder.appendingPathComponent("specmodels")
                    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                    folder = folder.deletingLastPathComponent()
                }
            }
            throw XCTSkip("the specmodels executable was not built next to the tests; run `swift build` first (make test does)")
        }
    }

    private final class BundleLocator {}

    struct ProcessResult {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs a program to completion and collects its output.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while the process runs, so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            outputData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errorData = error.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// The Swift toolchain's `swiftc`, found beside `swift` on the PATH or in the toolchain.
    static var swiftc: URL {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            let path = environment["PATH", default: "/usr/bin"].split(separator: ":").map(String.init)
            for folder in path + ["/opt/swift/usr/bin", "/usr/bin"] {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent("swiftc")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            throw XCTSkip("swiftc not found on PATH")
        }
    }

    /// Compiles Swift files into a library (or an executable when `executable` is given)
    /// in Swift 6 mode with warnings as errors; returns the compiler's diagnostics on failure.
    static func compile(
        _ sources: [URL], moduleName: String, output: URL, executable: Bool = false, warningsAsErrors: Bool = true
    ) throws -> ProcessResult {
        var arguments = ["-swift-version", "6", "-diagnostic-style", "llvm", "-module-name", moduleName, "-wmo", "-num-threads", "2", "-Onone"]
        if warningsAsErrors { arguments.append("-warnings-as-errors") }
        arguments += executable ? ["-o", output.path] : ["-parse-as-library", "-emit-library", "-o", output.path]
        arguments += sources.map(\.path)
        return try run(try swiftc, arguments)
    }

    /// Type-checks Swift files as one library module in Swift 6 mode with warnings as errors,
    /// without generating code: every error and warning a compile reports, at a seventh of the
    /// time (11 s against 75 s for ampersand v1 on two busy cores).
    static func typecheck(_ sources: [URL], moduleName: String) throws -> ProcessResult {
        var arguments = ["-swift-version", "6", "-diagnostic-style", "llvm", "-module-name", moduleName, "-wmo", "-Onone"]
        arguments += ["-warnings-as-errors", "-parse-as-library", "-typecheck"]
        arguments += sources.map(\.path)
        return try run(try swiftc, arguments)
    }

    static func swiftFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
