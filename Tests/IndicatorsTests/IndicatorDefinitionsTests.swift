import CaseRecords
import Domain
import Indicators
import TestSupport
import Testing

/// Each CIN indicator on a handful of records, every figure counted by hand from INDICATORS.md.
@Suite("CIN indicators")
struct IndicatorDefinitionsTests {
    func data(_ children: [String], reference: String = "2025-03-31") throws -> CaseData {
        CaseData(cin: try CINXML.tables(CINXML.file(reference: reference, children: children)))
    }

    func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    func figure(_ id: String, _ data: CaseData, _ basis: Basis, _ month: String) -> (Int, Int) {
        let results = IndicatorEngine().evaluate(data, .init(months: [self.month(month)], bases: [basis]))
        let r = results.first { $0.indicator.rawValue == id }!
        return (Int(r.numerator), Int(r.denominator))
    }

    @Test func singleAssessmentsTimedFromTheReferral() throws {
        let d = try data([
            // Fri 25 May 2012: 45 working days is Tue 31 Jul 2012 (the 2012 spring holiday moved, and the jubilee).
            CINXML.child("A", episodes: [CINXML.episode(referral: "2012-05-25", assessments: [("2012-05-25", "2012-07-31")])]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2012-05-25", assessments: [("2012-05-25", "2012-08-01")])]),  // 46
            CINXML.child("C", episodes: [CINXML.episode(referral: "2012-07-14", assessments: [("2012-07-16", "2012-07-14")])]),  // Saturday, same day: 0
            CINXML.child("D", episodes: [CINXML.episode(referral: "2012-07-20", assessments: [("2012-07-20", "2012-07-19")])]),  // before the referral: out
            CINXML.child("E", episodes: [CINXML.episode(referral: "2012-07-02", assessments: [("2012-07-02", nil)])]),           // open: out
            // A re-assessment late in a long episode: late from the referral, on time from its own start (the DfE variant).
            CINXML.child("F", episodes: [CINXML.episode(referral: "2012-03-01", assessments: [("2012-07-02", "2012-07-20")])]),
        ])
        // July: A and C on time, F late; D (before its referral) and E (open) are not counted.
        #expect(figure("single_assessment_timeliness", d, .inMonth, "2012-07") == (2, 3))
        #expect(figure("single_assessment_timeliness", d, .inMonth, "2012-08") == (0, 1))  // B, the 46th working day
        // On the DfE clock F is 14 working days from its own start; C "starts" after it was authorised, so it is left
        // out of that variant only.
        #expect(figure("single_assessment_timeliness_dfe", d, .inMonth, "2012-07") == (2, 2))
        #expect(figure("single_assessment_timeliness_dfe", d, .cumulativeYearToDate, "2012-08") == (2, 3))
    }

    @Test func reReferralsAtExactlyTwelveMonthsAndAcrossALeapDay() throws {
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2023-02-28"), CINXML.episode(referral: "2024-02-29")]),  // within
            CINXML.child("B", episodes: [CINXML.episode(referral: "2023-03-15"), CINXML.episode(referral: "2024-03-15")]),  // exactly 12 months: within
            CINXML.child("C", episodes: [CINXML.episode(referral: "2023-03-14"), CINXML.episode(referral: "2024-03-15")]),  // a day over
            CINXML.child("D", episodes: [CINXML.episode(referral: "2024-03-01", nfa: true)]),
        ])
        #expect(figure("re_referral_12m", d, .inMonth, "2024-02") == (1, 1))
        #expect(figure("re_referral_12m", d, .inMonth, "2024-03") == (1, 3))
        // The look-back reaches before the period: 2023 referrals count as previous ones but are not in the period.
        #expect(figure("re_referral_12m", d, .cumulativeYearToDate, "2024-03") == (2, 4))
    }

    @Test func plansLastingTwoYearsWithMonthEndClamping() throws {
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2020-01-01", plans: [("2020-01-31", "2022-01-31", 0, [])])]),  // exactly 2 years
            CINXML.child("B", episodes: [CINXML.episode(referral: "2020-01-01", plans: [("2020-01-31", "2022-01-30", 0, [])])]),  // a day short
            CINXML.child("C", episodes: [CINXML.episode(referral: "2020-02-01", plans: [("2020-02-29", "2022-02-28", 0, [])])]),  // leap start: 28 Feb
            CINXML.child("D", episodes: [CINXML.episode(referral: "2021-01-01", plans: [("2022-01-20", "2022-01-10", 0, [])])]),  // ends before it starts
        ])
        #expect(figure("cpp_lasting_2y_plus", d, .inMonth, "2022-01") == (1, 2))
        #expect(figure("cpp_lasting_2y_plus", d, .inMonth, "2022-02") == (1, 1))
        #expect(figure("cpp_open_2y_plus_snapshot", d, .snapshot, "2021-12") == (0, 3))
    }

    @Test func repeatPlansThroughEarlierPlansAndNumberOfPreviousCPP() throws {
        let d = try data([
            CINXML.child("A", episodes: [
                CINXML.episode(referral: "2020-05-01", closure: "2021-01-01", plans: [("2020-06-01", "2020-12-01", 0, [])]),
                CINXML.episode(referral: "2023-05-01", plans: [("2023-06-10", nil, 0, [])]),  // repeat ever; ended 2½ years before: not within 2 years
            ]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2023-06-01", plans: [("2023-06-20", nil, 2, [])])]),  // earlier plans before the data
            CINXML.child("C", episodes: [CINXML.episode(referral: "2023-06-01", plans: [("2023-06-05", nil, 0, [])])]),  // first plan
            CINXML.child("E", episodes: [
                CINXML.episode(referral: "2021-06-01", closure: "2022-01-01", plans: [("2021-07-01", "2021-12-31", 0, [])]),
                CINXML.episode(referral: "2023-06-01", plans: [("2023-06-25", nil, 0, [])]),  // ended 18 months before: within 2 years
            ]),
        ])
        #expect(figure("cpp_repeat_ever", d, .inMonth, "2023-06") == (3, 4))
        // Counting children: the same four children, each once.
        #expect(figure("cpp_repeat_ever_children", d, .inMonth, "2023-06") == (3, 4))
        #expect(figure("cpp_repeat_within_2y", d, .inMonth, "2023-06") == (1, 4))
    }

    @Test func twoPlansStartingTheSameDayAreOneStartARepeatIfEitherSaysSo() throws {
        let d = try data([
            CINXML.child("A", episodes: [
                CINXML.episode(referral: "2023-05-01", plans: [("2023-06-01", nil, 0, [])]),
                CINXML.episode(referral: "2023-05-02", plans: [("2023-06-01", nil, 1, [])]),
            ]),
        ])
        #expect(figure("cpp_repeat_ever", d, .inMonth, "2023-06") == (1, 1))
    }

    @Test func aChildWithTwoStartsInTheYearCountsOnceAmongChildren() throws {
        let d = try data([
            CINXML.child("A", episodes: [
                CINXML.episode(referral: "2023-04-01", closure: "2023-07-01", plans: [("2023-04-20", "2023-06-30", 0, [])]),
                CINXML.episode(referral: "2023-09-01", plans: [("2023-10-02", nil, 0, [])]),
            ]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2023-05-01", plans: [("2023-05-20", nil, 0, [])])]),
        ])
        #expect(figure("cpp_repeat_ever", d, .cumulativeYearToDate, "2024-03") == (1, 3))
        #expect(figure("cpp_repeat_ever_children", d, .cumulativeYearToDate, "2024-03") == (1, 2))
    }

    @Test func openAssessmentsPastTheirDeadline() throws {
        // At Fri 31 May 2024: a referral of 1 March is past 45 working days (Easter, early and late May holidays between).
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2024-03-01", assessments: [("2024-03-04", nil)])]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2024-05-01", assessments: [("2024-05-02", nil)])]),
            CINXML.child("C", episodes: [CINXML.episode(referral: "2024-03-01", assessments: [("2024-03-04", "2024-04-10")])]),
        ])
        // A count (§1.3 "a companion backlog count"): A is overdue at 31 May; B is open and in time; C was authorised.
        #expect(figure("single_assessment_overdue_open", d, .snapshot, "2024-05") == (1, 1))
        #expect(figure("single_assessment_overdue_open", d, .snapshot, "2024-03") == (0, 1))
    }

    @Test func reviewsAtThreeAndSixMonthsWithMonthEndClamping() throws {
        // Start 31 Aug 2023: first review due 30 Nov 2023 (clamped), then 30 May 2024.
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2023-08-01", plans: [("2023-08-31", nil, 0, ["2023-11-30"])])]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2023-08-01", plans: [("2023-08-31", nil, 0, ["2023-12-01"])])]),  // a day late
            CINXML.child("C", episodes: [CINXML.episode(referral: "2024-03-01", plans: [("2024-03-01", nil, 0, [])])]),  // too new for the cohort at May
        ])
        #expect(figure("cp_reviews_on_time", d, .snapshot, "2023-12") == (1, 2))
        // At 31 May 2024 A's second review (due 30 May) is overdue.
        #expect(figure("cp_reviews_on_time", d, .snapshot, "2024-05") == (0, 2))
        #expect(figure("cp_review_conferences_in_month_on_time", d, .inMonth, "2023-11") == (1, 1))
        #expect(figure("cp_review_conferences_in_month_on_time", d, .inMonth, "2023-12") == (0, 1))
    }

    @Test func conferencesWithinFifteenWorkingDaysOfTheEnquiry() throws {
        // Fri 16 Dec 2022: the 15th working day is Wed 11 Jan 2023 (26, 27 Dec and 2 Jan are holidays).
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2022-12-10", s47: [("2022-12-16", "2023-01-11")])]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2022-12-10", s47: [("2022-12-16", "2023-01-12")])]),
            CINXML.child("C", episodes: [CINXML.episode(referral: "2022-12-10", s47: [("2022-12-16", nil)])]),
        ])
        #expect(figure("icpc_within_15wd_dfe", d, .inMonth, "2023-01") == (1, 2))
    }

    @Test func eachBasisOnOneSmallDataset() throws {
        // Assessments authorised in three months of 2023-24 and one of 2024-25; on time marked by a same-day completion.
        func onTime(_ id: String, _ day: String) -> String {
            CINXML.child(id, episodes: [CINXML.episode(referral: day, assessments: [(day, day)])])
        }
        func late(_ id: String, _ referral: String, _ done: String) -> String {
            CINXML.child(id, episodes: [CINXML.episode(referral: referral, assessments: [(referral, done)])])
        }
        let d = try data([
            onTime("A", "2023-04-12"), late("B", "2023-01-02", "2023-04-20"),              // April 2023: 1 of 2
            onTime("C", "2023-05-03"), onTime("D", "2023-05-04"), onTime("E", "2023-05-05"), // May: 3 of 3
            late("F", "2023-03-01", "2023-07-03"),                                             // July: 0 of 1
            onTime("G", "2024-04-02"),                                                         // April 2024: 1 of 1
        ])
        #expect(figure("single_assessment_timeliness", d, .inMonth, "2023-05") == (3, 3))
        // Year to date at July 2023: 4 of 6 (66.7%), not the mean of the months' 50%, 100% and 0%.
        #expect(figure("single_assessment_timeliness", d, .cumulativeYearToDate, "2023-07") == (4, 6))
        // The year restarts in April.
        #expect(figure("single_assessment_timeliness", d, .cumulativeYearToDate, "2024-04") == (1, 1))
        // Rolling 12 months to April 2024: May 2023 to April 2024.
        #expect(figure("single_assessment_timeliness", d, .rolling12Months, "2024-04") == (4, 5))
        let results = IndicatorEngine().evaluate(d, .init(months: [month("2023-06")], bases: [.inMonth]))
        let june = results.first { $0.indicator == .init(rawValue: "single_assessment_timeliness")! }!
        #expect(june.denominator == 0 && june.value == nil)
    }

    @Test func everyFigureOpensOntoItsRecords() throws {
        let d = try data([
            CINXML.child("A", episodes: [CINXML.episode(referral: "2023-02-28"), CINXML.episode(referral: "2024-02-29")]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2024-02-10")]),
        ])
        let r = IndicatorEngine().evaluate(d, .init(months: [month("2024-02")], bases: [.inMonth], keepRecords: true))
            .first { $0.indicator == .init(rawValue: "re_referral_12m")! }!
        #expect(r.numeratorRecords.map(d.describe) == ["A/referral/2024-02-29"])
        #expect(r.denominatorRecords.map(d.describe).sorted() == ["A/referral/2024-02-29", "B/referral/2024-02-10"])
    }
}
