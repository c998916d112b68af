import ArgumentParser
import Foundation

@main
struct SpecModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specmodels",
        abstract: "Generates Swift models from Speakeasy-style markdown model docs.",
        discussion: """
            Problems are printed to standard error as `path:line:column: error: message`. \
            Exit status: 0 on success; 1 when the spec has errors (or warnings, with \
            --warnings-as-errors), when the output folder cannot be written, or when `check` \
            finds it out of date; 2 when the command line is wrong (an unknown option, a \
            missing spec folder, an output folder that is refused).
            """,
        subcommands: [GenerateCommand.self, CheckCommand.self, DiffCommand.self, LearnKeysCommand.self],
        defaultSubcommand: nil
    )

    /// Like `ParsableCommand.main()`, except that command-line mistakes exit with status 2
    /// (ArgumentParser's default is 64, `EX_USAGE`) so that 1 always means "the spec has
    /// problems" and 2 "the command line is wrong", as in `diff` and `grep`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                DiagnosticPrinter.printError(usageMessage(for: error))
                Foundation.exit(ExitCode.usageError.rawValue)
            }
            exit(withError: error)
        }
    }

    /// ArgumentParser's message in the compiler's lower-case `error:` form.
    private static func usageMessage(for error: any Error) -> String {
        var message = fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
        while message.hasSuffix("\n") { message.removeLast() }
        return message
    }
}

extension ExitCode {
    /// The command line is wrong: see `SpecModelsCommand.main()`.
    static let usageError = ExitCode(2)
}
