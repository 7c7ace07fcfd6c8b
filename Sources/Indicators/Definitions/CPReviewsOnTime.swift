import CaseRecords
import Domain

/// §3.8 `cp_reviews_on_time` (NI 67), a snapshot at D with the readings of §7.
///
/// The unit is the child; a child with several plans open at D is judged on the latest-starting one. The cohort is
/// children whose current plan started on or before `addMonths(D, −3)`. On time: the first review on or before
/// `addMonths(start, 3)`, each later review on or before `addMonths(previous, 6)`, and D not past the next due date.
/// Only reviews dated within [start, D] count; a review on its due date is on time.
public struct CPReviewsOnTime: SnapshotIndicator {
    public let id = "cp_reviews_on_time"
    public let bases: [Basis] = [.snapshot]

    public init() {}

    public func tally(at date: Int32, in data: CaseData) -> Tally {
        tallies(at: [date], in: data)[0]
    }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let t = data.cin else { return dates.map { _ in Tally() } }
        let reviews = CINIndex.reviewsByPlan(t)
        return dates.map { tally(at: $0, t, reviews) }
    }

    private func tally(at date: Int32, _ t: CINTables, _ reviews: [[Int32]]) -> Tally {
        var tally = Tally()
        var current: [Int: Int] = [:]  // child → plan
        for p in 0..<t.planCount where t.planStart[p] <= date && (t.planEnd[p] == noDate || t.planEnd[p] > date) {
            let child = t.childOfPlan(p)
            if let q = current[child], t.planStart[q] >= t.planStart[p] { continue }
            current[child] = p
        }
        let cohortStart = addMonths(date, -3)
        for (_, p) in current.sorted(by: { $0.key < $1.key }) where t.planStart[p] <= cohortStart {
            tally.denominator.append(RecordRef(.plan, p))
            if Self.onTime(start: t.planStart[p], reviews: reviews[p], at: date) { tally.numerator.append(RecordRef(.plan, p)) }
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

/// §3.8 `cp_review_conferences_in_month_on_time`: review conferences held in the period that were on time: the first
/// within three months of the plan's start, each later within six months of the one before.
public struct CPReviewConferencesOnTime: EventIndicator {
    public let id = "cp_review_conferences_in_month_on_time"
    public let bases = eventBases

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        // Each plan's review rows in date order; a date held twice is one conference.
        var rows = [[Int]](repeating: [], count: t.planCount)
        for r in 0..<t.reviewCount { rows[Int(t.reviewPlan[r])].append(r) }
        for p in 0..<t.planCount {
            var due = addMonths(t.planStart[p], 3)
            var previous: Int32?
            for r in rows[p].sorted(by: { t.reviewDate[$0] < t.reviewDate[$1] }) where t.reviewDate[r] >= t.planStart[p] && t.reviewDate[r] != previous {
                let review = t.reviewDate[r]
                events.add(day: review, met: review <= due, record: RecordRef(.review, r))
                due = addMonths(review, 6)
                previous = review
            }
        }
        return events
    }
}
