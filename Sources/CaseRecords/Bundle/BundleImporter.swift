import Domain

/// Reads one CSV of the project's bundle. Which table a file is comes from its header row (the columns it has), not
/// its name; columns the table does not use are skipped with a warning. A file whose header matches no table, or that
/// is not well-formed CSV, is rejected whole; a row with a value that cannot be read is left out and reported by
/// line, record and field.
public struct BundleImporter {
    public init() {}

    public enum Table: String, CaseIterable, Sendable {
        case initialAssessments = "initial_assessments"
        case coreAssessments = "core_assessments"
        case referrals
        case visits
        case allocations
        case workforceMonthly = "workforce_monthly"
        case caseAudits = "case_audits"
        case referrerFeedback = "referrer_feedback"
        case healthAssessments = "health_assessments"
        case careLeavers = "care_leavers"
        case pathwayPlanReviews = "pathway_plan_reviews"

        public var required: [String] {
            switch self {
            case .initialAssessments: return ["child_id", "referral_date", "start_date", "completion_date", "outcome"]
            case .coreAssessments: return ["child_id", "start_date", "completion_date"]
            case .referrals: return ["child_id", "referral_id", "referral_date"]
            case .visits: return ["child_id", "visit_date", "seen"]
            case .allocations: return ["child_id", "worker_id", "from_date", "to_date", "worker_qualified"]
            case .workforceMonthly: return ["month", "in_post_fte", "vacancies_fte", "agency_fte", "leavers_fte", "working_days_lost", "cases", "case_holding_fte"]
            case .caseAudits: return ["case_id", "audit_date", "auditor", "grade", "scale_version", "management_oversight_grade", "child_voice_recorded"]
            case .referrerFeedback: return ["referral_id", "decision_date", "referrer_informed_date"]
            case .healthAssessments: return ["child_id", "assessment_date", "kind"]
            case .careLeavers: return ["child_id", "care_leaver_from", "care_leaver_to"]
            case .pathwayPlanReviews: return ["child_id", "pathway_plan_review_date"]
            }
        }

        public var optional: [String] {
            switch self {
            case .referrals: return ["source"]
            case .visits: return ["seen_alone"]
            case .caseAudits: return ["moderated_grade", "moderation_date"]
            case .referrerFeedback: return ["referrer_type"]
            case .initialAssessments: return ["referral_id"]
            default: return []
            }
        }

        /// The table a header row belongs to: the one whose required columns are all there (the most specific wins).
        public static func matching(_ header: [String]) -> Table? {
            let columns = Set(header.map { $0.lowercased().trimmingSpaces })
            return allCases.filter { Set($0.required).isSubset(of: columns) }.max { $0.required.count < $1.required.count }
        }
    }

    public struct FileResult: Sendable {
        public var table: Table
        public var tables: BundleTables
        public var report: FileReport
    }

    /// How the bundle names its tables and columns: lower case, by the required columns of docs/csv-bundle.md.
    static var rules: CSVFrame<Table>.Rules {
        .init(normalise: { $0.lowercased().trimmingSpaces }, recognise: Table.matching, columns: { Set($0.required + $0.optional) },
              notATable: { "the header (\($0)) is not one of the bundle's tables; see docs/csv-bundle.md" },
              unknownColumn: { "column '\($0)' is not part of \($1.rawValue).csv; skipped" })
    }

    /// Whether the bytes start with a header row of a bundle table.
    public static func recognises(_ bytes: [UInt8]) -> Bool { CSVFrame.recognises(bytes, rules) }

    public func read(bytes: [UInt8], file: String) throws(ImportRejection) -> FileResult {
        var faults: [ImportFault] = []
        var t = BundleTables()
        var leftOut = 0
        let (frame, rows) = try CSVFrame.read(bytes: bytes, file: file, Self.rules) { table, index, fields, line in
            var parser = RowParser(row: fields, index: index, line: line, file: file)
            if parser.append(table, into: &t) == false { leftOut += 1 }
            faults += parser.faults
        }
        var counts = ["rows": rows, "records_left_out": leftOut]
        counts[frame.table.rawValue] = rows - leftOut
        return FileResult(table: frame.table, tables: t, report: FileReport(file: file, accepted: true, counts: counts, faults: frame.faults + faults))
    }
}

