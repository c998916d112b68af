import Foundation

/// Builds large specs with the real corpus's shape by replicating it: replica `k` of every
/// doc gets renamed types (`NameR3`), renamed files (`name_r3.md`) and rewritten links and
/// `ns.Name` references, so each replica is a self-contained copy of the corpus's graph
/// (same field counts, link density, enums, unions, nesting and descriptions).
struct SyntheticSpec {
    /// The corpus docs, relative path → bytes, with the spec's root folder.
    let corpusRoot: String
    let docs: [(relativePath: String, bytes: [UInt8])]
    /// Folder names that prefix qualified type names (`operations.Name`).
    let namespaces: Set<[UInt8]>

    init(corpusRoot: String) throws {
        self.corpusRoot = corpusRoot
        var docs: [(String, [UInt8])] = []
        var namespaces = Set<[UInt8]>()
        var buffer: [UInt8] = []
        for path in CMarkFloor.markdownFiles(below: corpusRoot) {
            guard CMarkFloor.read(path, into: &buffer) else { throw Failure("cannot read \(path)") }
            let relative = String(path.dropFirst(corpusRoot.count + 1))
            let components = relative.split(separator: "/")
            if components.count >= 2 { namespaces.insert(Array(components[components.count - 2].utf8)) }
            docs.append((relative, buffer))
        }
        guard !docs.isEmpty else { throw Failure("no .md docs below \(corpusRoot)") }
        self.docs = docs
        self.namespaces = namespaces
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// How many whole replicas come closest to `documentCount` docs (at least one).
    func replicas(near documentCount: Int) -> Int {
        max(1, Int((Double(documentCount) / Double(docs.count)).rounded()))
    }

    /// Writes `replicas` copies of the corpus below `directory` (which must not exist).
    func write(replicas: Int, to directory: String) throws {
        var folders = Set<String>()
        for replica in 0..<replicas {
            for doc in docs {
                let path = directory + "/" + Self.renamedPath(doc.relativePath, replica: replica)
                let folder = String(path[..<path.lastIndex(of: "/")!])
                if folders.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let bytes = replica == 0 ? doc.bytes : rename(doc.bytes, replica: replica)
                guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                    throw Failure("cannot write \(path)")
                }
            }
        }
    }

    static func renamedPath(_ path: String, replica: Int) -> String {
        guard replica > 0, path.hasSuffix(".md") else { return path }
        return String(path.dropLast(3)) + "_r\(replica).md"
    }

    /// Rewrites one doc for replica `replica`: the `#` heading's name, `ns.Name` spellings
    /// and `….md)` link destinations.
    func rename(_ bytes: [UInt8], replica: Int) -> [UInt8] {
        let typeSuffix = Array("R\(replica)".utf8)
        let fileSuffix = Array("_r\(replica)".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 512)
        var index = 0
        var atLineStart = true
        var renamedHeading = false
        while index < bytes.count {
            let byte = bytes[index]
            // `# Name` or `# ~~Name~~`: the suffix goes after the name.
            if atLineStart, !renamedHeading, byte == UInt8(ascii: "#"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: " ") {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var nameEnd = end
                while nameEnd > index, bytes[nameEnd - 1] == UInt8(ascii: " ") || bytes[nameEnd - 1] == UInt8(ascii: "\r") { nameEnd -= 1 }
                if nameEnd - index > 4, bytes[nameEnd - 1] == UInt8(ascii: "~"), bytes[nameEnd - 2] == UInt8(ascii: "~") { nameEnd -= 2 }
                output.append(contentsOf: bytes[index..<nameEnd])
                output.append(contentsOf: typeSuffix)
                output.append(contentsOf: bytes[nameEnd..<end])
                index = end
                renamedHeading = true
                atLineStart = false
                continue
            }
            atLineStart = byte == UInt8(ascii: "\n")
            // `….md)` closes a link to another doc.
            if byte == UInt8(ascii: "."), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "m"),
               bytes[index + 2] == UInt8(ascii: "d"), bytes[index + 3] == UInt8(ascii: ")") {
                output.append(contentsOf: fileSuffix)
                output.append(contentsOf: bytes[index...(index + 3)])
                index += 4
                continue
            }
            // `ns.Name` where ns is a namespace folder and the name starts with a capital.
            if Self.isIdentifierStart(byte), index == 0 || !Self.isIdentifier(bytes[index - 1]) {
                var end = index
                while end < bytes.count, Self.isIdentifier(bytes[end]) { end += 1 }
                if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."),
                   (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end + 1]),
                   namespaces.contains(Array(bytes[index..<end])) {
                    var nameEnd = end + 1
                    while nameEnd < bytes.count, Self.isIdentifier(bytes[nameEnd]) { nameEnd += 1 }
                    output.append(contentsOf: bytes[index..<nameEnd])
                    output.append(contentsOf: typeSuffix)
                    index = nameEnd
                } else {
                    output.append(contentsOf: bytes[index..<end])
                    index = end
                }
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
