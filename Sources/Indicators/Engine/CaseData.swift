import CaseRecords
import Domain

/// Everything the engine can compute from: the tables each return fills, and the working-day calendar.
/// A return not loaded is nil, and the indicators that need it are skipped. New returns add a table here and
/// definitions beside the others; the engine itself does not change.
public struct CaseData: Sendable {
    public var cin: CINTables?
    public var bundle: BundleTables?
    /// Children looked after (SSDA903).
    public var lac: SSDA903Tables?
    /// Workforce censuses (CSWW), each giving the workforce rates for its reference month.
    public var workforceCensus: [WorkforceCensus]
    /// Ofsted Annex A lists.
    public var annexA: AnnexATables?
    public var calendar: WorkingDayCalendar
    /// The day figures are judged on, when one is given (`improve indicators --as-of`): due dates after it are not
    /// judged. Without it, each return's own latest date sets that limit; the clock never does.
    public var asOf: Int32?
    /// The council's children aged 0 to 17 (ONS), for rates per 10,000; nil when not known, and those rates are skipped.
    public var population: ChildPopulation?

    public init(cin: CINTables? = nil, bundle: BundleTables? = nil, lac: SSDA903Tables? = nil, workforceCensus: [WorkforceCensus] = [],
                annexA: AnnexATables? = nil, calendar: WorkingDayCalendar = .englandAndWales, asOf: CalendarDate? = nil,
                population: ChildPopulation? = nil) {
        self.asOf = asOf?.column
        self.population = population
        self.annexA = annexA
        self.cin = cin
        self.bundle = bundle
        self.lac = lac
        self.workforceCensus = workforceCensus
        self.calendar = calendar
    }
}

/// A record behind a figure: which table, which row.
public struct RecordRef: Hashable, Sendable, Comparable {
    public enum Table: String, Sendable, Hashable, Comparable {
        case referral, assessment, section47, plan, review, child
        /// Rows of the CSV bundle.
        case initialAssessment, coreAssessment, bundleReferral, audit, feedback
        /// An episode of the SSDA903 return (for a child-level figure, the first episode of the period of care).
        case lacEpisode
        /// A row of the bundle's care_leavers.csv.
        case careLeaver
        /// A section 47 enquiry of Annex A list 5.
        case annexS47
        /// A census pre-proceedings block (2026-27 on).
        case preProceedings
        /// A 903 social worker episode, a Deprivation of Liberty order, a care leaver's OC3 row.
        case socialWorkerEpisode, dolOrder, oc3
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
        let i = Int(ref.index)
        func day(_ d: Int32) -> String { CalendarDate(column: d)?.iso ?? "?" }
        if let b = bundle {
            switch ref.table {
            case .initialAssessment: return "\(b.iaChild[i])/initial-assessment/\(day(b.iaReferral[i]))"
            case .coreAssessment: return "\(b.coreChild[i])/core-assessment/\(day(b.coreStart[i]))"
            case .bundleReferral: return "\(b.referralChild[i])/referral/\(day(b.referralDate[i]))"
            case .audit: return "\(b.auditCase[i])/audit/\(day(b.auditDate[i]))"
            case .feedback: return "referral \(b.feedbackReferral[i])/decision/\(day(b.feedbackDecision[i]))"
            case .careLeaver: return "\(b.leaverChild[i])/care-leaver/\(day(b.leaverFrom[i]))"
            default: break
            }
        }
        if let l = lac {
            switch ref.table {
            case .lacEpisode: return "\(l.episodeChild[i])/episode/\(day(l.episodeStart[i]))"
            case .socialWorkerEpisode: return "\(l.swChild[i])/social-worker/\(day(l.swStart[i]))"
            case .dolOrder: return "\(l.dolChild[i])/dol-order/\(day(l.dolStart[i]))"
            case .oc3: return "\(l.leaverChild[i])/oc3"
            default: break
            }
        }
        if let a = annexA, ref.table == .annexS47 { return "\(a.s47Child[i])/s47/\(day(a.s47StrategyDate[i]))" }
        guard let t = cin else { return "\(ref.table.rawValue)#\(ref.index)" }
        switch ref.table {
        case .initialAssessment, .coreAssessment, .bundleReferral, .audit, .feedback, .lacEpisode, .careLeaver, .annexS47,
             .socialWorkerEpisode, .dolOrder, .oc3: return "\(ref.table.rawValue)#\(ref.index)"
        case .preProceedings: return "\(t.childID[t.childOfPreProceedings(i)])/pre-proceedings/\(day(t.ppStart[i]))"
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

extension CaseData {
    /// The days the loaded records' events fall on, for the default month range: referrals, and the bundle's dated
    /// rows when there is no census.
    public var eventDays: [Int32] {
        if let cin, cin.episodeCount > 0 { return cin.referralDate }
        let census = workforceCensus.map(\.referenceDate.column) + (annexA?.s47StrategyDate ?? [])
        guard let b = bundle else { return (lac.map { $0.episodeStart + $0.reviewDate } ?? []) + census }
        return b.iaReferral + b.referralDate + b.auditDate + b.workforceMonth.map { $0.lastDay.column } + b.feedbackDecision + census
    }
}
