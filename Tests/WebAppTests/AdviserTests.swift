import Demo
import Domain
import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// The improvement adviser: reads the councils DfE appointed them to and no other, writes notes there, and edits
/// nothing of the council's.
@Suite("The improvement adviser", .serialized)
struct AdviserTests {
    @Test("an adviser reads and advises their councils, not others; a second appointment gives a choice of councils", arguments: Backend.allCases)
    func adviser(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        let email = "adviser-\(backend.rawValue)@education.example"
        let user = try await store.createUser(email: email, displayName: "Improvement adviser", role: .improvementAdviser, council: nil,
                                              passwordHash: try Bcrypt.hash("adviser-password", cost: 4), by: .system)
        try await store.appointAdviser(user, to: world.worcs, by: Actor("dfe@education.example"))
        let adviser = WebClient(world.app)
        try await adviser.signIn(email, "adviser-password")
        #expect(try await adviser.get("/").location == "/councils/\(world.worcs.uuidString)", "one council: straight to it")
        #expect(try await adviser.get("/councils/\(world.worcs.uuidString)").status == .ok)
        #expect(try await adviser.get("/councils/\(world.notts.uuidString)").status == .notFound, "a council they are not appointed to is not found")
        #expect(try await adviser.get("/councils").status == .forbidden)

        let page = "/councils/\(world.worcs.uuidString)/advice"
        let note = try await adviser.post(page, form: [("kind", "review_report"), ("title", "Review of progress, June 2011"), ("text", "Assessments are improving.\nSupervision is not.")],
                                          tokenFrom: page)
        #expect(note.status == .seeOther)
        let officer = try await BoardTests.signedIn(world, .councilOfficer)
        let read = try await officer.get(page).body
        #expect(read.contains("Review of progress, June 2011") && read.contains("Review report by \(email)") && read.contains("Supervision is not."))
        #expect(try await officer.post(page, form: [("kind", "advice"), ("title", "x"), ("text", "x")], tokenFrom: page).status == .forbidden, "only the adviser writes notes")
        let plan = "/councils/\(world.worcs.uuidString)/plan"
        #expect(try await adviser.post(plan, form: [("title", "x"), ("due", "1/1/2012")], tokenFrom: plan).status == .forbidden, "the adviser edits nothing of the council's")

        try await store.appointAdviser(user, to: world.notts, by: Actor("dfe@education.example"))
        let again = WebClient(world.app)
        try await again.signIn(email, "adviser-password")
        let home = try await again.get("/").body
        #expect(home.contains("Your councils") && home.contains(">Nottinghamshire</a>") && home.contains(">Worcestershire</a>"))
        #expect(try await again.get("/councils/\(world.notts.uuidString)").status == .ok)
        let trail = try await store.auditEntries(limit: 10_000).map(\.action)
        #expect(trail.contains("adviser.appointed") && trail.contains("advice.written"))
    }
}
