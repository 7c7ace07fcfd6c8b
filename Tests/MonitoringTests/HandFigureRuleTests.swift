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
