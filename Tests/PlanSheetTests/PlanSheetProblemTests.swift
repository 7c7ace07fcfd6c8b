import Domain
import Foundation
import PlanSheet
import Spreadsheet
import Testing

@Suite("Problems in a plan sheet")
struct PlanSheetProblemTests {
    static let header = "Reference,Action,Owner,Due,Status,Measure,Target,Completed"

    /// The one problem a sheet of the header and this row gives.
    static func problem(_ row: String, measureCount: Int? = nil) throws -> PlanSheet.Problem {
        let failure = try #require(Sheet.failure(Sheet.one(header, row), measureCount: measureCount))
        #expect(failure.problems.count == 1, "\(failure)")
        return try #require(failure.problems.first)
    }

    @Test func aMissingRequiredColumn() throws {
        let failure = try #require(Sheet.failure(Sheet.one("Reference,Action,Owner", "1,a,Police")))
        #expect(failure.problems == [PlanSheet.Problem(file: "plan.csv", row: 1, column: "Due", message:
            "there is no Due column, and a plan sheet needs one: the required columns are Reference, Action, Owner and Due")])
    }

    @Test func anUnknownColumnIsNamedWithItsLetterInAWorkbook() throws {
        let bytes = try Sheet.xlsx([[.text("Reference"), .text("Action"), .text("Owner"), .text("Due"), .text("Due date")],
                                    [.text("1"), .text("a"), .text("Police"), .number(40_999), .number(40_999)]])
        let failure = try #require(Sheet.failure(bytes, file: "plan.xlsx"))
        let problem = try #require(failure.problems.first)
        #expect(failure.problems.count == 1)
        #expect(problem.row == 1 && problem.column == "Due date" && problem.letter == "E")
        #expect(problem.message.contains("did you mean Due?"))
        #expect(problem.description.hasPrefix("plan.xlsx, row 1, column E (Due date): 'Due date' is not a column of a plan sheet"))
    }

    @Test func aMisspeltOptionalColumnIsNotIgnored() throws {
        let failure = try #require(Sheet.failure(Sheet.one("Reference,Action,Owner,Due,Satus", "1,a,Police,31/03/2012,Complete")))
        #expect(failure.problems.map(\.column) == ["Satus"])
        #expect(failure.problems.first?.message.contains("did you mean Status?") == true)
    }

    @Test func aRepeatedColumn() throws {
        let failure = try #require(Sheet.failure(Sheet.one("Reference,Action,Owner,Due,Due", "1,a,Police,31/03/2012,31/03/2012")))
        #expect(failure.problems.map(\.column) == ["Due"])
        #expect(failure.problems.first?.message == "the Due column appears twice (column 4 and column 5): keep one")
    }

    @Test func anEmptyAction() throws {
        let p = try Self.problem("1,,Police,31/03/2012,,,,")
        #expect(p.row == 2 && p.column == "Action" && p.letter == nil)
        #expect(p.description == "plan.csv, row 2, column Action: every action needs its words, and this row has no Action")
    }

    @Test func aBadOwner() throws {
        let p = try Self.problem("1,a,Polce,31/03/2012,,,,")
        #expect(p.row == 2 && p.column == "Owner")
        #expect(p.message == "'Polce' is not an owner: write one of The council, Police, Health, Safeguarding partnership, Schools and education or Another partner")
    }

    @Test func aWorkbookProblemNamesTheColumnsLetterAndHeading() throws {
        let bytes = try Sheet.xlsx([[.text("Reference"), .text("Action"), .text("Owner"), .text("Due")],
                                    [.text("1"), .text("a"), .text("Police"), .number(40_999)],
                                    [],
                                    [.text("2"), .text("b"), .text("Polce"), .number(40_999)]])
        let failure = try #require(Sheet.failure(bytes, file: "improvement-plan.xlsx"))
        #expect(failure.problems.map(\.description) == ["improvement-plan.xlsx, row 4, column C (Owner): 'Polce' is not an owner: write one of The council, Police, Health, Safeguarding partnership, Schools and education or Another partner"])
    }

    @Test func aDayTheMonthDoesNotHave() throws {
        let p = try Self.problem("1,a,Police,31/06/2012,,,,")
        #expect(p.row == 2 && p.column == "Due")
        #expect(p.message == "'31/06/2012' is not a date: there is no 31 June 2012")
    }

    @Test func anAmericanDateIsRefusedNotGuessed() throws {
        let p = try Self.problem("1,a,Police,12/31/2012,,,,")
        #expect(p.row == 2 && p.column == "Due")
        #expect(p.message.contains("there is no month 31") && p.message.contains("day first"))
    }

    @Test func aTwoDigitYearIsRefused() throws {
        let p = try Self.problem("1,a,Police,31/03/12,,,,")
        #expect(p.column == "Due" && p.message.contains("two-digit year"))
    }

    @Test(arguments: ["31/13/2012", "March 31 2012", "31 Marhc 2012", "tomorrow", "40999", "31/03/0012", "00/03/2012"])
    func otherTextThatIsNoDate(_ text: String) throws {
        let p = try Self.problem("1,a,Police,\(text),,,,")
        #expect(p.row == 2 && p.column == "Due" && p.message.contains("is not a date"))
    }

    @Test func aMissingDueDate() throws {
        let p = try Self.problem("1,a,Police,,,,,")
        #expect(p.column == "Due" && p.message.hasPrefix("every action needs a due date"))
    }

    @Test func aRepeatedReferenceNamesBothRows() throws {
        let failure = try #require(Sheet.failure(Sheet.csv([Self.header, "1.2a,a,Police,31/03/2012,,,,", "1.3,b,Police,31/03/2012,,,,", "1.2A,c,Police,31/03/2012,,,,"])))
        let p = try #require(failure.problems.first)
        #expect(failure.problems.count == 1)
        #expect(p.row == 4 && p.column == "Reference")
        #expect(p.message == "'1.2A' is also the reference of row 2: each action needs its own reference")
    }

    @Test func aMissingReference() throws {
        let p = try Self.problem(",a,Police,31/03/2012,,,,")
        #expect(p.column == "Reference" && p.message.hasPrefix("every action needs a reference"))
    }

    @Test func anUnknownTarget() throws {
        let p = try Self.problem("1,a,Police,31/03/2012,,,visits on time,")
        #expect(p.row == 2 && p.column == "Target" && p.message.hasPrefix("'visits on time' is not an indicator the product knows"))
    }

    @Test func aMeasureAboveTheNoticesCount() throws {
        let p = try Self.problem("1,a,Police,31/03/2012,,12,,", measureCount: 9)
        #expect(p.row == 2 && p.column == "Measure")
        #expect(p.message == "the notice has 9 measures, so there is no measure 12")
        // Without a count, any measure from 1 is taken.
        #expect(try Sheet.read(Sheet.one(Self.header, "1,a,Police,31/03/2012,,12,,")).first?.action.measure == 11)
    }

    @Test(arguments: ["0", "-1", "2.5", "three", "1e3"])
    func aMeasureThatIsNoMeasure(_ text: String) throws {
        let p = try Self.problem("1,a,Police,31/03/2012,,\(text),,")
        #expect(p.column == "Measure")
    }

    @Test func aCompletionDateNeedsTheStatusComplete() throws {
        let p = try Self.problem("1,a,Police,31/03/2012,In progress,,,01/03/2012")
        #expect(p.row == 2 && p.column == "Completed")
        #expect(p.message.contains("goes only with the status Complete, and this action is In progress"))
        let q = try Self.problem("1,a,Police,31/03/2012,,,,01/03/2012")
        #expect(q.message.contains("is not started"))
    }

    @Test func aBadStatus() throws {
        let p = try Self.problem("1,a,Police,31/03/2012,Done,,,")
        #expect(p.column == "Status" && p.message.contains("Not started, In progress, Complete or Blocked"))
    }

    @Test func dataUnderNoHeadingIsAProblem() throws {
        let failure = try #require(Sheet.failure(Sheet.csv(["Reference,Action,Owner,Due", "1,a,Police,31/03/2012,stray note"])))
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.row == 2)
        #expect(failure.problems.first?.message.contains("'stray note' in column 5, which has no heading") == true)
    }

    @Test func everyProblemIsReportedAtOnceAndNothingIsReturned() throws {
        let bytes = Sheet.csv([Self.header, "1,,Polce,31/06/2012,,,,", "2,fine,Police,31/03/2012,,,,", "1,c,Police,12/31/2012,Done,,nothing,"])
        let failure = try #require(Sheet.failure(bytes))
        let places = failure.problems.map { "\($0.row ?? 0) \($0.column ?? "")" }
        #expect(places == ["2 Action", "2 Owner", "2 Due", "4 Reference", "4 Due", "4 Status", "4 Target"])
        #expect(failure.more == 0)
        #expect(failure.description.hasPrefix("plan.csv was not imported: 7 problems were found, and nothing from the file was kept.\n- plan.csv, row 2, column Action:"))
    }

    @Test func theListStopsAtAHundredProblems() throws {
        let rows = (1...150).map { "\($0),a,Nobody,31/03/2012,,,," }
        let failure = try #require(Sheet.failure(Sheet.csv([Self.header] + rows)))
        #expect(failure.problems.count == 100)
        #expect(failure.more == 50)
        #expect(failure.problems.last?.row == 101)
        #expect(failure.description.hasSuffix("\nand 50 more problems"))
    }

    @Test func aTitleAboveTheHeadingsIsExplained() throws {
        let failure = try #require(Sheet.failure(Sheet.csv(["Anyshire Improvement Plan", "", Self.header, "1,a,Police,31/03/2012,,,,"])))
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.row == 1)
        #expect(failure.problems.first?.message.contains("row 3 looks like the headings: delete the rows above it") == true)
    }

    @Test func aFileSeparatedByTabsOrSemicolonsIsExplained() throws {
        for separator in ["\t", ";"] {
            let failure = try #require(Sheet.failure(Sheet.csv(["Reference\(separator)Action\(separator)Owner\(separator)Due", "1\(separator)a\(separator)Police\(separator)31/03/2012"])))
            #expect(failure.problems.count == 1)
            #expect(failure.problems.first?.message.contains("not commas") == true)
        }
    }

    @Test func headingsAndNoActions() throws {
        let failure = try #require(Sheet.failure(Sheet.csv([Self.header, ",,,"])))
        #expect(failure.problems.map(\.message) == ["the sheet has its column headings and no actions below them"])
    }

    @Test func anUnclosedQuote() throws {
        let failure = try #require(Sheet.failure(Sheet.csv([Self.header, "1,\"a,Police,31/03/2012,,,,"])))
        #expect(failure.problems.first?.row == 2)
        #expect(failure.problems.first?.message.contains("never closed") == true)
    }
}

