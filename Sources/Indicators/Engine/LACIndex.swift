import CaseRecords
import Domain

/// Periods of care and placements built from the SSDA903 episodes, for the looked-after indicators.
///
/// DfE's conventions (docs/indicators.md, "Looked-after children"):
/// - Children looked after under an agreed series of short-term breaks (legal status V3, V4) are left out of every
///   looked-after figure, as in all of DfE's published looked-after statistics: their episodes are not read.
/// - A period of care starts with an episode whose RNE is `S` and goes on only through episodes that begin the day
///   the one before ceased with REC `X1`; a child who ceased (`E*`) and started again (`S`) the same day has two
///   periods. (A closed episode with REC left blank goes on into a next episode that begins the same day with an
///   RNE other than `S`.) Overlapping or left-open episodes are cut as `EpisodeChronology` says (the importer reports them).
/// - Within a period a new placement begins with every episode whose reason (RNE) is not "L" (a change of legal
///   status only). Temporary placements (PLACE T0–T4: holidays, hospital, respite) are not placements for the
///   stability measures, and returning afterwards to the same kind of placement is not a move: the SSDA903 guidance
///   says temporary absences do not count.
struct LACIndex {
    struct Placement {
        var start: Int32
        var end: Int32
        var code: String
    }

    struct PeriodOfCare {
        var child: String
        var firstEpisode: Int
        var start: Int32
        /// `noDate` while the child is still looked after.
        var end: Int32
        var placements: [Placement]

        func contains(_ day: Int32) -> Bool { start <= day && (end == noDate || end > day) }

        func placement(at day: Int32) -> Int? {
            placements.lastIndex { $0.start <= day && ($0.end == noDate || $0.end > day) }
        }
    }

    /// Legal statuses of an agreed series of short-term breaks.
    static let shortBreaks: Set<String> = ["V3", "V4"]

    var periods: [PeriodOfCare] = []
    /// Each child's periods (indices into `periods`), in order.
    var periodsOfChild: [String: [Int]] = [:]
    /// Review dates by child, sorted.
    var reviews: [String: [Int32]] = [:]
    /// Date of birth by child (from the header table).
    var birth: [String: Int32] = [:]
    /// The last day due dates are judged up to: the date figures are judged on when one is given (`--as-of`), else
    /// the latest date written in the return. Never the clock, so the same files give the same figures on any day.
    var horizon: Int32 = noDate

    init(_ t: SSDA903Tables, asOf: Int32? = nil) {
        for (i, child) in t.childID.enumerated() where birth[child] == nil { birth[child] = t.childBirth[i] }
        for (i, child) in t.reviewChild.enumerated() { reviews[child, default: []].append(t.reviewDate[i]) }
        for key in reviews.keys { reviews[key]!.sort() }
        let latest = t.latestDate != noDate ? t.latestDate
            : max(t.episodeStart.max() ?? noDate, t.episodeEnd.max() ?? noDate, t.reviewDate.max() ?? noDate)
        horizon = asOf ?? latest
        let chronology = EpisodeChronology.children(t) { !Self.shortBreaks.contains(t.episodeLegalStatus[$0]) }
        for (child, episodes) in chronology {
            var current: PeriodOfCare?
            var previous: EpisodeChronology.Episode?
            var afterTemporary = false
            for episode in episodes {
                let e = episode.index, start = episode.start, end = episode.end, code = t.episodePlacement[e]
                let temporary = code.hasPrefix("T")
                // A REC left blank on a closed episode says nothing against continuing: the next episode's RNE decides.
                let continues = t.episodeReason[e] != "S"
                    && previous.map { ($0.endReason == "X1" || $0.endReason.isEmpty) && $0.end == start } ?? false
                if continues, var p = current {
                    p.end = end
                    let returning = afterTemporary && p.placements.last?.code == code
                    if temporary || t.episodeReason[e] == "L" || returning, !p.placements.isEmpty {
                        // The placement goes on: a temporary absence, a change of legal status only, or the return.
                        p.placements[p.placements.count - 1].end = end
                    } else if !temporary {
                        p.placements.append(Placement(start: start, end: end, code: code))
                    }
                    current = p
                } else {
                    if let p = current { append(p) }
                    current = PeriodOfCare(child: child, firstEpisode: e, start: start, end: end,
                                           placements: temporary ? [] : [Placement(start: start, end: end, code: code)])
                }
                afterTemporary = temporary
                previous = episode
            }
            if let p = current { append(p) }
        }
    }

    private mutating func append(_ p: PeriodOfCare) {
        periodsOfChild[p.child, default: []].append(periods.count)
        periods.append(p)
    }

    /// The child's period of care that contains the day, if the child was looked after on it.
    func period(of child: String, at day: Int32) -> Int? {
        periodsOfChild[child]?.last { periods[$0].contains(day) }
    }
}

extension CaseData {
    /// Whether an SSDA903 return with episodes of care was loaded: the looked-after indicators need one.
    var hasLookedAfterEpisodes: Bool { !(lac?.episodeStart.isEmpty ?? true) }
}
