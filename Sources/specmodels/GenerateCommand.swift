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

            Exit status: 0 on success; 1 when the spec has errors (or warnings, with \
            --warnings-as-errors) or the output folder cannot be written; 2 when the command \
            line is wrong: an unknown option, a missing spec folder, or an output folder that \
            is refused (`/`, the home folder, the spec folder or a folder that contains it).
            """
    )

    @OptionGroup var options: GenerationOptions

    @Flag(name: .shortAndLong, help: "Do not print the summary line.")
    var quiet = false

    func validate() throws {
        do {
            try OutputDirectory(path: options.output).validate(specDirectory: options.spec)
        } catch let failure as OutputDirectory.Failure {
            throw ValidationError(failure.description)
        }
    }

    func run() throws {
        let output = OutputDirectory(path: options.output)
        // Every problem is reported before anything is written: the spec's, then the output folder's.
        var (files, failed) = options.runGenerator()
        do {
            try output.checkWritable()
        } catch {
            DiagnosticPrinter.printError("error: \(error)")
            failed = true
        }
        if failed {
            throw ExitCode(1)
        }
        let comparison = output.compare(with: files)
        for name in comparison.conflicts {
            let path = options.output.hasSuffix("/") ? options.output + name : "\(options.output)/\(name)"
            DiagnosticPrinter.printError(
                "error: `\(path)` was not written by specmodels and would be overwritten; move it away, or delete it, and run again")
            failed = true
        }
        if failed {
            throw ExitCode(1)
        }
        ProcessExit.keep(comparison)
        let changes: OutputDirectory.Changes
        do {
            changes = try output.apply(comparison)
        } catch {
            DiagnosticPrinter.printError("error: \(error)")
            throw ExitCode(1)
        }
        if !quiet {
            print("\(options.output): \(changes.written.count) written, \(changes.unchanged.count) unchanged, \(changes.removed.count) removed")
        }
    }
}
