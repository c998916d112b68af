import Foundation
import PackagePlugin

/// Generates the Swift models of a target's `spec/` folder while the target builds.
///
/// One build command runs `specmodels generate` into the plugin's work folder. It declares
/// every doc, the configuration and the tool itself as inputs and every file it writes as an
/// output, so a build with nothing changed does not run it, and an edited, added or removed
/// doc does. The tool rewrites only files whose contents changed, so the others keep their
/// modification times and are not compiled again.
@main
struct SpecModelsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else {
            throw PluginFailure("SpecModelsPlugin applies to Swift source targets; `\(target.name)` is not one")
        }
        let tool = try context.tool(named: "specmodels")
        return try Self.commands(
            targetName: target.name, targetDirectory: target.directoryURL.path,
            workDirectory: context.pluginWorkDirectoryURL.path, tool: tool.url.path)
    }

    static func commands(targetName: String, targetDirectory: String, workDirectory: String, tool: String) throws -> [Command] {
        let spec = "\(targetDirectory)/\(SpecFolder.folderName)"
        guard SpecFolder.isDirectory(spec) else {
            throw PluginFailure(
                "SpecModelsPlugin: target `\(targetName)` has no spec folder: looked for \(spec). Put the markdown model docs there, or remove the plugin from the target.")
        }
        let documents = SpecFolder.documentPaths(in: spec)
        let configuration = "\(targetDirectory)/\(SpecFolder.configurationFileName)"
        let hasConfiguration = FileManager.default.fileExists(atPath: configuration)
        let output = "\(workDirectory)/GeneratedModels"

        var inputs = documents.map { URL(fileURLWithPath: "\(spec)/\($0)") }
        if hasConfiguration { inputs.append(URL(fileURLWithPath: configuration)) }
        // A new tool may generate different code.
        inputs.append(URL(fileURLWithPath: tool))
        let outputs = SpecFolder.outputFileNames(forDocuments: documents).map { URL(fileURLWithPath: "\(output)/\($0)") }
        return [
            .buildCommand(
                displayName: "SpecModels: generating \(documents.count) models for \(targetName)",
                executable: URL(fileURLWithPath: tool),
                arguments: SpecFolder.generateArguments(
                    specDirectory: spec, outputDirectory: output, configuration: hasConfiguration ? configuration : nil),
                environment: [:],
                inputFiles: inputs,
                outputFiles: outputs),
        ]
    }
}
