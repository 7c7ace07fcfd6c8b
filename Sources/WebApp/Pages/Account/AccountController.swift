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
            .form(.action(.apiToken), .method(.post), Layout.csrf(user),
                  .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("issue-token"),
                          .text(hasToken ? "Replace my API token" : "Issue an API token")))
        ))
    }
}
