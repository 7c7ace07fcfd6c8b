import CaseRecords
import Domain
import Indicators
import Testing

/// DfE's looked-after conventions and the faults an independent reading of the spec found (issue "Looked-after and
/// workforce figures"), each from its reproducer in the 903 CSV layout.
@Suite("Looked-after conventions")
struct LookedAfterConventionsTests {
    static let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\n"
    static let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
    static let noReviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n"

    func read(_ episodes: String, header: String = header, reviews: String = noReviews, today: CalendarDate = CalendarDate(year: 2026, month: 12, day: 6)!)
        throws -> (tables: SSDA903Tables, faults: [ImportFault]) {
        let importer = SSDA903Importer(today: today)
        var tables = SSDA903Tables()
        var faults: [ImportFault] = []
        for (name, csv) in [("header.csv", header), ("episodes.csv", Self.episodesHeader + episodes), ("reviews.csv", reviews)] {
            let result = try importer.read(bytes: Array(csv.utf8), file: name)
            tables.append(result.tables)
            faults += result.report.faults
        }
        return (tables, faults)
    }

    func figure(_ id: String, _ data: CaseData, _ basis: Basis, _ month: String) -> (Double, Double) {
        let r = IndicatorEngine().evaluate(data, .init(months: [YearMonth(iso: month)!], bases: [basis])).first { $0.indicator.rawValue == id }!
        return (r.numerator, r.denominator)
    }

    @Test func aChildWithAnEpisodeLeftOpenBeforeALaterOneIsCountedOnceAndTheFaultReported() throws {
        let (t, faults) = try read("""
        C1,01/01/2017,S,C2,N1,U1,PR1,,,,,,
        C1,01/03/2017,P,C2,N1,U2,PR1,,,,,,
        """)
        // One child, two placements in the year to 31 March 2017: not three, and one child, not two.
        #expect(figure("placement_stability_short_term", CaseData(lac: t), .snapshot, "2017-03") == (0, 1))
        let overlap = try #require(faults.first { $0.rule == "overlapping-episodes" })
        #expect(overlap.file == "episodes.csv" && overlap.line == 2 && overlap.childID == "C1" && overlap.field == "DEC")
        #expect(overlap.message.contains("2017-03-01"))
    }

    @Test func longTermStabilityCountsAChildOnceWhenAnEpisodeWasLeftOpen() throws {
        // The short-term reproducer's layout from 2014: an open episode followed by a move two months later. At 31
        // March 2017 one child is in the cohort (looked after since 1 January 2014), settled since March 2014; read
        // as two periods of care it was two children, both settled.
        let (t, _) = try read("""
        C1,01/01/2014,S,C2,N1,U1,PR1,,,,,,
        C1,01/03/2014,P,C2,N1,U2,PR1,,,,,,
        """)
        #expect(figure("placement_stability_long_term", CaseData(lac: t), .snapshot, "2017-03") == (1, 1))
    }

    @Test func placementsInEveryPeriodOfCareDuringTheYearCount() throws {
        let (t, _) = try read("""
        C1,01/05/2017,S,C2,N1,U1,PR1,01/07/2017,X1,,,,
        C1,01/07/2017,P,C2,N1,U2,PR1,01/09/2017,E4A,,,,
        C1,01/11/2017,S,C2,N1,U3,PR1,,,,,,
        """)
        // Three placements in the year to 31 March 2018, two in a period of care that ended in September.
        #expect(figure("placement_stability_short_term", CaseData(lac: t), .snapshot, "2018-03") == (1, 1))
        // A year later only the third placement falls in the year.
        #expect(figure("placement_stability_short_term", CaseData(lac: t), .snapshot, "2019-03") == (0, 1))
    }

