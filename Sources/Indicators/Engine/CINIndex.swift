import CaseRecords
import Domain

/// Records grouped by a parent (episodes by child, plans by child, reviews by plan) in one flat array with offsets:
/// built by a counting sort in two passes, with no array per group, so grouping millions of records costs two
/// allocations rather than millions.
struct Groups {
    /// `members[offsets[g]..<offsets[g + 1]]` are group g's records.
    private(set) var offsets: [Int32]
    private(set) var members: [Int32]

    var groupCount: Int { offsets.count - 1 }

    /// Groups records 0..<parents.count by their parent; within a group records keep their index order.
    init(parents: [Int32], count: Int) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for p in parents where p >= 0 { offsets[Int(p) + 1] += 1 }
        for g in 0..<count { offsets[g + 1] += offsets[g] }
        var next = offsets
        var members = [Int32](repeating: 0, count: Int(offsets[count]))
        for (i, p) in parents.enumerated() where p >= 0 {
            members[Int(next[Int(p)])] = Int32(i)
            next[Int(p)] += 1
        }
        self.offsets = offsets
        self.members = members
    }

    subscript(group: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
        members[Int(offsets[group])..<Int(offsets[group + 1])].lazy.map { Int($0) }
    }

    /// Orders each group's records by a key (groups are small: an insertion sort in place).
    mutating func sortEachGroup(by key: [Int32]) {
        let offsets = self.offsets
        members.withUnsafeMutableBufferPointer { m in
            for g in 0..<(offsets.count - 1) {
                let lo = Int(offsets[g]), hi = Int(offsets[g + 1])
                guard hi - lo > 1 else { continue }
                for i in (lo + 1)..<hi {
                    let item = m[i]
                    let k = key[Int(item)]
                    var j = i - 1
                    while j >= lo, key[Int(m[j])] > k {
                        m[j + 1] = m[j]
                        j -= 1
                    }
                    m[j + 1] = item
                }
            }
        }
    }
}

/// Groupings of the CIN tables that several definitions need.
enum CINIndex {
    /// Episodes of each child, ordered by referral date.
    static func episodesByChild(_ t: CINTables) -> Groups {
        var groups = Groups(parents: t.episodeChild, count: t.childCount)
        groups.sortEachGroup(by: t.referralDate)
        return groups
    }

    /// The referral each episode belongs to as §7 counts referrals: a child's episodes with the same referral date
    /// (a contact closed with no further action and a re-referral that day) are one referral, named by the first of
    /// them in date order. `result[e] == e` for the episode that names its referral.
    static func referralOf(_ t: CINTables, _ byChild: Groups) -> [Int32] {
        var result = (0..<Int32(t.episodeCount)).map { $0 }
        for child in 0..<byChild.groupCount {
            var first = -1
            for e in byChild[child] {
                if first >= 0, t.referralDate[first] == t.referralDate[e] { result[e] = Int32(first) } else { first = e }
            }
        }
        return result
    }

    /// Plans as §7 counts them: a child's plan records with the same `CPPstartDate` are one plan (the census gives a
    /// plan no other identity, and a plan recorded under both of a child's same-day episodes, or twice, is still one
    /// plan). The plan is open while any of its records is open, ends on the latest end once all have ended, and its
    /// reviews are all its records' review dates, each once.
    struct Plans {
        /// The plan records that stand for a plan (the first of each group, in record order).
        var representatives: [Int] = []
        /// By representative: the plan's end (`noDate` while open), its review dates sorted and unique, and its
        /// review rows (one per date, the first).
        var end: [Int: Int32] = [:]
        var reviews: [Int: [Int32]] = [:]
        var reviewRows: [Int: [Int]] = [:]
    }

    static func plans(_ t: CINTables) -> Plans {
        var plans = Plans()
        let byChild = plansByChild(t)
        var rowsOfPlan = [[Int]](repeating: [], count: t.planCount)
        for r in 0..<t.reviewCount { rowsOfPlan[Int(t.reviewPlan[r])].append(r) }
        // The columns the closures read, taken out of the tables: a closure that captured `t` would retain every one
        // of its columns each time it is made, hundreds of thousands of times over a national dataset.
        let planEnd = t.planEnd, planStart = t.planStart, reviewDate = t.reviewDate
        for child in 0..<byChild.groupCount {
            var group: [Int] = []
            func close() {
                guard let rep = group.min() else { return }
                plans.representatives.append(rep)
                plans.end[rep] = group.contains { planEnd[$0] == noDate } ? noDate : group.map { planEnd[$0] }.max()!
                var rows = group.flatMap { rowsOfPlan[$0] }.sorted { (reviewDate[$0], $0) < (reviewDate[$1], $1) }
                var seen = Set<Int32>()
                rows = rows.filter { seen.insert(reviewDate[$0]).inserted }
                plans.reviewRows[rep] = rows
                plans.reviews[rep] = rows.map { reviewDate[$0] }
                group = []
            }
            for p in byChild[child] {
                if let first = group.first, planStart[first] != planStart[p] { close() }
                group.append(p)
            }
            close()
        }
        plans.representatives.sort()
        return plans
    }

    /// Plans of each child, ordered by start date.
    static func plansByChild(_ t: CINTables) -> Groups {
        let planChild = t.planEpisode.map { t.episodeChild[Int($0)] }
        var groups = Groups(parents: planChild, count: t.childCount)
        groups.sortEachGroup(by: t.planStart)
        return groups
    }

    /// Review dates of each plan, ordered, with duplicate dates counted once.
    static func reviewsByPlan(_ t: CINTables) -> [[Int32]] {
        let groups = Groups(parents: t.reviewPlan, count: t.planCount)
        return (0..<t.planCount).map { p in
            var dates = Array(groups[p].map { t.reviewDate[$0] })
            dates.sort()
            var unique: [Int32] = []
            for d in dates where unique.last != d { unique.append(d) }
            return unique
        }
    }
}

/// Calendar months on day numbers: `addMonths` of INDICATORS.md §1.2, clamped to the month's end.
@inline(__always) func addMonths(_ day: Int32, _ months: Int) -> Int32 {
    CalendarDate(dayNumber: Int(day)).adding(months: months).column
}
