import CaseRecords
import Domain

/// §1.3 `single_assessment_overdue_open`: the backlog behind the timeliness figure, "a companion backlog count ...
/// taken as a snapshot at period end": of assessments open at the date (started on or before it, not authorised by
/// it), the number already past 45 working days from their referral. The value is the count, divided by one as every
/// count is (it was a share of the open assessments until issue 19's hand-counted council read §1.3's "count").
public struct SingleAssessmentOverdueOpen: AmountIndicator {
    public let id = IndicatorID.singleAssessmentOverdueOpen
    public let scale = 1.0

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { data.cin != nil }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        (Double(overdue(at: period.end.column, data).count), 1)
    }

    /// The overdue assessments; the count has no denominator records (it is divided by one).
    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = overdue(at: period.end.column, data).map { RecordRef(.assessment, $0) }
        return tally
    }

    func overdue(at date: Int32, _ data: CaseData) -> [Int] {
        guard let t = data.cin else { return [] }
        return (0..<t.assessmentCount).filter { a in
            guard t.assessmentStart[a] <= date, t.assessmentAuthorised[a] == noDate || t.assessmentAuthorised[a] > date else { return false }
            let referral = t.referralDate[Int(t.assessmentEpisode[a])]
            return data.calendar.workingDays(fromDay: Int(referral), toDay: Int(date)) > SingleAssessmentTimeliness.limit
        }
    }
}
