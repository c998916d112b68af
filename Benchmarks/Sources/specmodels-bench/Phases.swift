import Foundation
import SpecModelsKit

/// `specmodels-bench phases SPEC [RUNS]`: the median time of each stage of `generate`, in
/// process, to see where a run's time goes before optimising it. Stages run one after the
/// other on the same inputs; the per-doc and per-model stages use every core, as `generate`
/// does (set SPECMODELS_JOBS=1 to time them serially).
enum Phases {
    static func run(spec: String, runs: Int) throws {
        let scratch = try ScratchFolder("phases")
        defer { scratch.remove() }
        var samples: [(name: String, samples: Samples)] = [
            ("list and read the docs", Samples()),
            ("parse and read the docs, build the graph", Samples()),
            ("  of which: build the graph from the read docs", Samples()),
            ("emit Swift", Samples()),
            ("write into an empty folder", Samples()),
            ("compare with an up-to-date folder", Samples()),
        ]
        for round in 0..<runs {
            var diagnostics = Diagnostics()
            let source = SpecSource(directory: spec)
            var files: [SpecSource.File] = []
            samples[0].samples.append(time { files = source.read(diagnostics: &diagnostics) })
            var graph: TypeGraph?
            samples[1].samples.append(time {
                graph = Generator.buildGraph(from: files, diagnostics: &diagnostics)
            })
            guard let graph, !diagnostics.hasErrors else { throw GenerateRun.Failure(description: "the spec has errors") }
            var documentDiagnostics = Diagnostics()
            let modelsFolder = ModelsFolder(relativePaths: files.map(\.relativePath))
            let documents = files.compactMap { file in
                SpecDocumentReader(relativePath: file.relativePath, displayPath: file.displayPath, modelsFolder: modelsFolder)
                    .read(file.bytes, diagnostics: &documentDiagnostics)
            }
            samples[2].samples.append(time {
                _ = TypeGraphBuilder.build(documents, modelsFolder: modelsFolder, diagnostics: &documentDiagnostics)
            })
            var outputs: [SwiftEmitter.OutputFile] = []
            samples[3].samples.append(time { outputs = SwiftEmitter.emit(graph) })
            let folder = OutputDirectory(path: "\(scratch.path)/out\(round)")
            try samples[4].samples.append(time { _ = try folder.apply(outputs) })
            try samples[5].samples.append(time { _ = try folder.apply(outputs) })
            try? FileManager.default.removeItem(atPath: folder.path)
        }
        print("phases of generate over \(spec), median of \(runs) runs:")
        for (name, measured) in samples {
            print(padded(name, 44) + padded(formatDuration(measured.median), 10, right: true) + padded(formatDuration(measured.minimum), 10, right: true))
        }
    }
}
