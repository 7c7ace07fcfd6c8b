import CaseRecords
import Domain

/// A record behind a figure, as a team manager reads it: whose it is, what it is, the dates that matter, the time it
/// took, who holds the case where the inputs say, and whether it counted as met. The child is the council's own
/// identifier here; pages and the API show a keyed pseudonym in its place.
public struct RecordDetail: Sendable, Equatable {
    public struct DateField: Sendable, Equatable {
        public var label: String
        public var date: CalendarDate
    }

    public var child: String
    /// What the record is, in plain English ("Assessment", "Child protection plan").
    public var kind: String
    public var dates: [DateField]
    /// The time the record took, from its first date to its last, where that is what the indicator measures.
    public var elapsed: Int?
    /// "working days" or "days".
    public var elapsedUnit: String?
    /// The social worker allocated on the record's first date (for a snapshot, on its date), where the bundle's
    /// allocations say.
    public var worker: String?
    /// Whether the record is in the numerator (met the standard, or counted in the rate).
    public var inNumerator: Bool
}

extension CaseData {
    /// The records of a result, failed first (in the denominator and not in the numerator), then the rest; needs the
    /// result's records (`keepRecords`). A count with no denominator lists its numerator.
    public func details(of result: IndicatorResult) -> [RecordDetail] {
        let counted = Set(result.numeratorRecords)
        let all = result.denominatorRecords.isEmpty ? result.numeratorRecords : result.denominatorRecords
        let workers = Allocations(bundle)
        // A snapshot asks who held the case at its date; an event, who held it when the record began.
        let on: Int32? = result.basis == .snapshot ? result.period.end.column : nil
        let details = all.map { detail($0, inNumerator: counted.contains($0), workers: workers, workerOn: on) }
        return details.filter { !$0.inNumerator } + details.filter(\.inNumerator)
    }

    public func detail(_ ref: RecordRef, inNumerator: Bool) -> RecordDetail {
        detail(ref, inNumerator: inNumerator, workers: Allocations(bundle), workerOn: nil)
    }

