import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

enum CalendarView {
    static func table(_ calendar: NoticeCalendar, asOf: CalendarDate, upcomingOnly: Bool) -> Node<HTML.BodyContext> {
        let horizon = asOf.adding(months: 3)
        let entries = calendar.entries.filter { entry in
            guard upcomingOnly else { return true }
            if entry.overdue { return true }
            guard let date = entry.date else { return false }
            return date >= asOf && date <= horizon
        }
        return .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: upcomingOnly ? "Overdue, and due in the next three months" : "The notice's calendar"), .attribute(named: "tabindex", value: "0"),
.table(
            .class("govuk-table"), .id("calendar"),
            .caption(.class("govuk-table__caption"), .text(upcomingOnly ? "Overdue, and due in the next three months" : "The notice's calendar")),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date"), .th(.attribute(named: "scope", value: "col"), "What"),
                       .th(.attribute(named: "scope", value: "col"), "Kind"), .th(.attribute(named: "scope", value: "col"), "State"))),
            .tbody(.forEach(entries) { entry in
                .tr(.td(.text(Format.date(entry.date))), .td(.text(entry.what)), .td(.text(entry.kind.rawValue.capitalizingFirst)),
                    .td(entry.overdue ? Layout.tag("Overdue", colour: "red") : entry.done ? Layout.tag(entry.kind == .meeting ? "Held" : entry.kind == .visit ? "Visited" : "Done", colour: "green")
                        : entry.notRecorded ? Layout.tag("Not recorded", colour: "grey") : .text("")))
            })
        ))
    }
}
