import CaseRecords
import Demo
import Domain
import Testing
import TestSupport

/// The collection year chooses the layout (FORMATS.md §6): read from the reference date, both codings of a child's
/// sex, the 2026-27 pre-proceedings block and DfE's rules 9000–9015 in our words.
@Suite("CIN census years 2017-18 to 2026-27")
struct CINYearLayoutTests {
    func read(_ xml: String) throws -> CINCensusImporter.FileResult {
        try CINCensusImporter().read(bytes: Array(xml.utf8), file: "t.xml")
    }

    func header(year: String?, reference: String?) -> String {
        "<Message><Header><CollectionDetails><Collection>CIN</Collection>" + (year.map { "<Year>\($0)</Year>" } ?? "")
            + (reference.map { "<ReferenceDate>\($0)</ReferenceDate>" } ?? "") + "</CollectionDetails><Source><LEA>885</LEA></Source></Header><Children>"
    }

    func child(_ id: String, sex: String, details: String = "") -> String {
        "<Child><ChildIdentifiers><LAchildID>\(id)</LAchildID>\(sex)</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>"
            + "<CINdetails><CINreferralDate>2023-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>false</ReferralNFA>\(details)</CINdetails></Child>"
    }

    @Test func generatedFilesOfEveryYearReadWithoutWarnings() throws {
        let council = SyntheticCouncil(laCode: "885", from: YearMonth(year: 2017, month: 4)!, to: YearMonth(year: 2027, month: 3)!, childrenPerYear: 120, seed: 3)
        let files = council.censusFiles(plantFaults: false)
        #expect(files.map(\.year) == Array(2018...2027))
        for (year, bytes) in files {
            let result = try CINCensusImporter().read(bytes: bytes, file: "cin-\(year).xml")
            #expect(result.report.faults.map(\.description) == [], "\(year)")
            #expect(result.report.collectionYear == year)
            #expect(result.report.readAs == "the \(year - 1)-\(year % 100) census (by its reference date)")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("<Sex>") == (year >= 2025), "\(year)")
            #expect(text.contains("<GenderCurrent>") == (year < 2025), "\(year)")
            if year < 2027 { #expect(!text.contains("PreProceedingsandFGDM"), "\(year)") }
        }
        // The history has pre-proceedings, and the 2026-27 census returns them.
        let last = try CINCensusImporter().read(bytes: files.last!.bytes, file: "cin-2027.xml")
        #expect(last.tables.preProceedingsCount > 0)
    }

    @Test func theYearComesFromTheReferenceDateNotTheYearElement() throws {
        // <Year> 2024 with a reference date of 31 March 2025: the 2024-25 census, whose <Sex> is expected.
        let a = try read(header(year: "2024", reference: "2025-03-31") + child("A", sex: "<Sex>F</Sex>") + "</Children></Message>")
        #expect(a.report.collectionYear == 2025 && a.report.faults.isEmpty)
        // The same year written as its end.
        let b = try read(header(year: "2025", reference: "2025-03-31") + child("A", sex: "<Sex>F</Sex>") + "</Children></Message>")
        #expect(b.report.collectionYear == 2025 && b.report.faults.isEmpty)
        // No reference date: <Year> is taken as the year's end, and the file says so.
        let c = try read(header(year: "2025", reference: nil) + child("A", sex: "<Sex>F</Sex>") + "</Children></Message>")
        #expect(c.report.collectionYear == 2025)
        #expect(c.report.faults.map(\.rule) == ["no-reference-date"])
        #expect(c.report.readAs == "the 2024-25 census (by its <Year>, as it gives no reference date)")
    }

    @Test func bothCodingsOfSexAreReadAndAMismatchIsReportedOnce() throws {
        // 2024-25: Sex M/F/U. Two children coded the old way are read as the same sex, with one warning.
        let xml = header(year: "2025", reference: "2025-03-31") + child("A", sex: "<Sex>1</Sex>") + child("B", sex: "<Sex>2</Sex>")
            + child("C", sex: "<Sex>U</Sex>") + "</Children></Message>"
        let r = try read(xml)
        #expect(r.tables.gender == ["M", "F", "U"])
        #expect(r.report.faults.map(\.rule) == ["sex-coding"])
        #expect(r.report.faults[0].message == "2 children's sex is coded 1, 2, 0 or 9 (the coding before 2024-25) in the 2024-25 census; read as the same sex")
        // 2023-24: GenderCurrent 1/2/0/9, read into the same coding. 9 (not specified) and 0 (not known) are U.
        let old = try read(header(year: "2024", reference: "2024-03-31") + child("A", sex: "<GenderCurrent>2</GenderCurrent>")
            + child("B", sex: "<GenderCurrent>9</GenderCurrent>") + "</Children></Message>")
        #expect(old.tables.gender == ["F", "U"] && old.report.faults.isEmpty)
        // GenderCurrent in a 2025-26 file: a dropped element, named once.
        let late = try read(header(year: "2026", reference: "2026-03-31") + child("A", sex: "<GenderCurrent>1</GenderCurrent>")
            + child("B", sex: "<GenderCurrent>2</GenderCurrent>") + "</Children></Message>")
        #expect(late.tables.gender == ["M", "F"])
        #expect(late.report.faults.map(\.rule) == ["earlier-element"])
        #expect(late.report.faults[0].message == "<GenderCurrent> was dropped from the census in 2024-25, and this file is the 2025-26 census; read anyway (2 occurrences)")
    }

    @Test func laterYearsCheckTheChildIdAndQueriedFactors() throws {
        let assessment = "<Assessments><AssessmentActualStartDate>2023-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2023-06-01</AssessmentAuthorisationDate>"
            + "<FactorsIdentifiedAtAssessment><AssessmentFactors>18A</AssessmentFactors><AssessmentFactors>19C</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
        let xml = header(year: "2027", reference: "2027-03-31") + child("ID-WITH-DASHES", sex: "<Sex>M</Sex>", details: assessment) + "</Children></Message>"
        let r = try read(xml)
        #expect(r.report.faults.map { "\($0.rule) \($0.field) \($0.childID ?? "")" } == [
            "child-id-form LAchildID ID-WITH-DASHES", "queried-factor AssessmentFactors ID-WITH-DASHES",
        ])
        #expect(r.report.faults[1].message == "DfE queries 18A from the 2024-25 census: record 18B (by another child) or 18C (by an adult)")
    }

    func block(_ fields: String) -> String { "<PreProceedingsandFGDM>\(fields)</PreProceedingsandFGDM>" }

    @Test func preProceedingsAreReadAndCheckedAsRules9000To9015Ask() throws {
        let complete = block("<PPStartDate>2026-06-01</PPStartDate><LBPSentDate>2026-06-01</LBPSentDate><FGDMMeetingOffer>1</FGDMMeetingOffer>"
            + "<FGDMMeetingFac>1</FGDMMeetingFac><InitialPPMeetingDate>2026-06-15</InitialPPMeetingDate><ReviewMeetingsCount>2</ReviewMeetingsCount>"
            + "<StepDecisionDate>2026-09-30</StepDecisionDate><PPOutcome>B</PPOutcome><CourtAppDate>2026-10-05</CourtAppDate>")
        let outOfOrder = block("<PPStartDate>2026-07-01</PPStartDate><LBPSentDate>2026-06-20</LBPSentDate><FGDMMeetingFac>1</FGDMMeetingFac>"
            + "<FGDMMeetingOffer>0</FGDMMeetingOffer><PPOutcome>D</PPOutcome><ReviewMeetingsCount>two</ReviewMeetingsCount>")
        let noOffer = block("<PPStartDate>2026-08-01</PPStartDate><LBPSentDate>2026-08-03</LBPSentDate><CourtAppDate>2027-04-02</CourtAppDate>")
        let noStart = block("<LBPSentDate>2026-08-03</LBPSentDate>")
        let finishedLastYear = block("<PPStartDate>2025-11-03</PPStartDate><StepDecisionDate>2026-02-02</StepDecisionDate><PPOutcome>A</PPOutcome>")
        let xml = header(year: "2027", reference: "2027-03-31")
            + child("A", sex: "<Sex>F</Sex>", details: complete) + child("B", sex: "<Sex>M</Sex>", details: outOfOrder)
            + child("C", sex: "<Sex>M</Sex>", details: noOffer + noStart) + child("D", sex: "<Sex>F</Sex>", details: finishedLastYear)
            + "</Children></Message>"
        let r = try read(xml)
        let t = r.tables
        // Four blocks kept; the one without a start is left out.
        #expect(t.preProceedingsCount == 4)
        #expect(r.report.counts["records_left_out"] == 1)
        #expect(t.ppFGDMOffered == [1, 0, -1, -1] && t.ppFGDMFacilitated == [1, 1, -1, -1])
        #expect(t.ppOutcome == ["B", "D", "", "A"] && t.ppReviewMeetings == [2, -1, -1, -1])
        #expect(CalendarDate(column: t.ppCourtApplication[0])?.iso == "2026-10-05")
        #expect(r.report.faults.map { "\($0.rule) \($0.field) \($0.childID ?? "")" } == [
            // B: the letter before the start; facilitated but not offered; an outcome the census does not have; a count that is no number.
            "pp-order LBPSentDate B", "pp-fgdm-not-offered FGDMMeetingFac B", "bad-number ReviewMeetingsCount B", "unknown-code PPOutcome B",
            // C: a court application after the year (also after the reference date); no offer recorded with the letter; a block with no start.
            "future-date CourtAppDate C", "pp-outside-year CourtAppDate C", "pp-fgdm-offer-missing FGDMMeetingOffer C", "pp-missing-start PPStartDate C",
            // D: decided before the year began.
            "pp-outside-year PreProceedingsandFGDM D",
        ])
        #expect(r.report.errors.map(\.rule) == ["pp-missing-start"])
    }
}
