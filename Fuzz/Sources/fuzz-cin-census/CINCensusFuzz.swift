import CaseRecords
import FuzzSupport

/// Any bytes into `CINCensusImporter().read(bytes:file:)`: the XML scanner, the census reader and its per-field checks.
/// An accepted file's tables must hold together (columns of one record the same length, every parent index in range),
/// since the indicator engine indexes through them without checking.
func run(_ bytes: [UInt8]) -> String {
    let file = "fuzz-cin.xml"
    do {
        let result = try CINCensusImporter().read(bytes: bytes, file: file)
        check(result.tables)
        expect(result.report.file == file, "the report names another file")
        return "accepted: \(result.report.counts.sorted { $0.key < $1.key }), \(result.report.faults.count) faults"
    } catch {
        expect(error.file == file && !error.reason.isEmpty, "a rejection must name the file and a reason: \(error)")
        return "rejected: \(error)"
    }
}

func check(_ t: CINTables) {
    let children = t.childCount
    expect([t.upn.count, t.birthDate.count, t.gender.count, t.ethnicity.count, t.disabilities.count].allSatisfy { $0 == children },
           "child columns differ in length")
    let episodes = t.episodeCount
    expect([t.referralDate.count, t.referralSource.count, t.primaryNeed.count, t.closureDate.count, t.closureReason.count,
            t.referralNFA.count, t.episodeICPCDate.count].allSatisfy { $0 == episodes }, "referral columns differ in length")
    expect(t.episodeChild.allSatisfy { $0 >= 0 && Int($0) < children }, "a referral points to no child")
    expect([t.assessmentStart.count, t.assessmentInternalReview.count, t.assessmentAuthorised.count, t.assessmentFactors.count]
        .allSatisfy { $0 == t.assessmentCount }, "assessment columns differ in length")
    expect([t.cinPlanStart.count, t.cinPlanEnd.count].allSatisfy { $0 == t.cinPlanCount }, "CIN plan columns differ in length")
    expect([t.s47Start.count, t.s47ICPCTarget.count, t.s47ICPCDate.count, t.s47ICPCNotRequired.count].allSatisfy { $0 == t.s47Count },
           "section 47 columns differ in length")
    expect([t.planStart.count, t.planEnd.count, t.planInitialCategory.count, t.planLatestCategory.count, t.planPreviousCPP.count]
        .allSatisfy { $0 == t.planCount }, "plan columns differ in length")
    expect(t.reviewDate.count == t.reviewCount, "review columns differ in length")
    for parents in [t.assessmentEpisode, t.cinPlanEpisode, t.s47Episode, t.planEpisode] {
        expect(parents.allSatisfy { $0 >= 0 && Int($0) < episodes }, "a record points to no referral")
    }
    expect(t.reviewPlan.allSatisfy { $0 >= 0 && Int($0) < t.planCount }, "a review points to no plan")
}

@main struct Main {
    static func main() { fuzzMain("fuzz-cin-census", run) }
}
