import Storage
import Vapor

/// Finds the user behind a request: the session cookie for pages, a bearer token for the API. Finding no one is not
/// an error here; the route's need decides.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let cookieName = "improve_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let store = request.store
        if request.isAPI, let bearer = request.headers.bearerAuthorization?.token {
            if let user = try await store.user(apiTokenHash: Token.hash(bearer)) {
                request.currentUser = try await CurrentUser(user, csrfToken: nil, store: store)
            }
        } else if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            if let (session, user) = try await store.session(tokenHash: Token.hash(token)) {
                request.currentUser = try await CurrentUser(user, csrfToken: session.csrfToken, store: store)
            }
        }
        return try await next.respond(to: request)
    }
}

extension CurrentUser {
    init(_ user: UserModel, csrfToken: String?) {
        self.init(id: user.id ?? UUID(), email: user.email, displayName: user.displayName, role: user.role, council: user.councilID,
                  csrfToken: csrfToken)
    }

    /// With an adviser's appointments, read with the user (one more query, for advisers only).
    init(_ user: UserModel, csrfToken: String?, store: Store) async throws {
        self.init(user, csrfToken: csrfToken)
        if user.role == .improvementAdviser, let id = user.id { appointments = try await store.adviserCouncils(id) }
    }
}

/// Runs a handler only when its need is met, after checking the CSRF token on any form post.
struct Guarded: AsyncResponder {
    let need: Need
    let handler: @Sendable (Request) async throws -> Response

    func respond(to request: Request) async throws -> Response {
        if need == .anyone { return try await handler(request) }
        guard let user = request.currentUser else {
            if request.isAPI { throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"]) }
            let back = request.method == .GET ? request.url.path : SiteURL.home.path
            return request.redirect(to: SiteURL.signIn.with(query: ["next": back]))
        }
        let pathCouncil: UUID?
        if let text = request.parameters.get(CouncilKind.parameter) {
            guard let id = UUID(uuidString: text) else { throw Abort(.notFound) }
            pathCouncil = id
        } else {
            pathCouncil = nil
        }
        switch Access.verdict(role: user.role, userCouncils: user.councils, need: need, pathCouncil: pathCouncil) {
        case .allowed: break
        case .notFound: throw Abort(.notFound)
        case .forbidden: throw Abort(.forbidden)
        }
        if request.method != .GET, request.method != .HEAD, user.csrfToken != nil {
            try CSRF.check(request, expected: user.csrfToken!)
        }
        do {
            return try await FormState.$current.withValue(request.storage[FormStateKey.self]) { try await handler(request) }
        } catch let problem as FormProblem {
            // A form that could not be taken is shown again on its own page; the API says what was wrong.
            if request.isAPI { throw Abort(.unprocessableEntity, reason: problem.errors.map(\.message).joined(separator: " ")) }
            return try await problem.showAgain(request)
        }
    }
}

/// Every form carries the session's token in a hidden field; a post without the right one is refused. API requests
/// authenticated by bearer token carry no cookie, so cannot be forged this way, and need none.
enum CSRF {
    static let field = "_csrf"

    static func check(_ request: Request, expected: String) throws {
        let given = (try? request.content.get(String.self, at: field)) ?? request.headers.first(name: "X-CSRF-Token") ?? ""
        guard Token.equal(given, expected) else { throw Abort(.forbidden, reason: "The form has expired. Go back, reload the page and try again.") }
    }
}
