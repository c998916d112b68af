import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The steps a bad-input case can ask for in its `setup` file: inputs that git cannot hold
/// (pipes, permissions), should not hold (megabytes, thousands of files), or that are clearer
/// made in code (symbolic links).
enum BadInputSetup {
    enum Step: String {
        case none
        /// `Generated/` is made read-only; root runs without the capability to ignore that.
        case outputNotWritable = "output-not-writable"
        /// `spec/models/operations/loop` links to `..`; `spec/models/self.md` links to itself.
        case symlinkLoop = "symlink-loop"
        /// `spec/models/alias` links to `operations`, so one folder is reachable twice.
        case folderLinkedTwice = "folder-linked-twice"
        /// `spec/models/gone.md` links to a file that does not exist.
        case brokenLink = "broken-link"
        /// `spec/models/pipe.md` is a named pipe: reading it would block forever.
        case fifo
        /// `spec/models/huge.md`: a doc of 20 MiB.
        case hugeFile = "huge-file"
        /// `spec/models/long.md`: a valid doc whose description is one line of 900 KiB.
        case longLine = "long-line"
        /// A doc 70 folders down.
        case deepFolders = "deep-folders"
        /// 20,000 valid docs in `spec/models/many/`, each linking to the next.
        case manyFiles = "many-files"
        /// `Generated/models.operations.listinstallationsgroup.swift` is the user's own file,
        /// named like a file the run would write.
        case userFileInOutput = "user-file-in-output"
        /// `spec/models/line\nbreak.md`: a doc whose name holds a line break.
        case controlCharacterInName = "control-character-in-name"
    }

    struct Launch {
        /// Run the binary without the privilege to write through permissions.
        var unprivileged = false
        var cleanUp: () -> Void = {}
    }

    static func perform(_ step: Step, in folder: URL) throws -> Launch {
        let spec = folder.appendingPathComponent("spec")
        let models = spec.appendingPathComponent("models")
        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(
                atPath: models.appendingPathComponent(name).path, withDestinationPath: destination)
        }
        switch step {
        case .none:
            return Launch()
        case .outputNotWritable:
            let output = folder.appendingPathComponent("Generated").path
            chmod(output, 0o555)
            return Launch(unprivileged: true, cleanUp: { chmod(output, 0o755) })
        case .symlinkLoop:
            try link("operations/loop", to: "..")
            try link("self.md", to: "self.md")
            return Launch()
        case .folderLinkedTwice:
            try link("alias", to: "operations")
            return Launch()
        case .brokenLink:
            try link("gone.md", to: "missing.md")
            return Launch()
        case .fifo:
            guard mkfifo(models.appendingPathComponent("pipe.md").path, 0o644) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
            return Launch()
        case .hugeFile:
            var text = "# Huge\n\n"
            let line = String(repeating: "A description that goes on and on. ", count: 28) + "\n\n"
            while text.utf8.count < 20 << 20 { text += line }
            try Data(text.utf8.prefix(20 << 20)).write(to: models.appendingPathComponent("huge.md"))
            return Launch()
        case .longLine:
            let description = String(repeating: "word ", count: 900 * 1024 / 5)
            let doc = "# Long\n\n\(description)\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | The id. |\n"
            try Data(doc.utf8).write(to: models.appendingPathComponent("long.md"))
            return Launch()
        case .deepFolders:
            var path = models
            for level in 1...70 { path.appendPathComponent("level\(level)") }
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            try Data("# Deep\n\n## Values\n\n```typescript\n\"a\"\n```\n".utf8).write(to: path.appendingPathComponent("deep.md"))
            return Launch()
        case .userFileInOutput:
            let file = folder.appendingPathComponent("Generated/models.operations.listinstallationsgroup.swift")
            try Data("// Hand-written, not generated.\nstruct ListInstallationsGroup {}\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 978_307_200)], ofItemAtPath: file.path)
            return Launch()
        case .controlCharacterInName:
            try Data("# LineBreak\n\n## Values\n\n```typescript\n\"a\"\n```\n".utf8)
                .write(to: models.appendingPathComponent("line\nbreak.md"))
            return Launch()
        case .manyFiles:
            let many = models.appendingPathComponent("many")
            try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
            let count = 20_000
            func padded(_ number: Int) -> String {
                let digits = String(number)
                return "m" + String(repeating: "0", count: 5 - digits.count) + digits
            }
            for index in 0..<count {
                let name = padded(index)
                let next = padded((index + 1) % count)
                let doc = """
                    # M\(name.dropFirst())

                    ## Fields

                    | Field | Type | Required | Description |
                    | --- | --- | --- | --- |
                    | `id` | *string* | :heavy_check_mark: | The id. |
                    | `next` | [many.M\(next.dropFirst())](\(next).md) | :heavy_minus_sign: | The next one. |

                    """
                // Plain POSIX writes: Foundation's are several times slower for 20,000 files.
                let descriptor = open(many.appendingPathComponent("\(name).md").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
                let bytes = Array(doc.utf8)
                let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
            }
            return Launch()
        }
    }
}
