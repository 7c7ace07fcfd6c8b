import CaseRecords
import Demo
import Domain
import Foundation
import Testing

/// The synthetic council: same seed, same bytes; its files read back with only the faults planted on purpose.
@Suite("Generated council")
struct GeneratedCouncilTests {
    let council = SyntheticCouncil(laCode: "891", from: YearMonth(year: 2020, month: 4)!, to: YearMonth(year: 2022, month: 3)!,
                                   childrenPerYear: 400, seed: 7)

    @Test func sameSeedSameBytes() {
        let a = council.censusFiles(plantFaults: true)
        let b = council.censusFiles(plantFaults: true)
        #expect(a.map(\.year) == [2021, 2022])
        #expect(a.map(\.bytes) == b.map(\.bytes))
        var other = council
        other.seed = 8
        #expect(other.censusFiles(plantFaults: true).map(\.bytes) != a.map(\.bytes))
    }

    @Test func filesReadBackWithOnlyThePlantedFaults() throws {
        for (year, bytes) in council.censusFiles(plantFaults: true) {
            let result = try CINCensusImporter().read(bytes: bytes, file: "cin-891-\(year).xml")
            #expect(result.report.errors.isEmpty)
            #expect(result.report.faults.map(\.rule).sorted() == ["end-before-start", "unknown-code", "unknown-element"])
            #expect(result.report.faults.allSatisfy { $0.childID == "891PLANTED" || $0.rule == "unknown-element" })
            #expect(result.tables.assessmentCount > 300)
        }
        let clean = council.censusFiles(plantFaults: false)
        for (year, bytes) in clean {
            #expect(try CINCensusImporter().read(bytes: bytes, file: "\(year)").report.faults.isEmpty)
        }
    }

    @Test func theHistoryHasTheEdgeCasesThatDecideFigures() throws {
        let t = council.history()
        let calendar = WorkingDayCalendar.englandAndWales
        let referralDays = t.referralDate.map { CalendarDate(column: $0)! }
        #expect(referralDays.contains { $0.isoWeekday >= 6 })             // weekend referrals
        #expect(referralDays.contains { calendar.isHoliday($0) })         // bank-holiday referrals
        #expect(Set(t.episodeChild).count < t.episodeCount)               // re-referrals
        #expect(t.planPreviousCPP.contains { $0 > 0 })                    // repeat plans
        #expect(t.assessmentAuthorised.contains(noDate))                  // assessments still open
        // Same-day re-referrals: a contact closed with no further action and a referral of the same child that day,
        // the second with its assessment; the census files keep both, and reading them back keeps both.
        var pairs = 0
        for e in 1..<t.episodeCount where t.episodeChild[e] == t.episodeChild[e - 1] && t.referralDate[e] == t.referralDate[e - 1] {
            #expect(t.referralNFA[e - 1] == 1 && t.closureDate[e - 1] == t.referralDate[e - 1])
            #expect(t.assessmentEpisode.contains(Int32(e)) || t.referralNFA[e] == 1)
            pairs += 1
        }
        #expect(pairs >= 5)
        let read = try CINMerge.merge(council.censusFiles(plantFaults: false).map { try CINCensusImporter().read(bytes: $0.bytes, file: "\($0.year)") }).tables
        func sameDay(_ x: CINTables) -> [String: Int] {
            var count: [String: Int] = [:]
            for e in 0..<x.episodeCount { count[x.childID[x.childOfEpisode(e)] + "|\(x.referralDate[e])", default: 0] += 1 }
            return count.filter { $0.value > 1 }
        }
        #expect(sameDay(t).count == pairs)
        #expect(sameDay(read) == sameDay(t))
        // Reviews held late: some gap from one review (or the start) to the next exceeds the statutory interval.
        var late = false
        for r in 0..<t.reviewCount {
            let plan = Int(t.reviewPlan[r])
            if t.reviewDate[r] > CalendarDate(column: t.planStart[plan])!.adding(months: 3).column,
               !(0..<r).contains(where: { t.reviewPlan[$0] == t.reviewPlan[r] }) { late = true }
        }
        #expect(late)
    }

    @Test func theAnnexAWorkbookReadsBackAsWritten() throws {
        let t = council.history()
        let workbook = try council.annexAWorkbook()
        let read = try AnnexAImporter().read(data: workbook, file: "annex-a.xlsx")
        #expect(read.report.faults.allSatisfy { $0.rule == "missing-list" })
        #expect(read.report.counts["records_left_out"] == 0)
        // List 5 holds every section 47 enquiry begun in the last twelve months, in order, with its child and
        // conference date as the census has them, and a strategy discussion on or up to three working days before.
        let first = YearMonth(year: 2021, month: 4)!.firstDay.column, last = YearMonth(year: 2022, month: 3)!.lastDay.column
        let enquiries = (0..<t.s47Count).filter { t.s47Start[$0] >= first && t.s47Start[$0] <= last }
        let a = read.tables
        #expect(!enquiries.isEmpty)
        #expect(a.s47Child == enquiries.map { t.childID[t.childOfS47($0)] })
        #expect(a.s47ICPCDate == enquiries.map { t.s47ICPCDate[$0] })
        #expect(a.s47ICPCNotRequired == enquiries.map { t.s47ICPCNotRequired[$0] == 1 })
        for (n, s) in enquiries.enumerated() {
            let start = t.s47Start[s], strategy = a.s47StrategyDate[n]
            #expect(strategy <= start && start - strategy <= 7)
        }
        #expect(read.report.counts["referrals"] == (0..<t.episodeCount).filter { t.referralDate[$0] >= first && t.referralDate[$0] <= last }.count)
    }

    /// DfE's schema for the workforce census, checked by libxml2's `xmllint` (Debian's libxml2-utils, which
    /// `.ci/run` installs): generated censuses must be files a council could submit.
    @Test func generatedWorkforceCensusesAreValidAgainstDfEsSchema() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/schemas/social_work_workforce_2022.xsd").path
        let xmllint = try #require(["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "xmllint is needed (Debian's libxml2-utils; scripts/test-services.sh installs it)")
        let censuses = council.lookedAfterFiles().filter { $0.name.hasPrefix("csww-") }
        #expect(censuses.count == 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csww-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for census in censuses {
            let path = folder.appendingPathComponent(census.name).path
            try Data(census.bytes).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--schema", schema, path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(census.name): \(message)")
            // The council-level agency FTE it writes is the agency workers' own, so the figures do not move.
            let read = try CSWWImporter().read(bytes: census.bytes, file: census.name)
            #expect(read.report.faults.isEmpty, "\(read.report.faults)")
        }
    }
}
