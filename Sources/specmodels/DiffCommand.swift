import ArgumentParser
import Foundation
import SpecModelsConfiguration
import SpecModelsKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Reports what changed between two versions of a spec, and what it breaks.",
        discussion: """
            Compares the type graphs, not the text: each change is reported once, at the type \
            that owns it, with a rule id, a fingerprint, and its severity for Swift source \
            (does code using the generated API still compile?) and for the wire (does JSON \
            still decode?). Each side is a spec directory, `git:REV` (the folder `spec` at a \
            revision) or `git:REV:path`; git revisions are read from the object database, \
            never touching the working tree or the index. Each side's `specmodels.yml` (beside \
            its spec folder, at the same revision for git) sets its wire keys and nullable \
            fields, so changes to `wireKeys`, `keyOverrides` and `nullable` are judged too.

            Exit status: 0, or 1 when --fail-on is given and met, or 2 when an input cannot \
            be read or parsed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, github
    }

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: ArgumentHelp("The old spec: a directory, git:REV or git:REV:path.", valueName: "old"))
    var old: String = "git:HEAD"

    @Argument(help: ArgumentHelp("The new spec: a directory, git:REV or git:REV:path.", valueName: "new"))
    var new: String = SpecInput.defaultSpecFolder

    @Option(help: ArgumentHelp("Output format: text, markdown (a PR comment), json or github (workflow annotations).", valueName: "format"))
    var format: Format = .text

    @Option(help: ArgumentHelp("Whose JSON the wire axis judges: both (the stricter), request or response.", valueName: "direction"))
    var direction: WireDirection = .both

    @Option(help: ArgumentHelp("Exit with status 1 when a change is at least this severe: breaking, warning or any.", valueName: "severity"))
    var failOn: DiffReport.FailureThreshold?

    @Option(help: ArgumentHelp("Accepted changes: `rule-id Type.field reason` per line. Default: \(DiffIgnoreFile.defaultPath) when it exists.", valueName: "file"))
    var ignoreFile: String?

    @Option(help: ArgumentHelp("The configuration file of both sides, read at the revision for git inputs. Default: specmodels.yml beside each spec folder.", valueName: "file"))
    var config: String?

    @Flag(name: .shortAndLong, help: "Also list description and example changes.")
    var verbose = false

    @Option(help: ArgumentHelp("Colour the text format: auto (on a terminal), always or never.", valueName: "when"))
    var color: ColorMode = .auto

    func run() throws {
        var diagnostics = Diagnostics()
        let ignore = readIgnoreFile(diagnostics: &diagnostics)
        let parse: SpecSnapshot.ConfigurationParser = { file, diagnostics in
            ConfigurationFile.parse(file.text, path: file.path, diagnostics: &diagnostics)
        }
        let oldSnapshot = SpecSnapshot.read(SpecInput(parsing: old), configurationPath: config, parseConfiguration: parse, diagnostics: &diagnostics)
        let newSnapshot = SpecSnapshot.read(SpecInput(parsing: new), configurationPath: config, parseConfiguration: parse, diagnostics: &diagnostics)
        guard let oldSnapshot, let newSnapshot, let ignore, !diagnostics.hasErrors else {
            DiagnosticPrinter.print(diagnostics)
            throw ExitCode(2)
        }
        let report = DiffReport(old: oldSnapshot, new: newSnapshot, direction: direction, ignore: ignore)
        for entry in report.unusedIgnores {
            DiagnosticPrinter.printError("\(entry.location): warning: ignore entry `\(entry.rule) \(entry.path)` matches no change")
        }
        let output: String
        switch format {
        case .text: output = TextDiffRenderer.render(report, verbose: verbose, color: useColor)
        case .markdown: output = MarkdownDiffRenderer.render(report, verbose: verbose)
        case .json: output = JSONDiffRenderer.render(report, verbose: verbose)
        case .github: output = GitHubDiffRenderer.render(report, verbose: verbose)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if let failOn, report.fails(on: failOn) {
            throw ExitCode(1)
        }
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            return isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    /// The ignore file, an empty one when there is none, or `nil` when it cannot be used.
    private func readIgnoreFile(diagnostics: inout Diagnostics) -> DiffIgnoreFile? {
        let path = ignoreFile ?? DiffIgnoreFile.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if ignoreFile != nil {
                diagnostics.error("ignore file `\(path)` does not exist", at: nil)
                return nil
            }
            return DiffIgnoreFile()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read the ignore file `\(path)`", at: nil)
            return nil
        }
        var local = Diagnostics()
        let file = DiffIgnoreFile.parse(String(decoding: data, as: UTF8.self), file: path, diagnostics: &local)
        diagnostics.append(contentsOf: local)
        return local.hasErrors ? nil : file
    }
}

extension WireDirection: ExpressibleByArgument {}
extension DiffReport.FailureThreshold: ExpressibleByArgument {}
