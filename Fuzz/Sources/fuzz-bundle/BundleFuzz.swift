import CaseRecords
import FuzzSupport

/// Any bytes into `BundleImporter().read(bytes:file:)`: the CSV reader, the table told from the header, each row's
/// dates, numbers, flags and grades. An accepted table's columns must stay the same length, and its figures finite.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-bundle.csv"
    _ = BundleImporter.recognises(bytes)
    do {
        let result = try BundleImporter().read(bytes: bytes, file: file)
        check(result.tables)
        return "accepted as \(result.table.rawValue): \(result.report.counts.sorted { $0.key < $1.key }), \(result.report.faults.count) faults"
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        return "rejected: \(error)"
    }
}

func check(_ t: BundleTables) {
    func same(_ counts: [Int], _ table: String) { expect(Set(counts).count <= 1, "\(table) columns differ in length: \(counts)") }
    same([t.iaChild.count, t.iaReferral.count, t.iaStart.count, t.iaCompleted.count, t.iaOutcome.count], "initial_assessments")
    same([t.coreChild.count, t.coreStart.count, t.coreCompleted.count], "core_assessments")
    same([t.referralChild.count, t.referralID.count, t.referralDate.count, t.referralSource.count], "referrals")
    same([t.visitChild.count, t.visitDate.count, t.visitSeen.count, t.visitSeenAlone.count], "visits")
    same([t.allocationChild.count, t.allocationWorker.count, t.allocationFrom.count, t.allocationTo.count, t.allocationQualified.count], "allocations")
    let workforce = [t.inPostFTE, t.vacanciesFTE, t.agencyFTE, t.leaversFTE, t.workingDaysLost, t.cases, t.caseHoldingFTE]
    same([t.workforceMonth.count] + workforce.map(\.count), "workforce_monthly")
    expect(workforce.allSatisfy { $0.allSatisfy(\.isFinite) }, "workforce_monthly holds a figure that is not finite")
    same([t.auditCase.count, t.auditDate.count, t.auditAuditor.count, t.auditGrade.count, t.auditOversightGrade.count,
          t.auditChildVoice.count, t.auditCounted.count], "case_audits")
    same([t.feedbackReferral.count, t.feedbackDecision.count, t.feedbackInformed.count, t.feedbackReferrerType.count], "referrer_feedback")
    same([t.healthChild.count, t.healthDate.count, t.healthInitial.count], "health_assessments")
    same([t.leaverChild.count, t.leaverFrom.count, t.leaverTo.count], "care_leavers")
    same([t.pathwayChild.count, t.pathwayReview.count], "pathway_plan_reviews")
}

@main struct Main {
    static func main() { fuzzMain("fuzz-bundle", run) }
}
