import Foundation

/// Finds and reads the markdown docs of a spec directory.
public struct SpecSource: Sendable {
    /// A doc found on disk.
    public struct File: Sendable {
        /// The path relative to the spec root, with `/` separators.
        public var relativePath: String
        /// The path shown in diagnostics: the spec directory as given, joined with the relative path.
        public var displayPath: String
        public var bytes: [UInt8]
    }

    /// Files larger than this are reported instead of parsed.
    public static let maximumFileSize = 16 << 20
    /// Folders nested deeper than this are reported instead of followed (symlink loops, runaway trees).
    public static let maximumDepth = 64

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The components of the directory's absolute, standardized path, for resolving links
    /// that climb above the spec root and come back into it.
    public var absoluteComponents: [String] {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        return url.pathComponents.filter { $0 != "/" }
    }

    /// Every `.md` file below the directory, sorted by relative path. Hidden files and folders
    /// are skipped; symbolic links to folders are not followed, so loops cannot occur.
    public func read(diagnostics: inout Diagnostics) -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            diagnostics.error("spec directory `\(directory)` does not exist", at: nil)
            return []
        }
        guard isDirectory.boolValue else {
            diagnostics.error("`\(directory)` is a file, not a spec directory", at: nil)
            return []
        }
        var relativePaths: [String] = []
        collect(relativeTo: "", depth: 0, into: &relativePaths, diagnostics: &diagnostics)
        relativePaths.sort()
        if relativePaths.isEmpty && !diagnostics.hasErrors {
            diagnostics.error("spec directory `\(directory)` holds no `.md` model docs", at: nil)
        }
        var files: [File] = []
        files.reserveCapacity(relativePaths.count)
        for relativePath in relativePaths {
            let displayPath = Self.join(directory, relativePath)
            guard let handle = FileHandle(forReadingAtPath: displayPath) else {
                diagnostics.error("cannot read the file", at: .start(of: displayPath))
                continue
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: Self.maximumFileSize + 1)) ?? Data()
            if data.count > Self.maximumFileSize {
                diagnostics.error(
                    "file is larger than \(Self.maximumFileSize >> 20) MiB; a model doc is a few kilobytes",
                    at: .start(of: displayPath))
                continue
            }
            files.append(File(relativePath: relativePath, displayPath: displayPath, bytes: [UInt8](data)))
        }
        return files
    }

    private func collect(relativeTo folder: String, depth: Int, into paths: inout [String], diagnostics: inout Diagnostics) {
        let absolute = folder.isEmpty ? directory : Self.join(directory, folder)
        guard depth <= Self.maximumDepth else {
            diagnostics.error("folders nested more than \(Self.maximumDepth) levels deep in the spec: `\(absolute)`", at: nil)
            return
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else {
            diagnostics.error("cannot list the folder `\(absolute)`", at: nil)
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let relative = folder.isEmpty ? entry : "\(folder)/\(entry)"
            let path = Self.join(directory, relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
                if !isLink {
                    collect(relativeTo: relative, depth: depth + 1, into: &paths, diagnostics: &diagnostics)
                }
            } else if entry.lowercased().hasSuffix(".md") {
                paths.append(relative)
            }
        }
    }

    static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : "\(directory)/\(relative)"
    }
}
