import CaseRecords
import Domain

/// §3.18 `supervision_records_adequate_or_better`: audits completed in the period that graded the management
/// oversight and supervision record, graded adequate (or requires improvement) or better.
public struct SupervisionRecordsAdequateOrBetter: EventIndicator {
    public let id = IndicatorID.supervisionRecordsAdequateOrBetter

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.auditCase.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events { auditEvents(data, oversight: true) { $0.rank <= 3 } }
}
