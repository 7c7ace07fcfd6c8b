import CaseRecords
import Domain
import Indicators
import Monitoring
import NoticeReader
import Testing

/// A notice's target on a §8 measure is read, computed from the returns and judged exactly as every other target is.
@Suite("Targets on the National Framework's measures")
struct NationalFrameworkTargetTests {
    static let text = """
    Improvement Notice

    The Council must:
    - increase the percentage of care leavers aged 19 to 21 in suitable accommodation from 60% to 75% by March 2027;
    - reduce the number of children looked after per 10,000 children from 98 to 90 by March 2027.
    """

    func lac(_ files: String...) throws -> SSDA903Tables {
        var t = SSDA903Tables()
        let importer = SSDA903Importer(today: CalendarDate(year: 2027, month: 6, day: 1)!)
        for (n, csv) in files.enumerated() { t.append(try importer.read(bytes: Array(csv.utf8), file: "t\(n).csv").tables) }
        return t
    }

    @Test func aTargetOnCareLeaversAndOneOnARatePerTenThousandAreTrackedLikeTheRest() throws {
        let notice = try NoticeReader.read(text: Self.text).notice
        #expect(notice.targets.map(\.indicatorID) == [.careLeavers1921SuitableAccommodation, .claRatePer10k])
        #expect(notice.targets.map(\.unit) == [.percent, .perTenThousand])
        // Three care leavers with a 19th to 21st birthday in 2026-27, two in suitable accommodation (B1, T1) and one
        // not (S2); three children looked after at 31 March 2027 in a council of 300 children: 100 per 10,000.
        let t = try lac("""
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A,01/01/2026,S,C2,N1,U1,PR1,,,,,,
        B,01/02/2026,S,C2,N1,U1,PR1,,,,,,
        C,15/03/2027,S,C2,N1,K2,PR1,,,,,,
        """, """
        CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
        L1,10/05/2006,YES,F1,B1
        L2,11/06/2007,YES,G5,T1
        L3,12/07/2005,YES,P3,S2
        """)
        let data = CaseData(lac: t, population: ChildPopulation(laCode: "885", byYear: [2026: 300]))
        let months = (4...12).map { YearMonth(year: 2026, month: $0)! } + (1...3).map { YearMonth(year: 2027, month: $0)! }
        let results = IndicatorEngine().evaluate(data, .init(months: months))
        let library = SeriesLibrary(results: results, manual: [])
        let statuses = TargetMonitor(notice: notice, noticeDate: CalendarDate(year: 2026, month: 4, day: 1), asOf: CalendarDate(year: 2027, month: 4, day: 20)!,
                                     library: library).statuses()
        // 2 of 3 (66.7%) against 75%: missed. 100 per 10,000 against at most 90: missed too.
        #expect(statuses.map { $0.milestones.map(\.state) } == [[.missed], [.missed]])
        #expect(statuses[0].milestones[0].figure.map { ($0 * 10).rounded() / 10 } == 66.7)
        #expect(statuses[1].milestones[0].figure == 100)
        #expect(statuses.map(\.rag) == [.red, .red])
    }
}
