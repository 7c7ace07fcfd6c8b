import CaseRecords
import Domain

/// §3.4 `referrals_to_assessment`: referrals in the period that led to an assessment (any assessment in the
/// referral's episode), the post-2013 analogue of NI 68. A referral late in the period whose assessment starts after
/// it still counts, so the latest month is provisional. A child's referrals on the same day are one referral (§7),
/// which led to an assessment when any of them did.
public struct ReferralsToAssessment: EventIndicator {
    public let id = IndicatorID.referralsToAssessment

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let referral = CINIndex.referralOf(t, CINIndex.episodesByChild(t))
        var assessed = [Bool](repeating: false, count: t.episodeCount)
        for a in 0..<t.assessmentCount { assessed[Int(referral[Int(t.assessmentEpisode[a])])] = true }
        for e in 0..<t.episodeCount where referral[e] == e {
            events.add(day: t.referralDate[e], met: assessed[e], record: RecordRef(.referral, e))
        }
        return events
    }
}
