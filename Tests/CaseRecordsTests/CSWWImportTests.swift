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
        // Totals worked out separately (a short script over the same file): 11 permanent workers in post at
        // 30 September 2022 (those whose role ends after it included), none left in the year, 19 agency workers.
        #expect(census.referenceDate == CalendarDate(year: 2022, month: 9, day: 30))
        #expect(census.inPostHeadcount == 11 && abs(census.inPostFTE - 5.474167) < 1e-9)
        #expect(census.leaversHeadcount == 0 && census.leaversFTE == 0)
        #expect(abs(census.workingDaysLost - 449.94) < 1e-9)
        #expect(census.cases == 250 && abs(census.caseHoldingFTE - 1.871286) < 1e-9)
        #expect(census.vacanciesFTE == 79.68 && census.agencyFTE == 59.82)
        let report = try #require(loaded.reports.first)
        #expect(report.counts["workers"] == 30)
        // Eleven roles end after the reference date: each reported by line, worker and field.
        #expect(report.faults.count == 11)
        #expect(report.faults.allSatisfy { $0.rule == "future-date" && $0.field == "RoleEndDate" && $0.recordKind == "worker" })
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
        #expect(c.workingDaysLost == 20 && c.cases == 15 && c.caseHoldingFTE == 1.0)
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
}
