import CaseRecords
import Domain

/// §8.1 The census's pre-proceedings and family group decision-making block (2026-27 on): one row per block, its
/// steps dated. Blocks come from `CINTables`' `pp…` columns.
extension CaseData {
    var hasPreProceedings: Bool { cin.map { $0.preProceedingsCount > 0 || $0.collectsPreProceedings } ?? false }
}

/// §8.1 `pp_working_days_to_letter`, `pp_working_days_to_first_meeting`, `pp_working_days_to_step_decision`: the
/// average number of working days (§1.1, the start is day 0) from the start of pre-proceedings to the step, over
/// the blocks whose step falls in the period (the step's date is the qualifying date). A step dated before the start
/// is left out of the average (§1.3) and reported by the importer. Lower is better: the Public Law Outline expects
/// pre-proceedings to be brief and purposeful.
public struct PPWorkingDays: AmountIndicator {
    public enum Step: Sendable { case letter, firstMeeting, stepDecision }
    public let id: IndicatorID
    let step: Step
    public let scale = 1.0

    public init(_ step: Step) {
        self.step = step
        switch step {
        case .letter: id = .ppWorkingDaysToLetter
        case .firstMeeting: id = .ppWorkingDaysToFirstMeeting
        case .stepDecision: id = .ppWorkingDaysToStepDecision
        }
    }

    public func isSupported(by data: CaseData) -> Bool { data.hasPreProceedings }

    func day(_ t: CINTables, _ p: Int) -> Int32 {
        switch step {
        case .letter: return t.ppLetterSent[p]
        case .firstMeeting: return t.ppFirstMeeting[p]
        case .stepDecision: return t.ppStepDecision[p]
        }
    }

    func blocks(in period: ReportingPeriod, _ data: CaseData) -> [Int] {
        guard let t = data.cin else { return [] }
        let from = period.start.column, to = period.end.column
        return (0..<t.preProceedingsCount).filter { p in
            let d = day(t, p)
            return d != noDate && d >= from && d <= to && d >= t.ppStart[p]
        }
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let t = data.cin else { return nil }
        let chosen = blocks(in: period, data)
        let total = chosen.reduce(0) { $0 + data.calendar.workingDays(fromDay: Int(t.ppStart[$1]), toDay: Int(day(t, $1))) }
        return (Double(total), Double(chosen.count))
    }

    /// The blocks averaged; each one's working days are on its record.
    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = blocks(in: period, data).map { RecordRef(.preProceedings, $0) }
        return tally
    }
}

/// §8.1 `pp_fgdm_offered` and `pp_fgdm_facilitated`: of letters before proceedings sent in the period (the letter's
/// date qualifies), the share that offered a family group decision-making meeting, and the share after which one
/// was facilitated. A letter whose offer is not recorded counts as not offered (the importer reports it). Higher is
/// better: section 1 of the Children's Wellbeing and Schools Act 2026 makes the offer a duty.
public struct PPFamilyGroupMeetings: EventIndicator {
    public let id: IndicatorID
    let facilitated: Bool

    public init(facilitated: Bool) {
        self.facilitated = facilitated
        id = facilitated ? .ppFGDMFacilitated : .ppFGDMOffered
    }

    public func isSupported(by data: CaseData) -> Bool { data.hasPreProceedings }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for p in 0..<t.preProceedingsCount where t.ppLetterSent[p] != noDate {
            let flag = facilitated ? t.ppFGDMFacilitated[p] : t.ppFGDMOffered[p]
            events.add(day: t.ppLetterSent[p], met: flag == 1, record: RecordRef(.preProceedings, p))
        }
        return events
    }
}

/// §8.1 `pp_outcome_a`, `_b`, `_c`: of blocks decided in the period (the step decision's date qualifies), the share
/// with each outcome code. Together they are the outcome mix; a decision with no outcome recorded is in every
/// denominator and no numerator. The census's codes are shown as they are: the product does not guess their meaning.
public struct PPOutcome: EventIndicator {
    public let id: IndicatorID
    let code: String

    public init(_ code: String) {
        self.code = code
        switch code {
        case "A": id = .ppOutcomeA
        case "B": id = .ppOutcomeB
        default: id = .ppOutcomeC
        }
    }

    public func isSupported(by data: CaseData) -> Bool { data.hasPreProceedings }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for p in 0..<t.preProceedingsCount where t.ppStepDecision[p] != noDate {
            events.add(day: t.ppStepDecision[p], met: t.ppOutcome[p] == code, record: RecordRef(.preProceedings, p))
        }
        return events
    }
}

/// §8.1 `pp_applications_to_court`: the number of applications to court (CourtAppDate) in the period, after
/// pre-proceedings. A count, with no better direction: issuing can be the right decision.
public struct PPApplicationsToCourt: AmountIndicator {
    public let id = IndicatorID.ppApplicationsToCourt
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { data.hasPreProceedings }

    func blocks(in period: ReportingPeriod, _ data: CaseData) -> [Int] {
        guard let t = data.cin else { return [] }
        let from = period.start.column, to = period.end.column
        return (0..<t.preProceedingsCount).filter { t.ppCourtApplication[$0] != noDate && t.ppCourtApplication[$0] >= from && t.ppCourtApplication[$0] <= to }
    }

    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        (Double(blocks(in: period, data).count), 1)
    }

    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? {
        var tally = Tally()
        tally.numerator = blocks(in: period, data).map { RecordRef(.preProceedings, $0) }
        return tally
    }
}
