import CaseRecords
import Domain

/// §3.8 `cp_review_conferences_in_month_on_time`: review conferences held in the period that were on time: the first
/// within three months of the plan's start, each later within six months of the one before.
public struct CPReviewConferencesOnTime: EventIndicator {
    public let id = IndicatorID.cpReviewConferencesInMonthOnTime

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
