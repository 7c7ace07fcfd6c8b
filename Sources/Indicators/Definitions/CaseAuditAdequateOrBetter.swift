import CaseRecords
import Domain

/// §3.17 `case_audit_adequate_or_better`: audits completed in the period (dated by moderation where moderated, with
/// the moderated grade) graded adequate, requires improvement or better.
public struct CaseAuditAdequateOrBetter: EventIndicator {
    public let id = IndicatorID.caseAuditAdequateOrBetter

    public init() {}

    public func isSupported(by data: CaseData) -> Bool { !(data.bundle?.auditCase.isEmpty ?? true) }

    public func events(in data: CaseData) -> Events { auditEvents(data) { $0.rank <= 3 } }
}

/// The audits, each judged by a rule on its grade.
func auditEvents(_ data: CaseData, oversight: Bool = false, meets: (AuditGrade) -> Bool) -> Events {
    var events = Events()
    guard let b = data.bundle else { return events }
    for i in b.auditCase.indices {
        guard let grade = oversight ? b.auditOversightGrade[i] : b.auditGrade[i] else { continue }
        events.add(day: b.auditCounted[i], met: meets(grade), record: RecordRef(.audit, i))
    }
    return events
}
