import ArgumentParser
import SpecModelsKit

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes the Swift models for a spec folder.",
        discussion: """
            Only files whose contents changed are rewritten, each atomically; files that an \
            earlier run generated and that no longer have a source are removed. No other file \
            in the output folder is touched. With any error, nothing is written.
            """
    )

    @OptionGroup var options: GenerationOptions

    @Flag(name: .shortAndLong, help: "Do not print the summary line.")
    var quiet = false

    func run() throws {
        let output = OutputDirectory(path: options.output)
        do {
            try output.validate(specDirectory: options.spec)
        } catch {
            DiagnosticPrinter.printError("error: \(error)")
            throw ExitCode(1)
        }
        let files = try options.generateFiles()
        let changes: OutputDirectory.Changes
        do {
            changes = try output.apply(files)
        } catch {
            DiagnosticPrinter.printError("error: \(error)")
            throw ExitCode(1)
        }
        if !quiet {
            print("\(options.output): \(changes.written.count) written, \(changes.unchanged.count) unchanged, \(changes.removed.count) removed")
        }
    }
}
