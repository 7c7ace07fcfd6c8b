import Foundation
import Published
import Spreadsheet
import Testing

/// Ofsted's workbook (OpenDocument) as published: the sheet of each council's latest inspection, tied to the
/// councils' three-digit numbers through the tables' ONS codes. Figures read from the file by hand.
@Suite struct OfstedOutcomesTests {
    static let name = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"

    @Test func readsTheWorkbooksSheetsAndLatestInspections() throws {
        let workbook = try ODSWorkbook(data: Data(PublishedFiles.bytes(Self.name)))
        #expect(workbook.sheetNames == ["Cover", "Contents", "Notes", "Inspections_as_at_31_March", "In-year_inspections", "ILACS_inspection_history"])
        let outcomes = try OfstedOutcomes.read(PublishedFiles.bytes(Self.name), file: Self.name)
        #expect(outcomes.latest.count == 153)
        #expect(outcomes.title == "Local authority inspection judgements as at 31 March 2025")
        let worcestershire = try #require(outcomes.latest["E10000034"])
        #expect(worcestershire.name == "Worcestershire")
        #expect(worcestershire.overall == "Good")
        #expect((worcestershire.inspected, worcestershire.published) == ("15/05/2023", "14/07/2023"))
        #expect(worcestershire.judgements.map(\.judgement) == ["Good", "Good", "Requires improvement to be good", "Good"])
        // A council reorganised in 2023, and one whose inspection predates the care leavers' judgement.
        #expect(outcomes.latest["E06000063"]?.name == "Cumberland")
        #expect(outcomes.latest["E06000061"]?.judgements.count == 3)
    }

    /// The history sheets: every ILACS inspection since 2018 and every inspection and visit of 2024-25, each once.
    /// Counts made with Python's zipfile and ElementTree over content.xml: 271 history rows and 112 in-year rows,
    /// 331 distinct (code, date, kind) for 156 ONS codes.
    @Test func readsEveryCouncilsHistoryOldestFirst() throws {
        let outcomes = try OfstedOutcomes.read(PublishedFiles.bytes(Self.name), file: Self.name)
        #expect(outcomes.history.count == 156)
        #expect(outcomes.history.values.map(\.count).reduce(0, +) == 331)
        let worcestershire = try #require(outcomes.history["E10000034"])
        #expect(worcestershire.map(\.inspected) == ["17/06/2019", "15/05/2023", "03/12/2024"])
        #expect(worcestershire.map(\.overall) == ["Requires improvement to be good", "Good", ""])
        #expect(worcestershire.last?.kind == "ILACS Focused Visit" && worcestershire.last?.theme == "Children in care")
        #expect(worcestershire.last?.judgements.isEmpty == true, "a visit's theme is not a judgement")
        // Cumbria no longer exists but keeps its code and its last inspection; Cumberland has its own.
        #expect(outcomes.history["E10000006"]?.map(\.inspected) == ["20/09/2022"])
        #expect(outcomes.history["E06000063"]?.map(\.overall) == ["Good"])
        // In both sheets, listed once.
        #expect(outcomes.history["E06000063"]?.count == 1)
        let library = PublishedLibrary(files: [
            .table(try PublishedFiles.table(PublishedFiles.reReferrals)),
            try PublishedFile.read(PublishedFiles.bytes(Self.name), name: Self.name),
        ])
        #expect(library.inspectionHistory(ofCouncil: "885").count == 3)
        #expect(library.inspectionHistory(ofCouncil: "909").map(\.name) == ["Cumbria"], "the reorganised council's own history, nobody else's")
    }

