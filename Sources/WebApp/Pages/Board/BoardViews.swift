import Domain
import Plot
import Storage
import Vapor

enum BoardViews {
    /// GOV.UK pagination: previous and next, the first and last pages and those next to the current one.
    static func pagination(page: Int, of pages: Int, link: (Int) -> String) -> Node<HTML.BodyContext> {
        let numbers = Array(Set([1, page - 1, page, page + 1, pages]).filter { (1...pages).contains($0) }).sorted()
        // nil where pages are left out between two shown.
        let items: [Int?] = numbers.enumerated().flatMap { i, n in i > 0 && n - numbers[i - 1] > 1 ? [nil, n] : [n] }
        return .nav(.class("govuk-pagination"), .attribute(named: "aria-label", value: "Pages"),
            .if(page > 1, .div(.class("govuk-pagination__prev"), .a(.class("govuk-link"), .href(link(page - 1)), .attribute(named: "rel", value: "prev"),
                                                                  .text("Previous"), .span(.class("govuk-visually-hidden"), " page")))),
            .ul(.class("govuk-pagination__list"), .forEach(items) { item in
                guard let n = item else { return .li(.class("govuk-pagination__item govuk-pagination__item--ellipses"), "⋯") }
                return .li(.class("govuk-pagination__item" + (n == page ? " govuk-pagination__item--current" : "")),
                    .a(.class("govuk-link"), .href(link(n)), .attribute(named: "aria-label", value: "Page \(n)"),
                       .if(n == page, .attribute(named: "aria-current", value: "page")), .text(String(n))))
            }),
            .if(page < pages, .div(.class("govuk-pagination__next"), .a(.class("govuk-link"), .href(link(page + 1)), .attribute(named: "rel", value: "next"),
                                                                      .text("Next"), .span(.class("govuk-visually-hidden"), " page")))))
    }

    static func crumbs(_ data: BoardData, _ user: CurrentUser) -> [(String, SiteURL)] {
        Layout.crumbs(user, data.council)
    }

    static func row(_ key: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.class("govuk-summary-list__row"), .th(.class("govuk-summary-list__key"), .attribute(named: "scope", value: "row"), .text(key)),
            .td(.class("govuk-summary-list__value"), .text(value)))
    }

    static func error(_ message: String?, field: String) -> Node<HTML.BodyContext> {
        .unwrap(message) { message in
            .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                 .h2(.class("govuk-error-summary__title"), "There is a problem"),
                 .ul(.class("govuk-list"), .li(.a(.href("#\(field)"), .text(message)))))
        }
    }
}
