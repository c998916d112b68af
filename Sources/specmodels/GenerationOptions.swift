import ArgumentParser
import Foundation
import SpecModelsConfiguration
import SpecModelsKit

/// The options `generate` and `check` share.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of markdown model docs.", valueName: "dir"))
    var spec: String = "spec"

    @Option(name: .long, help: ArgumentHelp("The folder the Swift files go to.", valueName: "dir"))
    var output: String = "Generated"

    @Option(name: .long, help: ArgumentHelp(
        "The configuration file. Default: specmodels.yml in the folder that holds the spec folder, when there is one.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Access level of the generated declarations: public, package or internal. Overrides the configuration's accessModifier.", valueName: "level"))
    var accessModifier: EmissionOptions.AccessModifier?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// The configuration file to read: `--config`, or the one beside the spec folder if it exists.
    var configurationPath: String? {
        if let config { return config }
        let beside = Configuration.defaultPath(forSpecDirectory: spec)
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// Runs the pipeline, prints its diagnostics, and returns the files, or exits with
    /// status 1 when there are errors (nothing has been written at that point).
    func generateFiles() throws -> [SwiftEmitter.OutputFile] {
        var diagnostics = Diagnostics()
        var configuration: Configuration?
        if let configurationPath {
            configuration = ConfigurationFile.read(path: configurationPath, diagnostics: &diagnostics)
            try exitIfFailed(diagnostics)
        }
        if let accessModifier {
            configuration?.accessModifier = .init(accessModifier, at: nil)
        }
        let base = EmissionOptions(accessModifier: accessModifier ?? .public)
        let result = Generator.generate(specDirectory: spec, options: base, configuration: configuration)
        diagnostics.append(contentsOf: result.diagnostics)
        try exitIfFailed(diagnostics)
        DiagnosticPrinter.print(diagnostics)
        return result.files
    }

    private func exitIfFailed(_ diagnostics: Diagnostics) throws {
        let failed = diagnostics.hasErrors || (warningsAsErrors && !diagnostics.all.isEmpty)
        if failed {
            DiagnosticPrinter.print(diagnostics)
            throw ExitCode(1)
        }
    }
}

extension EmissionOptions.AccessModifier: ExpressibleByArgument {}
