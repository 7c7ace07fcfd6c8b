import CaseRecords
import Domain

/// §3.5 `re_referral_12m`: referrals in the period for which the same child had a referral in the twelve months
/// before, counted back from the current referral: `addMonths(current, −12) ≤ previous < current` (§7). Referrals
/// that ended in no further action count as previous referrals; the look-back uses every referral loaded. A child's
/// referrals on the same day count once.
public struct ReReferral12m: EventIndicator {
    public let id = IndicatorID.reReferral12m

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let episodesByChild = CINIndex.episodesByChild(t)
        for child in 0..<episodesByChild.groupCount {
            var previous: Int32?
            for e in episodesByChild[child] {
                let current = t.referralDate[e]
                // A child's referrals on one day are one referral (§7): the first of them stands for the day.
                if previous == current { continue }
                let repeatReferral = previous.map { $0 >= addMonths(current, -12) && $0 < current } ?? false
                events.add(day: current, met: repeatReferral, record: RecordRef(.referral, e))
                previous = current
            }
        }
        return events
    }
}
