#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` in `start..<end` (the rest of the buffer by default),
    /// found with memchr: several times faster than a loop over the bytes, which the scans of
    /// whole docs and padded table rows were.
    func firstOffset(of byte: UInt8, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard let base = baseAddress, start < end,
              let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the string's, found with memchr and memcmp.
    /// Foundation's `contains(_:)` compares canonically through NSString (4% of generating
    /// ampersand v4 for the `null` in examples); on bytes a match is exact, which is what a
    /// pre-filter needs.
    func containsBytes(of needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count, let base = haystack.baseAddress, let word = needle.baseAddress else { return false }
                let lastStart = haystack.count - needle.count
                var from = 0
                while let found = haystack.firstOffset(of: first, from: from, to: lastStart + 1) {
                    if memcmp(base + found, word, needle.count) == 0 { return true }
                    from = found + 1
                }
                return false
            }
        }
    }
}