    func detail(_ ref: RecordRef, inNumerator: Bool, workers: Allocations, workerOn: Int32?) -> RecordDetail {
        let i = Int(ref.index)
        var d = RecordDetail(child: "", kind: "", dates: [], elapsed: nil, elapsedUnit: nil, worker: nil, inNumerator: inNumerator)
        func add(_ label: String, _ day: Int32) {
            if day != noDate, let date = CalendarDate(column: day) { d.dates.append(.init(label: label, date: date)) }
        }
        func working(_ from: Int32, _ to: Int32) {
            guard from != noDate, to != noDate, let a = CalendarDate(column: from), let b = CalendarDate(column: to) else { return }
            d.elapsed = calendar.workingDays(from: a, to: b)
            d.elapsedUnit = "working days"
        }
        func days(_ from: Int32, _ to: Int32) {
            guard from != noDate, to != noDate else { return }
            d.elapsed = Int(to - from)
            d.elapsedUnit = "days"
        }
        switch ref.table {
        case .referral, .assessment, .section47, .plan, .review, .child:
            guard let t = cin else { break }
            switch ref.table {
            case .child:
                d.child = t.childID[i]; d.kind = "Child"
            case .referral:
                d.child = t.childID[t.childOfEpisode(i)]; d.kind = "Referral"
                add("Referral", t.referralDate[i]); add("Closed", t.closureDate[i])
            case .assessment:
                let e = Int(t.assessmentEpisode[i])
                d.child = t.childID[t.childOfEpisode(e)]; d.kind = "Assessment"
                add("Referral", t.referralDate[e]); add("Started", t.assessmentStart[i]); add("Authorised", t.assessmentAuthorised[i])
                working(t.referralDate[e], t.assessmentAuthorised[i])
            case .section47:
                let e = Int(t.s47Episode[i])
                d.child = t.childID[t.childOfEpisode(e)]; d.kind = "Section 47 enquiry"
                add("Enquiry started", t.s47Start[i]); add("Initial conference", t.s47ICPCDate[i])
                working(t.s47Start[i], t.s47ICPCDate[i])
            case .plan:
                d.child = t.childID[t.childOfPlan(i)]; d.kind = "Child protection plan"
                add("Started", t.planStart[i]); add("Ended", t.planEnd[i])
                days(t.planStart[i], t.planEnd[i])
            default:
                let plan = Int(t.reviewPlan[i])
                d.child = t.childID[t.childOfPlan(plan)]; d.kind = "Child protection review"
                add("Plan started", t.planStart[plan]); add("Reviewed", t.reviewDate[i])
            }
        case .initialAssessment, .coreAssessment, .bundleReferral, .audit, .feedback, .careLeaver:
            guard let b = bundle else { break }
            switch ref.table {
            case .initialAssessment:
                d.child = b.iaChild[i]; d.kind = "Initial assessment"
                add("Referral", b.iaReferral[i]); add("Started", b.iaStart[i]); add("Completed", b.iaCompleted[i])
                working(b.iaReferral[i], b.iaCompleted[i])
            case .coreAssessment:
                d.child = b.coreChild[i]; d.kind = "Core assessment"
                add("Started", b.coreStart[i]); add("Completed", b.coreCompleted[i])
                working(b.coreStart[i], b.coreCompleted[i])
            case .bundleReferral:
                d.child = b.referralChild[i]; d.kind = "Referral"
                add("Referral", b.referralDate[i])
            case .audit:
                d.child = b.auditCase[i]; d.kind = "Case-file audit"
                add("Audited", b.auditDate[i]); add("Counted", b.auditCounted[i])
            case .feedback:
                d.child = ""; d.kind = "Referrer told the outcome"
                add("Decision", b.feedbackDecision[i]); add("Referrer told", b.feedbackInformed[i])
                working(b.feedbackDecision[i], b.feedbackInformed[i])
            default:
                d.child = b.leaverChild[i]; d.kind = "Care leaver"
                add("Care leaver from", b.leaverFrom[i]); add("Until", b.leaverTo[i])
            }
        case .lacEpisode:
            guard let l = lac else { break }
            d.child = l.episodeChild[i]; d.kind = "Period of care"
            add("Came into care", l.episodeStart[i])
        case .preProceedings:
            guard let t = cin else { break }
            d.child = t.childID[t.childOfPreProceedings(i)]; d.kind = "Pre-proceedings"
            add("Started", t.ppStart[i]); add("Letter before proceedings", t.ppLetterSent[i]); add("First meeting", t.ppFirstMeeting[i])
            add("Decision to step up or down", t.ppStepDecision[i]); add("Application to court", t.ppCourtApplication[i])
        case .socialWorkerEpisode, .dolOrder, .oc3:
            guard let l = lac else { break }
            switch ref.table {
            case .socialWorkerEpisode:
                d.child = l.swChild[i]; d.kind = "Social worker allocated"
                add("Allocated", l.swStart[i]); add("Changed", l.swEnd[i])
            case .dolOrder:
                d.child = l.dolChild[i]; d.kind = "Deprivation of Liberty order"
                add("Order from", l.dolStart[i]); add("Order ended", l.dolEnd[i])
            default:
                d.child = l.leaverChild[i]; d.kind = "Care leaver (yearly return)"
                add("Born", l.leaverBirth[i])
            }
        case .annexS47:
            guard let a = annexA else { break }
            d.child = a.s47Child[i]; d.kind = "Section 47 enquiry"
            add("Strategy discussion", a.s47StrategyDate[i]); add("Initial conference", a.s47ICPCDate[i])
            working(a.s47StrategyDate[i], a.s47ICPCDate[i])
        }
        if let day = workerOn ?? d.dates.first?.date.column { d.worker = workers.worker(of: d.child, on: day) }
        return d
    }
}
