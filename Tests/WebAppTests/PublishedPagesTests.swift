import Foundation
import Testing
import Vapor
@testable import WebApp

/// The published statistics' pages: a council's comparison (its own users, DfE, administrators), every council in
/// England (DfE and administrators only), loading files (administrators only) and the API; on SQLite and PostgreSQL.
/// Figures are DfE's as the shipped files have them (C1 re-referrals: Worcestershire 17.8, England 22.6, West
/// Midlands 19.5 in 2024-25; the neighbours' figures counted by hand in PublishedTests).
@Suite("Published statistics' pages", .serialized)
struct PublishedPagesTests {
    /// The rows of the first table after `marker`, each as its cells' text (tags inside a cell dropped).
    static func rows(_ html: String, after marker: String) -> [[String]] {
        guard let start = html.range(of: marker) else { return [] }
        let rest = html[start.upperBound...]
        let table = String(rest[..<(rest.range(of: "</table>")?.lowerBound ?? rest.endIndex)])
        let cell = try! NSRegularExpression(pattern: "<t[dh][^>]*>(.*?)</t[dh]>", options: [.dotMatchesLineSeparators])
        let tag = try! NSRegularExpression(pattern: "<[^>]+>")
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
                let inner = String(row[Range(match.range(at: 1), in: row)!])
                return tag.stringByReplacingMatches(in: inner, range: NSRange(inner.startIndex..., in: inner), withTemplate: "")
            }
        }
    }

    static func account(_ role: String) -> (String, String) {
        let a = DemoSeed.accounts.first { $0.email.hasPrefix(role) }!
        return (a.email, a.password)
    }

    @Test("a council sees how it compares; another council's officer is told it does not exist", arguments: Backend.allCases)
    func councilComparison(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let officer = WebClient(world.app)
        let (email, password) = Self.account("officer@")
        try await officer.signIn(email, password)
        let page = try await officer.get("/councils/\(world.worcs.uuidString)/compare")
        #expect(page.status == .ok)
        let body = page.body
        #expect(body.contains("How Worcestershire County Council compares") || body.contains("How Worcestershire compares"))
        // The latest year's row for re-referrals: council, England, West Midlands, neighbours' average and range, rank.
        let latest = Self.rows(body, after: "id=\"latest\"")
        #expect(latest.first { $0.first == "Re-referrals within 12 months" } == ["Re-referrals within 12 months", "2024-25", "17.8%", "22.6%", "19.5%", "19.7% (12.9% to 28.9%)", "5th of 11"])
        // One row per published figure: plan starts and children starting a second plan are one DfE percentage.
        #expect(latest.filter { $0.first?.contains("second or later") == true }.count == 1)
        #expect(body.contains("Somerset (very close)"))
        let ofsted = Self.rows(body.replacingOccurrences(of: "<dt", with: "<tr><th").replacingOccurrences(of: "</dt>", with: "</th>")
            .replacingOccurrences(of: "<dd", with: "<td").replacingOccurrences(of: "</dd>", with: "</td>"), after: "id=\"ofsted\"")
        #expect(ofsted.first == ["Overall effectiveness", "Good, inspected 15 May 2023, published 14 July 2023"])
        #expect(body.contains("How it differs from this service's own figure"))
        #expect(!body.contains(">885<"), "no internal codes on the page")

        // Dorset (838) has no 2018-19 row: the 2018-19 rank is among ten, not eleven.
        let byYear = Self.rows(body, after: "Re-referrals within 12 months, year by year")
        #expect(byYear.first { $0.first == "2018-19" } == ["2018-19", "16.4%", "22.6%", "23.6%", "22.3% (16.2% to 28.8%)", "2nd of 10"])
        #expect(byYear.count == 14)

        // The visits page: Ofsted's latest judgement and everything Ofsted has published since 2018, latest first.
        let visits = try await officer.get("/councils/\(world.worcs.uuidString)/visits").body
        #expect(visits.contains("Ofsted's latest published judgement of the council's children's services: Good, inspected 15 May 2023"))
        #expect(Self.rows(visits, after: "id=\"published-history\"") == [
            ["Inspected or visited", "What it was", "Judgement, or what the visit looked at", "Published"],
            ["3 December 2024", "Focused visit", "Children in care", "13 January 2025"],
            ["15 May 2023", "Standard inspection", "Overall: Good", "14 July 2023"],
            ["17 June 2019", "Standard inspection", "Overall: Requires improvement to be good", "29 July 2019"],
        ])

        let notts = WebClient(world.app)
        try await notts.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        #expect(try await notts.get("/councils/\(world.worcs.uuidString)/compare").status == .notFound)
        #expect(try await notts.get("/api/v1/councils/\(world.worcs.uuidString)/benchmarks/re_referral_12m").status == .notFound)
        #expect(try await officer.get("/england").status == .forbidden)
        #expect(try await officer.get("/published").status == .forbidden)

        let api = try await officer.get("/api/v1/councils/\(world.worcs.uuidString)/benchmarks/re_referral_12m")
        #expect(api.status == .ok)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.map { ($0["council"] as? [String: Any])?["figure"] as? String } == ["15", "13.9", "13.6", "18.2", "20.5", "24.2", "16.4", "24.2", "22.1", "21.2", "19.5", "20.9", "17.8"])
    }

    @Test("a DfE official sees every council in England, by measure, year and region", arguments: Backend.allCases)
    func everyCouncilInEngland(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let dfe = WebClient(world.app)
        let (email, password) = Self.account("dfe@")
        try await dfe.signIn(email, password)
        let all = try await dfe.get("/england")
        #expect(all.status == .ok)
        #expect(all.body.contains("Re-referrals within 12 months, 2024-25"))
        #expect(all.body.contains("England: 22.6%."))
        // Worcestershire is held by this service, so its row leads to its comparison.
        #expect(all.body.contains("href=\"/councils/\(world.worcs.uuidString)/compare\">Worcestershire</a>"))
        let rows = Self.rows(all.body, after: "id=\"england\"").dropFirst()
        #expect(rows.count == 153)
        #expect(rows.first { $0.contains("Worcestershire") }?.dropFirst() == ["Worcestershire", "West Midlands", "17.8%", "19.7%", "5th of 11", "Good (inspected 15 May 2023)"])
        #expect(rows.first?.prefix(6) == ["1st", "Isles of Scilly", "South West", "0%", "22.3%", "1st of 11"])

        let west = try await dfe.get("/england?measure=re_referral_12m&year=2019&region=E12000005")
        #expect(west.body.contains("Re-referrals within 12 months, 2018-19"))
        #expect(west.body.contains("England: 22.6%; West Midlands: 23.6%."))
        #expect(west.body.contains("14 councils in West Midlands"))

        let workforce = try await dfe.get("/england?measure=sw_agency_rate")
        #expect(workforce.body.contains("Agency social workers, 30 September 2025"))
        // A withheld figure is said as what it is, listed after every ranked council.
        let stability = try await dfe.get("/england?measure=placement_stability_short_term&year=2025")
        #expect(stability.status == .ok)
        let stable = Self.rows(stability.body, after: "id=\"england\"").dropFirst()
        #expect(!stable.isEmpty && !stable.contains { $0.contains("c") })
        // Symbols come last, said as what they mean.
        if let firstUnranked = stable.firstIndex(where: { $0.first == "not ranked" }) {
            #expect(stable[firstUnranked...].allSatisfy { $0.first == "not ranked" })
            #expect(stable[firstUnranked...].allSatisfy { ["withheld", "not available", "not applicable", "below 0.5", "unreliable", "not published"].contains($0[3]) })
        }
        #expect(try await dfe.get("/published").status == .forbidden)
    }

    @Test("an administrator loads published files; a file of another layout is refused and nothing of it is kept", arguments: Backend.allCases)
    func administratorLoadsFiles(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let admin = WebClient(world.app)
        let (email, password) = Self.account("admin@")
        try await admin.signIn(email, password)
        let page = try await admin.get("/published")
        #expect(page.status == .ok)
        let files = Self.rows(page.body, after: "id=\"published\"").dropFirst()
        #expect(files.first { $0.first == "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv" }?[1] == "2,132 rows, 2013 to 2025, 10 measures")
        #expect(files.count == 15)
        #expect(files.first { $0.first == "LA_Inspection_Outcomes_as_at_31_March_2025.ods" }?[1] == "Ofsted's latest inspections of 153 councils' children's services, with 331 inspections and visits since 2018")
        let token = try #require(WebClient.csrf(in: page.body))
        let boundary = "----published-test"
        let good = try Data(contentsOf: WebFixture.fixtures.appendingPathComponent("../Resources/published/d3_cpps_subsequent_plan_2013_to_2025.csv").standardizedFileURL)
        let body = WorkflowTests.multipart([("_csrf", nil, Array(token.utf8)), ("files[]", "d3_cpps_subsequent_plan_2013_to_2025.csv", Array(good)),
                                            ("files[]", "spreadsheet.csv", Array("la,figure\n885,12\n".utf8))], boundary: boundary)
        let reply = try await admin.request(.POST, "/published", body: body,
                                            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
        #expect(reply.status == .unprocessableEntity)
        #expect(reply.body.contains("spreadsheet.csv: not loaded: not in DfE's explore-education-statistics layout: it has no time_period"))
        #expect(reply.body.contains("d3_cpps_subsequent_plan_2013_to_2025.csv: already loaded, unchanged"))
        #expect(!reply.body.contains("spreadsheet.csv</th>"))
    }
}
