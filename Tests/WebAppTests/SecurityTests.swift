import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

@Suite("Sign-in, sessions, CSRF and headers", .serialized)
struct SecurityTests {
    @Test("a post without the session's CSRF token is refused and changes nothing", arguments: Backend.allCases)
    func csrf(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        let officer = DemoSeed.Account.of(.councilOfficer)
        try await client.signIn(officer.email, officer.password)
        let path = "/councils/\(world.worcs.uuidString)/notices/\(world.worcsNotice.uuidString)/state"
        let before = try #require(try await Store(world.app.db).scope(world.worcs).notice(id: world.worcsNotice)?.state)
        #expect(try await client.request(.POST, path, form: [("state", "confirmed")]).status == .forbidden)
        #expect(try await client.request(.POST, path, form: [("state", "confirmed"), ("_csrf", "guessed")]).status == .forbidden)
        #expect(try await Store(world.app.db).scope(world.worcs).notice(id: world.worcsNotice)?.state == before)
        // The sign-in form has its own token: a post from elsewhere fails too.
        let stranger = WebClient(world.app)
        #expect(try await stranger.request(.POST, "/sign-in", form: [("email", officer.email), ("password", officer.password)]).status == .forbidden)
    }

    @Test("signing in gives a new session token; signing out ends it", arguments: Backend.allCases)
    func sessionFixationAndSignOut(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        let chair = DemoSeed.Account.of(.independentChair)
        // An attacker plants a session cookie of their choosing before the victim signs in.
        let planted = "planted-token-known-to-the-attacker"
        let fixed = try await client.request(.GET, "/sign-in", headers: ["Cookie": "\(AuthenticationMiddleware.cookieName)=\(planted)"])
        #expect(fixed.status == .ok)
        try await client.signIn(chair.email, chair.password)
        let second = try #require(client.cookies[AuthenticationMiddleware.cookieName])
        #expect(second != planted)
        let withPlanted = try await world.app.testing().sendRequest(.GET, "/councils/\(world.worcs.uuidString)",
                                                                    headers: ["Cookie": "\(AuthenticationMiddleware.cookieName)=\(planted)"])
        #expect(withPlanted.status == .seeOther, "the planted token signs no one in")
        #expect(try await client.get("/councils/\(world.worcs.uuidString)").status == .ok)
        // Sign out: the cookie goes, and the token is dead on the server too.
        #expect(try await client.post("/sign-out", form: [], tokenFrom: "/account").status == .seeOther)
        let after = try await world.app.testing().sendRequest(.GET, "/councils/\(world.worcs.uuidString)", headers: ["Cookie": "\(AuthenticationMiddleware.cookieName)=\(second)"])
        #expect(after.status == .seeOther)
    }

    @Test("five wrong passwords lock the account, even against the right one; unknown and known addresses get the same answer", arguments: Backend.allCases)
    func lockout(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let store = Store(world.app.db)
        let email = "lockout-\(backend.rawValue)@worcestershire.example"
        _ = try await store.createUser(email: email, displayName: "Lockout", role: .boardMember, council: world.worcs,
                                       passwordHash: try Bcrypt.hash("right-password", cost: 4), by: .system)
        let client = WebClient(world.app)
        let unknown = try await client.signIn("nobody@nowhere.example", "whatever")
        for _ in 0..<5 {
            let wrong = try await client.signIn(email, "wrong-password")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Enter a correct email address and password"))
        }
        #expect(unknown.body.contains("Enter a correct email address and password"))
        let locked = try await client.signIn(email, "right-password")
        #expect(locked.status == .unauthorized)
        #expect(locked.body.contains("locked"))
        #expect(client.cookies[AuthenticationMiddleware.cookieName] == nil)
        #expect(try await store.auditEntries().contains { $0.action == "user.locked" && $0.entityID != nil })
    }

