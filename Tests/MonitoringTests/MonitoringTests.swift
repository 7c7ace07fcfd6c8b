import Domain
import Foundation
import Indicators
import Monitoring
import NoticeReader
import Testing

/// The real notices judged against series with known figures: a council that meets some milestones and misses others.
@Suite("Target monitoring")
struct MonitoringTests {
    static let notices = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NoticeReaderTests/Fixtures/notices")

    func notice(_ name: String) throws -> Notice {
        try NoticeReader.read(bytes: [UInt8](Data(contentsOf: Self.notices.appendingPathComponent("\(name).txt")))).notice
    }

    func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    func m(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    /// A series of figures given as percentages (out of 100 records each month).
    func results(_ indicator: IndicatorID, _ basis: Basis, _ values: [(String, Double)]) -> [IndicatorResult] {
        values.map { month, value in
            IndicatorResult(indicator: indicator, basis: basis, period: .of(basis, month: m(month)), numerator: value * 10, denominator: 1000)
        }
    }

    func monitor(_ notice: Notice, asOf: String, noticeDate: CalendarDate? = nil, results: [IndicatorResult] = [], manual: [ManualFigure] = []) -> [TargetStatus] {
        TargetMonitor(notice: notice, noticeDate: noticeDate ?? notice.noticeDate, asOf: d(asOf), library: SeriesLibrary(results: results, manual: manual)).statuses()
    }

    @Test func worcestershireMeetsJuneAndMissesDecember() throws {
        let n = try notice("worcestershire-2010")
        let inMonth = results(.initialAssessmentTimeliness, .inMonth, [("2011-01", 63), ("2011-02", 64), ("2011-03", 66), ("2011-04", 67), ("2011-05", 69), ("2011-06", 72)])
        let ytd = results(.initialAssessmentTimeliness, .cumulativeYearToDate, [("2011-10", 76), ("2011-11", 77), ("2011-12", 78.5)])
        let s = monitor(n, asOf: "2012-01-15", results: inMonth + ytd)[1]
        #expect(s.target.indicatorID == .initialAssessmentTimeliness)
        #expect(s.milestones.map(\.state) == [.met, .missed])
        #expect(s.milestones.map(\.figure) == [72, 78.5])
        #expect(s.milestones[0].reasons == ["Met: 72% in June 2011, against a target of 70%."])
        #expect(s.milestones[1].reasons == ["Missed: 78.5% in the year to December 2011, against a target of 80%."])
        #expect(s.milestones[1].figurePeriod == .yearToDate(m("2011-12")))
        #expect(s.rag == .red)
        // Core assessments: no figures loaded, so nothing is judged rather than something invented.
        let core = monitor(n, asOf: "2012-01-15", results: inMonth + ytd)[2]
        #expect(core.milestones.map(\.state) == [.noData, .noData])
        #expect(core.rag == .none)
    }

    @Test func forecastFromTheTrendWithItsInterval() throws {
        let n = try notice("worcestershire-2010")
        // A steady rise of 1.5 points a month from 62% (baseline 2009-10): exactly linear, so the interval closes up.
        let months = ["2010-10", "2010-11", "2010-12", "2011-01", "2011-02", "2011-03"]
        let series = results(.initialAssessmentTimeliness, .inMonth, months.enumerated().map { ($1, 62 + 1.5 * Double($0)) })
        let s = monitor(n, asOf: "2011-04-10", results: series)[1]
        let june = s.milestones[0]
        #expect(june.state == .notYetDue)
        let f = try #require(june.forecast)
        #expect(f.monthsUsed == 6)
        #expect(abs(f.value - 74) < 1e-9)  // June 2011 is eight months after October 2010: 62 + 1.5 × 8
        #expect(abs(f.low - f.value) < 1e-9)
        #expect(june.rag == .green)
        // Half a point a month reaches only 66% by June: red.
        let slow = results(.initialAssessmentTimeliness, .inMonth, months.enumerated().map { ($1, 62 + 0.5 * Double($0)) })
        let slowJune = monitor(n, asOf: "2011-04-10", results: slow)[1].milestones[0]
        #expect(abs(slowJune.forecast!.value - 66) < 1e-9)
        #expect(slowJune.rag == .red)
        // Three months are too few to forecast.
        let few = monitor(n, asOf: "2011-01-10", results: Array(series.prefix(3)))[1].milestones[0]
        #expect(few.forecast == nil)
        #expect(few.rag == .amber)
        #expect(few.reasons.first == "Too few months to forecast (3 of the 4 needed).")
    }

    @Test func trajectoryFromTheBaselineToEachMilestone() throws {
        let n = try notice("worcestershire-2010")
        // Baseline 62% in 2009-10 (placed at March 2010), 70% by June 2011: 15 months, 8/15 of a point a month.
        let series = results(.initialAssessmentTimeliness, .inMonth, [("2010-06", 65), ("2010-07", 62), ("2010-08", 63)])
        let s = monitor(n, asOf: "2010-09-05", results: series)[1]
        let june = try #require(s.trajectory.first { $0.month == m("2010-06") })
        #expect(abs(june.expected - (62 + 8.0 * 3 / 15)) < 1e-9)
        #expect(june.onTrack == true)
        let august = try #require(s.trajectory.first { $0.month == m("2010-08") })
        #expect(abs(august.gap! - (63 - (62 + 8.0 * 5 / 15))) < 1e-9)
        #expect(august.onTrack == false)
        #expect(s.offTrajectorySince == m("2010-07"))
        let exceptions = ExceptionReport([s])
        #expect(exceptions.items.count == 1)
        #expect(exceptions.items[0].summary.contains("Below the path from the baseline since July 2010"))
    }

    @Test func lowerIsBetterAndSustainAtAnEarlierYearsLevel() throws {
        let n = try notice("nottinghamshire-2010")
        let referrals = results(.reReferral12m, .inMonth, [("2010-09", 29), ("2011-03", 27), ("2011-06", 23)])
            + results(.reReferral12m, .cumulativeYearToDate, [("2009-03", 24)])
        let s = monitor(n, asOf: "2011-07-20", results: referrals)[2]
        #expect(s.target.indicatorID == .reReferral12m)
        #expect(s.milestones.map(\.state) == [.met, .missed, .met])  // 29 ≤ 30; 27 > 26; 23 ≤ the 2008-09 level of 24
        #expect(s.milestones[2].level == 24)
        #expect(s.milestones[2].reasons.first == "The target is the 2008-09 figure, 24%.")
    }

    @Test func heldEveryMonthAndFromTheNoticeDate() throws {
        let n = try notice("somerset-2013")
        let noticeDate = d("2013-10-14")
        let entered = d("2014-03-05")
        let unallocated = ["2013-10": 0.0, "2013-11": 0, "2013-12": 2, "2014-01": 0, "2014-02": 0].map {
            ManualFigure(indicator: .unallocatedCases, basis: .snapshot, month: m($0.key), value: $0.value, enteredBy: "performance team", enteredAt: entered)
        }
        let qualified = ["2013-10": 100.0, "2013-11": 100, "2013-12": 100, "2014-01": 100, "2014-02": 100].map {
            ManualFigure(indicator: .casesAllocatedToQualifiedSW, basis: .inMonth, month: m($0.key), value: $0.value, enteredBy: "performance team", enteredAt: entered)
        }
        let statuses = monitor(n, asOf: "2014-03-05", noticeDate: noticeDate, manual: unallocated + qualified)
        let zero = statuses[1]
        #expect(zero.target.indicatorID == .unallocatedCases)
        #expect(zero.milestones[0].state == .missed)
        #expect(zero.milestones[0].breaches == [m("2013-12")])
        #expect(zero.rag == .red)
        #expect(zero.milestones[0].enteredBy == "performance team")
        #expect(zero.milestones[0].enteredAt == entered)
        let all = statuses[0]
        // 100% in every month from the notice date: held so far, judged at the end of the notice.
        #expect(all.milestones[0].state == .notYetDue)
        #expect(all.milestones[0].dueDate == d("2014-10-14"))
        #expect(all.milestones[0].rag == .green)
        #expect(all.milestones[0].reasons == ["Held in all 5 months to February 2014."])
        // Targets with no date are judged at the notice's review.
        let audits = statuses[3]
        #expect(audits.milestones[0].dueSource.hasPrefix("no date given; judged at"))
    }

    @Test func aTargetWithNoDateIsJudgedAtTheLastReview() throws {
        let n = try notice("gloucestershire-2011")
        let s = monitor(n, asOf: "2012-06-01", noticeDate: d("2011-04-06"),
                        results: results(.initialAssessmentTimeliness, .inMonth, [("2012-04", 77)]))[4]
        #expect(s.target.indicatorID == .initialAssessmentTimeliness)
        #expect(s.milestones[0].dueDate == d("2012-04-30"))
        #expect(s.milestones[0].state == .met)
    }

    @Test func somersetCalendarEveryFourWeeksForTwelveMonths() throws {
        let n = try notice("somerset-2013")
        let calendar = NoticeCalendar(notice: n, noticeDate: d("2013-10-14"), asOf: d("2014-05-01"))
        #expect(calendar.meetings.count == 13)
        #expect(calendar.meetings.first?.date == d("2013-11-11"))
        #expect(calendar.meetings.last?.date == d("2014-10-13"))
        let reviews = calendar.entries.filter { $0.kind == .review }.map { "\($0.what) \($0.date!.iso)" }
        #expect(reviews == ["independent assessment of progress 2013-12-14", "formal review 2014-04-14", "independent assessment of progress 2014-06-14", "written report 2014-10-14"])
        // "in time for the January Improvement Board": the board's January meeting.
        let earlyHelp = try #require(calendar.entries.first { $0.what == "Early help provision plan drafted" })
        #expect(earlyHelp.date == d("2014-01-06"))
        #expect(earlyHelp.overdue)
        #expect(calendar.overdue.map(\.what).contains("formal review"))
    }

    @Test func cumbriaReportsToMinistersAndAnAgreedLongerInterval() throws {
        let n = try notice("cumbria-2012")
        let calendar = NoticeCalendar(notice: n, noticeDate: d("2012-06-20"), asOf: d("2012-11-01"))
        let reports = calendar.entries.filter { $0.what == "information on progress to ministers" }.map { $0.date!.iso }
        #expect(reports == ["2012-10-31", "2013-04-30", "2013-10-31"])
        #expect(calendar.notes.contains("meetings every 4 weeks; 6-week intervals only once agreed with DfE"))
        let agreed = NoticeCalendar(notice: n, noticeDate: d("2012-06-20"), asOf: d("2012-11-01"), longerIntervalAgreed: true)
        let days = agreed.meetings.compactMap(\.date)
        #expect(days[1].dayNumber - days[0].dayNumber == 42)
        #expect(agreed.meetings.count < calendar.meetings.count)
    }

    @Test func eachNoticesReviewsOnTheCalendar() throws {
        func reviews(_ name: String, _ date: String) throws -> [String] {
            NoticeCalendar(notice: try notice(name), noticeDate: d(date), asOf: d(date)).entries.filter { $0.kind == .review }.map { $0.date!.iso }
        }
        #expect(try reviews("worcestershire-2010", "2010-12-01") == ["2011-06-30", "2012-01-31"])
        #expect(try reviews("gloucestershire-2011", "2011-04-06") == ["2011-10-06", "2012-04-30"])
        #expect(try reviews("nottinghamshire-2010", "2010-06-29") == ["2010-09-30", "2011-06-30"])
        let notts = NoticeCalendar(notice: try notice("nottinghamshire-2010"), noticeDate: d("2010-06-29"), asOf: d("2010-10-15"))
        #expect(notts.notes.contains("the notice gives no meeting cadence; meetings are shown every four weeks"))
        #expect(notts.overdue.map(\.what) == ["review of progress"])
        let marked = NoticeCalendar(notice: try notice("nottinghamshire-2010"), noticeDate: d("2010-06-29"), asOf: d("2010-10-15"), done: ["review of progress"])
        #expect(marked.overdue.isEmpty)
    }

    @Test func cumbriasAimWithoutAFigureIsNotJudged() throws {
        let n = try notice("cumbria-2012")
        let s = monitor(n, asOf: "2013-02-01", noticeDate: d("2012-06-20"),
                        results: results(.reReferral12m, .inMonth, [("2012-10", 24), ("2012-11", 23), ("2012-12", 22), ("2013-01", 21)]))[0]
        #expect(s.milestones[0].state == .noLevel)
        #expect(s.rag == .none)
        #expect(s.reasons == ["The notice sets no figure: agree one with the board."])
        #expect(s.latest?.value == 21)
    }

    @Test func ratingRules() {
        let up = Forecast(month: m("2011-06"), value: 72, low: 70.5, high: 73.5, monthsUsed: 6, from: m("2010-10"), to: m("2011-03"), slope: 1)
        #expect(RAGRules.rating(forecast: up, latest: 66, level: 70, direction: .increase) == .green)
        #expect(RAGRules.rating(forecast: up, latest: 66, level: 72, direction: .increase) == .amber)
        #expect(RAGRules.rating(forecast: up, latest: 66, level: 74, direction: .increase) == .red)
        #expect(RAGRules.rating(forecast: up, latest: 66, level: 74, direction: .decrease) == .green)
        #expect(RAGRules.rating(forecast: nil, latest: nil, level: 70, direction: .increase) == .none)
    }
}