    @Test func theSameFilesGiveTheSameFiguresWhateverTheDayTheyAreRead() throws {
        // C1 came into care on 2 January 2014 and was never reviewed; a second child starts on 6 or 7 December 2026.
        // Read on 6 December 2026, the second child's episode on the 7th is a future date and is left out; it must
        // not change whether C1's first review, due on 30 January 2014, is judged.
        let header = Self.header + "C2,1,01/01/2020,WBRI,,,\n"
        for start in ["06/12/2026", "07/12/2026"] {
            let (t, faults) = try read("""
            C1,02/01/2014,S,C2,N1,U1,PR1,,,,,,
            C2,\(start),S,C2,N1,U1,PR1,,,,,,
            """, header: header)
            #expect(figure("lac_reviews_on_time", CaseData(lac: t), .inMonth, "2014-01") == (0, 1), "second child from \(start)")
            #expect(faults.contains { $0.rule == "future-date" } == (start == "07/12/2026"))
        }
        // A date given for the figures (`--as-of`) sets the limit instead: before the due date nothing is judged.
        let (t, _) = try read("C1,02/01/2014,S,C2,N1,U1,PR1,,,,,,\n")
        #expect(figure("lac_reviews_on_time", CaseData(lac: t, asOf: CalendarDate(year: 2014, month: 1, day: 29)!), .inMonth, "2014-01") == (0, 0))
        #expect(figure("lac_reviews_on_time", CaseData(lac: t, asOf: CalendarDate(year: 2014, month: 1, day: 30)!), .inMonth, "2014-01") == (0, 1))
    }

    @Test func shortBreaksAreLeftOutOfEveryLookedAfterFigure() throws {
        let header = Self.header + "C2,1,01/01/2010,WBRI,,,\nC3,1,01/01/2010,WBRI,,,\n"
        let (t, _) = try read("""
        C1,01/04/2016,S,V3,N1,U1,PR1,02/04/2016,X1,,,,
        C1,02/04/2016,P,V3,N1,U2,PR1,03/04/2016,X1,,,,
        C1,03/04/2016,P,V3,N1,U3,PR1,,,,,,
        C2,01/04/2016,S,V4,N1,U1,PR1,,,,,,
        C3,01/04/2016,S,C2,N1,U1,PR1,,,,,,
        """, header: header)
        let d = CaseData(lac: t, asOf: CalendarDate(year: 2017, month: 3, day: 31)!)
        // Only C3, looked after under a care order, is in any figure: C1's three placements would otherwise make it
        // 1 of 3.
        #expect(figure("placement_stability_short_term", d, .snapshot, "2017-03") == (0, 1))
        // C3's first review fell due 20 working days after Friday 1 April 2016: 29 April, missed. C1 and C2 were due
        // theirs too, and are not judged.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2016-04") == (0, 1))
    }

    @Test func ceasingAndStartingAgainTheSameDayMakesTwoPeriodsOfCare() throws {
        // C1 ceased on 1 March 2014 (returned home, E13) and started again the same day. The second period is new:
        // a first review falls due 20 working days after it (28 March 2014) as well as those of the first period.
        let reviews = Self.noReviews + "C1,01/01/2010,20/01/2014,PN1\n"
        let (t, _) = try read("""
        C1,02/01/2014,S,C2,N1,U1,PR1,01/03/2014,E13,,,,
        C1,01/03/2014,S,C2,N1,U2,PR1,,,,,,
        """, reviews: reviews)
        let d = CaseData(lac: t, asOf: CalendarDate(year: 2014, month: 4, day: 30)!)
        // January: the first period's first review (due 30 January) was held on the 20th.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2014-01") == (1, 1))
        // March: the second period's first review, due 28 March, was not held. Had the periods been one, nothing
        // would fall due until 20 April (three months after the review of 20 January).
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2014-03") == (0, 1))
        // Episodes that go on with X1 are one period: the same dates with X1 and RNE P give nothing due in March.
        let (joined, _) = try read("""
        C1,02/01/2014,S,C2,N1,U1,PR1,01/03/2014,X1,,,,
        C1,01/03/2014,P,C2,N1,U2,PR1,,,,,,
        """, reviews: reviews)
        #expect(figure("lac_reviews_on_time", CaseData(lac: joined, asOf: CalendarDate(year: 2014, month: 4, day: 30)!), .inMonth, "2014-03") == (0, 0))
    }

