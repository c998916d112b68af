/// Pairs removed and added things that share a key (a shape signature, a field type) as
/// renames. Grouping by key keeps this linear in the number of things; only things with the
/// same key are compared with each other, most similar names first.
enum RenamePairing {
    static let maximumScoredPairs = 4096

    /// Returns `(removed, added)` index pairs. Within a key, every removed/added pair is
    /// scored by `similarity` and taken greedily, best first, ties in input order.
    static func pairs<Key: Hashable>(
        removed: [Int], added: [Int],
        key: (_ isOld: Bool, _ index: Int) -> Key?,
        similarity: (_ old: Int, _ new: Int) -> Int
    ) -> [(old: Int, new: Int)] {
        var addedByKey: [Key: [Int]] = [:]
        for index in added {
            if let key = key(false, index) { addedByKey[key, default: []].append(index) }
        }
        guard !addedByKey.isEmpty else { return [] }
        var removedByKey: [Key: [Int]] = [:]
        var keyOrder: [Key] = []
        for index in removed {
            guard let key = key(true, index), addedByKey[key] != nil else { continue }
            if removedByKey[key] == nil { keyOrder.append(key) }
            removedByKey[key, default: []].append(index)
        }
        var result: [(old: Int, new: Int)] = []
        for key in keyOrder {
            let olds = removedByKey[key]!
            let news = addedByKey[key]!
            if olds.count == 1 && news.count == 1 {
                result.append((olds[0], news[0]))
                continue
            }
            // A huge group (a schema copied per operation, renamed wholesale) is paired in
            // input order rather than scored pair by pair, which would be quadratic.
            if olds.count * news.count > maximumScoredPairs {
                result.append(contentsOf: zip(olds, news).map { ($0, $1) })
                continue
            }
            var candidates: [(score: Int, old: Int, new: Int)] = []
            for old in olds {
                for new in news { candidates.append((similarity(old, new), old, new)) }
            }
            candidates.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
            var usedOld = Set<Int>()
            var usedNew = Set<Int>()
            for candidate in candidates where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
                usedOld.insert(candidate.old)
                usedNew.insert(candidate.new)
                result.append((candidate.old, candidate.new))
            }
        }
        return result.sorted { $0.old < $1.old }
    }

    /// Returns `(removed, added)` index pairs whose key no other removed or added thing has.
    static func uniquePairs<Key: Hashable>(
        removed: [Int], added: [Int], key: (_ isOld: Bool, _ index: Int) -> Key
    ) -> [(old: Int, new: Int)] {
        var addedByKey: [Key: [Int]] = [:]
        for index in added { addedByKey[key(false, index), default: []].append(index) }
        var removedByKey: [Key: [Int]] = [:]
        for index in removed { removedByKey[key(true, index), default: []].append(index) }
        return removed.compactMap { index in
            let key = key(true, index)
            guard removedByKey[key]?.count == 1, let news = addedByKey[key], news.count == 1 else { return nil }
            return (index, news[0])
        }
    }

    /// A name as the SDK languages respell it: case folded, underscores dropped
    /// (`doc_id`, `DocID` and `docId` are `docid`).
    static func spellingKey(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "")
    }

    /// How alike two names are: the length of their common prefix plus that of their common
    /// suffix, ignoring case (`Oauth2Password` and `Oauth2PasswordCredentials` share 14).
    static func nameSimilarity(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.lowercased().unicodeScalars)
        let b = Array(rhs.lowercased().unicodeScalars)
        let limit = min(a.count, b.count)
        var prefix = 0
        while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < limit - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return prefix + suffix
    }
}
