import CaseRecords
import Domain

/// §3.17 `case_audit_good_or_better`: audits completed in the period graded good or outstanding.
public struct CaseAuditGoodOrBetter: EventIndicator {
    public let id = IndicatorID.caseAuditGoodOrBetter

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.auditCase.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events { auditEvents(data) { $0.rank <= 2 } }
}