    @Test func aLateReviewIsStillThatReviewAndAReviewEnteredTwiceCountsOnce() throws {
        // C1 came into care on Friday 1 January 2010 (the 1991 regulations: first review within 28 days) and was first
        // reviewed on 15 October 2010, then on 10 January 2011, entered twice.
        let reviews = Self.noReviews + "C1,01/01/2010,15/10/2010,PN1\nC1,01/01/2010,10/01/2011,PN1\nC1,01/01/2010,10/01/2011,PN1\n"
        let (t, _) = try read("C1,01/01/2010,S,C2,N1,U1,PR1,,,,,,\n", reviews: reviews)
        let d = CaseData(lac: t, asOf: CalendarDate(year: 2011, month: 12, day: 31)!)
        // Due 29 January 2010: missed. Still not held three months on, 29 April: missed again.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2010-01") == (0, 1))
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2010-04") == (0, 1))
        // Held on 15 October, before the next date (29 October) came: that is the first review, held late, and the
        // second runs from it (three months: 15 January 2011). Nothing falls due in October.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2010-10") == (0, 0))
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2011-01") == (1, 1))
        // The third fell due six months after 10 January, on 10 July 2011; the second copy of 10 January is not a
        // review held for it.
        #expect(figure("lac_reviews_on_time", d, .inMonth, "2011-07") == (0, 1))
    }

    @Test func twelveMonthWorkforceRatesTakeOneSourceWhole() throws {
        // Monthly rows from April 2016 only, and the census of 30 September 2016: the twelve months to September are
        // not all in the monthly rows, so turnover and sickness come whole from the census (its leavers and days over
        // its own in-post FTE), never the census's days over the monthly row's posts.
        let monthly = try BundleImporter().read(bytes: Array("""
        month,in_post_fte,vacancies_fte,agency_fte,leavers_fte,working_days_lost,cases,case_holding_fte
        2016-04,20.6,2,1,0.5,10,300,18
        2016-05,20.6,2,1,0.5,10,300,18
        2016-06,20.6,2,1,0.5,10,300,18
        2016-07,20.6,2,1,0.5,10,300,18
        2016-08,20.6,2,1,0.5,10,300,18
        2016-09,20.6,2,1,0.5,10,300,18
        """.utf8), file: "workforce_monthly.csv").tables
        let census = try CSWWImporter().read(bytes: Array("""
        <Message><Header><CollectionDetails><Collection>CSWW</Collection><ReferenceDate>2016-09-30</ReferenceDate></CollectionDetails></Header>
        <LALevelVacancies><NumberOfVacancies>3</NumberOfVacancies><NoAgencyFTE>1</NoAgencyFTE><NoAgencyHeadcount>1</NoAgencyHeadcount></LALevelVacancies>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000001</SWENo><FTE30>1</FTE30><Cases30>15</Cases30><WorkingDaysLost>125</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000002</SWENo><FTE>1</FTE><RoleEndDate>2016-03-31</RoleEndDate><WorkingDaysLost>5</WorkingDaysLost></CSWWWorker>
        </Message>
        """.utf8), file: "csww.xml").census
        let d = CaseData(bundle: monthly, workforceCensus: [census])
        func amounts(_ id: String) -> (Double, Double) {
            let r = IndicatorEngine().evaluate(d, .init(months: [YearMonth(iso: "2016-09")!], bases: [.rolling12Months])).first { $0.indicator.rawValue == id }!
            return (r.numerator, r.denominator)
        }
        // The census: one leaver of 1 FTE, 130 days lost, one worker of 1 FTE in post.
        #expect(amounts("sw_turnover_rate") == (1, 1))
        #expect(amounts("sw_sickness_days_per_fte") == (130, 1))
        #expect(amounts("sw_absence_rate") == (130, 253))
        // The snapshot measures at September take the month's own row.
        let vacancy = IndicatorEngine().evaluate(d, .init(months: [YearMonth(iso: "2016-09")!], bases: [.snapshot])).first { $0.indicator == .swVacancyRate }!
        #expect((vacancy.numerator, vacancy.denominator) == (2, 22.6))
    }
}
