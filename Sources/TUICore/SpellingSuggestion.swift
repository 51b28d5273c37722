/// Finds the word someone probably meant, for "did you mean ...?" hints.
public enum SpellingSuggestion {
    /// The candidate closest to `word`, or nil when none is close enough.
    ///
    /// In order: a candidate equal to `word` once lower-cased with `-` and
    /// spaces turned into `_`; the candidate with the smallest edit distance
    /// if that is at most a third of the word's length (at least 1, at most
    /// 3); a candidate that starts with the word (`selection` ->
    /// `selection_fg`); the longest candidate the word starts with
    /// (`accent_colour` -> `accent`). Ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let normalized = String(word.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        guard !normalized.isEmpty else { return nil }
        if candidates.contains(normalized) { return normalized }

        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(normalized, candidate)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        let limit = min(3, max(1, normalized.count / 3))
        if let best, best.distance <= limit { return best.candidate }

        if normalized.count >= 3, let extended = candidates.first(where: { $0.hasPrefix(normalized) }) {
            return extended
        }
        let prefixes = candidates.filter { $0.count >= 2 && normalized.hasPrefix($0) }
        return prefixes.max { $0.count < $1.count }
    }

    /// Edit distance between `a` and `b` counting an insertion, deletion,
    /// substitution or swap of two neighbouring characters as one edit
    /// (optimal string alignment), so `pasue` is one edit from `pause`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }
}
