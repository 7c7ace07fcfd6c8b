import CaseRecords
import Domain

/// §3.9 `icpc_within_15wd_dfe`: initial child protection conferences held in the period within 15 working days of
/// the section 47 enquiry's start, DfE's basis from 2012-13 (LG Inform 3217). Each enquiry counts separately, with
/// the conference date from `Section47/DateOfInitialCPC`; a date recorded with `ICPCnotRequired` true still counts
/// (§7). Conferences dated before the enquiry began are left out.
///
/// The statutory `icpc_within_15wd` runs from the strategy discussion, which the census does not carry: it comes
/// from Annex A list 5 (`ICPCWithin15wd`).
public struct ICPCWithin15wdDfE: EventIndicator {
    public let id = IndicatorID.icpcWithin15wdDfE
    public static let limit = 15

    public init() {}

    public func events(in data: CaseData) -> Events {
        var events = Events()
        guard let t = data.cin else { return events }
        for s in 0..<t.s47Count where t.s47ICPCDate[s] != noDate {
            let days = data.calendar.workingDays(fromDay: Int(t.s47Start[s]), toDay: Int(t.s47ICPCDate[s]))
            // An end dated before its start is excluded by the dates (§1.3), even when no working day lies between them.
            guard t.s47ICPCDate[s] >= t.s47Start[s] else { continue }
            events.add(day: t.s47ICPCDate[s], met: days <= Self.limit, record: RecordRef(.section47, s))
        }
        return events
    }
}
