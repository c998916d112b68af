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

    public init(label: String, graph: TypeGraph) {
        self.label = label
        self.graph = graph
    }

    /// Reads the input and builds its graph. Returns `nil` when the input cannot be read or
    /// has errors; `diagnostics` then says why. Warnings alone do not fail.
    public static func read(
        _ input: SpecInput, workingDirectory: String? = nil, diagnostics: inout Diagnostics
    ) -> SpecSnapshot? {
        var local = Diagnostics()
        let files: [SpecSource.File]
        switch input {
        case .directory(let path):
            var directory = path
            if let workingDirectory, !path.hasPrefix("/") {
                directory = SpecSource.join(workingDirectory, path)
            }
            let source = SpecSource(directory: directory)
            files = source.read(diagnostics: &local)
        case .git(let revision, let path):
            let reader = workingDirectory.map { GitRevisionReader(workingDirectory: $0) } ?? GitRevisionReader()
            guard let read = reader.read(revision: revision, path: path, diagnostics: &local) else {
                diagnostics.append(contentsOf: local)
                return nil
            }
            files = read.files
        }
        var graph: TypeGraph?
        if !local.hasErrors {
            graph = Generator.buildGraph(from: files, diagnostics: &local)
        }
        diagnostics.append(contentsOf: local)
        guard let graph, !local.hasErrors else { return nil }
        return SpecSnapshot(label: input.description, graph: graph)
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
