import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs every case of `Fixtures/BadInput` through the real `specmodels` binary.
///
/// A case is a folder holding:
/// - `spec/`: the spec folder (absent when the case is a missing spec folder);
/// - `expected.txt`: the exact standard error, then a last line `exit: N`;
/// - `specmodels.yml` (optional): a configuration beside the spec;
/// - any other file or folder (optional): more input the arguments name, copied beside `spec/`;
/// - `arguments` (optional): the command line, one line split at spaces, instead of
///   `generate --spec spec --output Generated`;
/// - `setup` (optional): the name of a step `BadInputSetup` performs first, for what git
///   cannot hold or should not: huge files, symbolic links, pipes, permissions, many files.
///
/// Each case runs in a fresh copy under a temporary folder, with `HOME` set to `home` there
/// and an output folder `Generated/` that already holds a generated file, the manifest
/// listing it and a file of the user's. A run that fails must leave every byte, mode and
/// modification time of that copy as it was; a run that succeeds must leave the spec and the
/// user's file alone and leave no temporary file behind.
final class BadInputCorpusTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/BadInput")

    static let defaultArguments = ["generate", "--spec", "spec", "--output", "Generated"]

    /// The files of a case folder that describe the case rather than being its input.
    static let caseControlFiles: Set<String> = ["expected.txt", "arguments", "setup"]

    func testEveryCase() throws {
        let binary = try Self.findBinary()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 40, "the bad-input corpus should hold at least 40 cases")
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("specmodels-bad-input-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { Self.removeTree(scratch) }
        for name in names {
            try run(case: name, binary: binary, scratch: scratch)
        }
    }

    private func run(case name: String, binary: URL, scratch: URL) throws {
        let source = Self.fixtures.appendingPathComponent(name)
        let recording = ProcessInfo.processInfo.environment["SPECMODELS_RECORD_BAD_INPUT"] == "1"
        let expectedFile = source.appendingPathComponent("expected.txt")
        guard let expectedText = (try? String(contentsOf: expectedFile, encoding: .utf8)) ?? (recording ? "exit: 0\n" : nil) else {
            XCTFail("\(name): no expected.txt")
            return
        }
        var expected = expectedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if expected.last == "" { expected.removeLast() }
        guard let statusLine = expected.popLast(), statusLine.hasPrefix("exit: "),
              let expectedStatus = Int32(statusLine.dropFirst("exit: ".count))
        else {
            XCTFail("\(name): expected.txt must end with a line `exit: N`")
            return
        }

        let folder = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The spec, a configuration beside it (where the tool looks for it) and any other
        // input the arguments name (samples, contract tests) are copied as they are.
        for entry in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
        where !Self.caseControlFiles.contains(entry) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(entry), to: folder.appendingPathComponent(entry))
        }
        try Self.prepopulateOutput(in: folder)
        var arguments = Self.defaultArguments
        if let line = try? String(contentsOf: source.appendingPathComponent("arguments"), encoding: .utf8) {
            arguments = line.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        }
        var setup = BadInputSetup.Step.none
        if let line = try? String(contentsOf: source.appendingPathComponent("setup"), encoding: .utf8) {
            let word = line.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            guard let step = BadInputSetup.Step(rawValue: word) else {
                XCTFail("\(name): unknown setup step `\(word)`")
                return
            }
            setup = step
        }
        let launch = try BadInputSetup.perform(setup, in: folder)

        let before = try Snapshot(of: folder)
        let started = Date()
        let result = try Self.execute(binary, arguments: arguments, in: folder, asUnprivileged: launch.unprivileged)
        let elapsed = Date().timeIntervalSince(started)
        let after = try Snapshot(of: folder)
        launch.cleanUp()

        var actual = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if actual.last == "" { actual.removeLast() }
        if recording {
            // Writes what the binary printed as the new expectation; review `git diff` before committing.
            let recorded = (actual + ["exit: \(result.status)"]).joined(separator: "\n") + "\n"
            try Data(recorded.utf8).write(to: expectedFile)
        } else {
            if actual != expected {
                XCTFail("\(name): diagnostics differ (- expected, + actual):\n\(Self.diff(expected, actual))")
            }
            XCTAssertEqual(result.status, expectedStatus, "\(name): exit status; standard error:\n\(result.standardError)")
        }
        XCTAssertLessThan(elapsed, 60, "\(name): took \(Int(elapsed)) s")

        if result.status != 0 {
            let changes = before.differences(from: after)
            XCTAssert(changes.isEmpty, "\(name): a failed run changed files:\n\(changes.joined(separator: "\n"))")
        } else {
            // Generated files may change; the spec, the user's file and the rest may not, and
            // no temporary file may be left behind.
            let changes = before.differences(from: after).filter { line in
                var path = line.split(separator: " ").dropFirst().first.map(String.init) ?? line
                if path.hasSuffix(":") { path.removeLast() }
                if path == "Generated" || path == "Generated/.specmodels-manifest" { return false }
                if path.hasPrefix("Generated/") && path.hasSuffix(".swift") { return false }
                return true
            }
            XCTAssert(changes.isEmpty, "\(name): a successful run changed files it must not touch:\n\(changes.joined(separator: "\n"))")
            // The file the previous run generated, listed in its manifest, is stale now.
            if arguments.first == "generate" {
                XCTAssertNil(after.entries["Generated/models.old.swift"], "\(name): the stale generated file was kept")
            }
        }
        Self.removeTree(folder)
    }

    // MARK: The output folder

    /// `Generated/` with a generated file the previous run wrote, its manifest, and a user's file.
    static func prepopulateOutput(in folder: URL) throws {
        let output = folder.appendingPathComponent("Generated")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let files = [
            ".specmodels-manifest": "models.old.swift\n",
            "models.old.swift": "// Generated by SpecModels from models/old.md. Do not edit:\n// change the spec and run `specmodels generate` instead.\n\nimport Foundation\n",
            "notes.txt": "A file of the user's: specmodels must never touch it.\n",
        ]
        for (name, contents) in files {
            let path = output.appendingPathComponent(name).path
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        // An old time, so that any rewrite shows even within the same second.
        let old = Date(timeIntervalSince1970: 978_307_200)
        for name in files.keys {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent(name).path)
        }
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.path)
    }

    // MARK: Running the binary

    struct Execution {
        var status: Int32
        var standardError: String
        var standardOutput: String
    }

    /// The `specmodels` built next to this test bundle.
    static func findBinary() throws -> URL {
        var folders = [Bundle(for: BadInputCorpusTests.self).bundleURL.deletingLastPathComponent()]
        folders.append(Bundle.main.bundleURL)
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("specmodels")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("no `specmodels` binary next to the tests in \(folders.map(\.path)); run `swift build` first")
    }

    static func execute(_ binary: URL, arguments: [String], in folder: URL, asUnprivileged: Bool) throws -> Execution {
        let process = Process()
        if asUnprivileged && getuid() == 0 {
            // Root writes through any permission bits; without these capabilities it cannot.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--bounding-set=-dac_override,-dac_read_search", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.appendingPathComponent("home").path
        environment["COLUMNS"] = "200"
        process.environment = environment
        // Files rather than pipes: a chatty run cannot fill them and stall.
        let errorFile = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent).stderr")
        let outputFile = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent).stdout")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: errorFile)
            try? FileManager.default.removeItem(at: outputFile)
        }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let outputHandle = try FileHandle(forWritingTo: outputFile)
        process.standardError = errorHandle
        process.standardOutput = outputHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("`specmodels \(arguments.joined(separator: " "))` in \(folder.lastPathComponent) did not finish within 120 s")
        }
        process.waitUntilExit()
        try errorHandle.close()
        try outputHandle.close()
        return Execution(
            status: process.terminationStatus,
            standardError: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self),
            standardOutput: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self))
    }

    // MARK: Comparing

    /// A line diff: the common prefix and suffix kept as context, the rest marked.
    static func diff(_ expected: [String], _ actual: [String]) -> String {
        var prefix = 0
        while prefix < expected.count, prefix < actual.count, expected[prefix] == actual[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < expected.count - prefix, suffix < actual.count - prefix,
              expected[expected.count - 1 - suffix] == actual[actual.count - 1 - suffix] {
            suffix += 1
        }
        var lines = expected[..<prefix].map { "  \($0)" }
        lines += expected[prefix..<(expected.count - suffix)].map { "- \($0)" }
        lines += actual[prefix..<(actual.count - suffix)].map { "+ \($0)" }
        lines += expected[(expected.count - suffix)...].map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    static func removeTree(_ url: URL) {
        // Folders a case made read-only must be writable again to be removed.
        var pending = [url.path]
        while let folder = pending.popLast() {
            chmod(folder, 0o755)
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + entry
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

/// Everything about a folder tree that a run could change: for each entry (links not
/// followed), its kind, permissions, modification time and, for files, contents.
struct Snapshot: Equatable {
    struct Entry: Equatable {
        var kind: String
        var mode: UInt32
        var modified: timespec
        var contents: Data?

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.kind == rhs.kind && lhs.mode == rhs.mode && lhs.contents == rhs.contents
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    var entries: [String: Entry] = [:]

    init(of root: URL) throws {
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            var entry = Entry(kind: "other", mode: UInt32(info.st_mode & 0o7777), modified: info.st_mtim, contents: nil)
            switch type {
            case S_IFDIR:
                entry.kind = "folder"
                // Reading a huge or unreadable folder is the case's business, not the snapshot's.
                let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                pending += children.map { relative.isEmpty ? $0 : "\(relative)/\($0)" }
            case S_IFREG:
                entry.kind = "file"
                entry.contents = info.st_size <= 1 << 20 ? Snapshot.contents(of: path, size: Int(info.st_size)) : Data("size \(info.st_size)".utf8)
            case S_IFLNK:
                entry.kind = "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            default:
                break
            }
            entries[relative.isEmpty ? "." : relative] = entry
        }
    }

    /// The file's bytes, read with plain POSIX calls (this runs for 20,000 files twice).
    static func contents(of path: String, size: Int) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while true {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count <= 0 { break }
            total += count
            if total == bytes.count { bytes += [UInt8](repeating: 0, count: 4096) }
        }
        return Data(bytes[..<total])
    }

    /// One line per entry that was added, removed or changed.
    func differences(from other: Snapshot) -> [String] {
        var lines: [String] = []
        for name in Set(entries.keys).union(other.entries.keys).sorted() {
            switch (entries[name], other.entries[name]) {
            case (nil, _?): lines.append("added \(name)")
            case (_?, nil): lines.append("removed \(name)")
            case let (before?, after?) where before != after:
                var what: [String] = []
                if before.kind != after.kind { what.append("kind") }
                if before.mode != after.mode { what.append("mode") }
                if before.contents != after.contents { what.append("contents") }
                if before.modified.tv_sec != after.modified.tv_sec || before.modified.tv_nsec != after.modified.tv_nsec {
                    what.append("modification time")
                }
                lines.append("changed \(name): \(what.joined(separator: ", "))")
            default: break
            }
        }
        return lines
    }
}
