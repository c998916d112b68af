import CCMark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The physical floor: find the `.md` files, read each one, parse it with cmark and walk
/// its tree with cmark's iterator, using the C API directly (no Swift values per node).
enum CMarkFloor {
    struct Totals {
        var files = 0
        var bytes = 0
        var nodes = 0
    }

    static func run(directory: String) -> Totals {
        var totals = Totals()
        var buffer: [UInt8] = []
        for path in markdownFiles(below: directory) {
            guard read(path, into: &buffer) else { continue }
            totals.files += 1
            totals.bytes += buffer.count
            totals.nodes += buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    walk(characters.baseAddress, count: characters.count)
                }
            }
        }
        return totals
    }

    private static func walk(_ characters: UnsafePointer<CChar>?, count: Int) -> Int {
        guard let characters, let root = cmark_parse_document(characters, count, CMARK_OPT_DEFAULT) else { return 0 }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var nodes = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                // Touch what a reader needs: the type, and the literal of text-like nodes.
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                    nodes += Int(literal.pointee & 1)
                }
                nodes += 1
            }
        }
        return nodes
    }

    /// Every `.md` file below `directory`, sorted, skipping hidden entries.
    static func markdownFiles(below directory: String) -> [String] {
        var found: [String] = []
        var pending = [directory]
        while let folder = pending.popLast() {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    pending.append(path)
                } else if name.hasSuffix(".md") {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    /// Reads a whole file with open/fstat/read.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let size = Int(status.st_size)
        buffer = [UInt8](repeating: 0, count: size)
        var done = 0
        let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
            while done < size {
                let count = Glibc.read(descriptor, raw.baseAddress! + done, size - done)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                done += count
            }
            return true
        }
        return ok
    }
}
