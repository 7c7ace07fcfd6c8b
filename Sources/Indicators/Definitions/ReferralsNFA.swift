import CaseRecords
import Domain

/// §3.4 companion, DfE's "referrals resulting in no further action": referrals in the period with `ReferralNFA` true.
/// Referrals whose NFA flag is not given are counted in the denominator only.
public struct ReferralsNFA: EventIndicator {
    public let id = "referrals_nfa"
    public let bases = eventBases

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for e in 0..<t.episodeCount {
            events.add(day: t.referralDate[e], met: t.referralNFA[e] == 1, record: RecordRef(.referral, e))
        }
        return events
    }
}
