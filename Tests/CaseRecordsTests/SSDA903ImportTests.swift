import CaseRecords
import Domain
import Foundation
import Testing

/// The SSDA903 tables published as fake data by the community validator (copied from ../shared/data/ssda903).
@Suite("SSDA903 import")
struct SSDA903ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ssda903")
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test func everySampleTableImportsWithItsFaultsReported() throws {
        let loaded = try ReturnLoader(today: Self.today).load([Self.fixtures.path])
        #expect(loaded.rejections.isEmpty)
        let reports = Dictionary(uniqueKeysWithValues: loaded.reports.map { (($0.file as NSString).lastPathComponent, $0) })
        #expect(reports.count == 11)
        #expect(reports["header.csv"]?.counts["header"] == 2675)
        #expect(reports["episodes.csv"]?.counts["episodes"] == 5050)
        // 68 reviews are dated after the day of reading: each is reported by line, child and field, and left out.
        let reviews = try #require(reports["reviews.csv"])
        #expect(reviews.counts["reviews"] == 12514)
        #expect(reviews.counts["records_left_out"] == 68)
        #expect(reviews.faults.count == 68)
        let first = try #require(reviews.faults.first)
        #expect(first.line == 118 && first.childID == "800139" && first.field == "REVIEW" && first.rule == "future-date")
        let lac = try #require(loaded.lac)
        #expect(lac.childID.count == 2675 && lac.episodeCount == 5050 && lac.reviewDate.count == 12514)
        #expect(reports["sw_episodes.csv"]?.counts["sw_episodes"] == 1)
    }

    @Test func badValuesAreReportedByLineChildAndFieldAndTheRowLeftOut() throws {
        let csv = """
        CHILD,DECOM,RNE,LS,PLACE,DEC,COLOUR
        A1,01/04/2011,S,C2,U1,,red
        A2,31/02/2011,S,C2,U1,,blue
        A3,01/04/2011,Q,C2,U1,01/03/2011,
        A4,01/04/2011,P,ZZ,U1,,
        """
        let result = try SSDA903Importer(today: Self.today).read(bytes: Array(csv.utf8), file: "episodes.csv")
        #expect(result.table == .episodes)
        #expect(result.tables.episodeChild == ["A1", "A4"])
        let faults = result.report.faults.map { "\($0.line) \($0.childID ?? "-") \($0.field) \($0.rule) \($0.severity.rawValue)" }
        #expect(faults == [
            "1 - COLOUR unknown-column warning",
            "3 A2 DECOM bad-date error",
            "4 A3 RNE unknown-code warning",
            // A closed episode needs its reason for ceasing.
            "4 A3 REC missing-value warning",
            "4 A3 DEC dates-out-of-order error",
            "5 A4 LS unknown-code warning",
        ])
    }

    @Test func aFileThatIsNoTableIsRejectedWhole() {
        #expect(throws: ImportRejection.self) {
            try SSDA903Importer(today: Self.today).read(bytes: Array("CHILD,FAVOURITE_FOOD\nA,chips\n".utf8), file: "x.csv")
        }
        #expect(throws: ImportRejection.self) {
            try SSDA903Importer(today: Self.today).read(bytes: Array("CHILD,REVIEW,REVIEW_CODE\nA,\"01/01/2017,PN1\n".utf8), file: "r.csv")
        }
    }

    @Test func theXMLFormReadsAsTheTablesDo() throws {
        let file = Self.fixtures.deletingLastPathComponent().appendingPathComponent("ssda903-xml/fake_903.xml").path
        let loaded = try ReturnLoader(today: Self.today).load([file])
        #expect(loaded.rejections.isEmpty)
        let report = try #require(loaded.reports.first)
        #expect(report.counts["header"] == 253 && report.counts["episodes"] == 459 && report.counts["reviews"] == 1199)
        #expect(report.counts["records_left_out"] == 7)
        #expect(report.faults.allSatisfy { $0.childID != nil })
        #expect(report.faults.filter { $0.field == "REVIEW" && $0.rule == "future-date" }.count == 7)
        // Seven episodes end after the child's next one starts: reported, and read as ending when it starts.
        #expect(report.faults.filter { $0.field == "DEC" && $0.rule == "overlapping-episodes" }.count == 7)
        #expect(report.faults.count == 14)
        let lac = try #require(loaded.lac)
        // Reviews nested in HEADER keep their child; PL is read as PLACE.
        let first = try #require(lac.childID.first)
        #expect(lac.reviewChild.contains(first))
        #expect(lac.episodePlacement.allSatisfy { !$0.isEmpty })
        #expect(Set(lac.episodeChild).isSubset(of: Set(lac.childID)))
        // The XML form keeps a care leaver's OC3 fields in HEADER: six young people's.
        #expect(report.counts["oc3"] == 6 && lac.leaverChild.count == 6)
    }

    func read(_ files: String...) throws -> (SSDA903Tables, [ImportFault]) {
        var t = SSDA903Tables()
        var faults: [ImportFault] = []
        let importer = SSDA903Importer(today: CalendarDate(year: 2027, month: 6, day: 1)!)
        for (n, csv) in files.enumerated() {
            let r = try importer.read(bytes: Array(csv.utf8), file: "t\(n).csv")
            t.append(r.tables)
            faults += r.report.faults
        }
        return (t, faults)
    }

    @Test func theTablesOf2023To27AreReadAndCheckedAcrossTheReturn() throws {
        let (t, faults) = try read("""
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        A,M,01/01/2012,WBRI,,,
        B,2,01/01/2013,WBRI,,,
        C,X,01/01/2014,WBRI,,,
        """, """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A,01/05/2026,S,C2,N1,K2,PR1,,,,,,
        B,01/05/2026,S,C2,N1,Z14,PR1,,,,,,
        C,01/05/2026,S,C2,N1,K1,PR1,,,,,,
        """, """
        CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
        A,01/01/2012,SW1,01/05/2026,01/09/2026,LEFTRL
        A,01/01/2012,SW2,01/09/2026,,
        B,01/01/2013,SW3,01/05/2026,01/08/2026,
        C,01/01/2014,SW4,01/05/2026,01/04/2026,ORGRST
        """, """
        CHILD,DOB,DOLO_START,DOLO_END
        A,01/01/2012,01/06/2026,
        C,01/01/2014,01/06/2026,31/03/2027
        """)
        // SEX in either coding; X is no code. An ended worker with no reason; a worker whose end is before the start
        // (left out). The 2025-26 placement code Z14 is kept as it is.
        #expect(faults.map { "\($0.rule) \($0.field) \($0.childID ?? "")" } == [
            "unknown-code SEX C", "missing-value SW_REASON B", "dates-out-of-order SW_DEC C",
        ])
        #expect(t.swWorker == ["SW1", "SW2", "SW3"] && t.swReason == ["LEFTRL", "", ""])
        #expect(t.dolChild == ["A", "C"] && t.episodePlacement == ["K2", "Z14", "K1"])
        // The return's year ends 31 March 2027 (its latest date). B's worker ended in August and C's row was left
        // out: neither has one open then. C is under an order in K1, a secure children's home.
        #expect(t.yearEnd == CalendarDate(year: 2027, month: 3, day: 31))
        let across = SSDA903Checks.crossTable(t)
        #expect(across.map { "\($0.rule) \($0.childID ?? "")" } == ["sw-open-at-year-end B", "dol-placement C"])
        #expect(across.first?.message == "2 children were looked after on 2027-03-31 with no social worker episode open then (this child is the first)")
        #expect(across.last?.message == "under a Deprivation of Liberty order from 2026-06-01 while placed in K1, a secure children's home, where such a child must never be placed")
    }

    @Test func brokenXMLIsRejectedWhole() {
        let xml = "<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID></CHILD></EXPSSDA903>"
        #expect(throws: ImportRejection.self) {
            try SSDA903Importer(today: Self.today).readXML(bytes: Array(xml.utf8), file: "x.xml")
        }
    }
}
