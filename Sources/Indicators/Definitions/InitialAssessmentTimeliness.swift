import CaseRecords
import Domain

/// §3.1 `initial_assessment_timeliness` (NI 59), from the CSV bundle: initial assessments completed in the period
/// within the limit of working days from the referral. The limit is 7 for an assessment completed on or before
/// 31 March 2010 and 10 after (§6.4). Open assessments are not counted; a completion before the referral is excluded.
public struct InitialAssessmentTimeliness: EventIndicator {
    public let id = IndicatorID.initialAssessmentTimeliness
    /// The last day the 7-working-day limit applied.
    public static let sevenDayLimitEnds = CalendarDate(year: 2010, month: 3, day: 31)!.column

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.iaChild.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let b = data.bundle else { return events }
        for i in b.iaChild.indices where b.iaCompleted[i] != noDate {
            let days = data.calendar.workingDays(fromDay: Int(b.iaReferral[i]), toDay: Int(b.iaCompleted[i]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard b.iaCompleted[i] >= b.iaReferral[i] else { continue }
            let limit = b.iaCompleted[i] <= Self.sevenDayLimitEnds ? 7 : 10
            events.add(day: b.iaCompleted[i], met: days <= limit, record: RecordRef(.initialAssessment, i))
        }
        return events
    }
}
