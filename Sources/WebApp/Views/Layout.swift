import Plot
import Storage

/// The page every view is drawn in, after the GOV.UK Design System's template: skip link, black header with the
/// service name, a phase banner, the main column and a footer. No JavaScript anywhere.
enum Layout {
    static let serviceName = "Improvement notice monitor"

    /// The trail to a council's page: the list of councils for those who see every council, then the council.
    static func crumbs(_ user: CurrentUser, _ council: CouncilRef, dashboard: Bool = true) -> [(String, SiteURL)] {
        (user.role.seesEveryCouncil ? [("Councils", .councils)] : []) + (dashboard ? [(council.name, council.url)] : [])
    }

    static func page(title: String, user: CurrentUser?, breadcrumbs: [(String, SiteURL)] = [], wide: Bool = false,
                     content: Node<HTML.BodyContext>) -> HTML {
        let width = wide ? "govuk-width-container govuk-width-container--wide" : "govuk-width-container"
        return HTML(
            .lang(.english),
            .head(
                .element(named: "meta", attributes: [.attribute(named: "charset", value: "utf-8")]),
                .element(named: "title", text: "\(FormState.current == nil ? "" : "Error: ")\(title) – \(serviceName)"),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .link(.rel(.stylesheet), .href(SiteURL.printStylesheet.path), .attribute(named: "media", value: "print"))
            ),
            .body(
                .class("govuk-template__body"),
                .a(.href("#main-content"), .class("govuk-skip-link"), "Skip to main content"),
                .header(
                    .class("govuk-header"),
                    .div(
                        // Header, main and footer share one width, so their edges line up on every page.
                        .class("govuk-header__container " + width),
                        .a(.href(.home), .class("govuk-header__link govuk-header__service-name"), .text(serviceName)),
                        .unwrap(user) { user in
                            .nav(
                                .attribute(named: "aria-label", value: "Account"),
                                .class("govuk-header__navigation"),
                                .span(.class("govuk-header__user"), .text(user.displayName == user.role.label ? user.displayName : "\(user.displayName) (\(user.role.label))")),
                                .a(.href(.account), .class("govuk-header__link"), "Account"),
                                .form(
                                    .action(.signOut), .method(.post), .class("govuk-header__form"),
                                    .input(.type(.hidden), .name(CSRF.field), .value(user.csrfToken ?? "")),
                                    .button(.type(.submit), .class("govuk-header__button"), "Sign out")
                                )
                            )
                        }
                    )
                ),
                .div(
                    .class(width),
                    .div(.class("govuk-phase-banner"),
                         .p(.class("govuk-phase-banner__content"),
                            .strong(.class("govuk-tag govuk-phase-banner__content__tag"), "Beta"),
                            .span(.class("govuk-phase-banner__text"), "Official-sensitive: children's social care data. Do not share outside your role."))),
                    .if(!breadcrumbs.isEmpty, .nav(
                        .class("govuk-breadcrumbs"), .attribute(named: "aria-label", value: "Breadcrumb"),
                        .ol(.class("govuk-breadcrumbs__list"), .forEach(breadcrumbs) { crumb in
                            .li(.class("govuk-breadcrumbs__list-item"), .a(.class("govuk-breadcrumbs__link"), .href(crumb.1), .text(crumb.0)))
                        })
                    )),
                    .main(.class("govuk-main-wrapper"), .id("main-content"), .attribute(named: "role", value: "main"), Field.errorSummary(), content)
                ),
                .footer(
                    .class("govuk-footer"),
                    .div(.class(width),
                         .p(.class("govuk-footer__meta"), "Figures follow the statutory definitions of the Children in Need census, the SSDA903 return and the children's social work workforce census. Child identifiers are shown only as pseudonyms."))
                )
            )
        )
    }

    /// A hidden CSRF field for a form.
    static func csrf(_ user: CurrentUser?) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRF.field), .value(user?.csrfToken ?? ""))
    }

    /// A `<select>` with its options (Plot's own writes options as empty elements).
    static func select<Context: HTML.BodyContext>(id: String, name: String, options: [(value: String, label: String)], selected: String? = nil) -> Node<Context> {
        .element(named: "select", nodes: [
            .attribute(named: "class", value: "govuk-select"), .attribute(named: "id", value: id), .attribute(named: "name", value: name),
        ] + options.map { option in
            .element(named: "option", nodes: [.attribute(named: "value", value: option.value)]
                + (option.value == selected ? [.attribute(named: "selected", value: "selected")] : []) + [.text(option.label)])
        })
    }

    /// A coloured tag for a RAG rating or a status word.
    static func tag(_ text: String, colour: String) -> Node<HTML.BodyContext> {
        .strong(.class("govuk-tag govuk-tag--\(colour)"), .text(text))
    }
}
