import Domain
import Indicators
import Monitoring
import Testing

/// "A hand-entered figure fills a month the returns do not cover; it never overwrites a computed one" (issue 19): a
/// month with a computed figure, a month computed as "n/a" (nothing to count) and a month the returns do not cover.
@Suite("Figures entered by hand")
struct HandFigureRuleTests {
    func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    @Test func aHandFigureFillsOnlyAMonthTheReturnsDoNotCover() {
        let computed = [
            // April: 45 of 60 referrals were re-referrals, 75%.
            IndicatorResult(indicator: .reReferral12m, basis: .inMonth, period: .of(.inMonth, month: month("2026-04")), numerator: 45, denominator: 60),
            // May: no referrals at all, so no figure; the month was computed.
            IndicatorResult(indicator: .reReferral12m, basis: .inMonth, period: .of(.inMonth, month: month("2026-05")), numerator: 0, denominator: 0),
        ]
        let entered = CalendarDate(year: 2026, month: 7, day: 1)!
        let manual = ["2026-04": 20.0, "2026-05": 30.0, "2026-06": 40.0].map {
            ManualFigure(indicator: .reReferral12m, basis: .inMonth, month: month($0.key), value: $0.value, enteredBy: "officer@example.gov.uk", enteredAt: entered)
        }
        let series = SeriesLibrary(results: computed, manual: manual).series(.reReferral12m, .inMonth)!
        // April keeps its computed 75%, entered by no one.
        #expect(series.points[month("2026-04")]?.value == 75)
        #expect(series.points[month("2026-04")]?.enteredBy == nil)
        // May stays "n/a": the returns say there was nothing to count, and 30% typed in does not replace that.
        #expect(series.points[month("2026-05")]?.value == nil)
        #expect(series.points[month("2026-05")]?.denominator == 0)
        #expect(series.points[month("2026-05")]?.enteredBy == nil)
        // June, which no return covers, takes the hand figure, with who entered it and when.
        #expect(series.points[month("2026-06")]?.value == 40)
        #expect(series.points[month("2026-06")]?.enteredBy == "officer@example.gov.uk")
        #expect(series.points[month("2026-06")]?.enteredAt == entered)
        #expect(series.months == [month("2026-04"), month("2026-06")])
    }
}

/// A measure no return computes (a notice's "other" target, or a board's measure counted by hand) is known by its
/// name, and its figures are entered under it: two such measures never read each other's figures.
@Suite("Measures counted by hand")
struct HandMeasureTests {
    func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    @Test func eachMeasureReadsOnlyItsOwnFigures() throws {
        let due = CalendarDate(year: 2027, month: 3, day: 31)!
        func target(_ name: String, _ direction: TargetDirection) -> Target {
            Target(indicator: name, indicatorID: .other, unit: .percent, direction: direction, baseline: Baseline(value: 40, period: "2026-04"),
                   milestones: [Milestone(value: 80, due: .day(due), basis: .inMonth, words: "80% by 31 March 2027")])
        }
        let seenAlone = target("Children seen alone at their last visit", .increase)
        let lateVisits = target("Visits  more than a week LATE", .decrease)
        #expect(seenAlone.handMeasure == "children seen alone at their last visit")
        #expect(lateVisits.handMeasure == "visits more than a week late", "case and runs of spaces do not make another measure")
        #expect(Target(indicator: "Re-referrals", indicatorID: .reReferral12m, unit: .percent, direction: .decrease).handMeasure == nil)
        // Commentary is kept apart in the same way.
        #expect(seenAlone.commentaryKey == "other:children seen alone at their last visit" && lateVisits.commentaryKey != seenAlone.commentaryKey)
        #expect(Target(indicator: "Re-referrals", indicatorID: .reReferral12m, unit: .percent, direction: .decrease).commentaryKey == "re_referral_12m")

        let at = CalendarDate(year: 2026, month: 11, day: 2)!
        let manual = [
            ManualFigure(indicator: .other, basis: .inMonth, month: month("2026-09"), value: 55, enteredBy: "officer@example.gov.uk", enteredAt: at,
                         measure: seenAlone.handMeasure),
            ManualFigure(indicator: .other, basis: .inMonth, month: month("2026-10"), value: 62, enteredBy: "officer@example.gov.uk", enteredAt: at,
                         measure: seenAlone.handMeasure),
            // Another measure's figure for October, and one typed before measures had names: neither is this measure's.
            ManualFigure(indicator: .other, basis: .inMonth, month: month("2026-10"), value: 9, enteredBy: "officer@example.gov.uk", enteredAt: at,
                         measure: "visits more than a week late"),
            ManualFigure(indicator: .other, basis: .inMonth, month: month("2026-08"), value: 99, enteredBy: "officer@example.gov.uk", enteredAt: at),
        ]
        let library = SeriesLibrary(manual: manual)
        let notice = Notice(council: Council(name: "Anyshire", laCode: "999"), targets: [seenAlone, lateVisits])
        let statuses = TargetMonitor(notice: notice, noticeDate: CalendarDate(year: 2026, month: 4, day: 1)!, asOf: CalendarDate(year: 2026, month: 11, day: 15)!,
                                     library: library).statuses()
        #expect(statuses[0].latest?.0 == month("2026-10") && statuses[0].latest?.1 == 62)
        #expect(library.series(of: seenAlone, .inMonth)?.months == [month("2026-09"), month("2026-10")])
        #expect(statuses[1].latest?.1 == 9)
        #expect(library.series(of: lateVisits, .inMonth)?.months == [month("2026-10")])
    }
}
