import CaseRecords
import Domain

/// §3.8 `cp_review_conferences_in_month_on_time`: review conferences held in the period that were on time: the first
/// within three months of the plan's start, each later within six months of the one before. A plan recorded twice is
/// one plan, its conferences those of all its records, each date once (§7).
public struct CPReviewConferencesOnTime: EventIndicator {
    public let id = IndicatorID.cpReviewConferencesInMonthOnTime

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        // Each plan's review rows in date order, a date held twice one conference.
        let plans = CINIndex.plans(t)
        for p in plans.representatives {
            var due = addMonths(t.planStart[p], 3)
            for r in plans.reviewRows[p]! where t.reviewDate[r] >= t.planStart[p] {
                let review = t.reviewDate[r]
                events.add(day: review, met: review <= due, record: RecordRef(.review, r))
                due = addMonths(review, 6)
            }
        }
        return events
    }
}
