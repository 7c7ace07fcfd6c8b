import CaseRecords
import Domain
import Foundation
import Testing
import Spreadsheet

@Suite("Annex A import")
struct AnnexAImportTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/annex-a/Annex_A.xlsx").path

    @Test func theSampleWorkbookReadsListByList() throws {
        let loaded = try ReturnLoader().load([Self.sample])
        #expect(loaded.rejections.isEmpty)
        let report = try #require(loaded.reports.first)
        #expect(report.counts == ["referrals": 6, "assessments": 5, "section_47": 5, "children_in_need": 5, "child_protection": 7,
                                  "children_in_care": 5, "care_leavers": 6, "records_left_out": 0])
        #expect(report.faults.isEmpty)
        let a = try #require(loaded.annexA)
        // List 5's first row: child 11641472, strategy discussion serial 44090 (16 September 2020), conference 44109.
        #expect(a.s47Child.first == "11641472")
        #expect(a.s47StrategyDate.first == CalendarDate(year: 2020, month: 9, day: 16)!.column)
        #expect(a.s47ICPCDate.first == CalendarDate(year: 2020, month: 10, day: 5)!.column)
        #expect(a.s47Team.first == "Children with Disabilities Team")
        // The third child's conference was deemed unnecessary and has no date.
        #expect(a.s47ICPCNotRequired[2] && a.s47ICPCDate[2] == noDate)
    }

    @Test func aWorkbookWrittenHereReadsBackCellForCell() throws {
        let rows: [[XLSXWorkbook.Cell?]] = [
            [.text("Child Unique ID"), .text("Name & <notes>"), .text("Date")],
            [.text("A1"), nil, .number(44090)],
            [.number(12345), .text("  spaced  "), .number(2.5)],
        ]
        let data = try XLSXWriter.workbook([("Cover", [[.text("x")]]), ("List 5", rows)])
        let book = try XLSXWorkbook(data: data)
        #expect(book.sheets.map(\.name) == ["Cover", "List 5"])
        let read = try #require(try book.rows(ofSheet: " list 5 "))
        #expect(read.map(\.number) == [1, 2, 3])
        #expect(read[0].cells == [0: .text("Child Unique ID"), 1: .text("Name & <notes>"), 2: .text("Date")])
        #expect(read[1].cells == [0: .text("A1"), 2: .number(44090)])
        #expect(read[2].cells == [0: .number(12345), 1: .text("spaced"), 2: .number(2.5)])
    }

    @Test func notAWorkbookIsRejectedWhole() {
        #expect(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: Data("PK\u{3}\u{4} not really a zip".utf8), file: "a.xlsx")
        }
    }
}
