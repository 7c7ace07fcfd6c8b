import Demo
import Domain
import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// What `improve demo` shows a new user: the Improvement Plan brought from its spreadsheet, a target the board agreed
/// at a meeting, and the council's commentary on its red target with the chair's answer.
@Suite("The demonstration")
struct DemoTests {
    @Test("the demonstration shows a populated plan, a board-agreed target, commentary on its red target, a monitoring visit and an adviser")
    func boardWorkInTheDemo() async throws {
        let app = try await Application.make(.testing)
        do {
            let path = NSTemporaryDirectory() + "demo-\(UUID().uuidString).sqlite"
            try await configure(app, settings: Settings(storage: .sqlite(path: path), today: nil, secret: "test-secret", bcryptCost: 4, signInAttempts: 5, lockout: 900))
            #expect(try await DemoSeed.seed(app, childrenPerYear: 150))
            let council = try #require(try await Store(app.db).council(laCode: "885"))
            let base = "/councils/\(try council.requireID().uuidString)"
            let chair = WebClient(app)
            try await chair.signIn(DemoSeed.Account.of(.independentChair).email, DemoSeed.Account.of(.independentChair).password)

            let plan = try await chair.get("\(base)/plan").body
            let rows = plan.matches(of: #/<tr><th scope="row"><span class="app-reference">([0-9.]+) </span>/#).map { String($0.1) }
            #expect(rows == ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "6.1"], "the plan's twelve actions, by their references")

            let dashboard = try await chair.get(base).body
            let board = try #require(BoardTargetTests.row(dashboard, "Re-referrals within 12 months of a previous referral"))
            #expect(["Green", "Amber", "Red"].contains(board.status) && board.next == "22% by 31 January 2012")
            // The board's measure counted by hand, judged on the figures entered for it.
            let seenAlone = try #require(BoardTargetTests.row(dashboard, "Children seen alone at their last visit"))
            #expect(seenAlone.latest == "61% (September 2011)" && seenAlone.next == "75% by 31 March 2012")
            let meeting = try #require(dashboard.firstMatch(of: #/The board's target, agreed at meeting (\d+)\./#).map { Int($0.1)! })
            let record = try #require(try await Store(app.db).scope(council.requireID()).meetingRecords().first { $0.number == meeting }?.record)
            #expect(record.decisions.contains { $0.text == "Agreed to set the board's target: Re-referrals within 12 months of a previous referral" })

            // The red target's page carries the council's commentary and the chair's answer; the pack's exceptions too.
            let red = try #require(dashboard.firstMatch(of: #/<a class="govuk-link" href="([^"]+/targets/[^"]+)">([^<]+)</a></th><td>[^<]*</td><td>[^<]*</td><td><strong class="govuk-tag govuk-tag--red">Red</strong>/#))
            let target = try await chair.get(String(red.1)).body
            #expect(target.contains("Agency social workers left the child protection teams in the summer"))
            #expect(target.contains("Bring the weekly allocation figures to the next meeting, with the recruitment plan."))
            #expect(!target.contains("id=\"no-commentary\""))

            // A monitoring visit, one of its areas for priority action in the plan; the adviser's note.
            let visits = try await chair.get("\(base)/visits").body
            #expect(visits.contains("Monitoring visit of 14 September 2011") && visits.contains("1 of 2 in the plan"))
            let adviser = WebClient(app)
            try await adviser.signIn(DemoSeed.Account.of(.improvementAdviser).email, DemoSeed.Account.of(.improvementAdviser).password)
            #expect(try await adviser.get("/").location == base, "the adviser is appointed to the demonstration's council")
            #expect(try await adviser.get("\(base)/advice").body.contains("The front door, after six weeks"))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
