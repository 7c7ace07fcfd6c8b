import Domain
import Foundation
import Testing

@Suite("Calendar values")
struct CalendarTests {
    @Test func impossibleDaysAreRefused() {
        #expect(CalendarDate(year: 2010, month: 9, day: 31) == nil)
        #expect(CalendarDate(year: 2011, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2012, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func dayNumbersRoundTripAndKnowTheirWeekday() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2011, month: 6, day: 30)!.isoWeekday == 4)  // a Thursday
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.isoWeekday == 4)
        var day = CalendarDate(year: 1999, month: 12, day: 25)!
        for _ in 0..<12_000 {
            #expect(CalendarDate(dayNumber: day.dayNumber) == day)
            day = day.adding(days: 1)
        }
        #expect(day == CalendarDate(year: 2032, month: 11, day: 1))  // checked with Python's datetime
    }

    @Test func calendarMonthsClampToTheMonthEnd() {
        #expect(CalendarDate(year: 2011, month: 1, day: 31)!.adding(months: 1) == CalendarDate(year: 2011, month: 2, day: 28))
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.adding(months: 12) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2023, month: 2, day: 28)!.adding(months: 12) == CalendarDate(year: 2024, month: 2, day: 28))
        #expect(CalendarDate(year: 2011, month: 3, day: 31)!.adding(months: -1) == CalendarDate(year: 2011, month: 2, day: 28))
        #expect(CalendarDate(year: 2011, month: 1, day: 15)!.adding(months: -13) == CalendarDate(year: 2009, month: 12, day: 15))
    }

    @Test func isoFormsParseAndPrint() {
        #expect(CalendarDate(iso: "2011-05-06")?.iso == "2011-05-06")
        #expect(CalendarDate(iso: "2011-5-6") == nil)
        #expect(CalendarDate(iso: "2010-09-31") == nil)
        #expect(YearMonth(iso: "2011-06")?.lastDay == CalendarDate(year: 2011, month: 6, day: 30))
        #expect(PartialDate(iso: "2010")?.latestDay == CalendarDate(year: 2010, month: 12, day: 31))
        #expect(PartialDate(iso: "2010-11") == .month(YearMonth(year: 2010, month: 11)!))
    }

    @Test func financialYearsRunAprilToMarch() {
        let fy = FinancialYear(containing: CalendarDate(year: 2012, month: 3, day: 31)!)
        #expect(fy.label == "2011-12")
        #expect(fy.firstDay == CalendarDate(year: 2011, month: 4, day: 1))
        #expect(fy.lastDay == CalendarDate(year: 2012, month: 3, day: 31))
        #expect(fy.lastMonth(ofQuarter: 1).iso == "2011-06")
        #expect(fy.lastMonth(ofQuarter: 3).iso == "2011-12")
        #expect(fy.lastMonth(ofQuarter: 4).iso == "2012-03")
        #expect(FinancialYear(startYear: 1999).label == "1999-00")
    }

    @Test func dueDatesPrintInContractFormAndResolveAgainstTheNotice() {
        let notice = CalendarDate(year: 2013, month: 10, day: 14)!
        #expect(Due.afterNotice(months: 2).contractValue == "notice+2m")
        #expect(Due.afterNotice(months: 2).resolved(noticeDate: notice) == CalendarDate(year: 2013, month: 12, day: 14))
        #expect(Due.afterNotice(months: 2).resolved(noticeDate: nil) == nil)
        #expect(Due.month(YearMonth(year: 2011, month: 6)!).resolved(noticeDate: nil) == CalendarDate(year: 2011, month: 6, day: 30))
        #expect(Due.meeting(name: "January Improvement Board", month: YearMonth(year: 2014, month: 1)).contractValue == "2014-01")
    }
}

@Suite("Notice values")
struct NoticeValueTests {
    @Test func councilCodesFromFormalNames() {
        #expect(LocalAuthorities.code(forCouncilNamed: "CUMBRIA COUNTY COUNCIL") == "909")
        #expect(LocalAuthorities.code(forCouncilNamed: "London Borough of Tower Hamlets") == "211")
        #expect(LocalAuthorities.code(forCouncilNamed: "Kingston upon Hull City Council") == "810")
        #expect(LocalAuthorities.code(forCouncilNamed: "Doncaster Metropolitan Borough Council") == "371")
        #expect(LocalAuthorities.code(forCouncilNamed: "Bristol City Council") == "801")
        #expect(LocalAuthorities.code(forCouncilNamed: "Stockton-on-Tees Borough Council") == "808")
        #expect(LocalAuthorities.code(forCouncilNamed: "Atlantis County Council") == nil)
        #expect(LocalAuthorities.name(forCode: "885") == "Worcestershire")
    }

