import CaseRecords
import Domain

/// §1.3 `single_assessment_overdue_open`: the backlog behind the timeliness figure. Of assessments open at the date
/// (started on or before it, not authorised by it), those already past 45 working days from their referral.
public struct SingleAssessmentOverdueOpen: SnapshotIndicator {
    public let id = IndicatorID.singleAssessmentOverdueOpen

    public init() {}

    public func tally(at date: Int32, in data: CaseData) -> Tally {
        var tally = Tally()
        guard let t = data.cin else { return tally }
        for a in 0..<t.assessmentCount where t.assessmentStart[a] <= date && (t.assessmentAuthorised[a] == noDate || t.assessmentAuthorised[a] > date) {
            tally.denominator.append(RecordRef(.assessment, a))
            let referral = t.referralDate[Int(t.assessmentEpisode[a])]
            if data.calendar.workingDays(fromDay: Int(referral), toDay: Int(date)) > SingleAssessmentTimeliness.limit {
                tally.numerator.append(RecordRef(.assessment, a))
            }
        }
        return tally
    }
}
