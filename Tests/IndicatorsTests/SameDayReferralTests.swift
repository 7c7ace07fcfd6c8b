import CaseRecords
import Domain
import Indicators
import TestSupport
import Testing

/// Two CINdetails of one child with the same referral date: a contact closed with no further action and a re-referral
/// the same day. Both are episodes; the referral counts once (INDICATORS.md §7), and what the second episode carries
/// (the assessment, the plan, its reviews) is counted.
@Suite("Same-day referrals")
struct SameDayReferralTests {
    func figure(_ id: String, _ data: CaseData, _ basis: Basis, _ month: String) -> (Int, Int) {
        let r = IndicatorEngine().evaluate(data, .init(months: [YearMonth(iso: month)!], bases: [basis])).first { $0.indicator.rawValue == id }!
        return (Int(r.numerator), Int(r.denominator))
    }

    static let child = CINXML.child("A", episodes: [
        CINXML.episode(referral: "2023-05-01", closure: "2023-05-01", nfa: true),
        CINXML.episode(referral: "2023-05-01", assessments: [("2023-05-02", "2023-06-01")],
                       plans: [(start: "2023-06-12", end: nil, previous: 0, reviews: ["2023-09-01"])]),
    ])

    @Test func bothEpisodesAreKeptAndTheReferralCountsOnce() throws {
        let t = try CINXML.tables(CINXML.file(reference: "2024-03-31", children: [Self.child]))
        #expect(t.episodeCount == 2 && t.assessmentCount == 1 && t.planCount == 1)
        let d = CaseData(cin: t)
        // One referral in May, not two; it led to an assessment (through the second episode) and, through the first,
        // was closed with no further action.
        #expect(figure("referrals_to_assessment", d, .inMonth, "2023-05") == (1, 1))
        #expect(figure("referrals_nfa", d, .inMonth, "2023-05") == (1, 1))
        // Not a re-referral of itself.
        #expect(figure("re_referral_12m", d, .inMonth, "2023-05") == (0, 1))
        // The assessment in the second episode: from Monday 1 May 2023 (a bank holiday, day 0) to 1 June is 21 working
        // days, the coronation holiday of 8 May and the late May holiday of 29 May left out: on time.
        #expect(figure("single_assessment_timeliness", d, .inMonth, "2023-06") == (1, 1))
        // The plan of 12 June 2023, reviewed on 1 September (within three months): on time at 30 September.
        #expect(figure("cp_reviews_on_time", d, .snapshot, "2023-09") == (1, 1))
    }

    @Test func mergingYearsKeepsBothEpisodesOfTheDay() throws {
        let importer = CINCensusImporter()
        let older = try importer.read(bytes: Array(CINXML.file(reference: "2024-03-31", children: [Self.child]).utf8), file: "2024.xml")
        // The next census repeats the open episode (now with its closure) and not the contact closed the year before.
        let newer = try importer.read(bytes: Array(CINXML.file(reference: "2025-03-31", children: [CINXML.child("A", episodes: [
            CINXML.episode(referral: "2023-05-01", closure: "2024-06-30", assessments: [("2023-05-02", "2023-06-01")],
                           plans: [(start: "2023-06-12", end: "2024-06-30", previous: 0, reviews: ["2023-09-01", "2024-03-01"])]),
        ])]).utf8), file: "2025.xml")
        for files in [[older, newer], [newer, older]] {
            let (t, faults) = CINMerge.merge(files)
            // The open episode is matched to its later version (which only knows more: no conflict); the NFA contact,
            // which the later census no longer lists, is kept from the older one.
            #expect(t.episodeCount == 2 && t.assessmentCount == 1 && t.planCount == 1 && t.reviewCount == 2)
            #expect(faults.isEmpty, "\(faults)")
            #expect(t.closureDate.sorted().map { CalendarDate(column: $0)!.iso } == ["2023-05-01", "2024-06-30"])
        }
        // Both files listing both episodes: still two.
        let both = try importer.read(bytes: Array(CINXML.file(reference: "2025-03-31", children: [CINXML.child("A", episodes: [
            CINXML.episode(referral: "2023-05-01", closure: "2023-05-01", nfa: true),
            CINXML.episode(referral: "2023-05-01", closure: "2024-06-30", assessments: [("2023-05-02", "2023-06-01")]),
        ])]).utf8), file: "2025b.xml")
        let (t, faults) = CINMerge.merge([older, both])
        #expect(t.episodeCount == 2)
        // The later census has no plan where the earlier had one: a contradiction, reported once.
        #expect(faults.map(\.rule) == ["merge-conflict"])
    }
}
