import Domain
import Foundation
import Monitoring
import NoticeReader
import Plot
import Storage

enum NoticeView {
    static let messages: [String: String] = [
        "read": "The notice has been read. Check each field against the words marked in the text, then confirm the notice.",
        "confirmed": "The field has been confirmed.",
        "corrected": "The field has been corrected; the change is in the audit trail.",
        "draft": "The notice is a draft again.",
        "lifecycle": "What happened to the notice has been recorded.",
    ]

    /// What the notice page shows: the stored notice, read back from its row into plain values.
    struct Page: Sendable {
        var council: CouncilRef
        var id: NoticeID
        var confirmed: Bool
        var encoding: String
        var loadedBy: String
        var sourceText: String
        var warnings: [String]
        var notice: Notice
        /// The latest verdict on each field, and who gave it.
        var reviews: [String: (verdict: String, reviewer: String)]
        var calendar: NoticeCalendar?
        var asOf: CalendarDate

        init(council: CouncilRef, record: NoticeModel, notice: Notice, warnings: [String], reviews: [FieldReviewModel], calendar: NoticeCalendar?,
             asOf: CalendarDate) throws {
            self.council = council
            id = NoticeID(try record.requireID())
            confirmed = record.state == "confirmed"
            encoding = record.encoding
            loadedBy = record.createdBy
            sourceText = record.sourceText
            self.warnings = warnings
            self.notice = notice
            self.reviews = Dictionary(reviews.map { ($0.field, ($0.verdict, $0.reviewer)) }, uniquingKeysWith: { _, b in b })
            self.calendar = calendar
            self.asOf = asOf
        }
    }