@Suite("Files that are no plan sheet")
struct PlanSheetRefusalTests {
    /// A refusal is one problem about the whole file.
    static func refusal(_ bytes: [UInt8], file: String = "upload") throws -> String {
        let failure = try #require(Sheet.failure(bytes, file: file))
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.row == nil && failure.problems.first?.file == file)
        return failure.problems.first?.message ?? ""
    }

    @Test func refused() throws {
        #expect(try Self.refusal(Array("%PDF-1.4\n%âãÏÓ\n1 0 obj".utf8)).contains("PDF"))
        #expect(try Self.refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).contains(".xls"))
        #expect(try Self.refusal([]).contains("empty"))
        #expect(try Self.refusal(Array("  \r\n\n".utf8)).contains("empty"))
        #expect(try Self.refusal([0xFF, 0xFE, 0x52, 0x00]).contains("UTF-16"))
        // Windows-1252: "Children's" with a curly apostrophe (0x92) on line 2.
        let cp1252 = Array("Reference,Action,Owner,Due\n1,Children".utf8) + [0x92] + Array("s services,Police,31/03/2012\n".utf8)
        #expect(try Self.refusal(cp1252).contains("line 2"))
        // A zip archive that is no workbook.
        #expect(try Self.refusal([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 60)).contains("not an Excel workbook"))
    }

    @Test func randomBytesAreRefused() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20 {
            let bytes = (0..<512).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            #expect(Sheet.failure(bytes) != nil)
        }
    }

    @Test func aFileOverFiveMegabytes() throws {
        let bytes = Array(Sheet.csv(["Reference,Action,Owner,Due"])) + Array(repeating: 0x20, count: 5 * 1024 * 1024)
        #expect(try Self.refusal(bytes).contains("at most 5 MB"))
    }

    @Test func aSheetOverFiveThousandRows() throws {
        let rows = (1...5_001).map { "\($0),a,Police,31/03/2012" }
        #expect(try Self.refusal(Sheet.csv(["Reference,Action,Owner,Due"] + rows)).contains("5,000"))
        // 5,000 is allowed.
        #expect(try Sheet.read(Sheet.csv(["Reference,Action,Owner,Due"] + rows.dropLast())).count == 5_000)
    }
}
