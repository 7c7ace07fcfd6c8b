import Domain
import Foundation
import NoticeReader
import Testing

/// Notices written for these tests, in the register of real notices but with other councils, wording and layouts
/// (numbered paragraphs, tab- and space-aligned tables, PDF damage, relative dates). Each has a file of what a person
/// reading it would record, written without reference to the reader's code.
@Suite("Notices the reader was not built on")
struct UnseenNoticesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/unseen")
    static let names = ["doncaster-2012", "isle-of-wight-2014", "sandwell-2015", "slough-2013", "wirral-2017", "birmingham-2012", "torbay-2013", "medway-2019", "bromley-2015", "kent-2016", "bradford-2015", "northamptonshire-2018"]

    struct Expected: Decodable {
        struct ExpectedTarget: Decodable {
            var indicator_id: String
            var unit: String
            var direction: String
            var baseline: ExpectedBaseline?
            var milestones: [ExpectedMilestone]
        }
        struct ExpectedBaseline: Decodable { var value: Double?; var period: String? }
        struct ExpectedMilestone: Decodable { var value: Double?; var due: String?; var basis: String }
        struct ExpectedBoard: Decodable { var cadence_weeks: Int?; var independent_chair: Bool; var dfe_observer: Bool }
        var council: String
        var la_code: String?
        var notice_date: String?
        var duration_months: Int?
        var targets: [ExpectedTarget]
        var deadlines_due: [String?]
        var reviews_due: [String?]
        var board: ExpectedBoard
    }

    @Test(arguments: names)
    func readsAsAPersonWould(name: String) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("\(name).expected.json")))
        let draft = try NoticeReader.read(bytes: [UInt8](Data(contentsOf: Self.directory.appendingPathComponent("\(name).txt"))))
        let n = draft.notice
        #expect(n.council.name == expected.council)
        #expect(n.council.laCode == expected.la_code)
        #expect(n.noticeDate?.iso == expected.notice_date)
        #expect(n.durationMonths == expected.duration_months)
        let want = expected.targets.map { t in
            TargetShape(id: IndicatorID(rawValue: t.indicator_id)!, unit: TargetUnit(rawValue: t.unit)!, direction: TargetDirection(rawValue: t.direction)!,
                        baseline: t.baseline.map { b($0.value, $0.period) },
                        milestones: t.milestones.map { MilestoneShape(value: $0.value, due: $0.due, basis: Basis(rawValue: $0.basis)!, judged: .byDueDate) })
        }
        // How a milestone is judged (by its date or every month) is not in the oracle's shape.
        let got = n.targets.map(\.shape).map { shape in
            var s = shape
            s.milestones = s.milestones.map { var m = $0; m.judged = .byDueDate; return m }
            return s
        }
        #expect(got == want)
        #expect(draft.deadlineDues == expected.deadlines_due.map { $0 ?? "-" })
        #expect(draft.reviewShapes.map { String($0.split(separator: " ")[1]) } == expected.reviews_due.map { $0 ?? "-" })
        #expect(n.board.cadenceWeeks == expected.board.cadence_weeks)
        #expect(n.board.independentChair == expected.board.independent_chair)
        #expect(n.board.dfeObserver == expected.board.dfe_observer)
        expectSpansWithin(draft)
    }
}