/// Reads one row's fields, recording each fault by line, record and field.
private struct RowParser {
    let row: [String]
    let index: [String: Int]
    let line: Int
    let file: String
    var faults: [ImportFault] = []
    var failed = false

    init(row: [String], index: [String: Int], line: Int, file: String) {
        self.row = row
        self.index = index
        self.line = line
        self.file = file
    }

    var record: String? { (index["child_id"] ?? index["case_id"] ?? index["referral_id"] ?? index["month"]).flatMap { $0 < row.count ? row[$0] : nil } }

    func text(_ name: String) -> String {
        guard let i = index[name], i < row.count else { return "" }
        return row[i].trimmingSpaces
    }

    mutating func fault(_ name: String, _ message: String, severity: ImportFault.Severity = .error) {
        faults.append(ImportFault(severity: severity, file: file, line: line, childID: record, field: name, rule: severity == .error ? "bad-value" : "doubtful-value", message: message))
        if severity == .error { failed = true }
    }

    mutating func required(_ name: String) -> String {
        let value = text(name)
        if value.isEmpty { fault(name, "\(name) is required") }
        return value
    }

    mutating func date(_ name: String, required: Bool = true) -> Int32 {
        let value = text(name)
        if value.isEmpty {
            if required { fault(name, "\(name) is required") }
            return noDate
        }
        guard let d = CalendarDate(iso: value) else {
            fault(name, "'\(value)' is not a date (YYYY-MM-DD)")
            return noDate
        }
        return d.column
    }

    mutating func number(_ name: String) -> Double {
        let value = text(name)
        // `Double` reads "1e999" and "inf" as infinity, which no figure of the bundle can be.
        guard let n = Double(value), n >= 0, n.isFinite else {
            fault(name, "'\(value)' is not a number of 0 or more")
            return 0
        }
        return n
    }

    mutating func flag(_ name: String, required: Bool = true) -> Bool? {
        let value = text(name).lowercased()
        if value.isEmpty {
            if required { fault(name, "\(name) is required") }
            return nil
        }
        switch value {
        case "y", "yes", "true", "1": return true
        case "n", "no", "false", "0": return false
        default:
            fault(name, "'\(value)' is not yes or no")
            return nil
        }
    }

    mutating func grade(_ name: String, required: Bool) -> AuditGrade? {
        let value = text(name)
        if value.isEmpty {
            if required { fault(name, "\(name) is required") }
            return nil
        }
        guard let g = AuditGrade(text: value) else {
            fault(name, "'\(value)' is not a grade (outstanding, good, adequate, requires improvement, inadequate)")
            return nil
        }
        return g
    }

    mutating func order(_ start: Int32, _ end: Int32, _ field: String, after startField: String) {
        if start != noDate, end != noDate, end < start {
            fault(field, "\(CalendarDate(column: end)!.iso) is before \(startField) \(CalendarDate(column: start)!.iso)", severity: .warning)
        }
    }

