import Foundation
import XCTest
@testable import SpecModelsKit

/// Several generated outputs round-tripped by one program: each output is compiled once
/// (whole-module, Swift 6) as a library module of its own together with its round-trip driver,
/// and one small program links every module that compiled and runs each driver in turn.
///
/// Outputs of different doc sets cannot share a module (each has its own support file and
/// models of the same names), and a program per output would pay a driver, a link and a
/// start-up per set; here the models are the only thing compiled per set.
struct LinkedRoundTrip {
    /// One generated output and the samples to check against it.
    struct Module {
        /// A Swift module name, unique in the program.
        var name: String
        /// The folder of generated `.swift` files.
        var models: URL
        var samples: [RoundTripHarness.Sample]
    }

    /// What happened to one module.
    struct Result {
        var compileSeconds: Double
        /// The compiler's errors (and the models' warnings, which fail the module too); empty
        /// when it compiled cleanly.
        var compileErrors: [String]
        /// The driver's outcome; `nil` when the module did not compile or the program stopped
        /// before its driver finished.
        var outcome: RoundTripHarness.Outcome?
    }

    /// The results by module name, and how long linking and running the program took.
    struct Run {
        var results: [String: Result]
        var linkSeconds: Double
        var runSeconds: Double
        /// The program's standard error when it stopped early (a crash in some driver).
        var programError: String?
    }

    static func run(_ modules: [Module], workspace: URL) throws -> Run {
        let interfaces = workspace.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: interfaces, withIntermediateDirectories: true)
        var results: [String: Result] = [:]
        var linked: [(module: Module, object: URL, samples: URL)] = []
        for module in modules {
            let folder = workspace.appendingPathComponent("driver-\(module.name)")
            let samples = folder.appendingPathComponent("samples")
            try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true)
            for (index, sample) in module.samples.enumerated() {
                try sample.json.write(to: samples.appendingPathComponent("\(index).json"))
            }
            let driver = folder.appendingPathComponent("RoundTripDriver.swift")
            let source = RoundTripHarness.driverSource(module.samples, entry: .function(entryPoint(module.name)))
            try Data(source.utf8).write(to: driver)
            let object = folder.appendingPathComponent("\(module.name).o")
            let started = Date()
            let compiled = try TestSupport.run(try TestSupport.swiftc, [
                "-swift-version", "6", "-diagnostic-style", "llvm", "-module-name", module.name, "-wmo", "-Onone",
                "-parse-as-library", "-emit-module", "-emit-module-path",
                interfaces.appendingPathComponent("\(module.name).swiftmodule").path, "-c", "-o", object.path,
            ] + (try TestSupport.swiftFiles(in: module.models) + [driver]).map(\.path))
            // The driver uses deprecated models on purpose, so warnings are allowed in it alone.
            let problems = compiled.standardError.split(separator: "\n").map(String.init).filter {
                $0.contains(": error: ") || ($0.contains(": warning: ") && !$0.contains("RoundTripDriver.swift"))
            }
            let failed = compiled.status != 0
            results[module.name] = Result(
                compileSeconds: Date().timeIntervalSince(started),
                compileErrors: failed && problems.isEmpty ? ["swiftc exited with \(compiled.status)"] : problems)
            if !failed { linked.append((module, object, samples)) }
        }
        guard !linked.isEmpty else { return Run(results: results, linkSeconds: 0, runSeconds: 0) }

        var main = "import Foundation\n"
        for entry in linked { main += "import \(entry.module.name)\n" }
        main += "\n"
        for entry in linked {
            main += "print(\"MODULE \(entry.module.name)\")\n"
            main += "try \(entryPoint(entry.module.name))(folder: \(SwiftNaming.stringLiteral(entry.samples.path)))\n"
        }
        let mainFile = workspace.appendingPathComponent("main.swift")
        try Data(main.utf8).write(to: mainFile)
        let program = workspace.appendingPathComponent("roundtrip")
        let linkStarted = Date()
        let link = try TestSupport.run(try TestSupport.swiftc, [
            "-swift-version", "6", "-diagnostic-style", "llvm", "-Onone", "-I", interfaces.path, "-o", program.path,
            mainFile.path,
        ] + linked.map(\.object.path))
        let linkSeconds = Date().timeIntervalSince(linkStarted)
        guard link.status == 0 else {
            throw LinkFailure(description: "the round-trip program does not link:\n\(link.standardError.prefix(10_000))")
        }
        let runStarted = Date()
        let ran = try TestSupport.run(program, [])
        let runSeconds = Date().timeIntervalSince(runStarted)

        // `MODULE name` starts each driver's lines; a driver's last line is its summary.
        var current: String?
        var lines: [String: [String]] = [:]
        for line in ran.standardOutput.split(separator: "\n").map(String.init) {
            if line.hasPrefix("MODULE ") {
                current = String(line.dropFirst("MODULE ".count))
            } else if let current {
                lines[current, default: []].append(line)
            }
        }
        for entry in linked {
            let output = lines[entry.module.name] ?? []
            guard output.last?.hasPrefix("round-trip: ") == true else { continue }
            results[entry.module.name]?.outcome = RoundTripHarness.outcome(of: output)
        }
        return Run(
            results: results, linkSeconds: linkSeconds, runSeconds: runSeconds,
            programError: ran.status == 0 ? nil : "status \(ran.status): \(ran.standardError.suffix(5000))")
    }

    /// The public function through which the program runs a module's driver.
    private static func entryPoint(_ module: String) -> String { "roundTrip\(module)" }

    struct LinkFailure: Error, CustomStringConvertible {
        var description: String
    }
}
