import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the model docs of a spec folder as a git revision holds them, from the object
/// database alone: `git ls-tree` lists the blobs and one `git cat-file --batch` reads them
/// into memory. The working tree and the index are never read or written.
public struct GitRevisionReader: Sendable {
    /// A folder inside the repository's work tree; paths are resolved relative to it, as
    /// directory arguments are.
    public let workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    public struct Files: Sendable {
        public var files: [SpecSource.File]
        /// The full commit id the revision names.
        public var commit: String
    }

    /// Reads every `.md` file below `path` at `revision`. `path` is relative to the working
    /// directory, like a spec directory argument; hidden files and folders, symbolic links
    /// and submodules are skipped, as `SpecSource` skips them on disk.
    public func read(revision: String, path: String, diagnostics: inout Diagnostics) -> Files? {
        let label = "git:\(revision):\(path)"
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            diagnostics.error("`\(label)`: expected a revision such as HEAD, main or a commit id", at: nil)
            return nil
        }
        return reportingFailures(label, diagnostics: &diagnostics) { diagnostics in
            let topLevel = try git(["rev-parse", "--show-toplevel"]).trimmedText
            let prefix = try git(["rev-parse", "--show-prefix"]).trimmedText
            guard let specPath = Self.repositoryPath(path, prefix: prefix, topLevel: topLevel) else {
                diagnostics.error("`\(label)`: `\(path)` is outside the repository at \(topLevel)", at: nil)
                return nil
            }
            let resolved = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
            guard resolved.status == 0 else {
                diagnostics.error("`\(label)`: `\(revision)` is not a commit in the repository at \(topLevel)", at: nil)
                return nil
            }
            let commit = resolved.stdout.trimmedText
            let entries = try listBlobs(commit: commit, specPath: specPath, label: label, diagnostics: &diagnostics)
            guard let entries else { return nil }
            let contents = try catBlobs(entries.map(\.object))
            var files: [SpecSource.File] = []
            files.reserveCapacity(entries.count)
            for (entry, bytes) in zip(entries, contents) {
                let displayPath = SpecSource.join(path, entry.relativePath)
                guard let bytes else {
                    diagnostics.error("cannot read the blob \(entry.object) at \(revision)", at: .start(of: displayPath))
                    continue
                }
                if bytes.count > SpecSource.maximumFileSize {
                    diagnostics.error(
                        "file is larger than \(SpecSource.maximumFileSize >> 20) MiB; a model doc is a few kilobytes",
                        at: .start(of: displayPath))
                    continue
                }
                files.append(SpecSource.File(relativePath: entry.relativePath, displayPath: displayPath, bytes: bytes))
            }
            return Files(files: files, commit: commit)
        }
    }

    /// The contents of the file at `path` (relative to the working directory) at `revision`,
    /// or `nil` when the revision has no such file. Errors only when git itself fails.
    public func readFile(revision: String, path: String, diagnostics: inout Diagnostics) -> [UInt8]? {
        return reportingFailures("git:\(revision):\(path)", diagnostics: &diagnostics) { _ in
            let topLevel = try git(["rev-parse", "--show-toplevel"]).trimmedText
            let prefix = try git(["rev-parse", "--show-prefix"]).trimmedText
            guard let filePath = Self.repositoryPath(path, prefix: prefix, topLevel: topLevel) else { return nil }
            let resolved = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
            guard resolved.status == 0 else { return nil }
            // `git cat-file --batch` answers `missing` for a path the commit does not hold.
            return try catBlobs(["\(resolved.stdout.trimmedText):\(filePath)"])[0]
        }
    }

    /// Runs `body`, turning a failure of git into an error about `label`.
    private func reportingFailures<Result>(
        _ label: String, diagnostics: inout Diagnostics, _ body: (inout Diagnostics) throws -> Result?
    ) -> Result? {
        do {
            return try body(&diagnostics)
        } catch let failure as Failure {
            diagnostics.error("`\(label)`: \(failure.message)", at: nil)
            return nil
        } catch {
            diagnostics.error("`\(label)`: \(error)", at: nil)
            return nil
        }
    }

    /// `path` (relative to the working directory, or absolute) as a path from the top of the
    /// repository without `.`/`..`, or `nil` when it leaves the repository. "" is the top.
    static func repositoryPath(_ path: String, prefix: String, topLevel: String) -> String? {
        var components: [Substring] = []
        var input = Substring(path)
        if path.hasPrefix("/") {
            let top = URL(fileURLWithPath: topLevel).standardizedFileURL.path
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard absolute == top || absolute.hasPrefix(top.hasSuffix("/") ? top : top + "/") else { return nil }
            input = absolute.dropFirst(top.count)
        } else {
            components = prefix.split(separator: "/")
        }
        for component in input.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    private struct Entry {
        var relativePath: String
        var object: String
    }

    private func listBlobs(commit: String, specPath: String, label: String, diagnostics: inout Diagnostics) throws -> [Entry]? {
        var arguments = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if !specPath.isEmpty { arguments += ["--", specPath] }
        let listing = try git(arguments)
        var entries: [Entry] = []
        var sawAnything = false
        let folderPrefix = specPath.isEmpty ? "" : specPath + "/"
        // Each record is `<mode> <type> <object>\t<path>`, NUL-terminated.
        for record in listing.split(separator: 0) {
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let header = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ")
            let fullPath = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard header.count == 3 else { continue }
            if fullPath == specPath {
                diagnostics.error("`\(label)`: `\(specPath)` is a file at that revision, not a spec directory", at: nil)
                return nil
            }
            guard fullPath.hasPrefix(folderPrefix) else { continue }
            sawAnything = true
            let relative = String(fullPath.dropFirst(folderPrefix.count))
            let isHidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            // Mode 120000 is a symbolic link, type `commit` a submodule: neither is a doc.
            guard header[1] == "blob", header[0] != "120000", !isHidden, relative.lowercased().hasSuffix(".md") else { continue }
            entries.append(Entry(relativePath: relative, object: String(header[2])))
        }
        if !sawAnything {
            diagnostics.error("`\(label)`: the revision has no folder `\(specPath.isEmpty ? "." : specPath)`", at: nil)
            return nil
        }
        if entries.isEmpty {
            diagnostics.error("`\(label)`: the spec folder holds no `.md` model docs at that revision", at: nil)
            return nil
        }
        return entries.sorted { $0.relativePath < $1.relativePath }
    }

    /// The contents of each object, in order; `nil` for an object git does not have.
    private func catBlobs(_ objects: [String]) throws -> [[UInt8]?] {
        guard !objects.isEmpty else { return [] }
        let request = Data(objects.map { $0 + "\n" }.joined().utf8)
        let output = [UInt8](try git(["cat-file", "--batch"], input: request))
        var results: [[UInt8]?] = []
        results.reserveCapacity(objects.count)
        var index = 0
        while results.count < objects.count {
            // `<object> <type> <size>\n<contents>\n` or `<object> missing\n`.
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Failure(message: "`git cat-file` ended early")
            }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            guard header.count == 3, let size = Int(header[2]), index + size <= output.count else {
                results.append(nil)
                continue
            }
            results.append(Array(output[index..<index + size]))
            index += size + 1
        }
        return results
    }

    // MARK: Running git

    struct Failure: Error {
        var message: String
    }

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs git and returns its standard output, or throws with its error message.
    private func git(_ arguments: [String], input: Data? = nil) throws -> Data {
        let output = try run(arguments, input: input)
        guard output.status == 0 else {
            let message = output.stderr.trimmedText
            throw Failure(message: message.isEmpty ? "`git \(arguments.first ?? "")` failed with status \(output.status)" : message)
        }
        return output.stdout
    }

    private func run(_ arguments: [String], input: Data? = nil) throws -> Output {
        // A git that exits before reading all of its input must not kill this process.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", workingDirectory] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription)")
        }
        // Read both outputs while writing the input, so that no pipe fills up and blocks git.
        let collected = Collected()
        let group = DispatchGroup()
        let outHandle = stdout.fileHandleForReading
        let errHandle = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { collected.setStdout(outHandle.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.setStderr(errHandle.readDataToEndOfFile()) }
        let inHandle = stdin.fileHandleForWriting
        if let input {
            DispatchQueue.global().async(group: group) {
                try? inHandle.write(contentsOf: input)
                try? inHandle.close()
            }
        } else {
            try? inHandle.close()
        }
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data()
        private var err = Data()
        func setStdout(_ data: Data) { lock.withLock { out = data } }
        func setStderr(_ data: Data) { lock.withLock { err = data } }
        var stdout: Data { lock.withLock { out } }
        var stderr: Data { lock.withLock { err } }
    }
}

private extension Data {
    var trimmedText: String {
        String(decoding: self, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