    /// Appends the row to its table; false when it was left out.
    mutating func append(_ table: BundleImporter.Table, into t: inout BundleTables) -> Bool {
        switch table {
        case .initialAssessments:
            let child = required("child_id"), referral = date("referral_date"), start = date("start_date")
            let completed = date("completion_date", required: false), outcome = text("outcome").uppercased()
            order(referral, completed, "completion_date", after: "referral_date")
            guard !failed else { return false }
            t.iaChild.append(child); t.iaReferralID.append(text("referral_id")); t.iaReferral.append(referral); t.iaStart.append(start); t.iaCompleted.append(completed); t.iaOutcome.append(outcome)
        case .coreAssessments:
            let child = required("child_id"), start = date("start_date"), completed = date("completion_date", required: false)
            order(start, completed, "completion_date", after: "start_date")
            guard !failed else { return false }
            t.coreChild.append(child); t.coreStart.append(start); t.coreCompleted.append(completed)
        case .referrals:
            let child = required("child_id"), id = required("referral_id"), day = date("referral_date")
            guard !failed else { return false }
            t.referralChild.append(child); t.referralID.append(id); t.referralDate.append(day); t.referralSource.append(text("source"))
        case .visits:
            let child = required("child_id"), day = date("visit_date"), seen = flag("seen"), alone = flag("seen_alone", required: false)
            guard !failed, let seen else { return false }
            t.visitChild.append(child); t.visitDate.append(day); t.visitSeen.append(seen); t.visitSeenAlone.append(alone ?? false)
        case .allocations:
            let child = required("child_id"), worker = text("worker_id"), from = date("from_date"), to = date("to_date", required: false)
            let qualified = flag("worker_qualified", required: false)
            order(from, to, "to_date", after: "from_date")
            guard !failed else { return false }
            t.allocationChild.append(child); t.allocationWorker.append(worker); t.allocationFrom.append(from); t.allocationTo.append(to)
            t.allocationQualified.append(qualified ?? false)
        case .workforceMonthly:
            let text = self.text("month")
            guard let month = YearMonth(iso: text) else {
                fault("month", "'\(text)' is not a month (YYYY-MM)")
                return false
            }
            let inPost = number("in_post_fte"), vacancies = number("vacancies_fte"), agency = number("agency_fte"), leavers = number("leavers_fte")
            let lost = number("working_days_lost"), cases = number("cases"), holding = number("case_holding_fte")
            guard !failed else { return false }
            t.workforceMonth.append(month); t.inPostFTE.append(inPost); t.vacanciesFTE.append(vacancies); t.agencyFTE.append(agency)
            t.leaversFTE.append(leavers); t.workingDaysLost.append(lost); t.cases.append(cases); t.caseHoldingFTE.append(holding)
        case .caseAudits:
            let id = required("case_id"), day = date("audit_date")
            var grade = self.grade("grade", required: true)
            let oversight = self.grade("management_oversight_grade", required: false)
            let voice = flag("child_voice_recorded", required: false)
            let moderated = self.grade("moderated_grade", required: false)
            let moderation = date("moderation_date", required: false)
            let scale = text("scale_version")
            if grade == .requiresImprovement && scale.hasPrefix("2010") || grade == .adequate && scale.hasPrefix("2013") {
                fault("grade", "'\(text("grade"))' is not a grade on the \(scale) scale", severity: .warning)
            }
            guard !failed else { return false }
            if let moderated { grade = moderated }
            t.auditCase.append(id); t.auditDate.append(day); t.auditAuditor.append(text("auditor")); t.auditGrade.append(grade)
            t.auditOversightGrade.append(oversight); t.auditChildVoice.append(voice)
            // A moderation date places the audit whether or not the moderator changed the grade: the grade that
            // counts is the one settled on that day (§3.17; docs/csv-bundle.md).
            t.auditCounted.append(moderation != noDate ? moderation : day)
        case .referrerFeedback:
            let id = required("referral_id"), decision = date("decision_date"), informed = date("referrer_informed_date", required: false)
            guard !failed else { return false }
            t.feedbackReferral.append(id); t.feedbackDecision.append(decision); t.feedbackInformed.append(informed)
            t.feedbackReferrerType.append(text("referrer_type").lowercased())
        case .healthAssessments:
            let child = required("child_id"), day = date("assessment_date"), kind = text("kind").lowercased()
            if kind != "initial" && kind != "review" { fault("kind", "'\(text("kind"))' is not initial or review") }
            guard !failed else { return false }
            t.healthChild.append(child); t.healthDate.append(day); t.healthInitial.append(kind == "initial")
        case .careLeavers:
            let child = required("child_id"), from = date("care_leaver_from"), to = date("care_leaver_to", required: false)
            order(from, to, "care_leaver_to", after: "care_leaver_from")
            guard !failed else { return false }
            t.leaverChild.append(child); t.leaverFrom.append(from); t.leaverTo.append(to)
        case .pathwayPlanReviews:
            let child = required("child_id"), day = date("pathway_plan_review_date")
            guard !failed else { return false }
            t.pathwayChild.append(child); t.pathwayReview.append(day)
        }
        return true
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
