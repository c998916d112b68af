import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and reads the markdown docs of a spec directory.
///
/// Everything it reads is bounded: file sizes, the number of docs, their total size and the
/// depth of folders. Symbolic links to docs and folders are followed, but a folder is never
/// read twice, so link loops end with an error instead of recursing.
public struct SpecSource: Sendable {
    /// A doc found on disk.
    public struct File: Sendable {
        /// The path relative to the spec root, with `/` separators.
        public var relativePath: String
        /// The path shown in diagnostics: the spec directory as given, joined with the relative path.
        public var displayPath: String
        public var bytes: [UInt8]

        public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
            self.relativePath = relativePath
            self.displayPath = displayPath
            self.bytes = bytes
        }
    }

    /// How much a spec may hold; beyond that, reading stops with an error instead of using
    /// unbounded time or memory.
    public struct Limits: Sendable {
        /// Files larger than this are reported instead of parsed. The largest doc of the
        /// ampersand corpus is 18 KB; cmark needs up to a few hundred bytes of memory per
        /// input byte, so 1 MiB of hostile markdown costs a few hundred MB at most.
        public var fileSize = 1 << 20
        /// More docs than this are reported instead of read. The largest published doc sets
        /// found hold 11,098 docs (56 MB) and 3,421 docs (57 MB); this and `totalSize` leave
        /// them more than four times the room. (Peak memory at 100,000 docs: Benchmarks/RESULTS.md.)
        public var fileCount = 100_000
        /// The docs together may not be larger than this.
        public var totalSize = 512 << 20
        /// Folders nested deeper than this are reported instead of followed.
        public var depth = 64

        public init() {}
    }

    public static var maximumFileSize: Int { Limits().fileSize }
    public static var maximumDepth: Int { Limits().depth }

    public let directory: String
    public let limits: Limits

    public init(directory: String, limits: Limits = Limits()) {
        self.directory = directory
        self.limits = limits
    }

    /// Every `.md` file below the directory, sorted by relative path. Hidden files and folders
    /// are skipped.
    public func read(diagnostics: inout Diagnostics) -> [File] {
        let (found, failure) = Self.status(of: directory)
        guard let root = found else {
            let reason = failure == ENOENT ? "does not exist" : "cannot be read (\(Self.describe(failure)))"
            diagnostics.error("spec directory `\(directory)` \(reason)", at: nil)
            return []
        }
        guard root.isDirectory else {
            diagnostics.error("`\(directory)` is a file, not a spec directory", at: nil)
            return []
        }
        var walk = Walk(directory: directory, limits: limits)
        walk.visited[root.identity] = ""
        walk.collect(folder: "", ancestors: [(root.identity, "")], diagnostics: &diagnostics)
        if walk.found.isEmpty && !diagnostics.hasErrors {
            diagnostics.error("spec directory `\(directory)` holds no `.md` model docs", at: nil)
        }
        walk.found.sort()
        // Each doc is opened, measured and, within the limits, read on every core (a `stat`
        // before and a read to find the end after were a third of listing and reading); the
        // limits are then checked in order, and a doc within them that the shared budget left
        // unread (docs read out of order used it up) is read here.
        let directory = self.directory
        let limits = self.limits
        let budget = ReadBudget(bytes: limits.totalSize)
        let reads = walk.found.concurrentMap { relativePath in
            Self.read(Self.join(directory, relativePath), limits: limits, budget: budget)
        }
        var files: [File] = []
        files.reserveCapacity(walk.found.count)
        var total = 0
        for (relativePath, read) in zip(walk.found, reads) {
            let displayPath = Self.join(directory, relativePath)
            let size: Int
            var bytes: [UInt8]?
            switch read {
            case .failure(let code):
                diagnostics.error("cannot read the file: \(Self.describe(code))", at: .start(of: displayPath))
                continue
            case .tooLarge(let measured):
                diagnostics.error(
                    "file is too large: \(Self.describeSize(measured)), where a model doc is a few kilobytes (at most \(Self.describeSize(limits.fileSize)))",
                    at: .start(of: displayPath))
                continue
            case .unread(let measured):
                size = measured
            case .read(let read, let measured):
                size = measured
                bytes = read
            }
            total += size
            if total > limits.totalSize {
                diagnostics.error(
                    "the spec's docs are larger than \(Self.describeSize(limits.totalSize)) together; this doc and the ones after it are not read",
                    at: .start(of: displayPath))
                break
            }
            if bytes == nil {
                switch Self.read(displayPath, limits: limits, budget: nil) {
                case .read(let read, _): bytes = read
                case .failure(let code):
                    diagnostics.error("cannot read the file: \(Self.describe(code))", at: .start(of: displayPath))
                    continue
                case .tooLarge, .unread: break  // it grew since it was measured
                }
            }
            guard let bytes, bytes.count <= limits.fileSize else {
                // It grew since it was measured.
                diagnostics.error(
                    "file is too large: more than \(Self.describeSize(limits.fileSize)), where a model doc is a few kilobytes",
                    at: .start(of: displayPath))
                continue
            }
            files.append(File(relativePath: relativePath, displayPath: displayPath, bytes: bytes))
        }
        return files
    }

    /// The depth-first walk over the spec's folders.
    private struct Walk {
        let directory: String
        let limits: Limits
        /// Relative paths of the docs found.
        var found: [String] = []
        /// Every folder read so far, with its relative path, so that none is read twice through links.
        var visited: [Identity: String] = [:]
        var stopped = false

        init(directory: String, limits: Limits) {
            self.directory = directory
            self.limits = limits
        }

        /// - Parameter ancestors: the folders from the root down to `folder`, with their
        ///   relative paths, to tell a link loop from a second link to the same folder.
        mutating func collect(folder: String, ancestors: [(identity: Identity, path: String)], diagnostics: inout Diagnostics) {
            let absolute = folder.isEmpty ? directory : SpecSource.join(directory, folder)
            guard ancestors.count <= limits.depth else {
                diagnostics.error(
                    "folder `\(absolute)` is nested more than \(limits.depth) levels deep in the spec; it is not read",
                    at: nil)
                return
            }
            let entries: [FolderEntry]
            switch SpecSource.entries(of: absolute) {
            case .success(let listed): entries = listed
            case .failure(let failure):
                diagnostics.error("cannot list the folder `\(absolute)`: \(SpecSource.describe(failure.code))", at: nil)
                return
            }
            for (entry, kind) in entries where !entry.hasPrefix(".") {
                guard !stopped else { return }
                let relative = folder.isEmpty ? entry : "\(folder)/\(entry)"
                // In UTF-8, control characters are exactly these bytes.
                if entry.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                    // It would break the one-line `path:line:column:` form of every diagnostic.
                    diagnostics.error(
                        "`\(SpecSource.escapingControlCharacters(SpecSource.join(directory, relative)))` has a control character (such as a line break) in its name; rename it",
                        at: nil)
                    continue
                }
                let isDoc = SpecSource.hasMarkdownExtension(entry)
                if kind == .regularFile {
                    // The listing says what it is: no `stat` needed, and none at all for a file
                    // that is no doc.
                    if isDoc, !record(relative, diagnostics: &diagnostics) { return }
                    continue
                }
                let path = SpecSource.join(directory, relative)
                let (entryStatus, failure) = SpecSource.status(of: path)
                guard let status = entryStatus else {
                    // A link that leads nowhere, or around in a circle of links.
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { "`\($0)`" } ?? "its target"
                    let problem = switch failure {
                    case ELOOP: "is a symbolic link loop: it leads back to itself through \(destination); fix or remove the link"
                    case ENOENT: "is a broken symbolic link: \(destination) does not exist; fix or remove the link"
                    default: "cannot be read (\(SpecSource.describe(failure)))"
                    }
                    if isDoc {
                        diagnostics.error("`\(path)` \(problem)", at: nil)
                    } else {
                        diagnostics.warning("`\(path)` \(problem); it is skipped", at: nil)
                    }
                    continue
                }
                if status.isDirectory {
                    if let ancestor = ancestors.first(where: { $0.identity == status.identity }) {
                        let target = ancestor.path.isEmpty ? directory : SpecSource.join(directory, ancestor.path)
                        diagnostics.error(
                            "symbolic link loop: `\(path)` leads back to `\(target)`; remove the link",
                            at: nil)
                        continue
                    }
                    if let first = visited[status.identity] {
                        diagnostics.error(
                            "`\(SpecSource.join(directory, first))` and `\(path)` are the same folder (through a symbolic link), so its docs would be read twice: remove the link",
                            at: nil)
                        continue
                    }
                    visited[status.identity] = relative
                    collect(folder: relative, ancestors: ancestors + [(status.identity, relative)], diagnostics: &diagnostics)
                } else if isDoc {
                    guard status.isRegularFile else {
                        diagnostics.error("`\(path)` is not a regular file (a pipe, socket or device); a model doc is a text file", at: nil)
                        continue
                    }
                    if !record(relative, diagnostics: &diagnostics) { return }
                }
            }
        }

        /// Adds a doc to `found`; returns `false`, and stops the walk, when the spec already
        /// holds as many docs as it may.
        private mutating func record(_ relative: String, diagnostics: inout Diagnostics) -> Bool {
            if found.count == limits.fileCount {
                diagnostics.error(
                    "the spec holds more than \(limits.fileCount) `.md` docs; `\(SpecSource.join(directory, relative))` and the docs after it are not read",
                    at: nil)
                stopped = true
                return false
            }
            found.append(relative)
            return true
        }
    }

    /// Whether the name ends in `.md`, in any case (`.MD`): checked on its last bytes, as no
    /// other character lower-cases to these.
    static func hasMarkdownExtension(_ name: String) -> Bool {
        let last = Array(name.utf8.suffix(3))
        return last.count == 3 && last[0] == UInt8(ascii: ".") && last[1].asciiLowercased == UInt8(ascii: "m")
            && last[2].asciiLowercased == UInt8(ascii: "d")
    }

    /// What a folder listing says an entry is: a plain file, or something a `stat` must tell
    /// (a folder, a symbolic link, a pipe, or a file system that does not say).
    private enum EntryKind {
        case regularFile
        case other
    }

    private typealias FolderEntry = (name: String, kind: EntryKind)

    /// The folder's entries sorted by name, with what the listing says of each; `.` and `..`
    /// left out. `readdir` gives each entry's type with its name, so plain files need no
    /// `stat` (one per entry was most of listing a spec of thousands of docs).
    private static func entries(of folder: String) -> Result<[FolderEntry], ReadFailure> {
        guard let handle = opendir(folder) else { return .failure(ReadFailure(code: errno)) }
        defer { closedir(handle) }
        var entries: [FolderEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, Int32(entry.pointee.d_type) == Int32(DT_REG) ? .regularFile : .other))
        }
        entries.sort { $0.name < $1.name }
        return .success(entries)
    }

    /// A file's identity on disk: device and inode.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct Status {
        var identity: Identity
        var isDirectory: Bool
        var isRegularFile: Bool
    }

    /// `stat` of the path, following links, or the `errno` of its failure.
    private static func status(of path: String) -> (Status?, Int32) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (nil, errno) }
        let type = info.st_mode & S_IFMT
        return (Status(
            identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
            isDirectory: type == S_IFDIR,
            isRegularFile: type == S_IFREG), 0)
    }

    private struct ReadFailure: Error, Sendable {
        var code: Int32
    }

    /// What reading one doc gave.
    private enum Read: Sendable {
        case read([UInt8], size: Int)
        /// Larger than a doc may be: not read.
        case tooLarge(Int)
        /// Not read: the budget of bytes was used up by other docs.
        case unread(Int)
        /// The `errno` of the failure.
        case failure(Int32)
    }

    /// The bytes the reading threads may still read together: the docs' total size limit, so
    /// that reading on every core never holds more than a spec may.
    private final class ReadBudget: @unchecked Sendable {
        private let lock = NSLock()
        private var left: Int

        init(bytes: Int) { left = bytes }

        func take(_ bytes: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard bytes <= left else { return false }
            left -= bytes
            return true
        }
    }

    /// Opens the doc, measures it (`fstat`) and reads it whole, unless it is larger than a doc
    /// may be or the budget (when given) has no room for it. A file that grows while it is
    /// read is read up to one byte past the limit, so that the caller notices.
    private static func read(_ path: String, limits: Limits, budget: ReadBudget?) -> Read {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(errno) }
        let size = Int(status.st_size)
        if size > limits.fileSize { return .tooLarge(size) }
        if let budget, !budget.take(size) { return .unread(size) }
        let limit = limits.fileSize + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(size + 1, limit))
        while bytes.count < limit {
            // One byte more than measured: a read that fills it is a file that grew.
            let wanted = min(max(size + 1 - bytes.count, 4096), limit - bytes.count)
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                initialized = 0
                while true {
                    let count = systemRead(descriptor, buffer.baseAddress!, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    if count < 0 { failure = errno } else { initialized = count }
                    return
                }
            }
            if failure != 0 { return .failure(failure) }
            bytes.append(contentsOf: chunk)
            // A regular file's read comes back short only at its end.
            if chunk.count < wanted { break }
        }
        return .read(bytes, size: size)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The path with control characters written as Swift escapes (`\n`, `\u{1B}`).
    static func escapingControlCharacters(_ path: String) -> String {
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `20 MiB`, `1 MiB`, `512 KiB`.
    static func describeSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : "\(directory)/\(relative)"
    }
}
