import CaseRecords
import Domain

/// §3.18 `referrer_informed_of_outcome`: referrals whose decision was recorded in the period, from agencies (not
/// anonymous or self-referrals), where the referrer was told on or after the decision.
public struct ReferrerInformedOfOutcome: EventIndicator {
    public let id = IndicatorID.referrerInformedOfOutcome

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.feedbackReferral.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        for i in b.feedbackReferral.indices where !["anonymous", "self"].contains(b.feedbackReferrerType[i]) {
            let informed = b.feedbackInformed[i] != noDate && b.feedbackInformed[i] >= b.feedbackDecision[i]
            events.add(day: b.feedbackDecision[i], met: informed, record: RecordRef(.feedback, i))
        }
        return events
    }
}
