import CaseRecords
import Domain

/// §3.9 `icpc_within_15wd`, the statutory clock (Working Together): initial child protection conferences held in the
/// period within 15 working days of the strategy discussion that started the section 47 enquiry. The strategy
/// discussion date is not in the census; it comes from Ofsted's Annex A list 5. A conference dated before its strategy
/// discussion is left out (the importer reports it).
public struct ICPCWithin15wd: EventIndicator {
    public let id = IndicatorID.icpcWithin15wd

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.annexA?.s47Child.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let a = data.annexA else { return events }
        for s in a.s47Child.indices where a.s47ICPCDate[s] != noDate && a.s47StrategyDate[s] != noDate {
            let days = data.calendar.workingDays(fromDay: Int(a.s47StrategyDate[s]), toDay: Int(a.s47ICPCDate[s]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard a.s47ICPCDate[s] >= a.s47StrategyDate[s] else { continue }
            events.add(day: a.s47ICPCDate[s], met: days <= ICPCWithin15wdDfE.limit, record: RecordRef(.annexS47, s))
        }
        return events
    }
}
