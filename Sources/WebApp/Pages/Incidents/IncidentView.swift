import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

enum IncidentView {
    static func page(_ data: BoardData, user: CurrentUser) -> HTML {
        let council = data.council
        return Layout.page(title: "Serious incidents", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Serious incidents: \(data.council.name)")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Recorded incidents, newest first"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("incidents"),
                   .caption(.class("govuk-table__caption"), "Recorded incidents, newest first"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date"), .th(.attribute(named: "scope", value: "col"), "Kind"),
                              .th(.attribute(named: "scope", value: "col"), "What happened"), .th(.attribute(named: "scope", value: "col"), "Recorded by"))),
                   .tbody(.forEach(data.incidents) { i in
                       .tr(.td(.text(Format.date(i.incident.occurredOn))), .td(.text(i.incident.kind.label)), .td(.text(i.incident.summary)), .td(.text(i.reportedBy)))
                   }))),
            .if(Access.roles(for: .editCouncil).contains(user.role), .group(
                .h2(.class("govuk-heading-m"), "Record an incident"),
                .p(.class("govuk-body"), "DfE officials are told at once. Do not name the child or give any identifier."),
                .form(.action(council.url(.incidents)), .method(.post), Layout.csrf(user),
                      Field.select(form: "incident", id: "kind", name: "kind", label: "Kind", options: Incident.Kind.allCases.map { ($0.rawValue, $0.label) }),
                      Field.text(form: "incident", id: "occurredOn", name: "occurredOn", label: "Date", hint: "For example, 30 6 2011", width: "narrow"),
                      Field.text(form: "incident", id: "summary", name: "summary", label: "What happened, in a sentence", hint: "Do not give the child's name"),
                      .button(.type(.submit), .class("govuk-button"), .id("record-incident"), "Record the incident"))))
        ))
    }
}
