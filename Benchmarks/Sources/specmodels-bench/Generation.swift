import Foundation
import SpecModelsKit

/// What `specmodels generate --spec … --output …` does, called in-process: validate the
/// folders, read, parse, build the graph, emit, and write what changed.
enum GenerateRun {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter unlimited: lift SpecSource's input limits (100,000 docs, 512 MiB in all),
    ///   which the 100k-doc synthetic spec exceeds (540 MB); the CLI keeps them.
    @discardableResult
    static func run(spec: String, output: String, unlimited: Bool = false) throws -> OutputDirectory.Changes {
        let directory = OutputDirectory(path: output)
        try directory.validate(specDirectory: spec)
        let result: Generator.Result
        if unlimited {
            var limits = SpecSource.Limits()
            limits.fileCount = Int.max
            limits.totalSize = Int.max
            var diagnostics = Diagnostics()
            let source = SpecSource(directory: spec, limits: limits)
            let files = source.read(diagnostics: &diagnostics)
            if diagnostics.hasErrors { throw Failure(description: "cannot read \(spec)") }
            result = Generator.generate(consume files)
        } else {
            result = Generator.generate(specDirectory: spec)
        }
        if result.diagnostics.hasErrors {
            let first = result.diagnostics.sorted.prefix(5).map(\.description).joined(separator: "\n")
            throw Failure(description: "the spec has errors:\n\(first)")
        }
        return try directory.apply(result.files)
    }
}

/// A scratch folder below the system's temporary folder, removed on `remove()`.
struct ScratchFolder {
    let path: String

    init(_ name: String) throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        path = "\(base)/specmodels-bench-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
