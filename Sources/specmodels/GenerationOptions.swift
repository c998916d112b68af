import ArgumentParser
import SpecModelsKit

/// The options `generate` and `check` share.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of markdown model docs.", valueName: "dir"))
    var spec: String = "spec"

    @Option(name: .long, help: ArgumentHelp("The folder the Swift files go to.", valueName: "dir"))
    var output: String = "Generated"

    @Option(name: .long, help: ArgumentHelp("Access level of the generated declarations: public, package or internal.", valueName: "level"))
    var accessModifier: EmissionOptions.AccessModifier?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    var emissionOptions: EmissionOptions {
        EmissionOptions(accessModifier: accessModifier ?? .public)
    }

    /// Runs the pipeline, prints its diagnostics, and returns the files, or exits with
    /// status 1 when there are errors (nothing has been written at that point).
    func generateFiles() throws -> [SwiftEmitter.OutputFile] {
        let result = Generator.generate(specDirectory: spec, options: emissionOptions)
        DiagnosticPrinter.print(result.diagnostics)
        let failed = result.diagnostics.hasErrors
            || (warningsAsErrors && !result.diagnostics.all.isEmpty)
        if failed {
            throw ExitCode(1)
        }
        return result.files
    }
}

extension EmissionOptions.AccessModifier: ExpressibleByArgument {}
