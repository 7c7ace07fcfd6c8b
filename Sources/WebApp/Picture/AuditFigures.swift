import CaseRecords
import Domain
import Storage
import Indicators

/// The audit indicators (`case_audit_adequate_or_better`, `case_audit_good_or_better`,
/// `supervision_records_adequate_or_better`) come from the council's audits as the application holds them: those
/// recorded by its auditors and those its uploaded returns brought. They are computed by the same definitions as
/// every other indicator, over the audits put into the bundle's audit columns.
public enum AuditFigures {
    public static let indicators: Set<IndicatorID> = [.caseAuditAdequateOrBetter, .caseAuditGoodOrBetter, .supervisionRecordsAdequateOrBetter]

    /// The audits of an uploaded bundle, as records (the counted grade and date, as the bundle keeps them).
    static func records(_ bundle: BundleTables) -> [CaseAuditRecord] {
        bundle.auditCase.indices.compactMap { i in
            guard let grade = bundle.auditGrade[i], let day = CalendarDate(column: bundle.auditCounted[i]) else { return nil }
            return CaseAuditRecord(caseReference: bundle.auditCase[i], auditedOn: day, auditor: bundle.auditAuditor[i], grade: grade,
                                   oversightGrade: bundle.auditOversightGrade[i], childViewsRecorded: bundle.auditChildVoice[i])
        }
    }

    /// The audits as bundle columns, for the definitions to read.
    public static func tables(_ audits: [CaseAuditRecord]) -> BundleTables {
        var t = BundleTables()
        for audit in audits {
            t.auditCase.append(audit.caseReference)
            t.auditDate.append(audit.auditedOn.column)
            t.auditAuditor.append(audit.auditor)
            t.auditGrade.append(audit.countedGrade)
            t.auditOversightGrade.append(audit.oversightGrade)
            t.auditChildVoice.append(audit.childViewsRecorded)
            t.auditCounted.append(audit.countedOn.column)
        }
        return t
    }

    /// Every month from the first audit to `through`, on every basis the definitions report.
    public static func results(_ audits: [CaseAuditRecord], through: CalendarDate) -> [IndicatorResult] {
        guard let first = audits.map(\.countedOn).min(), first <= through else { return [] }
        var months: [YearMonth] = []
        var m = YearMonth(first)
        while m <= YearMonth(through) {
            months.append(m)
            m = m.adding(months: 1)
        }
        let engine = IndicatorEngine(definitions: IndicatorCatalogue.all.filter { indicators.contains($0.id) })
        return engine.evaluate(CaseData(bundle: tables(audits)), .init(months: months))
    }
}
