/// "Did you mean" hints: the closest known spelling by edit distance, if it is close.
public enum Suggestion {
    /// Candidates prepared once for many searches: each spelling with its lower-cased bytes.
    struct Candidates: Sendable {
        let entries: [(spelling: String, bytes: [UInt8])]

        init<Spellings: Sequence<String>>(_ spellings: Spellings) {
            entries = spellings.map { ($0, Array($0.lowercased().utf8)) }
        }
    }

    public static func closest<Spellings: Sequence<String>>(to spelling: String, among candidates: Spellings) -> String? {
        closest(to: spelling, among: Candidates(candidates))
    }

    static func closest(to spelling: String, among candidates: Candidates) -> String? {
        let target = Array(spelling.lowercased().utf8)
        let limit = max(2, target.count / 3)
        var best: (distance: Int, candidate: String)?
        for (candidate, bytes) in candidates.entries {
            guard abs(bytes.count - target.count) <= limit else { continue }
            let distance = editDistance(target, bytes, limit: limit)
            guard distance <= limit else { continue }
            if best.map({ distance < $0.distance || (distance == $0.distance && candidate < $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    /// Plain loops: this runs for every candidate of every search.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var i = 1
        while i <= a.count {
            current[0] = i
            var rowMinimum = i
            let character = a[i - 1]
            var j = 1
            while j <= b.count {
                var value = previous[j - 1] + (character == b[j - 1] ? 0 : 1)
                let deletion = previous[j] + 1
                if deletion < value { value = deletion }
                let insertion = current[j - 1] + 1
                if insertion < value { value = insertion }
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
                j += 1
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
            i += 1
        }
        return previous[b.count]
    }
}
