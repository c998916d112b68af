import Foundation

/// What the plugins know about a spec folder without SpecModelsKit (plugins cannot depend on
/// libraries): which files the tool reads and which files it writes. The rules copy those of
/// `SpecSource` and `SwiftEmitter.outputFileName(forSpecPath:)`; `PluginRulesTests` checks
/// that the copies agree. Shared by both plugins and the tests through symbolic links.
enum SpecFolder {
    /// The folder a target holds its docs in.
    static let folderName = "spec"
    /// The configuration file, beside the spec folder.
    static let configurationFileName = "specmodels.yml"
    /// The file every generation writes besides one file per doc.
    static let supportFileName = "SpecModels+Support.swift"
    /// Where the command plugin writes, beside the spec folder.
    static let committedOutputFolderName = "Generated"
    /// Folders nested deeper than this are not followed (the tool reports them).
    static let maximumDepth = 64

    /// `models/operations/listinstallationsgroup.md` → `models.operations.listinstallationsgroup.swift`.
    static func outputFileName(forSpecPath path: String) -> String {
        var stem = Substring(path)
        if stem.lowercased().hasSuffix(".md") { stem = stem.dropLast(3) }
        let sanitized = stem.split(separator: "/").map { component in
            String(component.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
                    ? character : "_"
            })
        }
        return sanitized.joined(separator: ".") + ".swift"
    }

    /// The paths of the docs below `directory`, relative to it, sorted: every `.md` file, skipping
    /// hidden files and folders. Symbolic links to docs and folders are followed, and no folder
    /// is read twice (the tool reports such links and loops; here they must only not recurse).
    static func documentPaths(in directory: String) -> [String] {
        var paths: [String] = []
        var visited: Set<String> = [resolved(directory)]
        collect(directory, relativeTo: "", depth: 0, visited: &visited, into: &paths)
        return paths.sorted()
    }

    private static func collect(_ root: String, relativeTo folder: String, depth: Int, visited: inout Set<String>, into paths: inout [String]) {
        guard depth < maximumDepth else { return }
        let absolute = folder.isEmpty ? root : "\(root)/\(folder)"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let relative = folder.isEmpty ? entry : "\(folder)/\(entry)"
            let path = "\(root)/\(relative)"
            var isDirectory: ObjCBool = false
            // `fileExists` follows symbolic links, as the tool does.
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if visited.insert(resolved(path)).inserted {
                    collect(root, relativeTo: relative, depth: depth + 1, visited: &visited, into: &paths)
                }
            } else if entry.lowercased().hasSuffix(".md") {
                paths.append(relative)
            }
        }
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// The files one generation writes for these docs.
    static func outputFileNames(forDocuments documents: [String]) -> [String] {
        documents.map(outputFileName(forSpecPath:)) + [supportFileName]
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The arguments of `specmodels generate` for a spec folder: both plugins run exactly this.
    static func generateArguments(specDirectory: String, outputDirectory: String, configuration: String?) -> [String] {
        var arguments = ["generate", "--spec", specDirectory, "--output", outputDirectory, "--quiet"]
        if let configuration { arguments += ["--config", configuration] }
        return arguments
    }
}

/// A plugin failure with a message SwiftPM prints as `error: …`.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
