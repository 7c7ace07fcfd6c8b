import Plot
import Storage
import Vapor

/// The signed-in user's account: their role and council, and a token for the API (shown once, stored as a hash).
enum AccountController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        guard let model = try await req.store.user(id: user.id) else { throw Abort(.notFound) }
        return page(user: user, hasToken: model.apiTokenHash != nil, newToken: nil)
    }

    @Sendable static func issueToken(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        guard let model = try await req.store.user(id: user.id) else { throw Abort(.notFound) }
        let token = Token.random()
        try await req.store.setAPITokenHash(Token.hash(token), for: model, by: user.actor)
        return page(user: user, hasToken: true, newToken: token)
    }

    static func page(user: CurrentUser, hasToken: Bool, newToken: String?) -> HTML {
        Layout.page(title: "Your account", user: user, content: .group(
            .h1(.class("govuk-heading-l"), "Your account"),
            .table(.class("govuk-summary-list"),
                   .tr(.class("govuk-summary-list__row"), .th(.class("govuk-summary-list__key"), "Name"), .td(.class("govuk-summary-list__value"), .text(user.displayName))),
                   .tr(.class("govuk-summary-list__row"), .th(.class("govuk-summary-list__key"), "Email"), .td(.class("govuk-summary-list__value"), .text(user.email))),
                   .tr(.class("govuk-summary-list__row"), .th(.class("govuk-summary-list__key"), "Role"), .td(.class("govuk-summary-list__value"), .text(user.role.label)))),
            .h2(.class("govuk-heading-m"), "API token"),
            .p(.class("govuk-body"), "The JSON API at /api/v1 (described at /api/v1/openapi.json) reads what your role may read. Send the token as: Authorization: Bearer <token>."),
            .unwrap(newToken) { token in
                .div(.class("govuk-inset-text"), .p(.class("govuk-body"), "Your new token, shown only this once:"),
                     .p(.class("govuk-body app-records"), .id("api-token"), .text(token)))
            },
            .form(.action("/account/api-token"), .method(.post), Layout.csrf(user),
                  .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("issue-token"),
                          .text(hasToken ? "Replace my API token" : "Issue an API token")))
        ))
    }
}

/// Health, metrics and the stylesheets.
enum OperationsController {
    @Sendable static func health(req: Request) async throws -> Response {
        // The database must answer for the service to be healthy.
        _ = try await req.store.councils().count
        return Response(status: .ok, body: .init(string: "ok\n"))
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        // How often this server computed a council's picture: after each change of a council's records, once.
        let pictures = "# HELP improve_picture_computations_total Council pictures computed by this server.\n"
            + "# TYPE improve_picture_computations_total counter\nimprove_picture_computations_total \(await req.services.pictures.computations)\n"
        return Response(status: .ok, headers: headers, body: .init(string: req.services.metrics.exposition() + pictures))
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        css(Stylesheet.site)
    }

    @Sendable static func printStylesheet(req: Request) async throws -> Response {
        css(Stylesheet.print)
    }

    static func css(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
