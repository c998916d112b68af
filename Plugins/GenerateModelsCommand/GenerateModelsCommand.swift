import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-models [--target NAME …]`
///
/// Writes the models of each chosen target's `spec/` folder into `Generated/` beside it, for
/// packages that commit generated code. Without `--target`, every target with a `spec/`
/// folder; when there is none, the package's own `spec/` → `Generated/`. It runs the same
/// `specmodels generate` as the build plugin, with the same configuration file.
@main
struct GenerateModelsCommand: CommandPlugin {
    struct Job {
        var label: String
        var directory: String
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        guard extractor.remainingArguments.isEmpty else {
            throw PluginFailure("generate-models: unexpected arguments \(extractor.remainingArguments.joined(separator: " ")); usage: generate-models [--target NAME …]")
        }
        let jobs = try Self.jobs(package: context.package, targetNames: targetNames)
        let tool = try context.tool(named: "specmodels").url.path
        for job in jobs {
            try Self.run(job, tool: tool)
        }
    }

    static func jobs(package: Package, targetNames: [String]) throws -> [Job] {
        if !targetNames.isEmpty {
            let known = Set(package.targets.map(\.name))
            if let unknown = targetNames.first(where: { !known.contains($0) }) {
                throw PluginFailure("generate-models: no target named `\(unknown)` in package `\(package.displayName)`; targets: \(package.targets.map(\.name).sorted().joined(separator: ", "))")
            }
            return try package.targets(named: targetNames).map { target in
                guard let target = target as? SourceModuleTarget else {
                    throw PluginFailure("generate-models: target `\(target.name)` is not a source target")
                }
                let directory = target.directoryURL.path
                guard SpecFolder.isDirectory("\(directory)/\(SpecFolder.folderName)") else {
                    throw PluginFailure("generate-models: target `\(target.name)` has no spec folder: looked for \(directory)/\(SpecFolder.folderName)")
                }
                return Job(label: "target \(target.name)", directory: directory)
            }
        }
        let withSpec = package.targets.compactMap { $0 as? SourceModuleTarget }
            .filter { SpecFolder.isDirectory("\($0.directoryURL.path)/\(SpecFolder.folderName)") }
        if !withSpec.isEmpty {
            return withSpec.map { Job(label: "target \($0.name)", directory: $0.directoryURL.path) }
        }
        let root = package.directoryURL.path
        guard SpecFolder.isDirectory("\(root)/\(SpecFolder.folderName)") else {
            throw PluginFailure("generate-models: no target of `\(package.displayName)` has a spec folder, and neither does the package: looked for \(root)/\(SpecFolder.folderName)")
        }
        return [Job(label: "package \(package.displayName)", directory: root)]
    }

    static func run(_ job: Job, tool: String) throws {
        let configuration = "\(job.directory)/\(SpecFolder.configurationFileName)"
        let output = "\(job.directory)/\(SpecFolder.committedOutputFolderName)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = SpecFolder.generateArguments(
            specDirectory: "\(job.directory)/\(SpecFolder.folderName)", outputDirectory: output,
            configuration: FileManager.default.fileExists(atPath: configuration) ? configuration : nil)
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PluginFailure("generate-models: generating \(job.label) failed; see the errors above")
        }
        print("generate-models: \(job.label): \(output) is up to date")
    }
}
