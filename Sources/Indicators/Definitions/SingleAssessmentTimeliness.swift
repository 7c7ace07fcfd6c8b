import CaseRecords
import Domain

/// §3.3 `single_assessment_timeliness`: assessments authorised in the period within 45 working days of the referral
/// (Working Together's wording, "from the point of referral"). Every assessment in an episode is timed from that
/// episode's referral (§7). Open assessments are not counted; an authorisation before the referral is excluded.
public struct SingleAssessmentTimeliness: EventIndicator {
    public let id = IndicatorID.singleAssessmentTimeliness
    public static let limit = 45

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for a in 0..<t.assessmentCount where t.assessmentAuthorised[a] != noDate {
            let referral = t.referralDate[Int(t.assessmentEpisode[a])]
            let days = data.calendar.workingDays(fromDay: Int(referral), toDay: Int(t.assessmentAuthorised[a]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard t.assessmentAuthorised[a] >= referral else { continue }
            events.add(day: t.assessmentAuthorised[a], met: days <= Self.limit, record: RecordRef(.assessment, a))
        }
        return events
    }
}
