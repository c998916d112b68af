import ArgumentParser
import SpecModelsKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fails when the output folder is not what `generate` would write.",
        discussion: "Names each missing, outdated and extra file. Writes nothing."
    )

    @OptionGroup var options: GenerationOptions

    func run() throws {
        let files = try options.generateFiles()
        let staleness = OutputDirectory(path: options.output).staleness(against: files)
        guard !staleness.isUpToDate else {
            print("\(options.output) is up to date (\(files.count) files)")
            return
        }
        for name in staleness.missing {
            DiagnosticPrinter.printError("\(options.output)/\(name): error: missing: run `specmodels generate`")
        }
        for name in staleness.outdated {
            DiagnosticPrinter.printError("\(options.output)/\(name): error: out of date: run `specmodels generate`")
        }
        for name in staleness.extra {
            DiagnosticPrinter.printError("\(options.output)/\(name): error: no longer generated: run `specmodels generate` to remove it")
        }
        throw ExitCode(1)
    }
}
