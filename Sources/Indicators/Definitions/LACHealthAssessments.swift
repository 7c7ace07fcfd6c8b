import CaseRecords
import Domain

/// §3.12 (a) `lac_health_assessment_timeliness`: of children looked after at D continuously for 12 months or more
/// (addMonths(start of the period of care, 12) ≤ D), the share whose health assessment is up to date: one
/// held in this period of care, and the next not yet overdue. (Until issue 19 the cohort was every child whose initial
/// assessment had fallen due; two second readings, written from §3.12 alone, both found the spec's 12 months.) Review health assessments are due six months after the last
/// for a child under five at it, twelve months for a child of five or more. A child with no date of birth in the
/// 903 header table cannot be judged and is left out. Needs the SSDA903 episodes and the bundle's
/// health_assessments.csv.
public struct LACHealthAssessmentTimeliness: SnapshotIndicator {
    public let id = IndicatorID.lacHealthAssessmentTimeliness

    public init() {}

    public func isSupported(by data: CaseData) -> Bool {
        data.hasLookedAfterEpisodes && !(data.bundle?.healthChild.isEmpty ?? true)
    }

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let l = data.lac, let b = data.bundle else { return dates.map { _ in Tally() } }
        let index = LACIndex(l, asOf: data.asOf)
        let assessments = HealthAssessments(b)
        return dates.map { date in
            var tally = Tally()
            // Twelve months from 29 February end on 28 February (addMonths clamps), as a person counts them.
            for p in index.periods where p.contains(date) && addMonths(p.start, 12) <= date {
                guard let birth = index.birth[p.child], birth != noDate else { continue }
                let ref = RecordRef(.lacEpisode, p.firstEpisode)
                tally.denominator.append(ref)
                guard let latest = assessments.dates(of: p.child).last(where: { $0 >= p.start && $0 <= date }) else { continue }
                let underFive = latest < addMonths(birth, 60)
                if date <= addMonths(latest, underFive ? 6 : 12) { tally.numerator.append(ref) }
            }
            return tally
        }
    }
}

/// §3.12 (b) `lac_initial_health_assessment_20wd`: initial health assessments held within 20 working days of the child
/// coming into care, over those that fell due in the period (the qualifying date is the due date). A child who left
/// care before the due date is not counted; due dates after the latest date in the return are not judged yet.
public struct LACInitialHealthAssessment20wd: EventIndicator {
    public let id = IndicatorID.lacInitialHealthAssessment20wd

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { LACHealthAssessmentTimeliness().isSupported(by: data) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let l = data.lac, let b = data.bundle else { return events }
        let index = LACIndex(l, asOf: data.asOf)
        let assessments = HealthAssessments(b)
        for p in index.periods {
            let due = initialDue(p, data.calendar)
            guard due <= index.horizon, p.end == noDate || p.end > due else { continue }
            let held = assessments.initialDates(of: p.child).contains { $0 >= p.start && $0 <= due }
            events.add(day: due, met: held, record: RecordRef(.lacEpisode, p.firstEpisode))
        }
        return events
    }
}

/// The initial health assessment's due date: 20 working days after the child came into care.
private func initialDue(_ p: LACIndex.PeriodOfCare, _ calendar: WorkingDayCalendar) -> Int32 {
    calendar.deadline(from: CalendarDate(column: p.start)!, workingDays: 20).column
}

/// Health assessment dates by child, sorted.
private struct HealthAssessments {
    var all: [String: [Int32]] = [:]
    var initial: [String: [Int32]] = [:]

    init(_ b: BundleTables) {
        for i in b.healthChild.indices {
            all[b.healthChild[i], default: []].append(b.healthDate[i])
            if b.healthInitial[i] { initial[b.healthChild[i], default: []].append(b.healthDate[i]) }
        }
        for key in all.keys { all[key]!.sort() }
    }

    func dates(of child: String) -> [Int32] { all[child] ?? [] }
    func initialDates(of child: String) -> [Int32] { initial[child] ?? [] }
}
