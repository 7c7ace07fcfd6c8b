import CaseRecords
import Domain
import Foundation
import Testing
import Spreadsheet

/// Inputs that crashed an importer under the fuzzer (`Fuzz/`), or in a review made while fuzzing, each now rejected or
/// reported with its file, line and field. The files are in `Fixtures/fuzz/`.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// `<c r="ZZZZZZZZZZZZZZZ2">`: the column number of a fifteen-letter reference overflowed `Int` (a trap).
    @Test func annexACellPastColumnXFDIsRejected() throws {
        let error = try #require(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: try Self.data("cell-past-column-xfd.xlsx"), file: "cell.xlsx")
        }
        #expect(error.file == "cell.xlsx")
        #expect(error.reason == "List 5: xl/worksheets/sheet1.xml line 2: cell ZZZZZZZZZZZZZZZ2 is beyond the last column, XFD")
    }

    /// `<row r="9223372036854775807">` then a `<row>` without a number: the next row's number (the last plus one)
    /// overflowed.
    @Test func annexARowPastTheLastRowIsRejected() throws {
        let error = try #require(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: try Self.data("row-past-last-row.xlsx"), file: "rows.xlsx")
        }
        #expect(error.file == "rows.xlsx")
        #expect(error.reason == "List 5: xl/worksheets/sheet1.xml line 2: row number 9223372036854775807 is not between 1 and 1048576")
    }

    /// A text date `01/01/99999999999999`: the year made a day number too large for the date column (a trap). The row is
    /// left out and reported by sheet, row, child and column; the next row still reads.
    @Test func annexADateWithAHugeYearIsAFaultNotACrash() throws {
        let result = try AnnexAImporter().read(data: try Self.data("date-year-too-large.xlsx"), file: "dates.xlsx")
        #expect(result.tables.s47Child == ["C2"])
        #expect(result.tables.s47StrategyDate == [CalendarDate(year: 2020, month: 9, day: 16)!.column])
        let fault = try #require(result.report.errors.first)
        #expect(result.report.errors.count == 1)
        #expect(fault.description
            == "dates.xlsx:2: error: child C1, List 5: strategy discussion initiating section 47 enquiry start date: '01/01/99999999999999' is not a date")
        #expect(result.report.counts["records_left_out"] == 1)
    }

    /// Found by `fuzz-annex-a`: a 22-byte archive, just an end-of-directory record, whose central directory starts at
    /// byte 4096. ZIPFoundation's in-memory reader trapped ("Range requires lowerBound <= upperBound") on the read after
    /// seeking there. `fuzzer-crash-5ea8d7de.xlsx` is one of the fuzzer's own inputs, a mutated workbook.
    @Test(arguments: ["directory-past-end.xlsx", "fuzzer-crash-5ea8d7de.xlsx"])
    func annexAZipDirectoryPastTheEndIsRejected(name: String) throws {
        let error = try #require(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: try Self.data(name), file: name)
        }
        #expect(error.file == name)
        #expect(error.reason
            == "not a readable xlsx workbook: the zip archive is damaged (its central directory starts or runs past the end of the file)")
    }

    /// The same trap through an entry: a stored archive whose one directory record puts the local header at 2 GB.
    @Test func annexAZipEntryPastTheEndIsRejected() throws {
        let error = try #require(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: try Self.data("entry-past-end.xlsx"), file: "entry.xlsx")
        }
        #expect(error.reason == "not a readable xlsx workbook: the zip archive is damaged (entry 1 points past the end of the file)")
    }

    /// Found by `fuzz-annex-a` as a timeout: a mutation of the sample workbook (four bytes changed) in which the
    /// second entry's deflate stream never ends. On Linux ZIPFoundation inflates until the stream ends, past the entry's
    /// compressed size and, at the end of the file, on empty reads for ever: the import hung. Before the fix this test
    /// does not finish.
    @Test func annexADeflateStreamThatNeverEndsIsRejected() throws {
        let error = try #require(throws: ImportRejection.self) {
            try AnnexAImporter().read(data: try Self.data("fuzzer-timeout-723ee8f0.xlsx"), file: "hang.xlsx")
        }
        #expect(error.reason == "not a readable xlsx workbook: the zip archive is damaged (the compressed data of entry 2 is cut short or corrupt)")
    }

    /// The damaged-archive check must pass the workbooks councils send: the sample and one written here.
    @Test func annexARealWorkbooksPassTheZipCheck() throws {
        let sample = try Data(contentsOf: Self.fixtures.deletingLastPathComponent().appendingPathComponent("annex-a/Annex_A.xlsx"))
        #expect(try AnnexAImporter().read(data: sample, file: "Annex_A.xlsx").tables.s47Child.count == 5)
        let written = try XLSXWriter.workbook([("List 5", [[.text("Child Unique ID")], [.text("C1")]])])
        #expect(try XLSXWorkbook(data: written).rows(ofSheet: "List 5")?.count == 2)
    }

    /// `Double("1e999")` is infinity, and was taken for a number of 0 or more: a worker's FTE of infinity made the
    /// census's in-post FTE infinite (and every rate built on it NaN). Now the worker is left out and reported.
    @Test func cswwInfiniteFTEIsABadValue() throws {
        let xml = """
            <Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>2021</Year>\
            <ReferenceDate>2021-09-30</ReferenceDate></CollectionDetails></Header>
            <LALevelVacancies><NumberOfVacancies>inf</NumberOfVacancies></LALevelVacancies>
            <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW1</SWENo><FTE>1.0</FTE><FTE30>1e999</FTE30></CSWWWorker>
            <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW2</SWENo><FTE>0.5</FTE><FTE30>0.5</FTE30></CSWWWorker>
            </Message>
            """
        let result = try CSWWImporter().read(bytes: Array(xml.utf8), file: "csww.xml")
        #expect(result.census.inPostFTE == 0.5)
        #expect(result.census.inPostHeadcount == 1)
        #expect(result.census.vacanciesFTE == nil)
        #expect(result.report.errors.map(\.description) == [
            "csww.xml:0: error: NumberOfVacancies: 'inf' is not a number of 0 or more; not used",
            "csww.xml:3: error: worker SW1, FTE30: '1e999' is not a number of 0 or more",
        ])
    }

    /// The same in the bundle's monthly workforce table: `inf` was read as an infinite in-post FTE.
    @Test func bundleInfiniteFigureIsABadValue() throws {
        let csv = """
            month,in_post_fte,vacancies_fte,agency_fte,leavers_fte,working_days_lost,cases,case_holding_fte
            2020-04,inf,2.6,2.6,0.2,5.9,1,6.3
            2020-05,7.6,2.4,1.9,0.2,6.1,3,1e999
            2020-06,7.6,2.4,1.9,0.2,6.1,3,6.5

            """
        let result = try BundleImporter().read(bytes: Array(csv.utf8), file: "workforce_monthly.csv")
        #expect(result.tables.workforceMonth.map(\.iso) == ["2020-06"])
        #expect(result.report.errors.map(\.description) == [
            "workforce_monthly.csv:2: error: child 2020-04, in_post_fte: 'inf' is not a number of 0 or more",
            "workforce_monthly.csv:3: error: child 2020-05, case_holding_fte: '1e999' is not a number of 0 or more",
        ])
    }
}
