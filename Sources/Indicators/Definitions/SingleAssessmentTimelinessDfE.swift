import CaseRecords
import Domain

/// §3.3 `single_assessment_timeliness_dfe`: the same, timed from the assessment's own start date, as DfE's
/// statistics (and the validator's rule 8670Q) do; for benchmarking against national figures.
public struct SingleAssessmentTimelinessDfE: EventIndicator {
    public let id = IndicatorID.singleAssessmentTimelinessDfE

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for a in 0..<t.assessmentCount where t.assessmentAuthorised[a] != noDate {
            let days = data.calendar.workingDays(fromDay: Int(t.assessmentStart[a]), toDay: Int(t.assessmentAuthorised[a]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard t.assessmentAuthorised[a] >= t.assessmentStart[a] else { continue }
            events.add(day: t.assessmentAuthorised[a], met: days <= SingleAssessmentTimeliness.limit, record: RecordRef(.assessment, a))
        }
        return events
    }
}
