import Plot
import Storage
import Vapor

enum SignInView {
    static func page(error: String?, email: String, next: String, csrf: String) -> HTML {
        Layout.page(title: "Sign in", user: nil, content: .div(
            .if(error != nil, .div(
                .class("govuk-error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "aria-labelledby", value: "error-summary-title"),
                .h2(.class("govuk-error-summary__title"), .id("error-summary-title"), "There is a problem"),
                .ul(.class("govuk-list"), .li(.a(.href("#email"), .text(error ?? ""))))
            )),
            .h1(.class("govuk-heading-l"), "Sign in"),
            .form(
                .action(.signIn), .method(.post), .attribute(named: "novalidate"),
                .input(.type(.hidden), .name(CSRF.field), .value(csrf)),
                .input(.type(.hidden), .name("next"), .value(next)),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("email"), "Email address"),
                     .input(.class("govuk-input"), .id("email"), .name("email"), .type(.email), .value(email),
                            .attribute(named: "autocomplete", value: "username"), .attribute(named: "spellcheck", value: "false"))),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("password"), "Password"),
                     .input(.class("govuk-input"), .id("password"), .name("password"), .type(.password),
                            .attribute(named: "autocomplete", value: "current-password"))),
                .button(.type(.submit), .class("govuk-button"), .id("sign-in"), "Sign in")
            )
        ))
    }
}