    @Test func aHistoryDateThatIsNotADateIsRefused() throws {
        func book(_ sheet: String, date: String) throws -> [UInt8] {
            func row(_ cells: [String]) -> String {
                "<table:table-row>" + cells.map { "<table:table-cell><text:p>\($0)</text:p></table:table-cell>" }.joined() + "</table:table-row>"
            }
            let header = ["Local authority area code", "Local authority name", "Inspection date", "Publication date", "Inspection type", "Overall effectiveness"]
            let latest = "<table:table table:name=\"Inspections_as_at_31_March\">" + row(header) + row(["E10000034", "Worcestershire", "15/05/2023", "14/07/2023", "", "Good"]) + "</table:table>"
            let other = "<table:table table:name=\"\(sheet)\">" + row(header) + row(["E10000034", "Worcestershire", date, "", "ILACS Focused Visit", ""]) + "</table:table>"
            return try ODSFixtures.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                        "content.xml": "<office:document-content>\(latest)\(other)</office:document-content>"])
        }
        #expect(try OfstedOutcomes.read(try book("ILACS_inspection_history", date: "03/12/2024"), file: "ok.ods").history["E10000034"]?.count == 1)
        let error = try #require(throws: PublishedFileError.self) { try OfstedOutcomes.read(try book("In-year_inspections", date: "2024-12-03"), file: "visits.ods") }
        #expect(error.description.contains("visits.ods") && error.description.contains("'2024-12-03' is not a date written day/month/year, in sheet 'In-year_inspections'"))
        #expect(error.description.contains("Inspection date"))
    }

    @Test func aCouncilsInspectionIsFoundThroughItsCodeInTheTables() throws {
        let library = PublishedLibrary(files: [
            .table(try PublishedFiles.table(PublishedFiles.reReferrals)),
            try PublishedFile.read(PublishedFiles.bytes(Self.name), name: Self.name),
        ])
        #expect(library.inspection(ofCouncil: "885")?.overall == "Good")
        #expect(library.inspection(ofCouncil: "942")?.name == "Cumberland")
        // Cumbria (909) was reorganised away before Ofsted's list: no inspection, not somebody else's.
        #expect(library.inspection(ofCouncil: "909") == nil)
        let all = library.inspectionsByCouncil()
        #expect(all["885"]?.overall == "Good")
        // The sheet "Inspections_as_at_31_March" has 153 rows with an ONS code (counted with Python's zipfile and
        // ElementTree over content.xml), one council each.
        #expect(all.count == 153)
    }

    @Test func aWorkbookThatIsNotOfstedsOrNotAnODSIsRefused() throws {
        // A zip with no mimetype (as an xlsx would be): refused, naming the file.
        let zip = try ODSFixtures.zip(["content.xml": "<x/>"])
        let error = try #require(throws: PublishedFileError.self) { try PublishedFile.read(zip, name: "book.ods") }
        #expect(error.description.hasPrefix("book.ods: not an OpenDocument spreadsheet: it has no mimetype or content.xml"))
        // An ODS without Ofsted's sheet.
        let other = try ODSFixtures.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                         "content.xml": "<office:document-content><table:table table:name=\"Sheet1\"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:document-content>"])
        let missing = try #require(throws: PublishedFileError.self) { try PublishedFile.read(other, name: "book.ods") }
        #expect(missing.description == "book.ods: has no sheet 'Inspections_as_at_31_March' (its sheets are Sheet1)")
        // Half the real workbook: a damaged archive.
        let whole = try PublishedFiles.bytes(Self.name)
        #expect(throws: PublishedFileError.self) { try PublishedFile.read(Array(whole.prefix(whole.count / 2)), name: "half.ods") }
    }

    /// Repeated cells and rows are expanded only where content follows; past a sheet's limits they are refused.
    @Test func repeatsAreExpandedWithinLimits() throws {
        let content = """
        <office:document-content><table:table table:name="S"><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16000"/></table:table-row>\
        <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="2"><text:p>a<text:s text:c="2"/>b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>\
        <table:table-row table:number-rows-repeated="1048000"/></table:table></office:document-content>
        """
        let book = try ODSWorkbook(data: Data(try ODSFixtures.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content])))
        #expect(book.rows(ofSheet: "S") == [[], [], [], ["", "", "a  b", "a  b"]])
        let wide = "<office:document-content><table:table table:name=\"S\"><table:table-row><table:table-cell table:number-columns-repeated=\"20000\"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:document-content>"
        #expect(throws: ODSWorkbook.Failure.self) {
            try ODSWorkbook(data: Data(try ODSFixtures.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": wide])))
        }
    }
}

/// Small zip archives for the tests, written by Python's zipfile to stay independent of the reader under test.
enum ODSFixtures {
    static func zip(_ parts: [String: String]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in parts { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import zipfile,sys,os; z=zipfile.ZipFile('book.zip','w'); [z.write(n) for n in sorted(sys.argv[1:])]; z.close()"] + parts.keys.sorted()
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: folder.appendingPathComponent("book.zip")))
    }
}
