import CaseRecords
import Domain

/// §3.6 `cpp_repeat_within_2y`: a local variant, not NI 65. A repeat when an earlier plan of the child ended in the
/// two years before this one began: `addMonths(start, −24) ≤ earlier end < start`.
public struct CPPRepeatWithin2y: EventIndicator {
    public let id = IndicatorID.cppRepeatWithin2y

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        let plansByChild = CINIndex.plansByChild(t)
        for child in 0..<plansByChild.groupCount {
            let plans = Array(plansByChild[child])
            var lastStart: Int32?
            for (k, p) in plans.enumerated() {
                let start = t.planStart[p]
                if start == lastStart { continue }
                let window = addMonths(start, -24)
                let repeatPlan = plans[..<k].contains { q in
                    t.planStart[q] < start && t.planEnd[q] != noDate && t.planEnd[q] >= window && t.planEnd[q] < start
                }
                events.add(day: start, met: repeatPlan, record: RecordRef(.plan, p))
                lastStart = start
            }
        }
        return events
    }
}
