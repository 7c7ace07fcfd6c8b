import Demo
import Domain
import Foundation
import Storage
import Testing
@testable import WebApp

/// The board's own targets: a proposal changes nothing until the board agrees it at a meeting; agreed, it is tracked
/// and judged exactly as the notice's target with the same figure and milestone is; changing and retiring it follow the
/// same rule and keep the history.
@Suite("The board's own targets", .serialized)
struct BoardTargetTests {
    /// The dashboard's row for a target: latest figure, next milestone, status.
    static func row(_ dashboard: String, _ name: String) -> (latest: String, next: String, status: String)? {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let pattern = try! Regex("<a class=\"govuk-link\" href=\"[^\"]+\">\(escaped)</a>(?:<span[^>]*>[^<]*</span>)?</th><td>([^<]*)</td><td>([^<]*)</td><td><strong class=\"govuk-tag[^\"]*\">([^<]+)</strong>")
        return dashboard.firstMatch(of: pattern).map { m in
            (String(m.output[1].substring ?? ""), String(m.output[2].substring ?? ""), String(m.output[3].substring ?? ""))
        }
    }

    /// The number of the next meeting, or of the last when the notice's meetings are all past, from the meetings page.
    static func nextMeeting(_ client: WebClient, base: String) async throws -> String? {
        let page = try await client.get("\(base)/meetings").body
        return page.firstMatch(of: #/id="next-meeting" href="[^"]+/meetings/(\d+)"/#).map { String($0.1) }
            ?? page.matches(of: #/>Meeting (\d+)</a>/#).last.map { String($0.1) }
    }

    @Test("proposed, agreed, changed and retired at meetings; judged as the notice's own target on the same figure", arguments: Backend.allCases)
    func lifecycle(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.notts.uuidString)"
        let officer = WebClient(world.app)
        try await officer.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let admin = try await BoardTests.signedIn(world, .administrator)
        let scope = Store(world.app.db).scope(world.notts)
        let notice = try #require(try await scope.currentNotice())
        let model = try #require(try await scope.targets(of: notice).first?.target)
        let milestone = try #require(model.milestones.first { $0.value != nil && $0.due?.resolved(noticeDate: nil) != nil })
        let due = try #require(milestone.due?.resolved(noticeDate: nil))
        let name = "The board's own: " + model.indicator
        let form: [(String, String)] = [("change", "new"), ("indicator", model.indicatorID.rawValue), ("name", name), ("baseline", ""), ("baselinePeriod", ""),
                                        ("level1", ShownFigure.text(milestone.value!)), ("due1", "\(due.day)/\(due.month)/\(due.year)"),
                                        ("basis1", (milestone.basis == .unspecified ? model.indicatorID.info.bases.first! : milestone.basis).rawValue),
                                        ("reason", "The board wants the same level held as its own measure.")]
        let before = try await admin.get(base).body

        // A proposal with no milestone is refused, with what was typed kept.
        var incomplete = form
        incomplete[5] = ("level1", ""); incomplete[6] = ("due1", "")
        let refused = try await officer.post("\(base)/board-targets", form: incomplete, tokenFrom: "\(base)/board-targets")
        #expect(refused.status == .unprocessableEntity && refused.body.contains("Enter at least one milestone"))
        #expect(refused.body.contains("value=\"\(name.replacingOccurrences(of: "'", with: "'"))\"") || refused.body.contains(name))

        // Proposed: nothing changes, but the next meeting's agenda has it.
        #expect(try await officer.post("\(base)/board-targets", form: form, tokenFrom: "\(base)/board-targets").status == .seeOther)
        let proposed = try #require(try await scope.boardTargets().last)
        #expect(proposed.target.state == .proposed)
        #expect(Self.row(try await admin.get(base).body, name) == nil, "a proposal is not tracked")
        let next = try #require(try await Self.nextMeeting(admin, base: base))
        let meeting = "\(base)/meetings/\(next)"
        #expect(try await admin.get(meeting).body.contains("<li class=\"agenda-board_target\"><strong>\(name)</strong>"))
        // DfE reads it but records no decision; the board's decision is recorded at the meeting.
        let dfe = try await BoardTests.signedIn(world, .dfeOfficial)
        #expect(try await dfe.post("\(meeting)/board-targets/\(proposed.id.uuidString)", form: [("decision", "agreed")], tokenFrom: meeting).status == .forbidden)
        #expect(try await admin.post("\(meeting)/board-targets/\(proposed.id.uuidString)", form: [("decision", "agreed")], tokenFrom: meeting).status == .seeOther)
        let record = try #require(try await scope.meetingRecords().first { String($0.number) == next }?.record)
        #expect(record.decisions.contains { $0.text == "Agreed to set the board's target: \(name)" })

        // Agreed: on the dashboard, judged exactly as the notice's target with the same figure and milestone.
        let after = try await admin.get(base).body
        let mine = try #require(Self.row(after, name))
        let theirs = try #require(Self.row(after, model.indicator.capitalizingFirst))
        #expect(mine.latest == theirs.latest && mine.status == theirs.status)
        #expect(mine.next == "\(ShownFigure.text(milestone.value!))\(model.unit == .percent ? "%" : "") by \(due.inWords)")
        #expect(after.contains("The board's target, agreed at meeting \(next)."))
        #expect(Self.row(before, model.indicator.capitalizingFirst)?.status == theirs.status, "the notice's own target is unchanged")

        // A change waits for the board too; agreed, it replaces the version before, which stays in the history.
        var changed = form
        changed[0] = ("change", "revise"); changed.append(("replaces", proposed.id.uuidString)); changed[2] = ("name", name + " (revised)")
        #expect(try await officer.post("\(base)/board-targets", form: changed, tokenFrom: "\(base)/board-targets").status == .seeOther)
        #expect(Self.row(try await admin.get(base).body, name) != nil, "the agreed version stays in force until the change is agreed")
        let revision = try #require(try await scope.boardTargets().last)
        #expect(try await admin.post("\(meeting)/board-targets/\(revision.id.uuidString)", form: [("decision", "agreed")], tokenFrom: meeting).status == .seeOther)
        let revised = try await admin.get(base).body
        #expect(Self.row(revised, name) == nil && Self.row(revised, name + " (revised)") != nil)

        // Retired at the meeting: gone from the dashboard, kept in the history.
        #expect(try await officer.post("\(base)/board-targets", form: [("change", "retire"), ("replaces", revision.id.uuidString), ("reason", "Met for six months.")],
                                       tokenFrom: "\(base)/board-targets").status == .seeOther)
        let retirement = try #require(try await scope.boardTargets().last)
        #expect(try await admin.post("\(meeting)/board-targets/\(retirement.id.uuidString)", form: [("decision", "agreed")], tokenFrom: meeting).status == .seeOther)
        #expect(Self.row(try await admin.get(base).body, name + " (revised)") == nil)
        let states = try await scope.boardTargets().filter { [proposed.id, revision.id, retirement.id].contains($0.id) }.map(\.target.state)
        #expect(states == [.replaced, .retired, .agreed])
        let page = try await admin.get("\(base)/board-targets").body
        #expect(page.contains("Replaced by a later version at meeting \(next).") && page.contains("Retired at meeting \(next)."))
        let trail = try await Store(world.app.db).auditEntries(council: world.notts).map(\.action)
        #expect(trail.filter { $0 == "board_target.proposed" }.count >= 3 && trail.filter { $0 == "board_target.agreed" }.count >= 3)
    }

    @Test("a measure the council counts by hand: named, agreed, its figures entered on its page and judged; no other measure's figures read", arguments: Backend.allCases)
    func handCountedMeasure(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let base = "/councils/\(world.notts.uuidString)"
        let officer = WebClient(world.app)
        try await officer.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let admin = try await BoardTests.signedIn(world, .administrator)
        let scope = Store(world.app.db).scope(world.notts)
        let name = "Children seen alone at their last visit (\(backend))"
        var form: [(String, String)] = [("change", "new"), ("indicator", "other"), ("name", ""), ("unit", "percent"), ("direction", "increase"),
                                        ("baseline", "40"), ("baselinePeriod", ""), ("level1", "80"), ("due1", "31/3/2040"), ("basis1", "in_month"),
                                        ("reason", "The board wants to see that children are seen on their own.")]
        // Without a name there is nothing to enter its figures under.
        let unnamed = try await officer.post("\(base)/board-targets", form: form, tokenFrom: "\(base)/board-targets")
        #expect(unnamed.status == .unprocessableEntity && unnamed.body.contains("Name the measure the council counts by hand"))
        form[2] = ("name", name)
        #expect(try await officer.post("\(base)/board-targets", form: form, tokenFrom: "\(base)/board-targets").status == .seeOther)
        let proposed = try #require(try await scope.boardTargets().last)
        #expect(proposed.target.target.indicatorID == .other && proposed.target.target.unit == .percent && proposed.target.target.direction == .increase)

        let next = try #require(try await Self.nextMeeting(admin, base: base))
        let meeting = "\(base)/meetings/\(next)"
        #expect(try await admin.post("\(meeting)/board-targets/\(proposed.id.uuidString)", form: [("decision", "agreed")], tokenFrom: meeting).status == .seeOther)

        // Agreed with no figure yet; then a figure for a month entered on its own page, and another measure's figure
        // for a later month, which this measure must not read.
        let page = "\(base)/targets/\(proposed.id.uuidString)"
        #expect(Self.row(try await admin.get(base).body, name)?.latest == "no figures")
        let month = YearMonth(iso: "2010-06")!
        #expect(try await officer.post("\(page)/figures", form: [("month", month.label), ("basis", "in_month"), ("value", "62"), ("note", "Case file audit")],
                                       tokenFrom: page).status == .seeOther)
        _ = try await scope.addHandFigure(indicator: "other", measure: "visits more than a week late", basis: "in_month", month: "2010-07",
                                          value: 9, note: nil, by: Actor("someone else"))
        let row = try #require(Self.row(try await admin.get(base).body, name))
        #expect(row.latest.hasPrefix("62%"), "its own figure, not the other measure's later one: \(row.latest)")
        #expect(row.next == "80% by 31 March 2040")
        let targetPage = try await admin.get(page).body
        #expect(targetPage.contains("62% entered by") && !targetPage.contains(">9%"))
        let trail = try await Store(world.app.db).auditEntries(council: world.notts)
        #expect(trail.contains { $0.action == "figure.entered" && ($0.after ?? "").contains("other (\(name.lowercased()))") })

        // Its commentary is kept under its own name: no other measure counted by hand shows it.
        #expect(try await officer.post("\(page)/commentary", form: [("month", "2010-06"), ("shows", "62% of children were seen alone."), ("why", "Visits are booked with parents."),
                                                                   ("actions", "Unannounced visits each month."), ("owner", "Principal Social Worker"), ("due", "")],
                                       tokenFrom: page).status == .seeOther)
        let entries = try await scope.commentaries()
        #expect(entries.contains { $0.target == "other:" + name.lowercased() && $0.commentary?.shows == "62% of children were seen alone." })
        #expect(try await admin.get(page).body.contains("62% of children were seen alone."))
    }
}
