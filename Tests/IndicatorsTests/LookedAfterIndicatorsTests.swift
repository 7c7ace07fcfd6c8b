import CaseRecords
import Domain
import Indicators
import Testing
import Spreadsheet

/// The looked-after children's indicators from SSDA903 tables, counted by hand.
@Suite("Looked-after indicators")
struct LookedAfterIndicatorsTests {
    func lac(_ files: String...) throws -> SSDA903Tables {
        var tables = SSDA903Tables()
        let importer = SSDA903Importer(today: CalendarDate(year: 2026, month: 11, day: 23)!)
        for (n, csv) in files.enumerated() { tables.append(try importer.read(bytes: Array(csv.utf8), file: "t\(n).csv").tables) }
        return tables
    }

    func figure(_ id: String, _ data: CaseData, _ basis: Basis, _ month: String) -> (Double, Double, Double?) {
        let r = IndicatorEngine().evaluate(data, .init(months: [YearMonth(iso: month)!], bases: [basis])).first { $0.indicator.rawValue == id }!
        return (r.numerator, r.denominator, r.value)
    }

    @Test func firstReviewMovesFrom28DaysTo20WorkingDaysInApril2011() throws {
        let t = try lac("""
        CHILD,DECOM,RNE,LS,PLACE,DEC
        A,01/03/2011,S,C2,U1,
        B,02/03/2011,S,C2,U1,
        C,01/04/2011,S,C2,U1,
        D,01/04/2011,S,C2,U1,
        E,30/06/2011,S,C2,U1,
        F,01/03/2011,S,C2,U1,20/03/2011
        """, """
        CHILD,DOB,REVIEW,REVIEW_CODE
        A,01/01/2005,29/03/2011,PN1
        B,01/01/2005,31/03/2011,PN1
        C,01/01/2005,05/05/2011,PN1
        D,01/01/2005,06/05/2011,PN1
        """)
        let d = CaseData(lac: t)
        // March: A's first review fell due 28 days on, 29 March, and was held that day; B's was a day late. F left
        // care before a review fell due.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2011-03") == (1, 2, 50))
        // From April the first review is due within 20 working days: 1 April + 20 (less Good Friday, Easter Monday,
        // the royal wedding and the May Day holiday) is 5 May. C's was held that day, D's the day after. Under the
        // old rule C would have been a week late.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2011-05") == (1, 2, 50))
        // June: A's second review was due three months after its first (29 June) and B's on 30 June; neither was held.
        // E's first falls after the last date in the return (30 June) and is not judged.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2011-06") == (0, 2, 0))
        // The year from April: C met, D, A and B each missed one.
        #expect(figure("lac_reviews_on_time", d, .cumulativeYearToDate, "2011-06") == (1, 4, 25))
    }

    @Test func placementMovesCountedAsNI62Does() throws {
        let t = try lac("""
        CHILD,DECOM,RNE,LS,PLACE,DEC
        P,01/01/2011,S,C2,U1,01/05/2011
        P,01/05/2011,P,C2,U2,01/08/2011
        P,01/08/2011,L,C1,U2,01/10/2011
        P,01/10/2011,P,C1,T1,15/10/2011
        P,15/10/2011,P,C1,U2,
        Q,01/06/2011,S,C2,U1,01/07/2011
        Q,01/07/2011,P,C2,U3,01/09/2011
        Q,01/09/2011,P,C2,U4,
        R,01/06/2011,S,C2,U1,01/07/2011
        R,01/07/2011,P,C2,U3,01/09/2011
        R,01/09/2011,P,C2,U4,01/01/2012
        """)
        let d = CaseData(lac: t)
        // At 31 March 2012: P had two placements in the year (a change of legal status, a respite stay and the return
        // from it are not moves); Q had three; R has left care.
        #expect(figure("placement_stability_short_term", d, .snapshot, "2012-03") == (1, 2, 50))
    }

    @Test func longTermStabilityCountsAdoptivePlacementsWithTheOneBefore() throws {
        let t = try lac("""
        CHILD,SEX,DOB,ETHNIC
        L1,1,01/01/2000,WBRI
        L2,1,01/01/2000,WBRI
        L3,2,01/01/2000,WBRI
        L4,2,01/06/1995,WBRI
        """, """
        CHILD,DECOM,RNE,LS,PLACE,DEC
        L1,01/01/2009,S,C2,U1,01/06/2009
        L1,01/06/2009,P,C2,U2,
        L2,01/01/2009,S,C2,U1,01/01/2011
        L2,01/01/2011,P,E1,A4,
        L3,01/01/2009,S,C2,U1,01/01/2011
        L3,01/01/2011,P,C2,U3,
        L4,01/01/2009,S,C2,U1,
        """)
        let d = CaseData(lac: t)
        // At 31 March 2012 the cohort is under-16s looked after since 30 September 2009 or before: L1, L2, L3 (L4 is
        // 16). L1 has been in one placement since June 2009; L2 was placed for adoption in 2011 but with its previous
        // placement has been settled since 2009; L3 moved in 2011.
        #expect(figure("placement_stability_long_term", d, .snapshot, "2012-03") == (2, 3, 200.0 / 3))
    }

