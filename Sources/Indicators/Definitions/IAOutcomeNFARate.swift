import CaseRecords
import Domain

/// §3.4 `ia_outcome_nfa_rate`, from the CSV bundle: initial assessments completed in the period whose outcome was no
/// further action (`outcome` NFA). Lower is better, read with caution.
public struct IAOutcomeNFARate: EventIndicator {
    public let id = IndicatorID.iaOutcomeNFARate

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.iaChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        for i in b.iaChild.indices where b.iaCompleted[i] != noDate {
            events.add(day: b.iaCompleted[i], met: b.iaOutcome[i] == "NFA", record: RecordRef(.initialAssessment, i))
        }
        return events
    }
}
