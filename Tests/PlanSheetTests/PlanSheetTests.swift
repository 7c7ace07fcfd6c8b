import Domain
import Foundation
import PlanSheet
import Spreadsheet
import Testing

/// Helpers: sheets written as CSV text or as workbooks, and what reading them gives.
enum Sheet {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/samples/improvement-plan.csv").standardizedFileURL

    static func sampleBytes() throws -> [UInt8] { Array(try Data(contentsOf: sample)) }

    /// A CSV file of these lines (LF line ends).
    static func csv(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    /// A workbook of one sheet, through Spreadsheet's own writer (numbers stand for date cells, as Excel stores them).
    static func xlsx(_ rows: [[XLSXWorkbook.Cell?]]) throws -> [UInt8] {
        Array(try XLSXWriter.workbook([(name: "Plan", rows: rows)]))
    }

    static func read(_ bytes: [UInt8], file: String = "plan.csv", measureCount: Int? = nil) throws -> [PlanSheet.Row] {
        try PlanSheet.read(bytes: bytes, fileName: file, measureCount: measureCount)
    }

    /// The failure reading gives, or nil when the sheet was read.
    static func failure(_ bytes: [UInt8], file: String = "plan.csv", measureCount: Int? = nil) -> PlanSheet.Failure? {
        do throws(PlanSheet.Failure) {
            _ = try PlanSheet.read(bytes: bytes, fileName: file, measureCount: measureCount)
            return nil
        } catch {
            return error
        }
    }

    /// One action's row after a minimal header, as CSV.
    static func one(_ header: String, _ row: String) -> [UInt8] { csv([header, row]) }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }
}

@Suite("Reading a plan sheet")
struct PlanSheetReadingTests {
    @Test func theSampleFileReadsToTwelveActions() throws {
        let rows = try Sheet.read(try Sheet.sampleBytes(), file: "improvement-plan.csv", measureCount: 8)
        #expect(rows.count == 12)
        #expect(rows.map(\.line) == Array(2...13))
        #expect(rows.map(\.reference) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2"])

        let first = rows[0].action
        #expect(first.owner == .council)
        #expect(first.lead == "Head of Safeguarding and Quality Assurance")
        #expect(first.due == Sheet.day(2025, 9, 30))
        #expect(first.status == .complete)
        #expect(first.completedOn == Sheet.day(2025, 9, 26))
        #expect(first.measure == 0)
        #expect(first.indicator == .cppLasting2yPlus)
        #expect(first.recommendation == "Ensure that child protection plans are specific, time-bound and reviewed so that children do not remain on plans without progress")

        // Named by the product's own name for the indicator, and a date written in words.
        let recruit = rows[5].action
        #expect(recruit.title == "Recruit 20 permanent social workers and reduce the use of agency staff")
        #expect(recruit.lead == "HR Business Partner, Children's Services")
        #expect(recruit.indicator == .swAgencyRate)
        #expect(recruit.due == Sheet.day(2026, 3, 31))
        #expect(recruit.status == .notStarted)
        #expect(recruit.completedOn == nil)

        let threshold = rows[8].action
        #expect(threshold.owner == .safeguardingPartnership)
        #expect(threshold.due == Sheet.day(2025, 10, 31))
        #expect(threshold.completedOn == Sheet.day(2025, 10, 17))
        #expect(threshold.measure == 4)

        #expect(rows[6].action.status == .blocked)
        #expect(rows[3].action.owner == .health)
        #expect(rows[9].action.owner == .education)
        #expect(rows[2].action.owner == .police)
        #expect(rows[10].action.indicator == .caseAuditAdequateOrBetter)

        // Empty Lead, Status, Recommendation and Target.
        let last = rows[11].action
        #expect(last.owner == .other)
        #expect(last.lead == "")
        #expect(last.status == .notStarted)
        #expect(last.recommendation == nil)
        #expect(last.indicator == nil)
        #expect(last.measure == 5)
        #expect(last.agreedDue == nil)
    }

    @Test(arguments: ["31/03/2012", "31 03 2012", "31 March 2012", "31 Mar 2012", "2012-03-31", "31-03-2012", "31.03.2012",
                      "31st March 2012", "31 MARCH 2012", " 31/03/2012 ", "31/3/2012", "2012-03-31T00:00:00", "31/03/2012 00:00"])
    func eachDateForm(_ text: String) throws {
        let rows = try Sheet.read(Sheet.one("Reference,Action,Owner,Due", "1,Do it,Police,\"\(text)\""))
        #expect(rows.first?.action.due == Sheet.day(2012, 3, 31))
    }

    @Test func theDayComesFirst() throws {
        let rows = try Sheet.read(Sheet.one("Reference,Action,Owner,Due", "1,Do it,Police,01/04/2012"))
        #expect(rows.first?.action.due == Sheet.day(2012, 4, 1))
    }

