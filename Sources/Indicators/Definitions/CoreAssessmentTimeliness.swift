import CaseRecords
import Domain

/// §3.2 `core_assessment_timeliness` (NI 60), from the CSV bundle: core assessments completed in the period within
/// 35 working days of their commencement (not the referral).
public struct CoreAssessmentTimeliness: EventIndicator {
    public let id = IndicatorID.coreAssessmentTimeliness

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.coreChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        for i in b.coreChild.indices where b.coreCompleted[i] != noDate {
            let days = data.calendar.workingDays(fromDay: Int(b.coreStart[i]), toDay: Int(b.coreCompleted[i]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard b.coreCompleted[i] >= b.coreStart[i] else { continue }
            events.add(day: b.coreCompleted[i], met: days <= 35, record: RecordRef(.coreAssessment, i))
        }
        return events
    }
}
