import CaseRecords
import Domain

/// §3.6 `cpp_repeat_ever` (NI 65): plan starts in the period where the child had an earlier plan, found in the data
/// (a strictly earlier start) or in `NumberOfPreviousCPP` > 0. Counted per plan start; two plans of one child starting
/// the same day are one start.
public struct CPPRepeatEver: EventIndicator {
    public let id = IndicatorID.cppRepeatEver

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let plansByChild = CINIndex.plansByChild(t)
        for child in 0..<plansByChild.groupCount {
            var earliest: Int32?
            var lastStart: Int32?
            for p in plansByChild[child] {
                let start = t.planStart[p]
                if start == lastStart {
                    // Two plans starting the same day are one start, a repeat if either record says so.
                    if t.planPreviousCPP[p] > 0 { events.met[events.count - 1] = true }
                    continue
                }
                let repeatPlan = (earliest.map { $0 < start } ?? false) || t.planPreviousCPP[p] > 0
                events.add(day: start, met: repeatPlan, record: RecordRef(.plan, p))
                earliest = earliest ?? start
                lastStart = start
            }
        }
        return events
    }
}
