import CaseRecords
import Domain

/// §3.4 companion, DfE's "referrals resulting in no further action": referrals in the period with `ReferralNFA` true.
/// Referrals whose NFA flag is not given are counted in the denominator only. A child's referrals on the same day are
/// one referral (§7), in the numerator when any of them ended in no further action.
public struct ReferralsNFA: EventIndicator {
    public let id = IndicatorID.referralsNFA

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let referral = CINIndex.referralOf(t, CINIndex.episodesByChild(t))
        var nfa = [Bool](repeating: false, count: t.episodeCount)
        for e in 0..<t.episodeCount where t.referralNFA[e] == 1 { nfa[Int(referral[e])] = true }
        for e in 0..<t.episodeCount where referral[e] == e {
            events.add(day: t.referralDate[e], met: nfa[e], record: RecordRef(.referral, e))
        }
        return events
    }
}
