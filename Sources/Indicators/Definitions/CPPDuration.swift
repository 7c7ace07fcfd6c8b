import CaseRecords
import Domain

/// §3.7 `cpp_lasting_2y_plus` (NI 64): plans ending in the period that lasted two years or more,
/// `end ≥ addMonths(start, 24)`. Plans ending before they start are left out.
public struct CPPLasting2yPlus: EventIndicator {
    public let id = "cpp_lasting_2y_plus"
    public let bases = eventBases

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for p in 0..<t.planCount where t.planEnd[p] != noDate && t.planEnd[p] >= t.planStart[p] {
            events.add(day: t.planEnd[p], met: t.planEnd[p] >= addMonths(t.planStart[p], 24), record: RecordRef(.plan, p))
        }
        return events
    }
}

/// §3.7 `cpp_open_2y_plus_snapshot`: of plans open at the date (`start ≤ D` and no end or `end > D`), those that
/// began two or more years before it. An early warning of NI 64.
public struct CPPOpen2yPlusSnapshot: SnapshotIndicator {
    public let id = "cpp_open_2y_plus_snapshot"
    public let bases: [Basis] = [.snapshot]

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
