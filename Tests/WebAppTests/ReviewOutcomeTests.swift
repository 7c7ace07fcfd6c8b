import Demo
import Domain
import Foundation
import NoticeReader
import Storage
import Testing
@testable import WebApp

/// DfE's decision at a review of progress: only DfE records it; continuing leaves the notice as it is; escalating
/// replaces the notice by a statutory direction in its lifecycle; a later review lifts the intervention, after which
/// nothing follows.
@Suite("DfE's decisions at reviews", .serialized)
struct ReviewOutcomeTests {
    @Test("a review continues the notice, the next escalates it to a direction, a third lifts it; nothing follows", arguments: Backend.allCases)
    func continueThenEscalate(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        // A council of its own, so no other test's notice changes.
        let code = backend == .sqlite ? "919" : "920"
        var existing = try await store.council(laCode: code)
        if existing == nil { existing = try await store.createCouncil(laCode: code, name: "Hertfordshire \(code)", asOf: "2011-10-31", by: .system) }
        let council = try #require(existing)
        let scope = store.scope(try council.requireID())
        let draft = try NoticeReader.read(bytes: Array(SeedNotice.text.utf8))
        _ = try await scope.createNotice(sourceText: draft.text, encoding: draft.encoding, notice: draft.notice, warnings: [], noticeDate: nil, by: .system)
        let first = try await scope.createReview(kind: "notice_review", title: "Review of progress", due: CalendarDate(iso: "2011-06-30"), text: "Draft", by: Actor("officer"))
        let second = try await scope.createReview(kind: "notice_review", title: "Final review", due: CalendarDate(iso: "2011-12-31"), text: "Draft", by: Actor("officer"))
        let base = "/councils/\(try council.requireID().uuidString)"
        let dfe = try await BoardTests.signedIn(world, .dfeOfficial)
        let chair = try await BoardTests.signedIn(world, .independentChair)

        let page = "\(base)/reviews/\(first.uuidString)"
        #expect(try await chair.post("\(page)/outcome", form: [("decision", "continue")], tokenFrom: "/account").status == .notFound, "another council's chair")
        let empty = try await dfe.post("\(page)/outcome", form: [("decision", ""), ("decidedOn", "31/6/2011"), ("reason", "")], tokenFrom: page)
        #expect(empty.status == .unprocessableEntity && empty.body.contains("Choose DfE&#39;s decision") || empty.body.contains("Choose DfE's decision"))
        #expect(try await dfe.post("\(page)/outcome", form: [("decision", "continue"), ("decidedOn", "30/6/2011"), ("reason", "Progress is slow but real.")],
                                   tokenFrom: page).status == .seeOther)
        let shown = try await dfe.get(page).body
        #expect(shown.contains("Continue under the notice") && shown.contains("30 June 2011") && shown.contains("Progress is slow but real."))
        let noticeRecord = try #require(try await scope.currentNotice())
        #expect(try await scope.storedNotice(noticeRecord)?.lifecycle.currentState == .issued)
        // Once recorded, it is not recorded again.
        #expect(try await dfe.post("\(page)/outcome", form: [("decision", "lift"), ("decidedOn", "1/7/2011"), ("reason", "x")], tokenFrom: page).status == .unprocessableEntity)

        let final = "\(base)/reviews/\(second.uuidString)"
        #expect(try await dfe.post("\(final)/outcome", form: [("decision", "escalate"), ("decidedOn", "31/12/2011"), ("reason", "No sustained improvement.")],
                                   tokenFrom: final).status == .seeOther)
        let record = try #require(try await scope.currentNotice())
        let notice = try #require(try await scope.storedNotice(record))
        #expect(notice.lifecycle.currentState == .replacedByDirection)
        #expect(notice.lifecycle.last?.reason == "Final review: No sustained improvement." && notice.lifecycle.last?.date == .day(CalendarDate(iso: "2011-12-31")!))
        let third = try await scope.createReview(kind: "notice_review", title: "Extra review", due: CalendarDate(iso: "2012-03-31"), text: "Draft", by: Actor("officer"))
        let lift = try await dfe.post("\(base)/reviews/\(third.uuidString)/outcome", form: [("decision", "lift"), ("decidedOn", "31/3/2013"), ("reason", "Good at re-inspection.")],
                                      tokenFrom: "\(base)/reviews/\(third.uuidString)")
        #expect(lift.status == .seeOther)
        let lifted = try #require(try await scope.currentNotice())
        #expect(try await scope.storedNotice(lifted)?.lifecycle.currentState == .lifted)
        let fourth = try await scope.createReview(kind: "notice_review", title: "Late review", due: CalendarDate(iso: "2013-06-30"), text: "Draft", by: Actor("officer"))
        let again = try await dfe.post("\(base)/reviews/\(fourth.uuidString)/outcome", form: [("decision", "escalate"), ("decidedOn", "30/6/2013"), ("reason", "x")],
                                       tokenFrom: "\(base)/reviews/\(fourth.uuidString)")
        #expect(again.status == .unprocessableEntity && again.body.contains("A notice that is lifted cannot then be replaced by a statutory direction"))
        #expect(try await scope.review(id: fourth)?.outcome == nil, "a refused decision is not recorded")
        let trail = try await store.auditEntries(council: try council.requireID()).map(\.action)
        #expect(trail.contains("review.outcome_continue") && trail.contains("review.outcome_escalate"))
    }
}
