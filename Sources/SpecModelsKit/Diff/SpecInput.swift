import Foundation

/// One side of a diff: a spec directory on disk, or a spec folder at a git revision.
public enum SpecInput: Hashable, Sendable, CustomStringConvertible {
    case directory(String)
    /// `git:REV` (the folder `spec`) or `git:REV:path`, the path relative to the working directory.
    case git(revision: String, path: String)

    /// The spec folder `git:REV` means when it names no path, as `generate --spec` defaults to it.
    public static let defaultSpecFolder = "spec"

    /// `git:REV`, `git:REV:path/to/spec`, or a directory path. A directory whose name starts
    /// with `git:` is written `./git:…`.
    public init(parsing argument: String) {
        guard argument.hasPrefix("git:") else {
            self = .directory(argument)
            return
        }
        let rest = argument.dropFirst(4)
        // Revisions cannot contain `:` except in forms (`:/text`, `REV:path`) that name no commit.
        if let colon = rest.firstIndex(of: ":") {
            let path = rest[rest.index(after: colon)...]
            self = .git(revision: String(rest[..<colon]), path: path.isEmpty ? "." : String(path))
        } else {
            self = .git(revision: String(rest), path: Self.defaultSpecFolder)
        }
    }

    public var description: String {
        switch self {
        case .directory(let path): return path
        case .git(let revision, let path): return "git:\(revision):\(path)"
        }
    }
}

/// One version of a spec, read and built into a type graph.
public struct SpecSnapshot: Sendable {
    /// How the command line named this side (`git:HEAD:spec`, `spec`).
    public var label: String
    public var graph: TypeGraph
    /// The `specmodels.yml` of this side, as text: the one beside the spec folder (or at
    /// `configurationPath`), read from the same revision for a git input. `nil` when there is none.
    public var configurationFile: ConfigurationText?

    /// A configuration file's path, as diagnostics show it, and its text.
    public struct ConfigurationText: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// Turns a configuration file's text into a `Configuration` (the YAML reader lives in
    /// `SpecModelsConfiguration`); `nil` with errors in the diagnostics.
    public typealias ConfigurationParser = (ConfigurationText, inout Diagnostics) -> Configuration?

    public init(label: String, graph: TypeGraph, configurationFile: ConfigurationText? = nil) {
        self.label = label
        self.graph = graph
        self.configurationFile = configurationFile
    }

    /// Checks `configuration` (this side's, parsed) against the graph and settles the graph's
    /// wire keys and nullability by it, so that the diff compares what goes over the wire.
    /// `false` when the configuration has errors (in `diagnostics`).
    public mutating func apply(_ configuration: Configuration, diagnostics: inout Diagnostics) -> Bool {
        var local = Diagnostics()
        let options = configuration.resolve(against: graph, diagnostics: &local)
        diagnostics.append(contentsOf: local)
        guard !local.hasErrors else { return false }
        graph = graph.applying(options.wire)
        return true
    }

    /// Reads the input and builds its graph. Returns `nil` when the input cannot be read or
    /// has errors; `diagnostics` then says why. Warnings alone do not fail.
    ///
    /// `configurationPath` (relative to the working directory) names the configuration file
    /// of both sides; by default each side's is `specmodels.yml` beside its spec folder. A
    /// revision without the file has no configuration; a directory without a named one is an error.
    /// With `parseConfiguration`, the file is parsed and applied (see `apply(_:diagnostics:)`).
    public static func read(
        _ input: SpecInput, workingDirectory: String? = nil, configurationPath: String? = nil,
        parseConfiguration: ConfigurationParser? = nil, diagnostics: inout Diagnostics
    ) -> SpecSnapshot? {
        var local = Diagnostics()
        let files: [SpecSource.File]
        var configurationFile: ConfigurationText?
        switch input {
        case .directory(let path):
            var directory = path
            if let workingDirectory, !path.hasPrefix("/") {
                directory = SpecSource.join(workingDirectory, path)
            }
            let source = SpecSource(directory: directory)
            files = source.read(diagnostics: &local)
            configurationFile = readConfiguration(
                configurationPath ?? Configuration.defaultPath(forSpecDirectory: path), isNamed: configurationPath != nil,
                workingDirectory: workingDirectory, diagnostics: &local)
        case .git(let revision, let path):
            let reader = workingDirectory.map { GitRevisionReader(workingDirectory: $0) } ?? GitRevisionReader()
            guard let read = reader.read(revision: revision, path: path, diagnostics: &local) else {
                diagnostics.append(contentsOf: local)
                return nil
            }
            files = read.files
            let configuration = configurationPath ?? Configuration.defaultPath(forSpecDirectory: path)
            if let bytes = reader.readFile(revision: revision, path: configuration, diagnostics: &local) {
                configurationFile = ConfigurationText(path: configuration, text: String(decoding: bytes, as: UTF8.self))
            }
        }
        let configuration = configurationFile.flatMap { file in parseConfiguration?(file, &local) }
        var snapshot: SpecSnapshot?
        if !local.hasErrors {
            let graph = Generator.buildGraph(
                from: files, missingTypes: configuration?.missingTypes?.value ?? .error,
                unknownTypes: configuration?.unknownTypes?.value ?? .error, flavour: configuration?.flavour?.value, diagnostics: &local)
            snapshot = SpecSnapshot(label: input.description, graph: graph, configurationFile: configurationFile)
        }
        if !local.hasErrors, let configuration {
            _ = snapshot?.apply(configuration, diagnostics: &local)
        }
        diagnostics.append(contentsOf: local)
        guard let snapshot, !local.hasErrors else { return nil }
        return snapshot
    }

    /// The configuration file at `path` on disk; `nil` when there is none, which is an error
    /// only for a file the command line named (`isNamed`).
    private static func readConfiguration(
        _ path: String, isNamed: Bool, workingDirectory: String?, diagnostics: inout Diagnostics
    ) -> ConfigurationText? {
        var location = path
        if let workingDirectory, !path.hasPrefix("/") { location = SpecSource.join(workingDirectory, path) }
        guard FileManager.default.fileExists(atPath: location) else {
            if isNamed { diagnostics.error("the configuration file `\(path)` does not exist", at: nil) }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: location) else {
            diagnostics.error("cannot read the configuration file `\(path)`", at: nil)
            return nil
        }
        return ConfigurationText(path: path, text: String(decoding: data, as: UTF8.self))
    }

    /// Builds a snapshot from docs in memory (`relativePath` → contents), for tests and tools
    /// that hold the docs already.
    public static func build(
        label: String, documents: [String: String], diagnostics: inout Diagnostics
    ) -> SpecSnapshot? {
        let files = documents.keys.sorted().map { path in
            SpecSource.File(relativePath: path, displayPath: "\(label)/\(path)", bytes: Array(documents[path]!.utf8))
        }
        var local = Diagnostics()
        let graph = Generator.buildGraph(from: files, diagnostics: &local)
        diagnostics.append(contentsOf: local)
        return local.hasErrors ? nil : SpecSnapshot(label: label, graph: graph)
    }
}
