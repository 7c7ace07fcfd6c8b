import CaseRecords
import Domain

/// §3.8 `cp_reviews_on_time` (NI 67), a snapshot at D with the readings of §7.
///
/// The unit is the child; a child with several plans open at D is judged on the latest-starting one. The cohort is
/// children whose current plan started on or before `addMonths(D, −3)`. On time: the first review on or before
/// `addMonths(start, 3)`, each later review on or before `addMonths(previous, 6)`, and D not past the next due date.
/// Only reviews dated within [start, D] count; a review on its due date is on time. A plan recorded twice is one plan,
/// its reviews those of all its records (§7).
public struct CPReviewsOnTime: SnapshotIndicator {
    public let id = IndicatorID.cpReviewsOnTime

    public init() {}

    public func tally(at date: Int32, in data: CaseData) -> Tally {
        tallies(at: [date], in: data)[0]
    }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let t = data.cin else { return dates.map { _ in Tally() } }
        let plans = CINIndex.plans(t)
        return dates.map { tally(at: $0, t, plans) }
    }

    private func tally(at date: Int32, _ t: CINTables, _ plans: CINIndex.Plans) -> Tally {
        var tally = Tally()
        var current: [Int: Int] = [:]  // child → plan
        for p in plans.representatives where t.planStart[p] <= date && (plans.end[p]! == noDate || plans.end[p]! > date) {
            let child = t.childOfPlan(p)
            if let q = current[child], t.planStart[q] >= t.planStart[p] { continue }
            current[child] = p
        }
        let cohortStart = addMonths(date, -3)
        for (_, p) in current.sorted(by: { $0.key < $1.key }) where t.planStart[p] <= cohortStart {
            tally.denominator.append(RecordRef(.plan, p))
            if Self.onTime(start: t.planStart[p], reviews: plans.reviews[p]!, at: date) { tally.numerator.append(RecordRef(.plan, p)) }
        }
        return tally
    }

    static func onTime(start: Int32, reviews: [Int32], at date: Int32) -> Bool {
        var due = addMonths(start, 3)
        for review in reviews where review >= start && review <= date {
            if review > due { return false }
            due = addMonths(review, 6)
        }
        return date <= due
    }
}
