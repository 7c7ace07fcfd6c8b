import Domain

/// A child's episodes of care in the order they happened, as the looked-after indicators read them and the importer
/// checks them: one rule in one place, so the fault a council is shown is the repair the figures make.
///
/// A child can be in only one episode at a time. An episode left open (no DEC) before a later one, or one that ends
/// after the next begins, is a data fault that the return does contain: the earlier episode is taken to end the day
/// the later one begins, and to have ceased with REC `X1` (the child stayed looked after), so the child is counted
/// once. An earlier episode that the later one replaces on its first day lasts no time and is dropped.
public enum EpisodeChronology {
    public struct Episode: Sendable, Equatable {
        /// The row in `SSDA903Tables`.
        public var index: Int
        public var start: Int32
        /// `noDate` while open.
        public var end: Int32
        /// REC, `X1` for an episode cut short by the next.
        public var endReason: String
        /// Whether the episode's end was moved to the next one's start.
        public var cut: Bool
    }

    /// Every child's episodes, ordered by start date (then by row), overlaps cut; `include` chooses the rows read.
    public static func children(_ t: SSDA903Tables, include: (Int) -> Bool = { _ in true }) -> [(child: String, episodes: [Episode])] {
        let rows = (0..<t.episodeCount).filter(include).sorted {
            (t.episodeChild[$0], t.episodeStart[$0], $0) < (t.episodeChild[$1], t.episodeStart[$1], $1)
        }
        var result: [(child: String, episodes: [Episode])] = []
        var i = 0
        while i < rows.count {
            let child = t.episodeChild[rows[i]]
            var episodes: [Episode] = []
            while i < rows.count, t.episodeChild[rows[i]] == child {
                let e = rows[i]
                let next = i + 1 < rows.count && t.episodeChild[rows[i + 1]] == child ? rows[i + 1] : nil
                var episode = Episode(index: e, start: t.episodeStart[e], end: t.episodeEnd[e], endReason: t.episodeEndReason[e], cut: false)
                if let next, episode.end == noDate || episode.end > t.episodeStart[next] {
                    episode.end = t.episodeStart[next]
                    episode.endReason = "X1"
                    episode.cut = true
                }
                if !(episode.cut && episode.end == episode.start) { episodes.append(episode) }
                i += 1
            }
            result.append((child, episodes))
        }
        return result
    }
}

extension SSDA903Importer {
    /// The episodes of one file that overlap the next episode of the same child, reported by file, line, child and
    /// field; `lines[i]` is the line of the table's row `i`.
    static func overlapFaults(_ t: SSDA903Tables, lines: [Int], file: String) -> [ImportFault] {
        var faults: [ImportFault] = []
        var kept = Set<Int>()
        for (child, episodes) in EpisodeChronology.children(t) {
            for (n, e) in episodes.enumerated() {
                kept.insert(e.index)
                guard e.cut else { continue }
                // The episode after the cut one begins on the day the cut one now ends.
                let next = CalendarDate(column: n + 1 < episodes.count ? episodes[n + 1].start : e.end)?.iso ?? "?"
                let was = t.episodeEnd[e.index] == noDate ? "is still open" : "ends on \(CalendarDate(column: t.episodeEnd[e.index])?.iso ?? "?")"
                faults.append(ImportFault(
                    severity: .warning, file: file, line: e.index < lines.count ? lines[e.index] : 0, childID: child, field: "DEC",
                    rule: "overlapping-episodes",
                    message: "this episode \(was) when the child's next episode starts on \(next); read as ending that day, so the child is counted once"))
            }
        }
        // An episode replaced on its first day is left out of the chronology: report it too.
        for e in 0..<t.episodeCount where !kept.contains(e) {
            faults.append(ImportFault(
                severity: .warning, file: file, line: e < lines.count ? lines[e] : 0, childID: t.episodeChild[e], field: "DECOM",
                rule: "overlapping-episodes",
                message: "another episode of this child starts the same day (\(CalendarDate(column: t.episodeStart[e])?.iso ?? "?")); this one is read as lasting no time and left out of the figures"))
        }
        return faults
    }
}
