// The libFuzzer entry point over the whole front end: markdown docs → spec documents →
// type graph → Swift emission, all in memory. `make fuzz` compiles it together with the
// sources of SpecModelsKit into one module (so internal API is visible), with
// `-sanitize=fuzzer,address`.
//
// Input format: one or more docs. A line `@@@ models/ns/name.md` starts a doc at that path
// (relative to the spec root); text before the first such line is the doc
// `models/operations/doc.md`. Several docs let links between them be exercised.
//
// Besides crashes, hangs and sanitizer reports, the target traps when an invariant of the
// diagnostics breaks: each is one line, points into a file of the input, and an erroring run
// emits nothing.

@_cdecl("LLVMFuzzerTestOneInput")
public func specModelsFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let files = FuzzInput.files(from: bytes)
    let result = Generator.generate(files, options: EmissionOptions())
    FuzzInput.check(result, files: files)
    return 0
}

enum FuzzInput {
    static let marker = Array("@@@ ".utf8)
    static let maximumDocs = 64

    static func files(from bytes: [UInt8]) -> [SpecSource.File] {
        var docs: [(path: String, bytes: [UInt8])] = []
        var path: String?  // nil before the first marker line
        var start = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if bytes[lineStart..<lineEnd].starts(with: marker) {
                if path != nil || lineStart > start {
                    docs.append((path ?? "models/operations/doc.md", Array(bytes[start..<lineStart])))
                }
                path = sanitizedPath(bytes[(lineStart + marker.count)..<lineEnd])
                start = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        if path != nil || bytes.count > start || docs.isEmpty {
            docs.append((path ?? "models/operations/doc.md", Array(bytes[start...])))
        }
        var seen = Set<String>()
        var files: [SpecSource.File] = []
        for (index, doc) in docs.prefix(maximumDocs).enumerated() {
            var relative = doc.path
            if !seen.insert(relative).inserted {
                relative = String(relative.dropLast(3)) + "-\(index).md"
                seen.insert(relative)
            }
            files.append(SpecSource.File(relativePath: relative, displayPath: "spec/" + relative, bytes: doc.bytes))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    /// A relative path with no empty, `.` or `..` components, ending in `.md`, and without
    /// control characters (which `SpecSource` rejects in file names).
    static func sanitizedPath(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar.value == 0x7F ? "_" : Character(scalar)
        })
        let components = text.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        var path = components.joined(separator: "/")
        if path.isEmpty { path = "models/operations/doc" }
        if !path.hasSuffix(".md") { path += ".md" }
        return path
    }

    static func check(_ result: Generator.Result, files: [SpecSource.File]) {
        var lineCounts: [String: [Int]] = [:]
        for file in files {
            // Byte length of each line, to check columns.
            // Lines end at \n, \r\n or a lone \r, as in CommonMark.
            var lengths: [Int] = []
            var length = 0
            var index = 0
            let bytes = file.bytes
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                    if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    lengths.append(length)
                    length = 0
                } else {
                    length += 1
                }
                index += 1
            }
            lengths.append(length)
            lineCounts[file.displayPath] = lengths
        }
        for diagnostic in result.diagnostics.all {
            let text = diagnostic.description
            guard !text.contains("\n"), !text.contains("\r") else { fail("diagnostic spans lines: \(text)") }
            guard diagnostic.message.utf8.count <= 2000 else { fail("diagnostic of \(diagnostic.message.utf8.count) bytes: \(text.prefix(300))") }
            guard let location = diagnostic.location else { continue }
            guard let lengths = lineCounts[location.file] else { fail("diagnostic in an unknown file: \(text)") }
            guard location.line >= 1, location.line <= lengths.count else { fail("line out of range: \(text)") }
            guard location.column >= 1, location.column <= lengths[location.line - 1] + 1 else {
                fail("column out of range (line has \(lengths[location.line - 1]) bytes): \(text)")
            }
        }
        if result.diagnostics.hasErrors {
            guard result.files.isEmpty else { fail("files emitted despite errors") }
        } else {
            guard result.files.count == result.graph.models.count + 1 else { fail("\(result.files.count) files for \(result.graph.models.count) models") }
            guard Set(result.files.map(\.name)).count == result.files.count else { fail("two output files with one name") }
        }
    }

    static func fail(_ message: String) -> Never {
        fatalError("invariant broken: \(message)")
    }
}
