import CaseRecords
import Domain
import Foundation
import Testing

@Suite("Workforce census import")
struct CSWWImportTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/csww/social_work_workforce_2022.xml").path

    @Test func theSampleCensusReducesToDfEsTotals() throws {
        let loaded = try ReturnLoader().load([Self.sample])
        let census = try #require(loaded.workforceCensus.first)
        // Totals worked out separately (a short Python script over the same file, in decimals): 8 permanent workers
        // in post at 30 September 2022 (those whose role ends after it included; seven workers whose role starts
        // after it are not in post), none left in the year, and every case holder's cases, agency workers' included.
        #expect(census.referenceDate == CalendarDate(year: 2022, month: 9, day: 30))
        #expect(census.inPostHeadcount == 8 && census.inPostFTE == 3.406188)
        #expect(census.leaversHeadcount == 0 && census.leaversFTE == 0)
        #expect(census.workingDaysLost == 387)
        #expect(census.cases == 639 && census.caseHoldingFTE == 6.273362)
        #expect(census.vacanciesFTE == 79.68 && census.agencyFTE == 59.82)
        let report = try #require(loaded.reports.first)
        #expect(report.counts["workers"] == 30)
        // Eleven roles end after the reference date and seven start after it: each reported by line, worker and field.
        #expect(report.faults.count == 18)
        #expect(report.faults.allSatisfy { $0.rule == "future-date" && $0.recordKind == "worker" })
        #expect(report.faults.filter { $0.field == "RoleEndDate" }.count == 11 && report.faults.filter { $0.field == "RoleStartDate" }.count == 7)
        #expect(report.faults.first?.line == 70 && report.faults.first?.childID == "iP8098309864")
    }

    @Test func permanentAgencyAndLeaversAreTold() throws {
        let xml = """
        <Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>2023</Year>
        <ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails></Header>
        <LALevelVacancies><NumberOfVacancies>2</NumberOfVacancies></LALevelVacancies>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W1</SWENo><FTE30>1.0</FTE30><Cases30>15</Cases30><WorkingDaysLost>10</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W2</SWENo><FTE30>0.5</FTE30><Cases30>0</Cases30><WorkingDaysLost>4</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W3</SWENo><FTE>0.8</FTE><RoleEndDate>2023-06-30</RoleEndDate><WorkingDaysLost>6</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W4</SWENo><FTE>1</FTE><RoleEndDate>2022-08-01</RoleEndDate></CSWWWorker>
        <CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>W5</SWENo><FTE30>1.0</FTE30><Cases30>20</Cases30></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W6</SWENo><FTE30>abc</FTE30></CSWWWorker>
        <UnknownBlock><Anything>1</Anything></UnknownBlock>
        </Message>
        """
        let result = try CSWWImporter().read(bytes: Array(xml.utf8), file: "csww.xml")
        let c = result.census
        #expect(c.inPostFTE == 1.5 && c.inPostHeadcount == 2)
        #expect(c.leaversFTE == 0.8 && c.leaversHeadcount == 1)  // W4 left before the year began
        // Every case holder's cases over their FTE, the agency worker W5's among them (§3.15 has no "permanent").
        #expect(c.workingDaysLost == 20 && c.cases == 35 && c.caseHoldingFTE == 2.0)
        #expect(c.agencyFTE == 1.0 && c.vacanciesFTE == 2)  // no LA-level agency figure: the agency workers' own FTE
        #expect(result.report.counts["records_left_out"] == 1)
        #expect(result.report.faults.map { "\($0.childID ?? "-") \($0.field) \($0.rule)" } == ["W6 FTE30 bad-value"])
    }

    @Test func aCensusWithoutReferenceDateOrWellFormedXMLIsRejected() {
        #expect(throws: ImportRejection.self) {
            try CSWWImporter().read(bytes: Array("<Message><Header><CollectionDetails><Collection>CSWW</Collection></CollectionDetails></Header></Message>".utf8), file: "a.xml")
        }
        #expect(throws: ImportRejection.self) {
            try CSWWImporter().read(bytes: Array("<Message><Header><CollectionDetails><Collection>CSWW</Collection><ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails></Message>".utf8), file: "b.xml")
        }
    }

    @Test func workersNotYetStartedAreNotInPostAndOnlyThisYearsWorkersLoseDays() throws {
        let xml = """
        <Message><Header><CollectionDetails><Collection>CSWW</Collection><ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails></Header>
        <LALevelVacancies><NumberOfVacancies>1</NumberOfVacancies><NoAgencyFTE>0.6</NoAgencyFTE><NoAgencyHeadcount>1</NoAgencyHeadcount></LALevelVacancies>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000001</SWENo><FTE30>1</FTE30><RoleStartDate>2020-01-06</RoleStartDate><Cases30>18</Cases30><WorkingDaysLost>7.5</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000002</SWENo><FTE30>1</FTE30><RoleStartDate>2023-10-02</RoleStartDate><Cases30>0</Cases30><WorkingDaysLost>3</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000003</SWENo><FTE>0.5</FTE><RoleEndDate>2023-01-31</RoleEndDate><WorkingDaysLost>4.25</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB0000000004</SWENo><FTE>1</FTE><RoleEndDate>2022-09-30</RoleEndDate><WorkingDaysLost>12</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>AB0000000005</SWENo><FTE30>0.6</FTE30><Cases30>12</Cases30><WorkingDaysLost>2</WorkingDaysLost></CSWWWorker>
        </Message>
        """
        let result = try CSWWImporter().read(bytes: Array(xml.utf8), file: "csww.xml")
        let c = result.census
        // 2 starts two days after the reference date: not in post. 4 left on 30 September 2022, the day the census
        // year began, so not in the year to 30 September 2023; its twelve days are not this year's.
        #expect(c.inPostHeadcount == 1 && c.inPostFTE == 1)
        #expect(c.leaversHeadcount == 1 && c.leaversFTE == 0.5)
        #expect(c.workingDaysLost == 11.75)
        // The agency case holder's 12 cases count with the permanent worker's 18: 30 cases over 1.6 FTE.
        #expect(c.cases == 30 && c.caseHoldingFTE == 1.6)
        #expect(c.agencyFTE == 0.6)
        let notStarted = try #require(result.report.faults.first { $0.field == "RoleStartDate" })
        #expect(notStarted.childID == "AB0000000002" && notStarted.rule == "future-date" && notStarted.line == 4)
    }

    @Test func fullTimeEquivalentsAreSummedAsTheDecimalsTheyAre() throws {
        // Ten workers of 0.1 FTE: as binary floating point the sum is 0.9999999999999999.
        var xml = "<Message><Header><CollectionDetails><Collection>CSWW</Collection><ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails></Header>"
        xml += "<LALevelVacancies><NumberOfVacancies>0.3</NumberOfVacancies></LALevelVacancies>"
        for n in 0..<10 {
            xml += "<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>AB000000000\(n)</SWENo><FTE30>0.1</FTE30><Cases30>2</Cases30></CSWWWorker>"
        }
        xml += "</Message>"
        let c = try CSWWImporter().read(bytes: Array(xml.utf8), file: "csww.xml").census
        #expect(c.inPostFTE == 1 && c.caseHoldingFTE == 1)
    }

    @Test func exactDecimalsReadOnlyPlainDecimals() {
        #expect(ExactDecimal(text: "0.521371")?.millionths == 521_371)
        #expect(ExactDecimal(text: " 53 ")?.description == "53")
        #expect(ExactDecimal(text: "-3.50")?.description == "-3.5")
        #expect(ExactDecimal(text: ".25")?.description == "0.25")
        #expect(ExactDecimal(text: "0.12345678")?.millionths == 123_457)
        for bad in ["", ".", "1e2", "inf", "nan", "1,000", "1.2.3", "9999999999", "--1", "0x10"] {
            #expect(ExactDecimal(text: bad) == nil, "\(bad)")
        }
        let sum = (0..<530).reduce(ExactDecimal.zero) { total, _ in total + ExactDecimal(text: "0.1")! }
        #expect(sum.description == "53" && sum.double == 53)
    }
}