    @Test("every response carries the security headers; pages are not cached; sign-in sends a page back only to this site")
    func headers() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let client = WebClient(world.app)
        for path in ["/sign-in", "/healthz", "/councils", "/api/v1/councils", "/no-such-page"] {
            let reply = try await client.get(path)
            let csp = reply.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), "\(path)")
            #expect(reply.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(reply.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(reply.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(reply.headers.first(name: .cacheControl) == "no-store")
        }
        #expect(safeNext("//evil.example/") == "/")
        #expect(safeNext("https://evil.example/") == "/")
        #expect(safeNext("/councils") == "/councils")
        // A page that does not exist says so without echoing the address.
        let missing = try await client.get("/councils/%3Cscript%3E")
        #expect(!missing.body.contains("<script>"))
    }

    @Test("sign-in cookies are HttpOnly and SameSite")
    func cookieFlags() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let client = WebClient(world.app)
        let page = try await client.get("/sign-in")
        let token = try #require(WebClient.csrf(in: page.body))
        let officer = DemoSeed.Account.of(.councilOfficer)
        let reply = try await client.request(.POST, "/sign-in", form: [("email", officer.email), ("password", officer.password), ("_csrf", token)])
        let cookie = try #require(reply.headers[.setCookie].first { $0.hasPrefix(AuthenticationMiddleware.cookieName) })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.lowercased().contains("samesite=lax"))
    }
}

extension SecurityTests {
    @Test("every route that changes anything refuses a post without the CSRF token, whoever sends it", arguments: Backend.allCases)
    func csrfOnEveryForm(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        // An administrator of its own, so that what other tests do at the same time is not counted.
        let email = "csrf-admin-\(backend.rawValue)@demo.example"
        _ = try await Store(world.app.db).createUser(email: email, displayName: "CSRF admin", role: .administrator, council: nil,
                                                     passwordHash: try Bcrypt.hash("csrf-admin-password", cost: 4), by: .system)
        let admin = WebClient(world.app)
        try await admin.signIn(email, "csrf-admin-password")
        var checked = 0
        for spec in SiteRoutes.all where spec.method == .POST && spec.need != .anyone {
            let path = AccessTests.path(spec, world: world, ownCouncil: true)
            let reply = try await admin.request(.POST, path, form: [("title", "x"), ("state", "confirmed"), ("decision", "agreed")])
            #expect(reply.status == .forbidden, "\(spec.path) without a token → \(reply.status.code)")
            checked += 1
        }
        // Counted by hand from the routes table: sign-out and the API token; five of a notice (new, fields, state,
        // lifecycle, a figure by hand); uploads; four of the plan (new action, status, evidence, timescale); five of a
        // meeting (attendees, decisions, minutes, a question, a request decided); two of audits; four of reviews and
        // assessments (new and saved, each); incidents; published files. Twenty-five; then eight more: commentary and
        // its answer, a board target proposed and decided, the plan from a spreadsheet, a visit and an area of it into
        // the plan, a review's outcome; and the adviser's note. Thirty-four.
        #expect(checked == 34)
        let done = try await Store(world.app.db).auditEntries(limit: 10_000).filter { $0.actor == email }.map(\.action)
        #expect(done == ["user.signed_in"], "nothing was changed but the sign-in")
    }

    @Test("behind HTTPS (SECURE_COOKIES=1): HSTS on every response, and every cookie marked Secure, the session's included")
    func hstsBehindTLS() async throws {
        let path = NSTemporaryDirectory() + "hsts-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(storage: .sqlite(path: path), secret: "s", secureCookies: true, bcryptCost: 4))
            let reply = try await app.testing().sendRequest(.GET, "/sign-in")
            #expect(reply.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            #expect(reply.headers[.setCookie].allSatisfy { $0.contains("Secure") })
            // The session cookie too, which only signing in sets.
            _ = try await Store(app.db).createUser(email: "secure@demo.example", displayName: "Secure", role: .administrator, council: nil,
                                                   passwordHash: try Bcrypt.hash("secure-password", cost: 4), by: .system)
            let client = WebClient(app)
            let page = try await client.get("/sign-in")
            let token = try #require(WebClient.csrf(in: page.body))
            let signedIn = try await client.request(.POST, "/sign-in", form: [("email", "secure@demo.example"), ("password", "secure-password"), ("_csrf", token)])
            let session = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix(AuthenticationMiddleware.cookieName) })
            #expect(session.contains("Secure") && session.contains("HttpOnly"))
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(health.headers.first(name: "Strict-Transport-Security") != nil)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        // Without it, no HSTS (a plain-HTTP deployment must not promise HTTPS).
        let world = try await WebFixture.shared.world(.sqlite)
        #expect(try await world.app.testing().sendRequest(.GET, "/healthz").headers.first(name: "Strict-Transport-Security") == nil)
    }
}
