import CaseRecords
import Domain

/// §3.7 `cpp_lasting_2y_plus` (NI 64): plans ending in the period that lasted two years or more,
/// `end ≥ addMonths(start, 24)`. Plans ending before they start are left out.
public struct CPPLasting2yPlus: EventIndicator {
    public let id = IndicatorID.cppLasting2yPlus

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