    static func none(council: CouncilRef, user: CurrentUser) -> HTML {
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        return Layout.page(title: "No notice", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
            .h1(.class("govuk-heading-l"), .text("No notice has been loaded for \(council.name)")),
            .if(mayEdit, .p(.class("govuk-body"), .a(.class("govuk-link"), .href(council.url(.newNotice)), "Load the notice from its text")))
        ))
    }

    static func page(_ page: Page, user: CurrentUser, error: Refused?, message: String?) -> HTML {
        let council = page.council, notice = page.notice, calendar = page.calendar, asOf = page.asOf, warnings = page.warnings
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let fields = NoticeFields.list(notice)
        let latest = page.reviews
        let reviewed = fields.filter { latest[$0.path] != nil }.count
        let checks = NoticeFields.toCheck(notice)
        let marks = Marks(fields: fields)
        return Layout.page(title: "Notice: \(notice.council.name)", user: user,
                           breadcrumbs: Layout.crumbs(user, council), wide: true, content: .group(
            .unwrap(message) { message in
                .div(.class("govuk-notification-banner govuk-notification-banner--success"), .attribute(named: "role", value: "alert"),
                     .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-heading-s"), "Done")),
                     .div(.class("govuk-notification-banner__content"), .p(.class("govuk-body"), .text(message))))
            },
            .unwrap(error) { error in
                .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                     .h2(.class("govuk-error-summary__title"), "There is a problem"),
                     .ul(.class("govuk-list govuk-error-summary__list"),
                         .li(.a(.href("#value-\(NoticeController.anchor(error.field))"), .text(error.message)))))
            },
            .span(.class("govuk-caption-l"), .text(page.confirmed ? "Confirmed notice" : "Draft notice: to be confirmed")),
            .h1(.class("govuk-heading-l"), .text("Improvement Notice: \(notice.council.name)")),
            .p(.class("govuk-body"), .text("\(reviewed) of \(fields.count) fields looked at by a person. "
                + (page.encoding == "PDF" ? "Read from the PDF as published" : "Read from text (\(page.encoding))") + ", loaded by \(page.loadedBy).")),
            checkFirst(checks, reviewed: latest),
            .if(mayEdit, .form(
                .action(council.url(.noticeState(page.id))), .method(.post),
                Layout.csrf(user),
                .input(.type(.hidden), .name("state"), .value(page.confirmed ? "draft" : "confirmed")),
                .button(.type(.submit), .class(page.confirmed ? "govuk-button govuk-button--secondary" : "govuk-button"), .id("notice-state"),
                        .text(page.confirmed ? "Return the notice to draft" : "Confirm the notice"))
            )),
            .if(!warnings.isEmpty, .details(.class("govuk-details"), .summary(.class("govuk-details__summary"),
                                                                           .span(.class("govuk-details__summary-text"), .text("What the reader noticed (\(warnings.count))"))),
                                        .div(.class("govuk-details__text"), .ul(.class("govuk-list govuk-list--bullet"), .forEach(warnings) { .li(.text($0)) })))),
            .h2(.class("govuk-heading-m"), "What has happened to the notice"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Now: \(LifecycleView.label(notice.lifecycle.currentState))"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("lifecycle"),
                   .caption(.class("govuk-table__caption"), .text("Now: \(LifecycleView.label(notice.lifecycle.currentState))")),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Event"), .th(.attribute(named: "scope", value: "col"), "Date"),
                              .th(.attribute(named: "scope", value: "col"), "Reason"))),
                   .tbody(.forEach(notice.lifecycle) { event in
                       .tr(.td(.text(LifecycleView.label(event.state))), .td(.text(event.date.map { Self.dueWords($0.iso) } ?? "–")), .td(.text(event.reason ?? "")))
                   }))),
            .if(mayEdit && LifecycleEvent.State.allCases.contains(where: { notice.lifecycle.allows($0) }), .details(
                .class("govuk-details"), .if(FormState.isShowing("lifecycle"), .attribute(named: "open", value: "open")),
                .summary("Record what happened to the notice"),
                .div(.class("govuk-details__text"), .form(
                    .action(council.url(.noticeLifecycle(page.id))), .method(.post),
                    Layout.csrf(user),
                    Field.select(form: "lifecycle", id: "lifecycle-state", name: "state", label: "What happened",
                                 options: LifecycleEvent.State.allCases.filter { notice.lifecycle.allows($0) }.map { ($0.rawValue, LifecycleView.label($0)) }),
                    Field.text(form: "lifecycle", id: "lifecycle-date", name: "date", label: "When (optional)", hint: "A day or a month, for example 31 3 2012 or March 2012", width: "narrow"),
                    Field.text(form: "lifecycle", id: "lifecycle-reason", name: "reason", label: "Why, in a sentence"),
                    .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Record it")
                ))
            )),
            fieldsTable(page, fields: fields, marks: marks, user: user, mayEdit: mayEdit, refused: error),
            .unwrap(calendar) { calendar in
                .group(.h2(.class("govuk-heading-m"), "Calendar"), CalendarView.table(calendar, asOf: asOf, upcomingOnly: false),
                       .if(!calendar.notes.isEmpty, .ul(.class("govuk-list govuk-list--bullet"), .forEach(calendar.notes) { .li(.text($0)) })))
            },
            .h2(.class("govuk-heading-m"), .id("the-text"), "The notice's text"),
            .p(.class("govuk-body"), "The words each field was read from are marked; the link after them goes back to the field."),
            .div(.class("notice-text"), .id("notice-text"), .attribute(named: "tabindex", value: "0"),
                 .attribute(named: "aria-label", value: "The notice's text"), marks.render(page.sourceText))
        ))
    }

    static func upload(council: CouncilRef, user: CurrentUser, error: String?) -> HTML {
        Layout.page(title: "Load a notice", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
            .unwrap(error) { error in
                .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                     .h2(.class("govuk-error-summary__title"), "There is a problem"), .ul(.class("govuk-list"), .li(.a(.href("#text"), .text(error)))))
            },
            .h1(.class("govuk-heading-l"), .text("Load a notice for \(council.name)")),
            .p(.class("govuk-body"), "The text is read into a draft: every field is shown beside the words it came from, for you to confirm or correct."),
            .form(
                .action(council.url(.newNotice)), .method(.post), .enctype(.multipartData),
                Layout.csrf(user),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("file"), "The notice as published (PDF) or as a text file"),
                     .input(.class("govuk-file-upload"), .id("file"), .name("file"), .type(.file), .attribute(named: "accept", value: ".pdf,application/pdf,.txt,text/plain"))),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("text"), "Or paste its text"),
                     .textarea(.class("govuk-textarea"), .id("text"), .name("text"), .rows(12))),
                Field.text(form: "notice", id: "noticeDate", name: "noticeDate", label: "The notice's date, if the text does not give it",
                           hint: "For example, 31 1 2011", width: "narrow"),
                .button(.type(.submit), .class("govuk-button"), .id("read-notice"), "Read the notice")
            )
        ))
    }

    static func stateWords(_ record: NoticeRef, _ notice: Notice?) -> String {
        let state = notice.map { LifecycleView.label($0.lifecycle.currentState) } ?? "Issued"
        return record.confirmed ? "\(state), confirmed" : "\(state), draft to be confirmed"
    }

    /// The spans to mark in the text: the first field to claim a stretch of words marks it; a field whose words
    /// overlap one already marked links to that mark.
    struct Marks {
        var spans: [(start: Int, end: Int, id: String, field: String)] = []
        var byField: [String: String] = [:]

        init(fields: [NoticeFields.Field]) {
            for field in fields {
                guard let span = field.source, span.end > span.start else { continue }
                if let hit = spans.first(where: { $0.start < span.end && span.start < $0.end }) {
                    byField[field.path] = hit.id
                } else {
                    let id = "words-\(NoticeController.anchor(field.path))"
                    spans.append((span.start, span.end, id, NoticeController.anchor(field.path)))
                    byField[field.path] = id
                }
            }
            spans.sort { $0.start < $1.start }
        }

        func id(for path: String) -> String? { byField[path] }

        func render(_ text: String) -> Node<HTML.BodyContext> {
            let scalars = Array(text.unicodeScalars)
            var nodes: [Node<HTML.BodyContext>] = []
            var at = 0
            func slice(_ a: Int, _ b: Int) -> String {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[max(0, min(a, scalars.count))..<max(0, min(b, scalars.count))])
                return String(s)
            }
            for span in spans where span.start >= at && span.start < scalars.count {
                nodes.append(.text(slice(at, span.start)))
                nodes.append(.element(named: "mark", nodes: [.id(span.id), .text(slice(span.start, span.end))]))
                nodes.append(.a(.class("govuk-link govuk-body-s notice-back"), .href("#field-\(span.field)"), "(back to the field)"))
                at = min(span.end, scalars.count)
            }
            nodes.append(.text(slice(at, scalars.count)))
            return .group(nodes)
        }
    }
}
