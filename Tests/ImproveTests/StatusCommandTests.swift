import Foundation
import Testing

/// `improve status` on a real notice and a generated council's census files.
@Suite("improve status")
struct StatusCommandTests {
    let runner = NoticeParseCommandTests()

    func generated() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("improve-status-\(UUID().uuidString)")
        let result = try runner.run(["generate", "--council", "891", "--from", "2008-04", "--to", "2011-06", "--children", "1500", "--seed", "3",
                                     "--no-plant-faults", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        return dir
    }

    @Test func nottinghamshireReReferralsJudgedOnTheComputedFigures() throws {
        let data = try generated()
        let notice = NoticeParseCommandTests.notices.appendingPathComponent("nottinghamshire-2010.txt").path
        let status = try runner.run(["status", "--notice", notice, "--input", data.path, "--as-of", "2011-07-15", "--format", "json"])
        #expect(status.status == 0, "\(status.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        let reReferral = try #require(targets.first { $0["indicator_id"] as? String == "re_referral_12m" })
        let milestones = try #require(reReferral["milestones"] as? [[String: Any]])
        #expect(milestones.count == 3)
        // The figure judged in September 2010 is the engine's in-month figure for that month.
        let csv = try runner.run(["indicators", "--input", data.path, "--from", "2010-09", "--to", "2010-09", "--basis", "in_month"])
        let row = try #require(csv.stdout.split(separator: "\n").first { $0.hasPrefix("re_referral_12m,in_month,2010-09-01,") })
        let value = try #require(Double(row.split(separator: ",").last!))
        #expect(abs((milestones[0]["figure"] as? Double ?? -1) - value) < 0.0001)
        #expect(milestones[0]["state"] as? String == (value <= 30 ? "met" : "missed"))
        for m in milestones { #expect(["met", "missed", "no_data"].contains(m["state"] as? String ?? "")) }
        // Initial assessments come from the council's own records (the bundle `generate` writes beside the census).
        let ia = try #require(targets.first { $0["indicator_id"] as? String == "initial_assessment_timeliness" })
        let iaMilestones = try #require(ia["milestones"] as? [[String: Any]])
        #expect(iaMilestones.allSatisfy { ["met", "missed"].contains($0["state"] as? String ?? "") })
        let iaCSV = try runner.run(["indicators", "--input", data.path, "--from", "2010-09", "--to", "2010-09", "--basis", "in_month"])
        let iaRow = try #require(iaCSV.stdout.split(separator: "\n").first { $0.hasPrefix("initial_assessment_timeliness,in_month,2010-09-01,") })
        #expect(abs((iaMilestones[0]["figure"] as? Double ?? -1) - Double(iaRow.split(separator: ",").last!)!) < 0.0001)
        let calendar = try #require(json["calendar"] as? [[String: Any]])
        #expect(calendar.contains { $0["kind"] as? String == "review" && $0["date"] as? String == "2011-06-30" })
    }

    @Test(arguments: ["cumbria-2012", "gloucestershire-2011", "nottinghamshire-2010", "somerset-2013", "worcestershire-2010"])
    func everyNoticeGivesTheWholePicture(name: String) throws {
        let data = try generated()
        let notice = NoticeParseCommandTests.notices.appendingPathComponent("\(name).txt").path
        let status = try runner.run(["status", "--notice", notice, "--input", data.path, "--as-of", "2011-05-10", "--notice-date", "2010-07-01"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Targets"))
        #expect(status.stdout.contains("Calendar"))
        #expect(status.stdout.contains("Improvement Board meeting"))
        // Every milestone has a status and a rating.
        let milestoneLines = status.stdout.split(separator: "\n").filter { $0.hasPrefix("    - ") }
        #expect(milestoneLines.allSatisfy { $0.contains("[green]") || $0.contains("[amber]") || $0.contains("[red]") || $0.contains("[grey]") })
    }

    @Test func aTargetBelowItsPathIsAnExceptionWithWhatDrivesIt() throws {
        let data = try generated()
        // A notice written for the test: the generated council completes about 75-85% of assessments in time, well
        // short of a path from 90% to 99%.
        let text = """
        To: Name NOTTINGHAMSHIRE COUNTY COUNCIL
        Address County Hall, West Bridgford, Nottingham NG2 7QP

        - increase the percentage of single assessments completed within 45 working days of referral from the 2009-10 baseline of 90% to 99% by March 2012 (in-month figure).

        The Improvement Board will meet every four weeks.

        Signed: Date: 01/07/2010
        """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        let status = try runner.run(["status", "--notice", file.path, "--input", data.path, "--as-of", "2011-05-10"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("[RED] single_assessment_timeliness") || status.stdout.contains("[AMBER] single_assessment_timeliness"))
        #expect(!status.stdout.contains("105"))  // a forecast percentage stays within 0–100
        let discuss = try #require(status.stdout.range(of: "For the board to discuss (1)"))
        let after = status.stdout[discuss.upperBound...]
        #expect(after.contains("Below the path from the baseline since"))
        #expect(after.contains("Referral source ") || after.contains("Age band "))
        #expect(status.stdout.contains("Improvement Board meeting"))
    }
}
