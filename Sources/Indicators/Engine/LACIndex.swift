import CaseRecords
import Domain

/// Periods of care and placements built from the SSDA903 episodes, for the looked-after indicators.
///
/// A period of care is a run of a child's episodes, each beginning the day the one before ceased; a gap starts a new
/// period. Within a period a new placement begins with every episode whose reason (RNE) is not "L" (a change of legal
/// status only). Temporary placements (PLACE T0–T4: holidays, hospital, respite) are not placements for the
/// stability measures, and returning afterwards to the same kind of placement is not a move: the SSDA903 guidance
/// says temporary absences do not count.
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

    var periods: [PeriodOfCare] = []
    /// Review dates by child, sorted.
    var reviews: [String: [Int32]] = [:]
    /// Date of birth by child (from the header table).
    var birth: [String: Int32] = [:]
    /// The latest date anywhere in the return: due dates after it cannot be judged yet.
    var horizon: Int32 = noDate

    init(_ t: SSDA903Tables) {
        for (i, child) in t.childID.enumerated() where birth[child] == nil { birth[child] = t.childBirth[i] }
        for (i, child) in t.reviewChild.enumerated() { reviews[child, default: []].append(t.reviewDate[i]) }
        for key in reviews.keys { reviews[key]!.sort() }
        horizon = max(t.episodeStart.max() ?? noDate, t.episodeEnd.filter { $0 != noDate }.max() ?? noDate, t.reviewDate.max() ?? noDate)
        let order = (0..<t.episodeCount).sorted { (t.episodeChild[$0], t.episodeStart[$0]) < (t.episodeChild[$1], t.episodeStart[$1]) }
        var current: PeriodOfCare?
        var afterTemporary = false
        for e in order {
            let child = t.episodeChild[e], start = t.episodeStart[e], end = t.episodeEnd[e], code = t.episodePlacement[e]
            let temporary = code.hasPrefix("T")
            if var p = current, p.child == child, p.end != noDate, p.end >= start {
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
                if let p = current { periods.append(p) }
                current = PeriodOfCare(child: child, firstEpisode: e, start: start, end: end,
                                       placements: temporary ? [] : [Placement(start: start, end: end, code: code)])
            }
            afterTemporary = temporary
        }
        if let p = current { periods.append(p) }
    }
}

extension CaseData {
    /// Whether an SSDA903 return with episodes of care was loaded: the looked-after indicators need one.
    var hasLookedAfterEpisodes: Bool { !(lac?.episodeStart.isEmpty ?? true) }
}
