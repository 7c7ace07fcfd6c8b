import CaseRecords
import Domain

/// Groupings of the CIN tables that several definitions need: records by child, reviews by plan, assessments by
/// episode. Built in one pass each.
struct CINIndex {
    static func group(_ parents: [Int32], count: Int) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (i, p) in parents.enumerated() where p >= 0 { groups[Int(p)].append(i) }
        return groups
    }

    /// Episodes of each child, ordered by referral date.
    static func episodesByChild(_ t: CINTables) -> [[Int]] {
        var groups = group(t.episodeChild, count: t.childCount)
        for c in groups.indices where groups[c].count > 1 { groups[c].sort { t.referralDate[$0] < t.referralDate[$1] } }
        return groups
    }

    /// Plans of each child, ordered by start date.
    static func plansByChild(_ t: CINTables) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: t.childCount)
        for p in 0..<t.planCount { groups[t.childOfPlan(p)].append(p) }
        for c in groups.indices where groups[c].count > 1 { groups[c].sort { t.planStart[$0] < t.planStart[$1] } }
        return groups
    }

    /// Review dates of each plan, ordered, with duplicate dates counted once.
    static func reviewsByPlan(_ t: CINTables) -> [[Int32]] {
        var groups = [[Int32]](repeating: [], count: t.planCount)
        for r in 0..<t.reviewCount { groups[Int(t.reviewPlan[r])].append(t.reviewDate[r]) }
        for p in groups.indices where groups[p].count > 1 {
            groups[p].sort()
            var unique: [Int32] = []
            for d in groups[p] where unique.last != d { unique.append(d) }
            groups[p] = unique
        }
        return groups
    }
}

/// Calendar months on day numbers: `addMonths` of INDICATORS.md §1.2, clamped to the month's end.
@inline(__always) func addMonths(_ day: Int32, _ months: Int) -> Int32 {
    CalendarDate(dayNumber: Int(day)).adding(months: months).column
}
