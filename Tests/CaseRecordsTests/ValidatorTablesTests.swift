import CaseRecords
import Foundation
import Testing

/// `improve tables` writes what the community CIN validator's `xmltocsv` writes: its eleven tables and columns, and
/// from 2026-27 its pre-proceedings table.
@Suite("Validator tables")
struct ValidatorTablesTests {
    func tables(_ name: String) throws -> [String: [[String]]] {
        let bytes = [UInt8](try Data(contentsOf: CINImportTests.fixtures.appendingPathComponent(name)))
        return try CINValidatorTables.tables(bytes: bytes, file: name)
    }

    @Test func elevenTablesWithTheValidatorsColumns() {
        #expect(CINValidatorTables.columns.map(\.table) == ["Header", "ChildIdentifiers", "ChildCharacteristics", "Disabilities", "CINdetails",
                                                            "Assessments", "AssessmentFactorsList", "CINplanDates", "Section47", "ChildProtectionPlans", "Reviews",
                                                            "PreProceedings"])
        #expect(CINValidatorTables.csv("Reviews", rows: []) == "LAchildID,CINdetailsID,CPPID,CPPreviewDate\n")
    }

    @Test func everyElementFileAsRows() throws {
        let t = try tables("cin-2022.xml")
        #expect(t["Header"] == [["CIN", "2022", "2022-03-31", "L", "201", "Local Authority", "ver 3.1.21", "001", "2022-05-23T11:14:05"]])
        #expect(t["ChildIdentifiers"] == [["DfEX0000001", "A123456789123", "X98765432123B", "UN3", "1966-03-24", "1966-03-22", "1", "", "1980-10-08"]])
        #expect(t["Disabilities"] == [["DfEX0000001", "HAND"], ["DfEX0000001", "HEAR"]])
        #expect(t["CINdetails"] == [["DfEX0000001", "1", "1970-10-06", "1A", "N4", "1971-02-27", "RC1", "1970-12-06", "false"]])
        #expect(t["Assessments"] == [["DfEX0000001", "1", "1", "1970-06-03", "1970-06-22", "1971-07-18", "['2A', '2B']"]])
        #expect(t["AssessmentFactorsList"] == [["DfEX0000001", "1", "1", "2A"], ["DfEX0000001", "1", "1", "2B"]])
        #expect(t["CINplanDates"] == [["DfEX0000001", "1", "1971-01-24", "1971-01-26"]])
        #expect(t["Section47"] == [["DfEX0000001", "1", "1970-06-02", "1970-06-23", "1970-06-17", "false"]])
        #expect(t["ChildProtectionPlans"] == [["DfEX0000001", "1", "1", "1970-02-17", "1971-03-14", "PHY", "PHY", "10"]])
        #expect(t["Reviews"] == [["DfEX0000001", "1", "1", "1971-02-15"]])
    }

    @Test func rawValuesAndNumbering() throws {
        let t = try tables("CIN_Census_2024.xml")
        // Sex is a column of its own; the stray text and the empty factors block are what the validator keeps too.
        #expect(t["ChildIdentifiers"]?.map { $0[7] } == ["1", "M"])
        #expect(t["Assessments"]?.last?[6] == "[]")
        #expect(t["CINdetails"]?.map { $0[8] } == ["0", "false"])
        let fake = try tables("fake_CIN_data.xml")
        #expect(fake["ChildIdentifiers"]?.count == 332)
        #expect(fake["CINdetails"]?.count == 402)
        // CINdetailsID restarts for each child.
        #expect(fake["CINdetails"]?.filter { $0[1] == "1" }.count == 332)
    }

    @Test func aCensusOf2026To27HasItsPreProceedingsTable() throws {
        let xml = """
        <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2027-03-31</ReferenceDate></CollectionDetails>
        <Source><LEA>885</LEA></Source></Header><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID><Sex>F</Sex></ChildIdentifiers>
        <CINdetails><CINreferralDate>2026-05-01</CINreferralDate><ReferralNFA>false</ReferralNFA>
        <PreProceedingsandFGDM><PPStartDate>2026-06-01</PPStartDate><LBPSentDate>2026-06-03</LBPSentDate><FGDMMeetingOffer>1</FGDMMeetingOffer>
        <StepDecisionDate>2026-09-01</StepDecisionDate><PPOutcome>A</PPOutcome></PreProceedingsandFGDM></CINdetails></Child></Children></Message>
        """
        let t = try CINValidatorTables.tables(bytes: Array(xml.utf8), file: "2027.xml")
        #expect(t["PreProceedings"] == [["A1", "1", "2026-06-01", "2026-06-03", "1", "", "", "", "2026-09-01", "A", "", ""]])
        #expect(t["ChildIdentifiers"]?.first?[7] == "F")
        #expect(CINValidatorTables.written(t).last == "PreProceedings")
        // An earlier year's file has no such table to write.
        #expect(!CINValidatorTables.written(try tables("cin-2022.xml")).contains("PreProceedings"))
    }
}
