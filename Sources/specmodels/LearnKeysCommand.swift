import ArgumentParser
import Foundation
import SpecModelsConfiguration
import SpecModelsKit

struct LearnKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn-keys",
        abstract: "Learns the JSON keys and nulls the docs do not show, from real payloads.",
        discussion: """
            Walks each JSON sample alongside the models and matches every key that is not its \
            field's wire key to the field spelled the same (case, `_`, `-`, `.`, `$` and `@` \
            ignored). Prints the `wireKeys` style that fits most keys, the `keyOverrides` for \
            the rest and the `nullable` required fields that arrived as `null`, as YAML for \
            specmodels.yml; --write puts them into the file, keeping every other line.

            Samples are JSON files of one type (--type NAME FILE.json …), or the 2xx JSON \
            bodies of an Arazzo contract test (ARAZZO.yaml --sdks DIR, where DIR holds the \
            SDK's README per API group, which give each operation's response type).

            What the samples and the SDK docs lack is a warning at its place, and learning goes \
            on without it: an operation the contract test calls but no SDK doc documents is \
            skipped; keys that match no field or several, missing required keys and values of \
            the wrong kind are reported with their JSON path, never guessed, while the keys \
            that were placed still count; a field two samples give different keys gets no \
            setting. --strict makes every such warning an error.

            Exit status: 0 when settings were learned, whatever the warnings; 1 when an input \
            cannot be read, nothing could be learned, or (with --strict) there is any warning: \
            then nothing is written; 2 when the command line is wrong.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The folder of markdown model docs.", valueName: "dir"))
    var spec: String = "spec"

    @Option(name: .long, help: ArgumentHelp(
        "The configuration file. Default: specmodels.yml in the folder that holds the spec folder, when there is one.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The type every JSON file is a payload of (`Account` or `components.Account`).", valueName: "name"))
    var type: String?

    @Option(name: .long, help: ArgumentHelp("With an Arazzo file: the SDK docs folder (`sdks/`) that names each operation's response type.", valueName: "dir"))
    var sdks: String?

    @Flag(name: .long, help: "Write the learned settings into the configuration file instead of printing them.")
    var write = false

    @Flag(name: .long, help: "Fail, writing nothing, on any operation the SDK docs lack and any key or body that contradicts its doc (for CI).")
    var strict = false

    @Argument(help: ArgumentHelp("JSON samples (with --type), or one Arazzo file (with --sdks).", valueName: "file"))
    var files: [String] = []

    /// The configuration file: --config, or the one beside the spec folder.
    private var configurationPath: String {
        config ?? Configuration.defaultPath(forSpecDirectory: spec)
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the spec folder `\(spec)` does not exist: pass the folder of model docs with --spec <dir>")
        }
        switch (type, sdks) {
        case (nil, nil):
            throw ValidationError("pass JSON samples with --type <name> <file.json> …, or an Arazzo file with --sdks <dir>")
        case (_?, _?):
            throw ValidationError("--type and --sdks do not go together: samples are JSON files of one type, or an Arazzo file's bodies")
        case (_?, nil):
            if files.isEmpty { throw ValidationError("--type \(type!) needs one or more JSON files") }
        case (nil, _?):
            if files.count != 1 { throw ValidationError("--sdks needs exactly one Arazzo file, found \(files.count)") }
        }
        if let config, !FileManager.default.fileExists(atPath: config), !write {
            throw ValidationError("the configuration file `\(config)` does not exist: pass a specmodels.yml with --config <file>, or leave --config out")
        }
    }

    func run() throws {
        let existing = FileManager.default.fileExists(atPath: configurationPath) ? configurationPath : nil
        let samples: LearnKeys.Samples = if let type { .files(typeName: type, paths: files) } else { .contractTest(arazzo: files[0], sdks: sdks!) }
        let result = LearnKeys.run(spec: spec, configuration: existing, samples: samples, strict: strict)
        DiagnosticPrinter.print(result.diagnostics)
        if let bodies = result.bodies {
            DiagnosticPrinter.printError(
                "learn-keys: \(bodies.bodies.count) JSON 2xx bodies read; \(bodies.notModels.count) not of a model type, "
                    + "\(bodies.undocumented.count) of operations the SDK docs lack and \(bodies.skipped) of other statuses or media types skipped")
        }
        guard let learned = result.learned, let graph = result.graph else { throw ExitCode(1) }
        guard write else {
            print(learned.yaml, terminator: "")
            if result.diagnostics.hasErrors { throw ExitCode(1) }
            return
        }
        guard !result.diagnostics.hasErrors else {
            DiagnosticPrinter.printError("error: nothing written to \(configurationPath): fix the problems above first")
            throw ExitCode(1)
        }
        var diagnostics = Diagnostics()
        let before = existing.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let after = ConfigurationEditor.apply(learned, to: before, path: configurationPath, graph: graph, diagnostics: &diagnostics) else {
            DiagnosticPrinter.print(diagnostics)
            throw ExitCode(1)
        }
        do {
            try Data(after.utf8).write(to: URL(fileURLWithPath: configurationPath), options: .atomic)
        } catch {
            DiagnosticPrinter.printError("error: cannot write \(configurationPath): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("\(configurationPath): wireKeys \(learned.keyStyle.rawValue), \(learned.keyOverrides.count) key overrides, \(learned.nullable.count) nullable fields")
    }
}