    /// Excel's 1900 date system: day 1 is 1 January 1900, day 60 the 29 February 1900 that never was, day 61
    /// 1 March 1900; a time of day is dropped.
    @Test(arguments: [(40_999.0, Sheet.day(2012, 3, 31)), (61, Sheet.day(1900, 3, 1)), (59, Sheet.day(1900, 2, 28)), (1, Sheet.day(1900, 1, 1)),
                      (40_999.75, Sheet.day(2012, 3, 31)), (45_747, Sheet.day(2025, 3, 31)), (2_958_465, Sheet.day(9999, 12, 31))] as [(Double, CalendarDate)])
    func excelSerialDates(_ serial: Double, _ date: CalendarDate) throws {
        let bytes = try Sheet.xlsx([[.text("Reference"), .text("Action"), .text("Owner"), .text("Due")],
                                    [.text("1"), .text("Do it"), .text("Police"), .number(serial)]])
        let rows = try Sheet.read(bytes, file: "plan.xlsx")
        #expect(rows.first?.action.due == date)
    }

    @Test(arguments: [60.0, 0, -5, 2_958_466])
    func serialsThatAreNoDateAreRefused(_ serial: Double) throws {
        let bytes = try Sheet.xlsx([[.text("Reference"), .text("Action"), .text("Owner"), .text("Due")],
                                    [.text("1"), .text("Do it"), .text("Police"), .number(serial)]])
        let failure = try #require(Sheet.failure(bytes, file: "plan.xlsx"))
        let problem = try #require(failure.problems.first)
        #expect(failure.problems.count == 1)
        #expect(problem.row == 2 && problem.column == "Due" && problem.letter == "D")
        if serial == 60 { #expect(problem.message.contains("29 February 1900")) }
    }

    @Test(arguments: ["council", "The council", "THE COUNCIL", "Police", "health", "Safeguarding partnership", "safeguarding_partnership",
                      "Schools and education", "education", "Another partner", "other"])
    func ownersByLabelOrValue(_ text: String) throws {
        let rows = try Sheet.read(Sheet.one("Reference,Action,Owner,Due", "1,Do it,\(text),31/03/2012"))
        let owner = try #require(rows.first?.action.owner)
        #expect(owner.label.lowercased() == text.lowercased() || owner.rawValue == text.lowercased())
    }

    @Test(arguments: [("", PlanAction.Status.notStarted), ("Not started", .notStarted), ("not_started", .notStarted), ("IN PROGRESS", .inProgress),
                      ("in_progress", .inProgress), ("Complete", .complete), ("blocked", .blocked)])
    func statusesByLabelOrValue(_ text: String, _ status: PlanAction.Status) throws {
        let rows = try Sheet.read(Sheet.one("Reference,Action,Owner,Due,Status", "1,Do it,Police,31/03/2012,\(text)"))
        #expect(rows.first?.action.status == status)
    }

    @Test func targetsByIdOrNameIgnoringCase() throws {
        let rows = try Sheet.read(Sheet.csv(["Reference,Action,Owner,Due,Target", "1,a,Police,31/03/2012,CP_VISITS_IN_TIMESCALE",
                                             "2,b,Police,31/03/2012,children on child protection plans visited in time", "3,c,Police,31/03/2012,"]))
        #expect(rows.map(\.action.indicator) == [.cpVisitsInTimescale, .cpVisitsInTimescale, nil])
    }

    @Test func headingsIgnoreCaseAndSpacesAndColumnsMayComeInAnyOrder() throws {
        let rows = try Sheet.read(Sheet.one(" due ,OWNER, Reference,action,  Measure ", "2012-03-31,Health,A1,Do it,3"), measureCount: 9)
        let row = try #require(rows.first)
        #expect(row.reference == "A1" && row.action.title == "Do it" && row.action.owner == .health && row.action.measure == 2)
        #expect(row.action.lead == "")
    }

    @Test func blankRowsAreSkippedAndRowsKeepTheirNumbers() throws {
        let rows = try Sheet.read(Sheet.csv(["Reference,Action,Owner,Due", "1,a,Police,31/03/2012", "", ",,,", "2,\"b,\nover two lines\",Police,31/03/2012", "3,c,Police,31/03/2012"]))
        #expect(rows.map(\.line) == [2, 5, 6])
        #expect(rows[1].action.title == "b,\nover two lines")
    }

    @Test func completeWithoutACompletionDateIsAllowed() throws {
        let rows = try Sheet.read(Sheet.one("Reference,Action,Owner,Due,Status,Completed", "1,Do it,Police,31/03/2012,Complete,"))
        #expect(rows.first?.action.status == .complete)
        #expect(rows.first?.action.completedOn == nil)
    }

    @Test func aWorkbookIsToldByItsBytesNotItsName() throws {
        let bytes = try Sheet.xlsx([[.text("Reference"), .text("Action"), .text("Owner"), .text("Due")],
                                    [.number(12), .text("Do it"), .text("The council"), .text("31 March 2012")]])
        let rows = try Sheet.read(bytes, file: "plan.csv")
        #expect(rows.first?.reference == "12")
        #expect(rows.first?.action.due == Sheet.day(2012, 3, 31))
        // And a CSV file named .xlsx is read as CSV.
        #expect(try Sheet.read(Sheet.one("Reference,Action,Owner,Due", "1,a,Police,31/03/2012"), file: "plan.xlsx").count == 1)
    }

    @Test func aWorkbookIsReadFromItsFirstWorksheet() throws {
        let header: [XLSXWorkbook.Cell?] = [.text("Reference"), .text("Action"), .text("Owner"), .text("Due")]
        let data = try XLSXWriter.workbook([
            (name: "Plan", rows: [header, [.text("1"), .text("First sheet"), .text("Police"), .number(40_999)]]),
            (name: "Notes", rows: [[.text("Anything at all")]]),
        ])
        let rows = try Sheet.read(Array(data), file: "plan.xlsx")
        #expect(rows.map(\.action.title) == ["First sheet"])
    }
}

@Suite("Round trips")
struct PlanSheetRoundTripTests {
    static func awkward() -> [(reference: String, action: PlanAction)] {
        [
            (reference: "1.2a", action: PlanAction(title: "Quotes \"like this\", commas, and a line\nbreak", lead: "Children’s services – West", owner: .safeguardingPartnership,
                                                     measure: 8, recommendation: "=HYPERLINK(\"http://example.org\")", indicator: .other, due: Sheet.day(2026, 2, 28),
                                                     status: .complete, completedOn: Sheet.day(2026, 1, 5))),
            (reference: "'quoted", action: PlanAction(title: "-see 1.2a", lead: "+44 1905 000000", owner: .education, due: Sheet.day(1900, 3, 1), status: .blocked)),
            (reference: "3", action: PlanAction(title: "@mention", lead: "", owner: .other, measure: 0, indicator: .icpcWithin15wdDfE, due: Sheet.day(9999, 12, 31))),
        ]
    }

