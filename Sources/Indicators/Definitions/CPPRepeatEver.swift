import CaseRecords
import Domain

/// §3.6 `cpp_repeat_ever` (NI 65): plan starts in the period where the child had an earlier plan, found in the data
/// (a strictly earlier start) or in `NumberOfPreviousCPP` > 0. Counted per plan start; two plans of one child starting
/// the same day are one start.
public struct CPPRepeatEver: EventIndicator {
    public let id = "cpp_repeat_ever"
    public let bases = eventBases

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for plans in CINIndex.plansByChild(t) {
            var earliest: Int32?
            var lastStart: Int32?
            for p in plans {
                let start = t.planStart[p]
                if start == lastStart { continue }
                let repeatPlan = (earliest.map { $0 < start } ?? false) || t.planPreviousCPP[p] > 0
                events.add(day: start, met: repeatPlan, record: RecordRef(.plan, p))
                earliest = earliest ?? start
                lastStart = start
            }
        }
        return events
    }
}
