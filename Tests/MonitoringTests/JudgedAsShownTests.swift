import Domain
import Foundation
import Indicators
import Monitoring
import NoticeReader
import Testing

/// A milestone is judged on the figure as every surface shows it, one decimal place, against its level shown the same
/// way (docs/monitoring.md, "Judged as shown"); and a forecast on a noisy series, worked out by hand.
@Suite("Judged as shown")
struct JudgedAsShownTests {
    func m(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    @Test("rounding to one place starts from the figure's decimal form and takes a half away from zero")
    func roundingToOnePlace() {
        // 69.95 is 69.94999… in binary: a naive (v × 10).rounded() gives 69.9; people, and the CSV's 69.9500, say 70.
        #expect(ShownFigure.rounded(69.95) == 70)
        #expect(ShownFigure.rounded(69.96) == 70)
        #expect(ShownFigure.rounded(69.94) == 69.9)
        #expect(ShownFigure.rounded(0.15) == 0.2)
        #expect(ShownFigure.rounded(0.05) == 0.1)
        #expect(ShownFigure.rounded(0.04) == 0)
        #expect(ShownFigure.rounded(12.25) == 12.3)
        #expect(ShownFigure.rounded(-2.45) == -2.5)
        #expect(ShownFigure.rounded(0.00001) == 0)
        #expect(ShownFigure.text(69.96) == "70")
        #expect(ShownFigure.text(69.94, unit: .percent) == "69.9%")
        #expect(ShownFigure.text(12.25, unit: .perTenThousand) == "12.3")
        #expect(ShownFigure.text(-0.04) == "0")
    }

    @Test("a figure at its level meets it, as does one shown at it; one shown a tenth short does not")
    func atTheLevel() {
        #expect(ShownFigure.meets(70, level: 70, direction: .increase))
        #expect(ShownFigure.meets(69.96, level: 70, direction: .increase))
        #expect(ShownFigure.meets(69.95, level: 70, direction: .increase))
        #expect(!ShownFigure.meets(69.94, level: 70, direction: .increase))
        // A level to fall below: 12.04 shows as 12, at the level; 12.05 shows as 12.1, above it.
        #expect(ShownFigure.meets(12, level: 12, direction: .decrease))
        #expect(ShownFigure.meets(12.04, level: 12, direction: .decrease))
        #expect(!ShownFigure.meets(12.05, level: 12, direction: .decrease))
        // A level written with more places than are shown is judged as shown too: 12.34 is read as 12.3.
        #expect(ShownFigure.meets(12.3, level: 12.34, direction: .increase))
    }

    /// Worcestershire's notice (2010): initial assessments within 10 working days, 70% in June 2011, in the month.
    func juneMilestone(numerator: Double, denominator: Double) throws -> MilestoneStatus {
        let notice = try NoticeReader.read(bytes: [UInt8](Data(contentsOf: MonitoringTests.notices.appendingPathComponent("worcestershire-2010.txt")))).notice
        let june = IndicatorResult(indicator: .initialAssessmentTimeliness, basis: .inMonth, period: .of(.inMonth, month: m("2011-06")),
                                   numerator: numerator, denominator: denominator)
        let statuses = TargetMonitor(notice: notice, noticeDate: notice.noticeDate, asOf: CalendarDate(iso: "2011-07-20")!,
                                     library: SeriesLibrary(results: [june])).statuses()
        let status = try #require(statuses.first { $0.target.indicatorID == .initialAssessmentTimeliness })
        return status.milestones[0]
    }

    @Test("the notice's 70% in June: 700 of 1,000 met; 6,996 of 10,000 (69.96%, shown 70%) met; 6,994 of 10,000 (shown 69.9%) missed")
    func milestoneAtTheLevel() throws {
        let exact = try juneMilestone(numerator: 700, denominator: 1000)
        #expect(exact.state == .met)
        #expect(exact.reasons.last == "Met: 70% in June 2011, against a target of 70%.")
        let shownAtLevel = try juneMilestone(numerator: 6996, denominator: 10000)
        #expect(shownAtLevel.state == .met)
        #expect(shownAtLevel.rag == .green)
        #expect(shownAtLevel.reasons.last == "Met: 70% in June 2011, against a target of 70%.")
        // The figure itself is kept as computed; only the judgement and the words round it.
        #expect(shownAtLevel.figure == 69.96)
        let short = try juneMilestone(numerator: 6994, denominator: 10000)
        #expect(short.state == .missed)
        #expect(short.rag == .red)
        #expect(short.reasons.last == "Missed: 69.9% in June 2011, against a target of 70%.")
    }

    @Test("a forecast on a noisy series: slope 1.2 a month, 72.1% for June, 90% interval 66.7% to 77.5%, amber against 70%")
    func noisyForecast() throws {
        let notice = try NoticeReader.read(bytes: [UInt8](Data(contentsOf: MonitoringTests.notices.appendingPathComponent("worcestershire-2010.txt")))).notice
        // October 2010 to March 2011 (x = 0…5): 62, 65.5, 63, 67, 66.5, 69.
        let values: [(String, Double)] = [("2010-10", 62), ("2010-11", 65.5), ("2010-12", 63), ("2011-01", 67), ("2011-02", 66.5), ("2011-03", 69)]
        let results = values.map { IndicatorResult(indicator: .initialAssessmentTimeliness, basis: .inMonth, period: .of(.inMonth, month: m($0.0)),
                                                   numerator: $0.1 * 10, denominator: 1000) }
        let statuses = TargetMonitor(notice: notice, noticeDate: notice.noticeDate, asOf: CalendarDate(iso: "2011-04-10")!,
                                     library: SeriesLibrary(results: results)).statuses()
        let june = try #require(statuses.first { $0.target.indicatorID == .initialAssessmentTimeliness }).milestones[0]
        let f = try #require(june.forecast)
        // By hand: mean x 2.5, mean y 65.5; Sxx = 17.5, Sxy = 21, slope 21 / 17.5 = 1.2, intercept 65.5 − 1.2 × 2.5 = 62.5.
        // Residuals −0.5, 1.8, −1.9, 0.9, −0.8, 0.5: their squares sum to 8.8, s = √(8.8 / 4) = 1.48324.
        // June 2011 is x = 8: 62.5 + 1.2 × 8 = 72.1. Half-width t(4; 95%) 2.132 × s × √(1 + 1/6 + (8 − 2.5)² / 17.5)
        // = 2.132 × 1.48324 × √2.89524 = 5.38072, so 66.7193 to 77.4807.
        #expect(f.monthsUsed == 6)
        #expect(abs(f.slope - 1.2) < 1e-9)
        #expect(abs(f.value - 72.1) < 1e-9)
        #expect(abs(f.low - 66.71928) < 1e-4)
        #expect(abs(f.high - 77.48072) < 1e-4)
        // The interval straddles 70%: amber, whatever the straight line says.
        #expect(june.rag == .amber)
        #expect(june.state == .notYetDue)
    }
}
