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

    @Option(name: .long, help: ArgumentHelp("Access level of the generated declarations: public, package or internal.", valueName: "level"))
    var accessModifier: EmissionOptions.AccessModifier?

    @Option(name: .long, help: ArgumentHelp(
        "What a reference to a doc the spec does not have becomes; overrides missingTypes in the configuration.",
        valueName: "policy"))
    var missingTypes: MissingTypes?

    @Option(name: .long, help: ArgumentHelp(
        "What a Type cell or member heading that cannot be read becomes; overrides unknownTypes in the configuration.",
        valueName: "policy"))
    var unknownTypes: UnknownTypes?

    @Flag(name: .long, help: "Treat warnings as errors: exit with status 1 and write nothing when there are any.")
    var warningsAsErrors = false

    /// The configuration file to read: `--config`, or the one beside the spec folder if it exists.
    var configurationPath: String? {
        if let config { return config }
        let beside = Configuration.defaultPath(forSpecDirectory: spec)
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// A spec folder that is missing or a file is a mistake on the command line (exit status 2),
    /// not a problem in the spec; so is a `--config` file that does not exist.
    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory) else {
            throw ValidationError("the spec folder `\(spec)` does not exist: pass the folder of model docs with --spec <dir>")
        }
        guard isDirectory.boolValue else {
            throw ValidationError("`\(spec)` is a file, not a folder: pass the folder of model docs with --spec <dir>")
        }
        if output.isEmpty {
            throw ValidationError("the output folder path is empty: pass a folder such as --output Generated")
        }
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ValidationError("the configuration file `\(config)` does not exist: pass a specmodels.yml with --config <file>, or leave --config out")
        }
    }

    /// Reads the configuration, runs the pipeline and prints the diagnostics of both.
    /// `failed` is set when there are errors, or warnings under `--warnings-as-errors`;
    /// `files` is then empty.
    func runGenerator() -> (files: [SwiftEmitter.OutputFile], failed: Bool) {
        var diagnostics = Diagnostics()
        var configuration: Configuration?
        if let configurationPath {
            configuration = ConfigurationFile.read(path: configurationPath, diagnostics: &diagnostics)
        }
        var files: [SwiftEmitter.OutputFile] = []
        if !diagnostics.hasErrors {
            if let accessModifier {
                configuration?.accessModifier = .init(accessModifier, at: nil)
            }
            let base = EmissionOptions(accessModifier: accessModifier ?? .public)
            let result = Generator.generate(
                specDirectory: spec, options: base, missingTypes: missingTypes, unknownTypes: unknownTypes,
                configuration: configuration)
            diagnostics.append(contentsOf: result.diagnostics)
            files = result.files
            ProcessExit.keep(result)
        }
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.hasErrors {
            return ([], true)
        }
        if warningsAsErrors, !diagnostics.all.isEmpty {
            let count = diagnostics.all.count
            DiagnosticPrinter.printError("error: \(count) warning\(count == 1 ? "" : "s") treated as error\(count == 1 ? "" : "s") (--warnings-as-errors)")
            return ([], true)
        }
        return (files, false)
    }

    /// Runs the pipeline, prints its diagnostics, and returns the files, or exits with
    /// status 1 when there are errors (nothing has been written at that point).
    func generateFiles() throws -> [SwiftEmitter.OutputFile] {
        let result = runGenerator()
        if result.failed {
            throw ExitCode(1)
        }
        return result.files
    }
}

extension EmissionOptions.AccessModifier: ExpressibleByArgument {}

/// On the command line the policies are spelled `error` and `json-value`.
extension UnknownTypes: ExpressibleByArgument {
    public init?(argument: String) {
        guard let policy = Self.allCases.first(where: { $0.argument == argument }) else { return nil }
        self = policy
    }

    public static var allValueStrings: [String] { allCases.map(\.argument) }

    public static var allValueDescriptions: [String: String] {
        [
            UnknownTypes.error.argument: "an error at each such cell (the default)",
            UnknownTypes.jsonValue.argument: "JSONValue, with a warning at each such cell",
        ]
    }

    public var defaultValueDescription: String { argument }

    private var argument: String {
        switch self {
        case .error: "error"
        case .jsonValue: "json-value"
        }
    }
}

extension MissingTypes: ExpressibleByArgument {
    public init?(argument: String) {
        guard let policy = Self.allCases.first(where: { $0.argument == argument }) else { return nil }
        self = policy
    }

    public static var allValueStrings: [String] { allCases.map(\.argument) }

    public static var allValueDescriptions: [String: String] {
        [
            MissingTypes.error.argument: "an error at each reference (the default)",
            MissingTypes.jsonValue.argument: "JSONValue, with a warning at each reference",
        ]
    }

    public var defaultValueDescription: String { argument }

    private var argument: String {
        switch self {
        case .error: "error"
        case .jsonValue: "json-value"
        }
    }
}
