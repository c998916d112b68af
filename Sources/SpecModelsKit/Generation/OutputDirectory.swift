import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder generated files go to. It rewrites only files whose contents changed, each
/// atomically, and deletes only files its own manifest says it wrote earlier.
public struct OutputDirectory: Sendable {
    /// Lists the files the generator wrote, one name per line, so that a later run knows
    /// which files it may delete. Hidden, so SwiftPM does not treat it as a resource.
    public static let manifestName = ".specmodels-manifest"

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public struct Changes: Equatable, Sendable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public struct Staleness: Equatable, Sendable {
        public var missing: [String] = []
        public var outdated: [String] = []
        /// Files the generator wrote earlier that no longer have a source.
        public var extra: [String] = []
        public var isUpToDate: Bool { missing.isEmpty && outdated.isEmpty && extra.isEmpty }
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Refuses folders whose cleanup could destroy the user's files: `/`, the home folder,
    /// the spec folder itself or any folder that contains it.
    public func validate(specDirectory: String) throws {
        let output = Self.canonical(path)
        let spec = Self.canonical(specDirectory)
        let home = Self.canonical(FileManager.default.homeDirectoryForCurrentUser.path)
        if output == "/" || output == home {
            throw Failure(description: "refusing to generate into `\(path)`: choose a dedicated output folder")
        }
        if output == spec || spec.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
            throw Failure(description: "refusing to generate into `\(path)`: it contains the spec folder `\(specDirectory)`")
        }
    }

    /// Writes `files`, leaving unchanged ones untouched, and removes files listed in the
    /// previous manifest that are no longer generated.
    public func apply(_ files: [SwiftEmitter.OutputFile]) throws -> Changes {
        try createIfNeeded()
        var changes = Changes()
        for file in files {
            let target = Self.join(path, file.name)
            let contents = Array(file.contents.utf8)
            if let existing = FileManager.default.contents(atPath: target), existing.elementsEqual(contents) {
                changes.unchanged.append(file.name)
                continue
            }
            try Self.writeAtomically(contents, to: target)
            changes.written.append(file.name)
        }
        let current = Set(files.map(\.name))
        for name in previousManifest() where !current.contains(name) {
            let target = Self.join(path, name)
            if FileManager.default.fileExists(atPath: target) {
                try FileManager.default.removeItem(atPath: target)
                changes.removed.append(name)
            }
        }
        let manifest = files.map(\.name).sorted().joined(separator: "\n") + "\n"
        let manifestPath = Self.join(path, Self.manifestName)
        if FileManager.default.contents(atPath: manifestPath).map({ !$0.elementsEqual(manifest.utf8) }) ?? true {
            try Self.writeAtomically(Array(manifest.utf8), to: manifestPath)
        }
        return changes
    }

    /// Compares the folder with what `files` would make it, without writing anything.
    public func staleness(against files: [SwiftEmitter.OutputFile]) -> Staleness {
        var result = Staleness()
        for file in files {
            let target = Self.join(path, file.name)
            guard let existing = FileManager.default.contents(atPath: target) else {
                result.missing.append(file.name)
                continue
            }
            if !existing.elementsEqual(file.contents.utf8) { result.outdated.append(file.name) }
        }
        let current = Set(files.map(\.name))
        result.extra = previousManifest().filter {
            !current.contains($0) && FileManager.default.fileExists(atPath: Self.join(path, $0))
        }
        return result
    }

    /// The names in the manifest of the previous run; only plain file names are trusted.
    func previousManifest() -> [String] {
        guard let data = FileManager.default.contents(atPath: Self.join(path, Self.manifestName)) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n")
            .map(String.init)
            .filter { !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." && $0.hasSuffix(".swift") }
    }

    private func createIfNeeded() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "output `\(path)` is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the output folder `\(path)`: \(error.localizedDescription)")
        }
    }

    /// Writes to a temporary file beside the target, then renames it over the target, so a
    /// reader sees the old file or the new one, never a part.
    static func writeAtomically(_ bytes: [UInt8], to target: String) throws {
        let directory = (target as NSString).deletingLastPathComponent
        var template = Array(Self.join(directory.isEmpty ? "." : directory, ".specmodels-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(description: "cannot write into `\(directory)`: \(String(cString: strerror(errno)))")
        }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        fchmod(descriptor, 0o644)
        close(descriptor)
        if failure == 0, rename(temporary, target) == 0 { return }
        let reason = String(cString: strerror(failure != 0 ? failure : errno))
        unlink(temporary)
        throw Failure(description: "cannot write `\(target)`: \(reason)")
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
    }

    private static func canonical(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }
}
