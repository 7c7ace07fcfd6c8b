import Domain
import Foundation
import Indicators
import Monitoring
import NoticeReader
import Testing

/// Targets set by comparison ("to fall below the England average", Medway 2019): the level is the published figure
/// of the year that covers the due date, judged like any other; "not yet published" while that year is not out.
@Suite("Targets set by comparison")
struct ComparatorTargetTests {
    static let unseen = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NoticeReaderTests/Fixtures/unseen")

    func medway() throws -> Notice {
        try NoticeReader.read(bytes: [UInt8](Data(contentsOf: Self.unseen.appendingPathComponent("medway-2019.txt")))).notice
    }

    func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// England's re-referral percentages as DfE published them (table C1): 22.6 in 2019-20, 22.7 in 2020-21.
    let published = ComparatorLevels(yearEndMonth: [.reReferral12m: 3], levels: [.reReferral12m: [
        .england: [2020: .init(value: 22.6, text: "22.6", yearLabel: "2019-20"), 2021: .init(value: 22.7, text: "22.7", yearLabel: "2020-21")],
        .neighbours: [2021: .init(value: 19.9, text: "19.9", yearLabel: "2020-21")],
    ]])

    func status(asOf: String, figures: [(String, Double)], levels: ComparatorLevels, noticeDate: String = "2019-10-07") throws -> MilestoneStatus {
        let notice = try medway()
        let manual = figures.map { ManualFigure(indicator: .reReferral12m, basis: .inMonth, month: YearMonth(iso: $0.0)!, value: $0.1,
                                                enteredBy: "performance team", enteredAt: d(asOf)) }
        var monitor = TargetMonitor(notice: notice, noticeDate: d(noticeDate), asOf: d(asOf), library: SeriesLibrary(results: [], manual: manual))
        monitor.comparators = levels
        let target = try #require(monitor.statuses().first { $0.target.indicatorID == .reReferral12m })
        return try #require(target.milestones.first)
    }

    @Test func aComparatorIsRecognisedInATargetsWords() {
        #expect(Comparator.named(in: "to fall below the England average") == .england)
        #expect(Comparator.named(in: "in line with statistical neighbours") == .neighbours)
        #expect(Comparator.named(in: "at or above the regional average") == .region)
        #expect(Comparator.named(in: "sustain at 2008-09 levels") == nil)
        #expect(published.year(of: .reReferral12m, covering: d("2020-03-31")) == 2020)
        #expect(published.year(of: .reReferral12m, covering: d("2020-04-01")) == 2021)
    }

    /// No date of its own: judged at the end of the notice (7 October 2020), which the year to 31 March 2021 covers.
    @Test func judgedAgainstThePublishedYearThatCoversTheDueDate() throws {
        let met = try status(asOf: "2020-11-15", figures: [("2020-09", 21.0), ("2020-10", 20.5)], levels: published)
        #expect(met.dueDate == d("2020-10-07"))
        #expect(met.level == 22.7)
        #expect(met.state == .met)
        #expect(met.reasons.first == "The target is England's figure for 2020-21, 22.7% as published.")
        let missed = try status(asOf: "2020-11-15", figures: [("2020-09", 24.0), ("2020-10", 23.1)], levels: published)
        #expect(missed.state == .missed)
    }

    @Test func notYetPublishedWhileTheYearIsNotOut() throws {
        let early = ComparatorLevels(yearEndMonth: [.reReferral12m: 3], levels: [.reReferral12m: [.england: [2020: .init(value: 22.6, text: "22.6", yearLabel: "2019-20")]]])
        let waiting = try status(asOf: "2020-11-15", figures: [("2020-10", 20.5)], levels: early)
        #expect(waiting.state == .notYetPublished)
        #expect(waiting.level == nil)
        #expect(waiting.reasons == ["The target is England's figure for the year ending 2021, not yet published."])
        // Without published statistics at all, the notice still sets no figure of its own.
        let none = try status(asOf: "2020-11-15", figures: [("2020-10", 20.5)], levels: .none)
        #expect(none.state == .noLevel)
    }
}
