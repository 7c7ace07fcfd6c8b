import CaseRecords
import Demo
import Foundation
import Domain
import Indicators
import Testing

/// Every figure opens onto exactly the records it counts: for every indicator, basis and month of a council with
/// every kind of input, the numerator lists numerator-many records and the denominator denominator-many, and each
/// record reads as a row a team manager can act on.
@Suite("Records behind every figure")
struct RecordsBehindFiguresTests {
    @Test func everyFigureOfACouncilWithEveryKindOfInputListsItsRecords() throws {
        // Six years to March 2027, so the census of 2026-27 brings pre-proceedings and the 903 its newer tables.
        let council = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2021, month: 4)!, to: YearMonth(year: 2027, month: 3)!,
                                       childrenPerYear: 300, seed: 5)
        var sources = council.censusFiles(plantFaults: true).map { ReturnLoader.Source.bytes(Data($0.bytes), name: "cin-\($0.year).xml") }
        sources += (council.bundleFiles() + council.lookedAfterFiles()).map { ReturnLoader.Source.bytes(Data($0.bytes), name: $0.name) }
        sources.append(.bytes(try council.annexAWorkbook(), name: "annex-a.xlsx"))
        let loaded = try ReturnLoader(today: CalendarDate(year: 2027, month: 3, day: 31)!).load(sources: sources)
        #expect(loaded.rejections.isEmpty)
        let data = CaseData(cin: loaded.cin, bundle: loaded.bundle, lac: loaded.lac, workforceCensus: loaded.workforceCensus, annexA: loaded.annexA,
                            population: ChildPopulation(laCode: "891", byYear: [2021: 172_000, 2023: 174_500]))
        var months: [YearMonth] = []
        var m = YearMonth(year: 2021, month: 4)!
        while m <= YearMonth(year: 2027, month: 3)! { months.append(m); m = m.adding(months: 1) }
        let results = IndicatorEngine().evaluate(data, .init(months: months, keepRecords: true))
        // Every input kind is there: census, bundle, looked-after, workforce and Annex A indicators.
        let computed = Set(results.map(\.indicator))
        for id in [IndicatorID.singleAssessmentTimeliness, .initialAssessmentTimeliness, .lacReviewsOnTime, .swVacancyRate, .icpcWithin15wd,
                   .casesAllocatedToQualifiedSW, .unallocatedCases, .caseAuditAdequateOrBetter] + IndicatorID.additions {
            #expect(computed.contains(id), "\(id)")
        }
        var checked = 0, withRecords = 0
        for r in results {
            switch r.indicator.info.records {
            case .all:
                #expect(r.numeratorRecords.count == Int(r.numerator), "\(r.indicator) \(r.basis) \(r.period.end.iso) numerator")
                #expect(r.denominatorRecords.count == Int(r.denominator), "\(r.indicator) \(r.basis) \(r.period.end.iso) denominator")
                #expect(Set(r.numeratorRecords).isSubset(of: Set(r.denominatorRecords)), "\(r.indicator) \(r.period.end.iso)")
            case .counted:
                // A count lists what it counts; a rate per 10,000 the children counted (its denominator is the
                // population); an average the records averaged.
                switch r.indicator.naturalUnit {
                case .workingDays: #expect(r.numeratorRecords.count == Int(r.denominator) && r.denominatorRecords.isEmpty, "\(r.indicator)")
                case .perTenThousand: #expect(r.numeratorRecords.count == Int(r.numerator) && r.denominator > 100_000 && r.denominatorRecords.isEmpty, "\(r.indicator)")
                default: #expect(r.numeratorRecords.count == Int(r.numerator) && r.denominator == 1 && r.denominatorRecords.isEmpty, "\(r.indicator)")
                }
            case .amounts:
                #expect(r.numeratorRecords.isEmpty && r.denominatorRecords.isEmpty, "\(r.indicator)")
            }
            checked += 1
            guard !r.denominatorRecords.isEmpty || !r.numeratorRecords.isEmpty else { continue }
            withRecords += 1
            // Each record reads as a row: a child, what it is, a date; failed ones first.
            let rows = data.details(of: r)
            #expect(rows.count == max(r.denominatorRecords.count, r.numeratorRecords.count))
            #expect(rows.filter(\.inNumerator).count == r.numeratorRecords.count)
            let failedFirst = rows.drop { !$0.inNumerator }.allSatisfy { $0.inNumerator }
            #expect(failedFirst, "failed first")
            #expect(rows.allSatisfy { !$0.kind.isEmpty && !$0.dates.isEmpty }, "\(r.indicator)")
        }
        #expect(checked == results.count && withRecords > 1_000)
    }

    @Test func anAssessmentRowSaysHowLongItTookAndWhoHeldTheCase() throws {
        var bundle = try BundleImporter().read(bytes: Array("""
        child_id,worker_id,from_date,to_date,worker_qualified
        A,SW-7,2024-01-01,,yes
        """.utf8), file: "allocations.csv").tables
        bundle.append(BundleTables())
        let xml = """
        <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>
        <Source><SourceLevel>L</SourceLevel><LEA>999</LEA></Source></Header><Children>
        <Child><ChildIdentifiers><LAchildID>A</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
        <CINdetails><CINreferralDate>2024-01-05</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments><AssessmentActualStartDate>2024-01-08</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-03-15</AssessmentAuthorisationDate></Assessments>
        <ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>
        """
        let cin = try CINCensusImporter().read(bytes: Array(xml.utf8), file: "cin.xml").tables
        let data = CaseData(cin: cin, bundle: bundle)
        let r = try #require(IndicatorEngine().evaluate(data, .init(months: [YearMonth(iso: "2024-03")!], bases: [.inMonth], keepRecords: true))
            .first { $0.indicator == .singleAssessmentTimeliness })
        let row = try #require(data.details(of: r).first)
        // Friday 5 January to Friday 15 March 2024: ten weeks, 50 working days (no bank holiday between): late.
        #expect(row.child == "A" && row.kind == "Assessment" && row.elapsed == 50 && row.elapsedUnit == "working days" && !row.inNumerator)
        #expect(row.dates.map(\.label) == ["Referral", "Started", "Authorised"])
        #expect(row.worker == "SW-7")
    }
}
