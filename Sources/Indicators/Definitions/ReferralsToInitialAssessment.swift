import CaseRecords
import Domain

/// §3.4 `referrals_to_initial_assessment` (NI 68), from the CSV bundle: referrals in the period that led to an
/// initial assessment, "an IA linked to the referral": by the assessment's `referral_id` where it gives one, else one
/// for the same child from the same referral date. A referral given in two extracts (the same `referral_id`) counts
/// once. A referral late in the period whose assessment starts after it still counts, so the latest month is
/// provisional.
public struct ReferralsToInitialAssessment: EventIndicator {
    public let id = IndicatorID.referralsToInitialAssessment

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.referralChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        struct Key: Hashable { var child: String; var day: Int32 }
        let linked = Set(b.iaReferralID.filter { !$0.isEmpty })
        let assessed = Set(b.iaChild.indices.filter { b.iaReferralID[$0].isEmpty }.map { Key(child: b.iaChild[$0], day: b.iaReferral[$0]) })
        var counted = Set<String>()
        for i in b.referralChild.indices where counted.insert(b.referralID[i]).inserted {
            let met = linked.contains(b.referralID[i]) || assessed.contains(Key(child: b.referralChild[i], day: b.referralDate[i]))
            events.add(day: b.referralDate[i], met: met, record: RecordRef(.bundleReferral, i))
        }
        return events
    }
}
