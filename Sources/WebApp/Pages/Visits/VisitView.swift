import Domain
import Foundation
import Plot
import Published
import Storage

/// Ofsted's visits to the council: the list with Ofsted's latest judgement from the published outcomes, the form to
/// record one, and each visit with its findings and its areas for priority action, in the plan or to be put there.
enum VisitView {
    typealias Row = (id: UUID, recordedBy: String, letterName: String?, visit: OfstedVisit)

    static func list(_ data: BoardData, inspection: OfstedOutcomes.Inspection?, history: [OfstedOutcomes.Inspection], user: CurrentUser) -> HTML {
        let council = data.council
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let visits = data.picture.board.visits.reversed()
        return Layout.page(title: "Ofsted's visits", user: user, breadcrumbs: BoardViews.crumbs(data, user), wide: true, content: .group(
            .h1(.class("govuk-heading-l"), .text("Ofsted's visits: \(council.name)")),
            .unwrap(inspection) { i in
                .p(.class("govuk-body"), .id("ilacs"), .text("Ofsted's latest published judgement of the council's children's services: \(i.overall), inspected \(PublishedFormat.ofstedDate(i.inspected)), published \(PublishedFormat.ofstedDate(i.published)). "),
                   .a(.class("govuk-link"), .href(council.url(.compare)), "Every judgement of that inspection"))
            },
            .if(inspection == nil, .p(.class("govuk-body"), "No published inspection outcome is loaded for this council.")),
            .if(!history.isEmpty, publishedHistory(history)),
            .if(visits.isEmpty, .p(.class("govuk-body"), .id("no-visits"), "No visit is recorded yet.")),
            .if(!visits.isEmpty, .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Visits, latest first"), .attribute(named: "tabindex", value: "0"),
                .table(.class("govuk-table"), .id("visits"), .caption(.class("govuk-table__caption"), "Visits, latest first"),
                       .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Visit"), .th(.attribute(named: "scope", value: "col"), "Looked at"),
                                  .th(.attribute(named: "scope", value: "col"), "Letter"), .th(.attribute(named: "scope", value: "col"), "Areas for priority action"))),
                       .tbody(.forEach(Array(visits)) { row in
                           .tr(.th(.attribute(named: "scope", value: "row"), .a(.class("govuk-link"), .href(council.url(.visit(VisitID(row.id)))), .text(row.visit.name))),
                               .td(.text(row.visit.theme)),
                               .td(.text(row.visit.publishedOn.map { "Published \(Format.date($0))" } ?? "Not yet published")),
                               .td(.text(inPlan(row, data: data))))
                       })))),
            .if(mayEdit, form(council, user: user))
        ))
    }

    /// Ofsted's published inspections since 2018 and visits of the workbook's year, latest first: what the council's
    /// own record of visits sits beside.
    static func publishedHistory(_ history: [OfstedOutcomes.Inspection]) -> Node<HTML.BodyContext> {
        let caption = "Ofsted's published inspections and visits, latest first"
        return .group(
            .h2(.class("govuk-heading-m"), .id("ilacs-history"), "Inspections and visits Ofsted has published"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: caption), .attribute(named: "tabindex", value: "0"),
                 .table(.class("govuk-table"), .id("published-history"), .caption(.class("govuk-table__caption govuk-visually-hidden"), .text(caption)),
                        .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Inspected or visited"), .th(.attribute(named: "scope", value: "col"), "What it was"),
                                   .th(.attribute(named: "scope", value: "col"), "Judgement, or what the visit looked at"), .th(.attribute(named: "scope", value: "col"), "Published"))),
                        .tbody(.forEach(history.reversed()) { i in
                            .tr(.td(.text(PublishedFormat.ofstedDate(i.inspected))), .td(.text(kindWords(i.kind))),
                                .td(.text(i.overall.isEmpty ? i.theme : "Overall: \(i.overall)")), .td(.text(PublishedFormat.ofstedDate(i.published))))
                        }))))
    }

    /// Ofsted's names for its work, in plain words.
    static func kindWords(_ kind: String) -> String {
        switch kind.lowercased() {
        case "ilacs standard inspection": "Standard inspection"
        case "ilacs short inspection": "Short inspection"
        case "ilacs focused visit": "Focused visit"
        case "la monitoring visit": "Monitoring visit"
        case "": "Inspection"
        default: kind
        }
    }

    /// "2 of 3 in the plan".
    static func inPlan(_ row: Row, data: BoardData) -> String {
        let total = row.visit.priorityActions.count
        guard total > 0 else { return "None" }
        let planned = row.visit.priorityActions.indices.filter { i in data.actions.contains { $0.action.recommendation == row.visit.planWords(i) } }.count
        return "\(planned) of \(total) in the plan"
    }

    static func form(_ council: CouncilRef, user: CurrentUser) -> Node<HTML.BodyContext> {
        .group(
            .h2(.class("govuk-heading-m"), .id("record"), "Record a visit"),
            .form(.action(council.url(.visits)), .method(.post), .enctype(.multipartData), Layout.csrf(user),
                  Field.select(form: "visit", id: "visit-kind", name: "kind", label: "Kind of visit", options: OfstedVisit.Kind.allCases.map { ($0.rawValue, $0.label) }),
                  Field.text(form: "visit", id: "visitedOn", name: "visitedOn", label: "The visit's last day", hint: "For example, 12 5 2011", width: "narrow"),
                  Field.text(form: "visit", id: "publishedOn", name: "publishedOn", label: "The letter published on (optional)", hint: "For example, 20 5 2011", width: "narrow"),
                  Field.text(form: "visit", id: "theme", name: "theme", label: "What the visit looked at", hint: "For example, the front door and assessments"),
                  Field.textarea(form: "visit", id: "findings", name: "findings", label: "The letter's findings", rows: 6),
                  Field.textarea(form: "visit", id: "priorities", name: "priorities", label: "Areas for priority action (optional)", hint: "One to a line, in the letter's words", rows: 4),
                  .div(.class("govuk-form-group" + (FormState.error(form: "visit", field: "letter") == nil ? "" : " govuk-form-group--error")),
                       .label(.class("govuk-label"), .for("letter"), "The letter as Ofsted published it (PDF, optional)"),
                       .unwrap(FormState.error(form: "visit", field: "letter")) { .p(.class("govuk-error-message"), .id("letter-error"), .span(.class("govuk-visually-hidden"), "Error: "), .text($0)) },
                       .input(.class("govuk-file-upload"), .id("letter"), .name("letter"), .type(.file), .attribute(named: "accept", value: ".pdf,application/pdf"))),
                  .button(.type(.submit), .class("govuk-button"), .id("record-visit"), "Record the visit")))
    }

    static func visit(_ data: BoardData, row: Row, user: CurrentUser) -> HTML {
        let council = data.council, visit = row.visit, id = VisitID(row.id)
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        return Layout.page(title: visit.name, user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Ofsted's visits", council.url(.visits))], content: .group(
            .span(.class("govuk-caption-l"), .text("Ofsted, \(council.name)")),
            .h1(.class("govuk-heading-l"), .text(visit.name)),
            .dl(.class("govuk-summary-list"), .id("visit"),
                summary("Looked at", visit.theme),
                summary("Letter", visit.publishedOn.map { "Published \(Format.date($0))" } ?? "Not yet published"),
                summary("Recorded by", row.recordedBy)),
            .unwrap(row.letterName) { name in
                .p(.class("govuk-body"), .a(.class("govuk-link"), .href(council.url(.visitLetter(id))), .text("The letter (\(name))")))
            },
            .h2(.class("govuk-heading-m"), "What the letter found"),
            .forEach(visit.findings.split(whereSeparator: \.isNewline).map(String.init)) { .p(.class("govuk-body"), .text($0)) },
            .h2(.class("govuk-heading-m"), .id("priorities"), "Areas for priority action"),
            .if(visit.priorityActions.isEmpty, .p(.class("govuk-body"), "The letter names none.")),
            .ol(.class("govuk-list govuk-list--number"), .forEach(Array(visit.priorityActions.enumerated())) { i, text in
                let action = data.actions.first { $0.action.recommendation == visit.planWords(i) }
                return .li(.p(.class("govuk-body"), .text(text)),
                           .unwrap(action) { a in
                               .p(.class("govuk-body-s"), .text("In the plan: "), .a(.class("govuk-link"), .href(council.url(.action(ActionID(a.id)))), .text(a.action.title)),
                                  .text(", due \(Format.date(a.action.dueDate)), \(a.action.status.label.lowercased())."))
                           },
                           .if(action == nil && mayEdit, .form(.action(council.url(.visitPlan(id))), .method(.post), Layout.csrf(user),
                               .input(.type(.hidden), .name("priority"), .value(String(i))),
                               Field.text(form: "priority-\(i)", id: "priority-due-\(i)", name: "due", label: "Due by", hint: "For example, 31 8 2011", width: "narrow"),
                               Field.text(form: "priority-\(i)", id: "priority-lead-\(i)", name: "lead", label: "Lead (optional)"),
                               .button(.type(.submit), .class("govuk-button govuk-button--secondary govuk-button--small"), "Put it in the plan"))),
                           .if(action == nil && !mayEdit, .p(.class("govuk-body-s"), "Not yet in the plan.")))
            })
        ))
    }

    static func summary(_ key: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), .text(key)), .dd(.class("govuk-summary-list__value"), .text(value)))
    }
}
