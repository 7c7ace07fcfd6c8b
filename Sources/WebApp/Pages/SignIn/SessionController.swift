import Plot
import Storage
import Vapor

/// Signing in and out. A new random session token on every sign-in (so a token planted before sign-in is useless),
/// stored only as its hash; the same message for an unknown address and a wrong password; an account locked after
/// repeated failures; a double-submit CSRF token on the sign-in form itself.
enum SessionController {
    static let preSessionCookie = "improve_csrf"

    struct Form: Content {
        var email: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: .home) }
        let token = Token.random()
        let response = try await SignInView.page(error: nil, email: "", next: safeNext(try? req.query.get(String.self, at: "next")), csrf: token)
            .encodeResponse(for: req)
        response.cookies[preSessionCookie] = cookie(token, req: req, maxAge: 3600)
        return response
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let next = safeNext(form.next)
        guard let expected = req.cookies[preSessionCookie]?.string, Token.equal(form._csrf ?? "", expected) else {
            throw Abort(.forbidden, reason: "The sign-in form has expired. Go back, reload the page and try again.")
        }
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        func failure(_ message: String) async throws -> Response {
            let token = Token.random()
            let response = try await SignInView.page(error: message, email: email, next: next, csrf: token).encodeResponse(for: req)
            response.status = .unauthorized
            response.cookies[preSessionCookie] = cookie(token, req: req, maxAge: 3600)
            return response
        }
        guard !email.isEmpty, !password.isEmpty else { return try await failure("Enter your email address and password") }
        let store = req.store
        let user = try await store.user(email: email)
        let hash = user?.passwordHash ?? req.services.decoyHash
        let matches = try await req.application.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
        guard let user else { return try await failure("Enter a correct email address and password") }
        if let until = user.lockedUntil, until > Date() {
            try await store.audit(.init(council: user.councilID, action: "user.sign_in_while_locked", entity: "user", entityID: user.id?.uuidString),
                                  by: Actor(user.email))
            return try await failure("This account is locked after too many attempts. Try again in \(req.settings.lockout / 60 < 1 ? 1 : Int(req.settings.lockout / 60)) minutes.")
        }
        guard matches else {
            try await store.recordFailedSignIn(user, limit: req.settings.signInAttempts, lockFor: req.settings.lockout)
            return try await failure("Enter a correct email address and password")
        }
        try await store.recordSignIn(user)
        // Whatever session this browser had ends here; the new one has a new token.
        if let old = req.cookies[AuthenticationMiddleware.cookieName]?.string { try await store.deleteSession(tokenHash: Token.hash(old)) }
        let token = Token.random()
        try await store.createSession(user: user, tokenHash: Token.hash(token), csrfToken: Token.random(),
                                      expiresAt: Date().addingTimeInterval(req.settings.sessionLifetime))
        let response = req.redirect(to: next == SiteURL.signIn.path ? SiteURL.home.path : next, redirectType: .normal)
        response.cookies[AuthenticationMiddleware.cookieName] = cookie(token, req: req, maxAge: Int(req.settings.sessionLifetime))
        response.cookies[preSessionCookie] = cookie("", req: req, maxAge: 0)
        return response
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        if let token = req.cookies[AuthenticationMiddleware.cookieName]?.string {
            try await req.store.deleteSession(tokenHash: Token.hash(token))
        }
        if let user = req.currentUser {
            try await req.store.audit(.init(council: user.council, action: "user.signed_out", entity: "user", entityID: user.id.uuidString), by: user.actor)
        }
        let response = req.redirect(to: .signIn)
        response.cookies[AuthenticationMiddleware.cookieName] = cookie("", req: req, maxAge: 0)
        return response
    }

    static func cookie(_ value: String, req: Request, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
