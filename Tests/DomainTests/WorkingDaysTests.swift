import Domain
import Foundation
import Testing

/// Working days per INDICATORS.md §1.1; each figure counted by hand against the bank-holiday list (and cross-checked
/// with a day-by-day count in Python over the same CSV).
@Suite("Working days")
struct WorkingDaysTests {
    let calendar = WorkingDayCalendar.englandAndWales
    func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test(arguments: [
        ("2011-04-21", 10, "2011-05-11"),  // Good Friday, Easter Monday, royal wedding 29 Apr, Early May 2 May
        ("2011-04-21", 7, "2011-05-06"),
        ("2022-12-16", 15, "2023-01-11"),  // 26 and 27 Dec 2022, 2 Jan 2023
        ("2012-05-25", 45, "2012-07-31"),  // moved spring bank holiday 4 Jun, jubilee 5 Jun
        ("2020-04-30", 10, "2020-05-15"),  // VE Day 8 May; Mon 4 May was not a holiday
        ("2022-09-09", 10, "2022-09-26"),  // state funeral 19 Sep
    ])
    func specWorkedExamples(start: String, limit: Int, deadline: String) {
        #expect(calendar.deadline(from: d(start), workingDays: limit) == d(deadline))
        #expect(calendar.workingDays(from: d(start), to: d(deadline)) == limit)
        #expect(calendar.workingDays(from: d(start), to: d(deadline).adding(days: 1)) > limit || !calendar.isWorkingDay(d(deadline).adding(days: 1)))
    }

    @Test(arguments: [
        ("2011-04-28", "2011-05-03", 1),  // royal wedding and Early May between
        ("2012-06-01", "2012-06-06", 1),  // 4 and 5 June 2012
        ("2020-05-07", "2020-05-11", 1),  // VE Day
        ("2022-06-01", "2022-06-06", 1),  // 2 and 3 June 2022
        ("2022-09-16", "2022-09-20", 1),  // state funeral
        ("2023-05-05", "2023-05-09", 1),  // coronation
        ("2010-12-24", "2011-01-04", 4),  // Christmas substitutes and New Year's substitute
    ])
    func everySpecialBankHoliday(start: String, end: String, days: Int) {
        #expect(calendar.workingDays(from: d(start), to: d(end)) == days)
    }

    @Test func dayZeroIsTheStartWhateverTheWeekday() {
        #expect(calendar.workingDays(from: d("2013-07-06"), to: d("2013-07-08")) == 1)  // Saturday referral, Monday is day 1
        #expect(calendar.workingDays(from: d("2013-07-07"), to: d("2013-07-07")) == 0)  // same day
        #expect(calendar.workingDays(from: d("2013-07-08"), to: d("2013-07-08")) == 0)
        #expect(calendar.workingDays(from: d("2013-07-09"), to: d("2013-07-08")) == -1)  // end before start
    }

    @Test func exactlyFortyFiveAgainstFortySix() {
        #expect(calendar.workingDays(from: d("2012-05-25"), to: d("2012-07-31")) == 45)
        #expect(calendar.workingDays(from: d("2012-05-25"), to: d("2012-08-01")) == 46)
    }

    @Test func agreesWithADayByDayCountOverTwentyYears() {
        // The closed form against the definition, one day at a time.
        var count = 0
        var day = d("2005-01-01")
        let start = day
        while day < d("2025-12-31") {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { count += 1 }
            if day.day == 1 { #expect(calendar.workingDays(from: start, to: day) == count) }
        }
    }

    @Test func theCompiledListIsComplete() {
        #expect(calendar.coveredYears == 2005...2030)
        #expect(calendar.isHoliday(d("2011-04-29")))
        #expect(!calendar.isHoliday(d("2020-05-04")))
        #expect(calendar.names.count == 213)
    }

    @Test func extendsFromGovUKJSON() throws {
        let json = #"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "A new holiday", "date": "2031-01-01", "notes": "", "bunting": true}, {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true}]}, "scotland": {"division": "scotland", "events": []}}"#
        let extended = try calendar.adding(govUKJSON: Data(json.utf8))
        #expect(extended.isHoliday(d("2031-01-01")))
        #expect(extended.names[d("2030-12-25").dayNumber] == "Christmas Day")
        #expect(extended.coveredYears == 2005...2031)
        #expect(throws: (any Error).self) { try calendar.adding(govUKJSON: Data(#"{"england-and-wales": {"events": [{"title": "x", "date": "2031-02-30"}]}}"#.utf8)) }
    }
}

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test func eachBasisSpansTheRightDays() {
        let december = YearMonth(year: 2011, month: 12)!
        #expect(ReportingPeriod.inMonth(december).start.iso == "2011-12-01")
        #expect(ReportingPeriod.inMonth(december).end.iso == "2011-12-31")
        #expect(ReportingPeriod.yearToDate(december).start.iso == "2011-04-01")
        #expect(ReportingPeriod.yearToDate(YearMonth(year: 2012, month: 2)!).start.iso == "2011-04-01")
        #expect(ReportingPeriod.yearToDate(YearMonth(year: 2012, month: 4)!).start.iso == "2012-04-01")
        #expect(ReportingPeriod.rolling12Months(december).start.iso == "2011-01-01")
        #expect(ReportingPeriod.rolling12Months(YearMonth(year: 2012, month: 2)!).end.iso == "2012-02-29")
        #expect(ReportingPeriod.of(.snapshot, month: december) == .snapshot(CalendarDate(year: 2011, month: 12, day: 31)!))
    }
}
