import CaseRecords
import Domain

/// §3.7 `cpp_open_2y_plus_snapshot`: of plans open at the date (`start ≤ D` and no end or `end > D`), those that
/// began two or more years before it. An early warning of NI 64.
public struct CPPOpen2yPlusSnapshot: SnapshotIndicator {
    public let id = IndicatorID.cppOpen2yPlusSnapshot

    public init() {}

    public func tally(at date: Int32, in data: CaseData) -> Tally {
        var tally = Tally()
        guard let t = data.cin else { return tally }
        let twoYearsBefore = addMonths(date, -24)
        for p in 0..<t.planCount where t.planStart[p] <= date && (t.planEnd[p] == noDate || t.planEnd[p] > date) {
            tally.denominator.append(RecordRef(.plan, p))
            if t.planStart[p] <= twoYearsBefore { tally.numerator.append(RecordRef(.plan, p)) }
        }
        return tally
    }
}