    func bundle(_ csv: String) throws -> BundleTables {
        try BundleImporter().read(bytes: Array(csv.utf8), file: "bundle.csv").tables
    }

    @Test func healthAssessmentsAreDueByAge() throws {
        let t = try lac("""
        CHILD,SEX,DOB,ETHNIC
        H1,1,01/01/2009,WBRI
        H2,2,01/01/2009,WBRI
        H3,1,01/01/2000,WBRI
        H4,2,01/01/2005,WBRI
        """, """
        CHILD,DECOM,RNE,LS,PLACE,DEC
        H1,01/06/2011,S,C2,U1,
        H2,01/06/2011,S,C2,U1,
        H3,01/06/2011,S,C2,U1,
        H4,20/03/2012,S,C2,U1,
        """)
        let b = try bundle("""
        child_id,assessment_date,kind
        H1,2011-06-20,initial
        H1,2011-12-01,review
        H1,2012-06-10,review
        H2,2011-06-30,initial
        H3,2011-06-29,Initial
        H3,2011-07-15,review
        """)
        let d = CaseData(bundle: b, lac: t)
        // Coming into care on 1 June 2011, the initial assessment was due 20 working days on, 29 June: H1 and H3 were
        // in time, H2 a day late.
        #expect(figure("lac_initial_health_assessment_20wd", d, .inMonth, "2011-06") == (2, 3, 200.0 / 3))
        // §3.12 (a) counts children looked after continuously for twelve months or more: at 31 March 2012 no one has
        // been (H1–H3 came in on 1 June 2011).
        #expect(figure("lac_health_assessment_timeliness", d, .snapshot, "2012-03") == (0, 0, nil))
        // At 30 June 2012 H1–H3 have, H4 (20 March 2012) has not. H1 (three) had a review on 10 June, next due in
        // December: up to date. H2 (three) was due a review six months after 30 June 2011: overdue. H3 (eleven) is due
        // twelve months after 15 July 2011: up to date.
        #expect(figure("lac_health_assessment_timeliness", d, .snapshot, "2012-06") == (2, 3, 200.0 / 3))
    }

    @Test func careLeaversNeedAPathwayPlanReviewedInTheLastSixMonths() throws {
        var b = try bundle("""
        child_id,care_leaver_from,care_leaver_to
        C1,2011-01-01,
        C2,2011-01-01,
        C3,2011-01-01,2012-03-01
        C4,2012-04-01,
        """)
        b.append(try bundle("""
        child_id,pathway_plan_review_date
        C1,2011-09-30
        C2,2011-09-29
        C3,2012-02-01
        """))
        // At 31 March 2012 the plan must have been reviewed on or after 30 September 2011: C1 was, on the day; C2 a day
        // before. C3 is no longer a care leaver and C4 not yet one.
        #expect(figure("care_leavers_pathway_plan", CaseData(bundle: b), .snapshot, "2012-03") == (1, 2, 50))
    }

    @Test func conferencesWithin15WorkingDaysOfTheStrategyDiscussion() throws {
        func serial(_ y: Int, _ m: Int, _ d: Int) -> XLSXWorkbook.Cell { .number(XLSXWriter.serial(dayNumber: CalendarDate(year: y, month: m, day: d)!.dayNumber)) }
        let list5: [[XLSXWorkbook.Cell?]] = [
            [.text("Child Unique ID"), .text("Strategy discussion initiating Section 47 Enquiry Start Date"),
             .text("Was an Initial Child Protection Conference deemed unnecessary?"), .text("Date of Initial Child Protection Conference")],
            [.text("S1"), serial(2011, 4, 1), .text("No"), serial(2011, 4, 26)],
            [.text("S2"), serial(2011, 4, 1), .text("No"), .text("27/04/2011")],
            [.text("S3"), serial(2011, 4, 20), .text("No"), serial(2011, 4, 19)],
            [.text("S4"), serial(2011, 4, 1), .text("Yes"), nil],
        ]
        let workbook = try XLSXWriter.workbook([("List 5", list5)])
        let result = try AnnexAImporter().read(data: workbook, file: "annex-a.xlsx")
        #expect(result.report.faults.contains { $0.childID == "S3" && $0.line == 4 && $0.severity == .warning })
        let d = CaseData(annexA: result.tables)
        // From Friday 1 April 2011, less Good Friday and Easter Monday, the 15th working day is Tuesday 26 April: S1 is
        // in time, S2 a day late. S3's conference is dated before its strategy discussion; S4 needed none.
        #expect(figure("icpc_within_15wd", d, .inMonth, "2011-04") == (1, 2, 50))
    }
}
