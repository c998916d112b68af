import ArgumentParser

@main
struct SpecModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specmodels",
        abstract: "Generates Swift models from Speakeasy-style markdown model docs.",
        subcommands: [GenerateCommand.self, CheckCommand.self, DiffCommand.self],
        defaultSubcommand: nil
    )
}
