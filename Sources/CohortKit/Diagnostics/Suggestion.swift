/// Finds the closest candidate to a misspelt name, for "did you mean ...?" hints.
enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo or prefix.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(lowered, candidate.lowercased())
            let isPrefix = !lowered.isEmpty && candidate.lowercased().hasPrefix(lowered)
            let score = isPrefix ? min(distance, 1) : distance
            if let current = best, current.distance <= score { continue }
            best = (candidate, score)
        }
        guard let best else { return nil }
        let limit = max(2, lowered.count / 3)
        return best.distance <= limit ? best.candidate : nil
    }

    /// The path among `candidates` that a mistaken path most likely meant: the first (in order) with
    /// the same file name as `path`, as when a file is written from the wrong folder, else the one
    /// closest to `resolved` (`path` as it was resolved).
    static func closestPath(to path: String, resolved: String, among candidates: some Sequence<String>) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return candidates.filter { $0.split(separator: "/").last.map(String.init) == name }.min()
            ?? closest(to: resolved, among: candidates)
    }

    /// The hint text for a suggestion, or nil.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
