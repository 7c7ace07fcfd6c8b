import CaseRecords
import Domain

/// §3.7 `cpp_lasting_2y_plus` (NI 64): plans ending in the period that lasted two years or more,
/// `end ≥ addMonths(start, 24)`. Plans ending before they start are left out. A plan is a child's start date (§7,
/// `CINIndex.plans`): recorded twice, it is one plan, ending when its last record ends.
public struct CPPLasting2yPlus: EventIndicator {
    public let id = IndicatorID.cppLasting2yPlus

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let plans = CINIndex.plans(t)
        for p in plans.representatives {
            let end = plans.end[p]!
            guard end != noDate, end >= t.planStart[p] else { continue }
            events.add(day: end, met: end >= addMonths(t.planStart[p], 24), record: RecordRef(.plan, p))
        }
        return events
    }
}