    @Test func indicatorsKnowWhichWayIsBetter() {
        #expect(IndicatorID.reReferral12m.betterWhen == .decrease)
        #expect(IndicatorID.initialAssessmentTimeliness.betterWhen == .increase)
        #expect(IndicatorID.referralsToInitialAssessment.betterWhen == nil)
        #expect(IndicatorID.swSicknessDaysPerFTE.naturalUnit == .daysPerFTE)
        #expect(IndicatorID.claRatePer10k.naturalUnit == .perTenThousand)
        #expect(IndicatorID.ppFGDMOffered.betterWhen == .increase)
        #expect(IndicatorID.allCases.count == 56)
    }

    @Test func aLiftedNoticeTakesNoFurtherEvents() {
        var events: [LifecycleEvent] = [LifecycleEvent(state: .issued, date: .day(CalendarDate(year: 2013, month: 10, day: 1)!))]
        #expect(events.allows(.reviewed))
        #expect(!events.allows(.issued))
        events.append(LifecycleEvent(state: .lifted, date: .month(YearMonth(year: 2014, month: 10)!), reason: "targets met at final review"))
        #expect(events.currentState == .lifted)
        #expect(!events.allows(.reviewed))
        #expect(!events.allows(.replacedByDirection))
    }

    @Test func aDirectionTakesItsOwnStepsUntilLifted() {
        var events: [LifecycleEvent] = [LifecycleEvent(state: .issued, date: nil)]
        #expect(!events.allows(.commissionerAppointed), "a commissioner comes with a direction, not a notice")
        events.append(LifecycleEvent(state: .replacedByDirection, date: .day(CalendarDate(year: 2012, month: 1, day: 31)!)))
        #expect(!events.allows(.reviewed) && !events.allows(.revised))
        #expect(events.allows(.commissionerAppointed) && events.allows(.directionsIssued) && events.allows(.lifted))
        events.append(LifecycleEvent(state: .commissionerAppointed, date: .month(YearMonth(year: 2012, month: 3)!)))
        #expect(events.currentState.isUnderDirection && events.allows(.directionsIssued))
        events.append(LifecycleEvent(state: .lifted, date: .month(YearMonth(year: 2014, month: 3)!)))
        #expect(!events.allows(.commissionerAppointed) && !events.allows(.replacedByDirection))
    }

    @Test func spansUnite() {
        #expect(SourceSpan(start: 5, end: 9).union(SourceSpan(start: 2, end: 6)) == SourceSpan(start: 2, end: 9))
        #expect(SourceSpan(start: 5, end: 3).length == 0)
    }
}

@Suite("Stored notices")
struct NoticeCodingTests {
    @Test func aNoticeRoundTripsThroughJSONWithDatesAsText() throws {
        let notice = Notice(
            council: Council(name: "Somerset County Council", address: "County Hall, Taunton", laCode: "933", source: SourceSpan(start: 10, end: 33)),
            inspection: Inspection(inspectorates: ["Ofsted"], published: .day(CalendarDate(year: 2013, month: 8, day: 5)!), judgement: .inadequate),
            noticeDate: CalendarDate(year: 2013, month: 10, day: 1),
            durationMonths: 12,
            targets: [Target(indicator: "unallocated cases", indicatorID: .unallocatedCases, unit: .count, direction: .decrease,
                             milestones: [Milestone(value: 0, due: .afterNotice(months: 12), basis: .snapshot, judged: .everyMonth, words: "no unallocated cases")])],
            deadlines: [Deadline(what: "Early help provision plan drafted", due: .meeting(name: "January Improvement Board", month: YearMonth(year: 2014, month: 1)))],
            lifecycle: [LifecycleEvent(state: .issued, date: .day(CalendarDate(year: 2013, month: 10, day: 1)!))]
        )
        let data = try JSONEncoder().encode(notice)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2013-08-05\""))
        #expect(text.contains("\"2013-10-01\""))
        #expect(try JSONDecoder().decode(Notice.self, from: data) == notice)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CalendarDate.self, from: Data("\"2013-02-30\"".utf8)) }
    }
}
