import CaseRecords
import TestSupport
import Domain
import Foundation
import Testing

/// The CIN census files in the shared sample data (kept beside these tests), read with their faults reported.
@Suite("CIN census import")
struct CINImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cin")

    func read(_ name: String) throws -> CINCensusImporter.FileResult {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        return try CINCensusImporter().read(bytes: bytes, file: name)
    }

    @Test func fakeCINDataImportsWithItsFutureDatesReported() throws {
        let result = try read("fake_CIN_data.xml")
        #expect(result.tables.childCount == 332)
        #expect(result.tables.episodeCount == 402)
        #expect(result.tables.assessmentCount == 0)
        // Its reference date, 21 July 2022, lies in the 2022-23 collection year (its <Year> says 2022).
        #expect(result.report.collectionYear == 2023)
        #expect(result.report.laCode == "975")
        #expect(result.report.errors.isEmpty)
        #expect(result.report.faults.count == 23)
        #expect(result.report.faults.allSatisfy { $0.rule == "future-date" })
        let first = try #require(result.report.faults.first)
        #expect(first.line == 1962)
        #expect(first.childID == "RND000319972816")
        #expect(first.field == "CINclosureDate")
        #expect(first.message == "2024-11-12 is after the census reference date 2022-07-21")
    }

    @Test func everyElementFileWithDeliberateFaults() throws {
        let result = try read("CIN_Census_2024.xml")
        let t = result.tables
        #expect(t.childCount == 2)
        #expect(t.episodeCount == 2)
        #expect(t.assessmentCount == 2)
        #expect(t.cinPlanCount == 1)
        #expect(t.s47Count == 1)
        #expect(t.planCount == 1)
        #expect(t.reviewCount == 1)
        #expect(t.planPreviousCPP == [10])
        #expect(t.referralNFA == [0, 0])  // "0" and "false"
        let faults = result.report.faults.map { "\($0.line) \($0.rule) \($0.field)" }
        // The file is the 2023-24 census by its reference date (31 March 2024), though its <Year> says 2023. Its
        // children's sex is in <Sex>, an element of 2024-25 on: read, and reported once for the file.
        #expect(faults == [
            "23 stray-text ChildIdentifiers",
            "42 future-date AssessmentActualStartDate",
            "43 end-before-start AssessmentAuthorisationDate",
            "87 future-date CINreferralDate",
            "90 future-date CINclosureDate",
            "25 later-element Sex",
        ])
        #expect(result.report.faults.last?.message == "<Sex> belongs to the census from 2024-25 on, but this file is the 2023-24 census; read anyway (2 occurrences)")
        #expect(result.report.collectionYear == 2024)
        #expect(result.report.readAs == "the 2023-24 census (by its reference date)")
        #expect(t.gender == ["M", "M"])
    }

    @Test func oneChildWithEveryElement() throws {
        let result = try read("cin-2022.xml")
        let t = result.tables
        #expect(t.childID == ["DfEX0000001"])
        #expect(t.disabilities == ["HAND,HEAR"])
        #expect(t.assessmentFactors == ["2A,2B"])
        #expect(CalendarDate(column: t.s47ICPCDate[0])?.iso == "1970-06-17")
        #expect(CalendarDate(column: t.assessmentInternalReview[0])?.iso == "1970-06-22")
        #expect(result.report.faults.isEmpty)
    }

    @Test func aFileThatIsNotWellFormedIsRejectedWhole() {
        let broken = Array("<Message><Header><CollectionDetails><Collection>CIN</Collection></CollectionDetails></Header><Children><Child><ChildIdentifiers><LAchildID>A</LAchildID></Child></Children></Message>".utf8)
        #expect(throws: ImportRejection.self) { try CINCensusImporter().read(bytes: broken, file: "broken.xml") }
        do {
            _ = try CINCensusImporter().read(bytes: broken, file: "broken.xml")
        } catch {
            #expect(error.description.contains("broken.xml:1: not well-formed XML"))
            #expect(error.description.contains("nothing from this file was loaded"))
        }
        let notCIN = Array("<Message><Header><CollectionDetails><Collection>SSDA903</Collection></CollectionDetails></Header></Message>".utf8)
        #expect(throws: ImportRejection.self) { try CINCensusImporter().read(bytes: notCIN, file: "x.xml") }
        let truncated = Array("<Message><Children><Child>".utf8)
        #expect(throws: ImportRejection.self) { try CINCensusImporter().read(bytes: truncated, file: "x.xml") }
    }

    @Test func blocksOfLaterCensusesAreNamedAsSuch() throws {
        let block = "<Child><ChildIdentifiers><LAchildID>A</LAchildID><Sex>F</Sex></ChildIdentifiers>"
            + "<CINdetails><CINreferralDate>2025-06-01</CINreferralDate><ReferralNFA>false</ReferralNFA><PreProceedingsandFGDM><PPStartDate>2025-07-01</PPStartDate></PreProceedingsandFGDM></CINdetails></Child>"
        // A 2025-26 file with the 2026-27 block: read, and named once as a later year's element.
        let recent = try CINCensusImporter().read(bytes: Array(CINXML.file(reference: "2026-03-31", children: [block]).utf8), file: "2026.xml")
        #expect(recent.report.faults.map(\.rule) == ["later-element"])
        #expect(recent.report.faults.first?.message == "<PreProceedingsandFGDM> belongs to the census from 2026-27 on, but this file is the 2025-26 census; read anyway (1 occurrence)")
        #expect(recent.tables.preProceedingsCount == 1)
        // An element no census has is skipped and named.
        let odd = block.replacingOccurrences(of: "<ReferralNFA>", with: "<TeamName>Duty</TeamName><ReferralNFA>")
        let early = try CINCensusImporter().read(bytes: Array(CINXML.file(reference: "2027-03-31", children: [odd]).utf8), file: "2027.xml")
        #expect(early.report.faults.map(\.rule) == ["unknown-element"])
        #expect(early.report.faults.first?.message == "<TeamName> is not an element of the 2026-27 CIN census; 1 occurrence skipped")
    }

    @Test func recordsThatCannotBeUsedAreLeftOutAndReported() throws {
        let xml = CINXML.file(reference: "2024-03-31", children: [
            CINXML.child("A", episodes: [
                CINXML.episode(referral: "2023-13-01"),
                CINXML.episode(referral: "2023-05-01", assessments: [("", "2023-05-10")]),
                CINXML.episode(referral: "2023-05-01"),
            ]),
            "<Child><ChildIdentifiers><GenderCurrent>1</GenderCurrent></ChildIdentifiers></Child>",
        ])
        let result = try CINCensusImporter().read(bytes: Array(xml.utf8), file: "t.xml")
        // The two referrals of 1 May 2023 are two episodes; the assessment without a start date is left out.
        #expect(result.tables.episodeCount == 2)
        #expect(result.tables.assessmentCount == 0)
        #expect(result.report.counts["records_left_out"] == 3)
        #expect(Set(result.report.errors.map(\.rule)) == ["bad-date", "missing-field"])
        #expect(result.report.errors.contains { $0.field == "LAchildID" })
    }

    @Test func yearlyFilesMergeWithTheLaterVersionWinning() throws {
        let first = CINXML.file(reference: "2023-03-31", children: [
            CINXML.child("A", episodes: [CINXML.episode(referral: "2022-11-01", closure: "2023-01-15"), CINXML.episode(referral: "2022-12-01")]),
        ])
        // The later census closes the open referral (an update) and gives the closed one another closure date (a
        // contradiction a person should see).
        let second = CINXML.file(reference: "2024-03-31", children: [
            CINXML.child("A", episodes: [CINXML.episode(referral: "2022-11-01", closure: "2023-01-20"),
                                         CINXML.episode(referral: "2022-12-01", closure: "2023-06-30"), CINXML.episode(referral: "2023-09-01")]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2023-10-01")]),
        ])
        let importer = CINCensusImporter()
        // Given in the wrong order: the reference dates decide which is later.
        let merged = CINMerge.merge([try importer.read(bytes: Array(second.utf8), file: "2024.xml"),
                                     try importer.read(bytes: Array(first.utf8), file: "2023.xml")])
        let t = merged.tables
        #expect(t.childID == ["A", "B"])
        #expect(t.referralDate.map { CalendarDate(column: $0)!.iso } == ["2022-11-01", "2022-12-01", "2023-09-01", "2023-10-01"])
        #expect(t.closureDate.map { CalendarDate(column: $0)?.iso } == ["2023-01-20", "2023-06-30", nil, nil])
        #expect(merged.faults.count == 1)
        #expect(merged.faults[0].file == "2024.xml")
        #expect(merged.faults[0].rule == "merge-conflict")
        #expect(merged.faults[0].message.hasPrefix("the referral of 2022-11-01 differs from 2023.xml"))
    }
}

