import Foundation
import Testing

/// `improve generate`, `check`, `indicators` and `tables`, run as a user runs them.
@Suite("improve with case records")
struct CaseRecordCommandsTests {
    let runner = NoticeParseCommandTests()
    static let cin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CaseRecordsTests/Fixtures/cin")

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("improve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func generateThenCheckThenIndicators() throws {
        let a = try folder(), b = try folder()
        for dir in [a, b] {
            let result = try runner.run(["generate", "--council", "891", "--from", "2021-04", "--to", "2023-03", "--children", "300", "--seed", "5", "--out", dir.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for name in ["cin-891-2022.xml", "cin-891-2023.xml", "ssda903-episodes.csv", "ssda903-reviews.csv", "health_assessments.csv", "csww-2022.xml"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "same seed, same bytes")
        }
        let check = try runner.run(["check", "--input", a.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("warning unknown-code: 1"))
        #expect(check.stdout.contains("warning end-before-start: 1"))
        #expect(check.stdout.contains("warning unknown-element: 1"))
        // Each census says which year's layout it was read as, told by its reference date.
        #expect(check.stdout.contains("cin-891-2022.xml: read, read as the 2021-22 census (by its reference date), LA 891"))
        #expect(!check.stdout.contains("error "))

        let csv = try runner.run(["indicators", "--input", a.path, "--from", "2022-04", "--to", "2022-06"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "indicator,basis,period_start,period_end,numerator,denominator,value")
        // Every month in the range has a row for every indicator and basis, sorted.
        #expect(lines.contains { $0.hasPrefix("single_assessment_timeliness,in_month,2022-05-01,2022-05-31,") })
        #expect(lines.contains { $0.hasPrefix("single_assessment_timeliness,cumulative_ytd,2022-04-01,2022-06-30,") })
        #expect(lines.contains { $0.hasPrefix("cp_reviews_on_time,snapshot,2022-06-30,2022-06-30,") })
        #expect(Array(lines.dropFirst()) == lines.dropFirst().sorted())
        // Three months of: eleven census indicators on three bases and three census snapshots; eight bundle indicators on
        // three bases; six workforce rates on one basis each; visits, unallocated and qualified-worker snapshots, and visits in
        // the month; from
        // the 903 tables, LAC reviews and initial health assessments on three bases and three snapshots (placement
        // stability twice, health assessments up to date). This small council has no care leavers yet, so
        // care_leavers_pathway_plan is not reported. From the Annex A workbook, icpc_within_15wd on three bases.
        // The §8 additions: conferences per 100 enquiries and seven assessment factors per 10,000 on three bases; the
        // three rates per 10,000 (the shipped ONS estimates, for the census's LEA 891) and children with three or
        // more social workers and under a Deprivation of Liberty order as snapshots; changes of social worker on three
        // bases. No pre-proceedings (a census before 2026-27) and no OC3 rows (no care leavers yet).
        #expect(lines.count == 1 + 3 * (11 * 3 + 3 + 8 * 3 + 6 + 3 + 1 + 2 * 3 + 3 + 3 + (1 + 7) * 3 + 3 + 2 + 3))
        #expect(lines.contains { $0.hasPrefix("cla_rate_per_10k,snapshot,2022-06-30,2022-06-30,") })
        #expect(lines.contains { $0.hasPrefix("icpc_within_15wd,in_month,2022-05-01,2022-05-31,") })
        #expect(lines.contains { $0.hasPrefix("lac_reviews_on_time,in_month,2022-05-01,2022-05-31,") })
        #expect(lines.contains { $0.hasPrefix("placement_stability_short_term,snapshot,2022-06-30,2022-06-30,") })
        #expect(!lines.contains { $0.hasPrefix("care_leavers_pathway_plan,") })

        let json = try runner.run(["indicators", "--input", a.path, "--from", "2022-05", "--to", "2022-05", "--basis", "in_month", "--format", "json", "--records"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["indicator"] as? String == "single_assessment_timeliness" })
        let records = try #require(row["records"] as? [String: [String]])
        #expect(records["denominator"]?.count == row["denominator"] as? Int)
        #expect(records["numerator"]?.count == row["numerator"] as? Int)
        #expect(records["denominator"]?.allSatisfy { $0.hasPrefix("891C") } == true)
    }

    @Test func tablesWritesTheValidatorsElevenFiles() throws {
        let out = try folder()
        let result = try runner.run(["tables", "--input", Self.cin.appendingPathComponent("cin-2022.xml").path, "--out", out.path])
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["AssessmentFactorsList.csv", "Assessments.csv", "CINdetails.csv", "CINplanDates.csv", "ChildCharacteristics.csv",
                          "ChildIdentifiers.csv", "ChildProtectionPlans.csv", "Disabilities.csv", "Header.csv", "Reviews.csv", "Section47.csv"])
        let details = try String(contentsOf: out.appendingPathComponent("CINdetails.csv"), encoding: .utf8)
        #expect(details == "LAchildID,CINdetailsID,CINreferralDate,ReferralSource,PrimaryNeedCode,CINclosureDate,ReasonForClosure,DateOfInitialCPC,ReferralNFA\nDfEX0000001,1,1970-10-06,1A,N4,1971-02-27,RC1,1970-12-06,false\n")
    }

    @Test func badInputsNameTheFile() throws {
        let dir = try folder()
        let junk = dir.appendingPathComponent("junk.xml")
        try Data("<Message><Header><CollectionDetails><Collection>CIN</Collection>".utf8).write(to: junk)
        let check = try runner.run(["check", "--input", junk.path])
        #expect(check.status != 0)
        #expect(check.stdout.contains("NOT READ") || check.stderr.contains("junk.xml"))
        // A folder with one good census and one broken file: no figures at all, and the broken file named.
        let mixed = try folder()
        try FileManager.default.copyItem(at: Self.cin.appendingPathComponent("cin-2022.xml"), to: mixed.appendingPathComponent("good.xml"))
        try FileManager.default.copyItem(at: junk, to: mixed.appendingPathComponent("junk.xml"))
        let partial = try runner.run(["indicators", "--input", mixed.path])
        #expect(partial.status != 0)
        #expect(partial.stdout.isEmpty)
        #expect(partial.stderr.contains("junk.xml") && partial.stderr.contains("nothing from this file was loaded"))
        #expect(partial.stderr.split(separator: "\n").count == 1)
        let missing = try runner.run(["indicators", "--input", "/no/such/folder"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/no/such/folder"))
        let badMonth = try runner.run(["indicators", "--input", Self.cin.path, "--from", "2022-13"])
        #expect(badMonth.status != 0)
        #expect(badMonth.stderr.contains("--from '2022-13' is not a YYYY-MM month"))
    }
}
