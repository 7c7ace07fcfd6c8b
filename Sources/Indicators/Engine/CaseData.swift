import CaseRecords
import Domain

/// Everything the engine can compute from: the tables each return fills, and the working-day calendar.
/// A return not loaded is nil, and the indicators that need it are skipped. New returns add a table here and
/// definitions beside the others; the engine itself does not change.
public struct CaseData: Sendable {
    public var cin: CINTables?
    public var calendar: WorkingDayCalendar

    public init(cin: CINTables? = nil, calendar: WorkingDayCalendar = .englandAndWales) {
        self.cin = cin
        self.calendar = calendar
    }
}

/// A record behind a figure: which table, which row.
public struct RecordRef: Hashable, Sendable, Comparable {
    public enum Table: String, Sendable, Hashable, Comparable {
        case referral, assessment, section47, plan, review, child
        public static func < (a: Table, b: Table) -> Bool { a.rawValue < b.rawValue }
    }

    public var table: Table
    public var index: Int32

    public init(_ table: Table, _ index: Int) {
        self.table = table
        self.index = Int32(index)
    }

    public static func < (a: RecordRef, b: RecordRef) -> Bool { (a.table, a.index) < (b.table, b.index) }
}

extension CaseData {
    /// A readable id for a record: the child, and the dates that identify the record within the child's history.
    public func describe(_ ref: RecordRef) -> String {
        guard let t = cin else { return "\(ref.table.rawValue)#\(ref.index)" }
        let i = Int(ref.index)
        func day(_ d: Int32) -> String { CalendarDate(column: d)?.iso ?? "?" }
        switch ref.table {
        case .child: return t.childID[i]
        case .referral: return "\(t.childID[t.childOfEpisode(i)])/referral/\(day(t.referralDate[i]))"
        case .assessment: return "\(t.childID[t.childOfAssessment(i)])/assessment/\(day(t.assessmentStart[i]))"
        case .section47: return "\(t.childID[t.childOfS47(i)])/s47/\(day(t.s47Start[i]))"
        case .plan: return "\(t.childID[t.childOfPlan(i)])/plan/\(day(t.planStart[i]))"
        case .review:
            let plan = Int(t.reviewPlan[i])
            return "\(t.childID[t.childOfPlan(plan)])/plan/\(day(t.planStart[plan]))/review/\(day(t.reviewDate[i]))"
        }
    }
}
