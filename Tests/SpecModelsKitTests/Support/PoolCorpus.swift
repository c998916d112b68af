import Foundation
import XCTest
@testable import SpecModelsKit

/// The population of published doc sets (`SPECMODELS_CORPUS/pool`: one `NAME.tar.gz` per
/// repository and `POOL.tsv`), unpacked once into `.build/pool` and read as a user would: every
/// models folder of a repository is a spec of its own.
struct PoolCorpus {
    /// One models folder of one set.
    struct Spec {
        /// The set's name (`owner+repository`).
        var set: String
        /// The SDK language POOL.tsv gives the set.
        var language: String
        /// The models folder, relative to the set (`docs/models`, `gusto_embedded/docs/models`).
        var modelsFolder: String
        var folder: URL
        var docs: Int

        /// `set` alone when the set has one models folder, else `set:modelsFolder`.
        var name: String
    }

    var specs: [Spec]

    /// Where the sets are unpacked: ignored by git, kept between runs.
    static let unpackedRoot = TestSupport.packageRoot.appendingPathComponent(".build/pool")

    /// Unpacks every set that is not unpacked yet (or whose archive changed) and lists the
    /// models folders. Skips when `SPECMODELS_CORPUS` is unset; fails when it is set and the
    /// pool is missing.
    static func load() throws -> PoolCorpus {
        let pool = try TestSupport.corpusFolder("pool")
        let table = try String(contentsOf: pool.appendingPathComponent("POOL.tsv"), encoding: .utf8)
        var languages: [String: String] = [:]
        for line in table.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4 else { continue }
            languages[columns[0]] = columns[3]
        }
        let archives = try FileManager.default.contentsOfDirectory(atPath: pool.path)
            .filter { $0.hasSuffix(".tar.gz") }
            .sorted()
        XCTAssertEqual(archives.count, languages.count, "every set of POOL.tsv has an archive, and only those")
        var specs: [Spec] = []
        for archive in archives {
            let set = String(archive.dropLast(".tar.gz".count))
            let folder = try unpack(pool.appendingPathComponent(archive), as: set)
            let docs = try markdownPaths(in: folder)
            var modelsFolders = ModelsFolder.nestedFolders(in: docs)
            if !ModelsFolder(relativePaths: docs).isSpecFolder { modelsFolders = ["models"] }
            XCTAssertFalse(modelsFolders.isEmpty, "\(set) holds no models folder")
            for modelsFolder in modelsFolders {
                let prefix = modelsFolder + "/"
                specs.append(Spec(
                    set: set, language: languages[set] ?? "?", modelsFolder: modelsFolder,
                    folder: folder.appendingPathComponent(modelsFolder),
                    docs: docs.count { $0.hasPrefix(prefix) },
                    name: modelsFolders.count == 1 ? set : "\(set):\(modelsFolder)"))
            }
        }
        return PoolCorpus(specs: specs)
    }

    /// One set's folder, unpacked as `load()` unpacks every set (for a test that needs one).
    static func unpacked(set: String) throws -> URL {
        try unpack(TestSupport.corpusFolder("pool").appendingPathComponent("\(set).tar.gz"), as: set)
    }

    /// The set's folder under `.build/pool`, unpacked from its archive unless the archive's
    /// size and date are those of the last unpacking.
    private static func unpack(_ archive: URL, as set: String) throws -> URL {
        let folder = unpackedRoot.appendingPathComponent(set)
        let marker = unpackedRoot.appendingPathComponent("\(set).unpacked")
        let attributes = try FileManager.default.attributesOfItem(atPath: archive.path)
        let stamp = "\(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)\n"
        if (try? String(contentsOf: marker, encoding: .utf8)) == stamp,
           FileManager.default.fileExists(atPath: folder.path) {
            return folder
        }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tar = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["tar", "-xzf", archive.path, "-C", folder.path])
        guard tar.status == 0 else {
            throw PoolError(description: "cannot unpack \(archive.path): \(tar.standardError)")
        }
        try Data(stamp.utf8).write(to: marker)
        return folder
    }

    struct PoolError: Error, CustomStringConvertible {
        var description: String
    }

    /// Every `.md` file below the folder, relative to it.
    private static func markdownPaths(in folder: URL) throws -> [String] {
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = walk.nextObject() as? String {
            if path.lowercased().hasSuffix(".md") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// What a diagnostic says, without its particulars: code spans and paths (words with a `/`
    /// outside code) become `_`, numbers `N`, and the message ends at its first `:` or `;`
    /// (`unknown type `_``, `not a model doc`).
    static func kind(of message: String) -> String {
        let message = message.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.contains("/") && !$0.contains("`") ? "_" : String($0) }
            .joined(separator: " ")
        var kind = ""
        var inCode = false
        var previous: Character?
        for character in message {
            if character == "`" {
                if !inCode { kind += "`_`" }
                inCode.toggle()
            } else if !inCode {
                if character == ":" || character == ";" { break }
                if character.isNumber {
                    if previous?.isNumber != true && kind.last != "N" { kind += "N" }
                } else if !(character == "," && previous?.isNumber == true) {
                    kind.append(character)
                }
            }
            previous = character
        }
        return kind.trimmingCharacters(in: .whitespaces)
    }
}
