import Demo
import Domain
import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// Ofsted's visits: recorded with the letter (a PDF by its bytes, or refused), on the calendar, on the next meeting's
/// agenda and on DfE's overview; each area for priority action taken into the plan, naming the visit.
@Suite("Ofsted's visits", .serialized)
struct VisitTests {
    static func send(_ client: WebClient, council: UUID, fields: [(String, String)], letter: (String, [UInt8])?) async throws -> WebClient.Reply {
        let page = try await client.get("/councils/\(council.uuidString)/visits")
        let token = try #require(WebClient.csrf(in: page.body))
        let boundary = "----improve-visit-boundary"
        var parts: [(name: String, filename: String?, data: [UInt8])] = [("_csrf", nil, Array(token.utf8))] + fields.map { ($0.0, nil, Array($0.1.utf8)) }
        if let letter { parts.append(("letter", letter.0, letter.1)) }
        return try await client.request(.POST, "/councils/\(council.uuidString)/visits", body: WorkflowTests.multipart(parts, boundary: boundary),
                                        contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    @Test("a monitoring visit: its letter kept, on the calendar, the agenda and DfE's overview; its priority actions reach the plan", arguments: Backend.allCases)
    func monitoringVisit(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let officer = WebClient(world.app)
        try await officer.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let base = "/councils/\(world.notts.uuidString)"
        let fields = [("kind", "monitoring"), ("visitedOn", "8/6/2011"), ("publishedOn", "20/6/2011"), ("theme", "Assessments and the front door"),
                      ("findings", "Assessments are more timely.\nManagers' oversight is not yet consistent."),
                      ("priorities", "Make management oversight of assessments consistent\nReduce the drift in child in need plans")]
        // A file that calls itself a PDF but is not one is refused, with everything typed kept.
        let fake = try await Self.send(officer, council: world.notts, fields: fields, letter: ("letter.pdf", Array("<html>not a letter</html>".utf8)))
        #expect(fake.status == .unprocessableEntity && fake.body.contains("this file is not a PDF"))
        #expect(fake.body.contains(">Make management oversight of assessments consistent\nReduce the drift in child in need plans</textarea>"))
        let before = try await Store(world.app.db).scope(world.notts).visits().count

        let pdf = Array("%PDF-1.4\n% Ofsted letter\n".utf8)
        let recorded = try await Self.send(officer, council: world.notts, fields: fields, letter: ("Worcs-monitoring-letter.pdf", pdf))
        #expect(recorded.status == .seeOther)
        let page = try #require(recorded.location)
        let scope = Store(world.app.db).scope(world.notts)
        #expect(try await scope.visits().count == before + 1)
        let shown = try await officer.get(page).body
        #expect(shown.contains("Monitoring visit of 8 June 2011") && shown.contains("Published 20 June 2011") && shown.contains("Managers' oversight is not yet consistent."))
        let letterLink = try #require(shown.firstMatch(of: #/href="([^"]+/letter\.pdf)"/#).map { String($0.1) })
        #expect(try await officer.get(letterLink).bodyBytes == pdf, "the letter comes back as it was given")

        // The second area for priority action into the plan; the visit then says where it is.
        #expect(try await officer.post("\(page)/plan", form: [("priority", "1"), ("due", "31/8/2011"), ("lead", "Head of service")], tokenFrom: page).status == .seeOther)
        let action = try #require(try await scope.actions().first { $0.action.recommendation == "Ofsted's monitoring visit of 8 June 2011, area for priority action 2" })
        #expect(action.action.title == "Reduce the drift in child in need plans" && action.action.due == CalendarDate(iso: "2011-08-31"))
        #expect(try await officer.get(page).body.contains("In the plan: "))
        #expect(try await officer.get("\(base)/visits").body.contains("1 of 2 in the plan"))

        // On the calendar, and on DfE's overview.
        let notice = try await officer.get("\(base)/notice")
        let calendar = try await officer.get(notice.location ?? "\(base)/notice").body
        #expect(calendar.contains("<td>8 June 2011</td><td>Ofsted's monitoring visit: Assessments and the front door</td><td>Visit</td>"))
        let dfe = try await BoardTests.signedIn(world, .dfeOfficial)
        #expect(try await dfe.get("/councils").body.contains("Ofsted's latest: monitoring visit of 8 June 2011, 2 areas for priority action."))
        // On the agenda of the first meeting after the letter.
        let meetings = try await officer.get("\(base)/meetings").body
        let after = try #require(meetings.matches(of: #/Meeting (\d+)</a></th><td>(\d+) (\w+) 2011</td>/#).first { m in
            let months = ["June": 6, "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12]
            guard let month = months[String(m.3)] else { return false }
            return month > 6 || (month == 6 && Int(m.2)! > 20)
        }.map { String($0.1) })
        let agenda = try await officer.get("\(base)/meetings/\(after)").body
        #expect(agenda.contains("<li class=\"agenda-ofsted_visit\"><strong>Ofsted's monitoring visit: Assessments and the front door</strong>: Visited 8 June 2011, letter published 20 June 2011; areas for priority action: Make management oversight of assessments consistent; Reduce the drift in child in need plans.</li>"))
        let trail = try await Store(world.app.db).auditEntries(council: world.notts).map(\.action)
        #expect(trail.contains("ofsted_visit.recorded"))
    }
}
