import CaseRecords
import Domain

/// §3.7 `cpp_open_2y_plus_snapshot`: of plans open at the date (`start ≤ D` and no end or `end > D`), those that
/// began two or more years before it. An early warning of NI 64. A plan recorded twice is one plan (§7).
public struct CPPOpen2yPlusSnapshot: SnapshotIndicator {
    public let id = IndicatorID.cppOpen2yPlusSnapshot

    public init() {}

    public func tally(at date: Int32, in data: CaseData) -> Tally { tallies(at: [date], in: data)[0] }

    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        guard let t = data.cin else { return dates.map { _ in Tally() } }
        let plans = CINIndex.plans(t)
        return dates.map { tally(at: $0, t, plans) }
    }

    private func tally(at date: Int32, _ t: CINTables, _ plans: CINIndex.Plans) -> Tally {
        var tally = Tally()
        let twoYearsBefore = addMonths(date, -24)
        for p in plans.representatives where t.planStart[p] <= date && (plans.end[p]! == noDate || plans.end[p]! > date) {
            tally.denominator.append(RecordRef(.plan, p))
            if t.planStart[p] <= twoYearsBefore { tally.numerator.append(RecordRef(.plan, p)) }
        }
        return tally
    }
}