    @Test func theSampleSurvivesAWorkbookAndACSVFile() throws {
        let rows = try Sheet.read(try Sheet.sampleBytes(), measureCount: 8)
        let pairs = rows.map { (reference: $0.reference, action: $0.action) }
        let viaWorkbook = try Sheet.read(Array(try PlanSheet.xlsx(pairs)), file: "plan.xlsx", measureCount: 8)
        #expect(viaWorkbook == rows)
        let viaCSV = try Sheet.read(Array(PlanSheet.csv(pairs).utf8), measureCount: 8)
        #expect(viaCSV == rows)
    }

    @Test func awkwardTextSurvivesBothFormats() throws {
        let pairs = Self.awkward()
        for (bytes, file) in [(Array(try PlanSheet.xlsx(pairs)), "plan.xlsx"), (Array(PlanSheet.csv(pairs).utf8), "plan.csv")] {
            let rows = try Sheet.read(bytes, file: file, measureCount: 9)
            #expect(rows.map(\.reference) == pairs.map(\.reference), "\(file)")
            #expect(rows.map(\.action) == pairs.map(\.action), "\(file)")
            #expect(rows.map(\.line) == [2, 3, 4], "\(file)")
        }
    }

    @Test func theExportWritesTheColumnsInOrderAndMarksFormulas() throws {
        let csv = PlanSheet.csv(Self.awkward())
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Reference,Action,Owner,Lead,Due,Status,Measure,Recommendation,Target,Completed")
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://example.org\"\")\""))
        #expect(csv.contains("''quoted,'-see 1.2a,Schools and education,'+44 1905 000000,1 March 1900,Blocked,,,,\r\n"))
        #expect(csv.contains("28 February 2026,Complete,9,"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(PlanSheet.Column.allCases.map(\.heading) == ["Reference", "Action", "Owner", "Lead", "Due", "Status", "Measure", "Recommendation", "Target", "Completed"])
    }

    @Test func anEmptyPlanExportsItsHeadings() throws {
        #expect(PlanSheet.csv([]) == "Reference,Action,Owner,Lead,Due,Status,Measure,Recommendation,Target,Completed\r\n")
        let workbook = try XLSXWorkbook(data: try PlanSheet.xlsx([]))
        #expect(workbook.sheets.map(\.name) == ["Improvement Plan"])
    }
}
