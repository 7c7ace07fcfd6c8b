import Demo
import Domain
import Foundation
import Storage
import Testing
@testable import WebApp

/// A form that cannot be taken comes back on its own page: an error summary linking to each field, the message beside
/// the field, what was typed still in the fields, and nothing stored. Dates are taken as people type them.
@Suite("Forms that come back", .serialized)
struct FormErrorTests {
    @Test("a decision with no words and a day that does not exist comes back with both errors and what was typed; 16/12/2011 is taken", arguments: Backend.allCases)
    func decisionForm(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let chair = try await BoardTests.signedIn(world, .independentChair)
        let meeting = "/councils/\(world.worcs.uuidString)/meetings/13"
        let scope = Store(world.app.db).scope(world.worcs)
        let before = try await scope.meetingRecords().first { $0.number == 13 }?.record.decisions.count ?? 0

        let bad = try await chair.post("\(meeting)/decisions", form: [("kind", "action"), ("text", ""), ("owner", "Director of Children's Services"),
                                                                      ("due", "31/06/2011")], tokenFrom: meeting)
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.contains("<title>Error: Meeting 13"), "the page title says there is an error")
        #expect(bad.body.contains("<a href=\"#decision-text\">Enter what was decided or the action agreed</a>"))
        #expect(bad.body.contains("<a href=\"#decision-due\">The due date must be a real date, like 31 12 2011</a>"))
        #expect(bad.body.contains("id=\"decision-due-error\""), "the message sits by its field")
        #expect(bad.body.contains("value=\"31/06/2011\"") && bad.body.contains("value=\"Director of Children&#39;s Services\"")
            || bad.body.contains("value=\"Director of Children's Services\""), "what was typed is still there")
        #expect(bad.body.contains("<option value=\"action\" selected=\"selected\">"), "the choice made is still chosen")
        #expect(try await scope.meetingRecords().first { $0.number == 13 }?.record.decisions.count ?? 0 == before, "nothing was stored")

        let good = try await chair.post("\(meeting)/decisions", form: [("kind", "action"), ("text", "Report the audit round"), ("owner", "Head of quality"),
                                                                       ("due", "16/12/2011")], tokenFrom: meeting)
        #expect(good.status == .seeOther)
        let stored = try #require(try await scope.meetingRecords().first { $0.number == 13 }?.record.decisions.last)
        #expect(stored.text == "Report the audit round" && stored.due == CalendarDate(iso: "2011-12-16"))
    }

    @Test("an incident with no date comes back with the summary typed; the other forms on the page stay empty", arguments: Backend.allCases)
    func incidentForm(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let officer = try await BoardTests.signedIn(world, .councilOfficer)
        let page = "/councils/\(world.worcs.uuidString)/incidents"
        let count = try await Store(world.app.db).scope(world.worcs).incidents().count
        let bad = try await officer.post(page, form: [("kind", "child_death"), ("occurredOn", "yesterday"), ("summary", "A serious case review is to start")],
                                         tokenFrom: page)
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.contains("<a href=\"#occurredOn\">The incident&#39;s date must be a real date, like 30 6 2011</a>")
            || bad.body.contains("<a href=\"#occurredOn\">The incident's date must be a real date, like 30 6 2011</a>"))
        #expect(bad.body.contains("value=\"A serious case review is to start\""))
        #expect(try await Store(world.app.db).scope(world.worcs).incidents().count == count)
    }

    @Test("dates and months are read as people type them, and a day that does not exist is refused")
    func dateEntry() {
        #expect(DateEntry.parse("16/12/2011") == CalendarDate(iso: "2011-12-16"))
        #expect(DateEntry.parse("16 12 2011") == CalendarDate(iso: "2011-12-16"))
        #expect(DateEntry.parse("16 December 2011") == CalendarDate(iso: "2011-12-16"))
        #expect(DateEntry.parse("16 Dec 2011") == CalendarDate(iso: "2011-12-16"))
        #expect(DateEntry.parse(" 2011-12-16 ") == CalendarDate(iso: "2011-12-16"))
        #expect(DateEntry.parse("29/02/2012") == CalendarDate(iso: "2012-02-29"))
        #expect(DateEntry.parse("29/02/2011") == nil)
        #expect(DateEntry.parse("31/06/2011") == nil)
        #expect(DateEntry.parse("12/16/2011") == nil, "no month 16: never read the American way round")
        #expect(DateEntry.parse("16/12/11") == nil, "a two-digit year is not guessed")
        #expect(DateEntry.parse("16 Decem 2011") == nil)
        #expect(DateEntry.month("June 2011") == YearMonth(iso: "2011-06"))
        #expect(DateEntry.month("6 2011") == YearMonth(iso: "2011-06"))
        #expect(DateEntry.month("06/2011") == YearMonth(iso: "2011-06"))
        #expect(DateEntry.month("2011-06") == YearMonth(iso: "2011-06"))
        #expect(DateEntry.month("Juno 2011") == nil)
        #expect(DateEntry.month("13 2011") == nil)
    }
}
