import Domain
import NoticeReader
import Plot

/// The notice page's fields: those a person should check first, then every field with the words it came from, each
/// confirmed as read (the primary action, and what Enter does) or corrected in a form of its own.
extension NoticeView {
    /// A correction that was refused: the field, why, and what the person typed (kept, never lost).
    struct Refused: Sendable {
        var field: String
        var message: String
        var typed: String
    }

    static func checkFirst(_ checks: [NoticeFields.Check], reviewed: [String: (verdict: String, reviewer: String)]) -> Node<HTML.BodyContext> {
        let open = checks.filter { reviewed[$0.path] == nil }
        guard !open.isEmpty else { return .empty }
        return .div(.class("govuk-inset-text"), .id("check-first"),
                    .h2(.class("govuk-heading-m"), .text("Check these first (\(open.count))")),
                    .p(.class("govuk-body"), "The reader was least sure of these fields. Confirm or correct each one before the rest."),
                    .dl(.class("govuk-summary-list"), .forEach(open) { check in
                        .div(.class("govuk-summary-list__row"),
                             .dt(.class("govuk-summary-list__key"),
                                 .a(.class("govuk-link"), .href("#field-\(NoticeController.anchor(check.path))"), .text(check.label))),
                             .dd(.class("govuk-summary-list__value"), .text(check.reason)))
                    }))
    }

    static func fieldsTable(_ page: Page, fields: [NoticeFields.Field], marks: Marks, user: CurrentUser, mayEdit: Bool,
                            refused: Refused?) -> Node<HTML.BodyContext> {
        let latest = page.reviews
        let council = page.council
        return .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "The notice's fields"), .attribute(named: "tabindex", value: "0"),
.table(
            .class("govuk-table"), .id("fields"),
            .caption(.class("govuk-table__caption govuk-table__caption--m"), "Every field, the words it was read from, and who has checked it"),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Field"), .th(.attribute(named: "scope", value: "col"), "As read"),
                       .th(.attribute(named: "scope", value: "col"), "Checked"), .th(.attribute(named: "scope", value: "col"), .if(mayEdit, .text("Confirm or correct"))))),
            .tbody(.forEach(fields) { field in
                let anchor = NoticeController.anchor(field.path)
                let review = latest[field.path]
                let error = refused?.field == field.path ? refused : nil
                return .tr(
                    .id("field-\(anchor)"),
                    .th(.attribute(named: "scope", value: "row"), .text(field.label),
                        .unwrap(marks.id(for: field.path)) { mark in
                            // A notice read from a PDF says which page the words are on.
                            let onPage = field.source.flatMap { PDFText.page(in: page.sourceText, at: $0.start) }
                            return .group(.text(" "), .a(.class("govuk-link govuk-body-s"), .href("#\(mark)"),
                                                         .text(onPage.map { "(see the words, page \($0))" } ?? "(see the words)")))
                        }),
                    .td(.text(field.value.isEmpty ? "not given" : field.kind == .due || field.kind == .date ? Self.dueWords(field.value) : field.value)),
                    .td(.unwrap(review) { r in .text("\(r.verdict.capitalizingFirst) by \(r.reviewer)") }),
                    .td(.if(mayEdit, .group(
                        .form(.action(council.url(.noticeFields(page.id))), .method(.post), Layout.csrf(user),
                              .input(.type(.hidden), .name("field"), .value(field.path)),
                              .input(.type(.hidden), .name("verdict"), .value("confirmed")),
                              .button(.type(.submit), .class("govuk-button govuk-button--small"), .id("confirm-\(anchor)"),
                                      .text("Confirm"), .span(.class("govuk-visually-hidden"), .text(" \(field.label)")))),
                        correction(page, field: field, anchor: anchor, user: user, error: error)
                    )))
                )
            })
        ))
    }

    /// "Correct" opens the field for editing, in a form of its own, so that Enter there saves the correction and
    /// Enter anywhere else confirms.
    private static func correction(_ page: Page, field: NoticeFields.Field, anchor: String, user: CurrentUser, error: Refused?) -> Node<HTML.BodyContext> {
        let inputID = "value-\(anchor)"
        let shown = error?.typed ?? (field.kind == .indicator ? nil : field.value)
        let control: Node<HTML.FormContext>
        if field.kind == .indicator {
            control = Layout.select(id: inputID, name: "value", options: NoticeFields.indicatorChoices.map { ($0.name, $0.name) },
                                    selected: error?.typed ?? field.value)
        } else {
            control = .input(.class(error == nil ? "govuk-input" : "govuk-input govuk-input--error"), .id(inputID), .name("value"), .type(.text),
                             .value(shown ?? ""))
        }
        return .details(
            .class("govuk-details govuk-!-margin-bottom-0"), .if(error != nil, .attribute(named: "open", value: "open")),
            .summary(.class("govuk-details__summary"), .span(.class("govuk-details__summary-text"), "Correct"),
                     .span(.class("govuk-visually-hidden"), .text(" \(field.label)"))),
            .div(.class("govuk-details__text"), .form(
                .action(page.council.url(.noticeFields(page.id))), .method(.post), Layout.csrf(user),
                .input(.type(.hidden), .name("field"), .value(field.path)),
                .input(.type(.hidden), .name("verdict"), .value("corrected")),
                .div(.class(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
                     .label(.class("govuk-label govuk-body-s"), .for(inputID), .text("The correct value for \(field.label)")),
                     .span(.class("govuk-hint"), .text(hint(field.kind))),
                     .unwrap(error) { error in .span(.class("govuk-error-message"), .id("error-\(anchor)"), .span(.class("govuk-visually-hidden"), "Error: "), .text(error.message)) },
                     control),
                .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), "Save the correction")
            ))
        )
    }

    static func hint(_ kind: NoticeFields.Kind) -> String {
        switch kind {
        case .text: return "As the notice words it."
        case .number: return "A number, like 70 or 12.5; leave empty if the notice gives none."
        case .date: return "A date, like 2011-01-31."
        case .due: return "A date (2011-06-30), a month (2011-06) or months after the notice (notice+6m)."
        case .weeks: return "A number of weeks, like 4."
        case .indicator: return "Choose another measure when none of the standard ones fits: its figures are entered by hand."
        }
    }

    /// A due date as a person reads it; the form to type one ("notice+6m") stays in the editor.
    static func dueWords(_ value: String) -> String {
        if let day = CalendarDate(iso: value) { return Format.date(day) }
        if let month = YearMonth(iso: value) { return month.label }
        if value.hasPrefix("notice+"), value.hasSuffix("m"), let n = Int(value.dropFirst(7).dropLast()) {
            return n == 0 ? "from the date of the notice" : "\(n) month\(n == 1 ? "" : "s") after the notice"
        }
        return value
    }
}
