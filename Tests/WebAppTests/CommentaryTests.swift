import Demo
import Domain
import Foundation
import Storage
import Testing
@testable import WebApp

/// The council's commentary on a red target: required before a meeting (the agenda says when it is missing), kept in
/// every version, shown on the target page, the agenda and the pack's exception report, and answered by the chair.
@Suite("Commentary on the targets", .serialized)
struct CommentaryTests {
    @Test("a red target without commentary reaches the agenda; written twice, answered once, it shows on every surface with its history", arguments: Backend.allCases)
    func commentaryOnRedTarget(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.worcs.uuidString)"
        let officer = try await BoardTests.signedIn(world, .councilOfficer)
        let chair = try await BoardTests.signedIn(world, .independentChair)
        let board = try await BoardTests.signedIn(world, .boardMember)

        // The red target, as the dashboard rates it.
        let dashboard = try await officer.get(base).body
        let red = try #require(dashboard.firstMatch(of: #/<a class="govuk-link" href="([^"]+/targets/[^"]+)">([^<]+)</a></th><td>[^<]*</td><td>[^<]*</td><td><strong class="govuk-tag govuk-tag--red">Red</strong>/#))
        let targetPage = String(red.1), name = String(red.2)
        let before = try await chair.get("\(base)/meetings/13").body
        #expect(before.contains("<li class=\"agenda-missing_commentary\"><strong>\(name)</strong>: No commentary from the council on the figure for October 2011: required before the meeting.</li>"))

        // Nothing written is refused with each field named; a board member may not write it.
        let empty = try await officer.post("\(targetPage)/commentary", form: [("month", "2011-10"), ("shows", ""), ("why", "Vacancies"), ("actions", ""), ("owner", "")],
                                           tokenFrom: targetPage)
        #expect(empty.status == .unprocessableEntity)
        #expect(empty.body.contains("href=\"#shows\">Say what the figure shows</a>") && empty.body.contains("href=\"#owner\">Say who is doing it</a>"))
        #expect(empty.body.contains(">Vacancies</textarea>"), "what was typed is kept")
        #expect(try await board.post("\(targetPage)/commentary", form: [("month", "2011-10"), ("shows", "x"), ("why", "x"), ("actions", "x"), ("owner", "x")],
                                     tokenFrom: targetPage).status == .forbidden)

        let first = [("month", "2011-10"), ("shows", "Allocation fell to 91.9%."), ("why", "Three agency workers left in September."),
                     ("actions", "Two permanent posts filled from November."), ("owner", "Head of safeguarding"), ("due", "30/11/2011")]
        #expect(try await officer.post("\(targetPage)/commentary", form: first, tokenFrom: targetPage).status == .seeOther)
        var second = first
        second[1] = ("shows", "Allocation fell to 91.9%, the lowest this year.")
        #expect(try await officer.post("\(targetPage)/commentary", form: second, tokenFrom: targetPage).status == .seeOther)
        #expect(try await chair.post("\(targetPage)/commentary/answer", form: [("month", "2011-10"), ("answer", "Bring the recruitment plan to meeting 13.")],
                                     tokenFrom: targetPage).status == .seeOther)

        let page = try await chair.get(targetPage).body
        #expect(page.contains("Allocation fell to 91.9%, the lowest this year.") && page.contains("30 November 2011"))
        #expect(page.contains("Bring the recruitment plan to meeting 13."))
        let history = try #require(page.firstMatch(of: #/<ul class="govuk-list" id="commentary-history">(.*?)</ul>/#))
        #expect(history.1.contains("Allocation fell to 91.9%. Three agency workers left"), "the first version is kept in the history")

        let after = try await chair.get("\(base)/meetings/13").body
        #expect(!after.contains("agenda-missing_commentary\"><strong>\(name)<"))
        #expect(after.contains("The council: Allocation fell to 91.9%, the lowest this year. Two permanent posts filled from November."))
        let pack = try await chair.get("\(base)/meetings/13/pack").body
        let exceptions = try #require(pack.firstMatch(of: #/<section id="exceptions">(.*?)</section>/#))
        #expect(exceptions.1.contains("The council's commentary on October 2011, by \(DemoSeed.Account.of(.councilOfficer).email)"))
        #expect(exceptions.1.contains("<dd class=\"govuk-summary-list__value\">Three agency workers left in September.</dd>"))
        #expect(exceptions.1.contains("Bring the recruitment plan to meeting 13."))

        let trail = try await Store(world.app.db).auditEntries(council: world.worcs).map(\.action)
        #expect(trail.filter { $0 == "commentary.written" }.count >= 2 && trail.contains("commentary.answered"))
    }
}
