import CaseRecords
import Domain

/// §3.4 `referrals_to_initial_assessment` (NI 68), from the CSV bundle: referrals in the period that led to an
/// initial assessment (one for the same child from the same referral date). A referral late in the period whose
/// assessment starts after it still counts, so the latest month is provisional.
public struct ReferralsToInitialAssessment: EventIndicator {
    public let id = IndicatorID.referralsToInitialAssessment

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.referralChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        struct Key: Hashable { var child: String; var day: Int32 }
        let assessed = Set(b.iaChild.indices.map { Key(child: b.iaChild[$0], day: b.iaReferral[$0]) })
        for i in b.referralChild.indices {
            events.add(day: b.referralDate[i], met: assessed.contains(Key(child: b.referralChild[i], day: b.referralDate[i])),
                       record: RecordRef(.bundleReferral, i))
        }
        return events
    }
}
