import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

enum MeetingView {
    static func list(_ data: BoardData, user: CurrentUser) -> HTML {
        let council = data.council
        let next = data.nextMeeting
        return Layout.page(title: "Board meetings", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Improvement Board meetings: \(data.council.name)")),
            .unwrap(next) { n in
                .p(.class("govuk-body"), .text("Next: "), .a(.class("govuk-link"), .id("next-meeting"), .href(council.url(.meeting(MeetingNumber(n)))), .text("meeting \(n)")),
                   .text(", "), .a(.class("govuk-link"), .href(council.url(.pack(MeetingNumber(n)))), "its board pack"))
            },
            .if(data.meetings.isEmpty, .p(.class("govuk-body"), "No meetings are scheduled: the notice has no date to count from, or none was loaded.")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: data.picture.calendar?.notes.first ?? "Meetings on the notice's cadence"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("meetings"),
                   .caption(.class("govuk-table__caption"), .text(data.picture.calendar?.notes.first ?? "Meetings on the notice's cadence")),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Meeting"), .th(.attribute(named: "scope", value: "col"), "Date"),
                              .th(.attribute(named: "scope", value: "col"), "Recorded"))),
                   .tbody(.forEach(data.meetings) { m in
                       .tr(.th(.attribute(named: "scope", value: "row"), .a(.class("govuk-link"), .href(council.url(.meeting(MeetingNumber(m.number)))), .text("Meeting \(m.number)"))),
                           .td(.text(Format.date(m.date))),
                           .td(.text(m.record.held ? "Held; \(m.record.decisions.count) decisions and actions" : m.date < data.asOf ? "Not recorded" : "")))
                   })))
        ))
    }

    static func meeting(_ data: BoardData, meeting: (number: Int, date: CalendarDate, record: MeetingRecord), agenda: BoardAgenda, user: CurrentUser) -> HTML {
        let council = data.council, number = MeetingNumber(meeting.number)
        let mayRun = Access.roles(for: .runMeeting).contains(user.role)
        let mayAsk = Access.roles(for: .assessCouncil).contains(user.role)
        let titles = Dictionary(uniqueKeysWithValues: data.actions.map { ($0.id, $0.action) })
        let pending = data.requests.filter { $0.request.decision == .pending }
        let record = meeting.record
        return Layout.page(title: "Meeting \(meeting.number)", user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Meetings", council.url(.meetings))], content: .group(
            .span(.class("govuk-caption-l"), .text(Format.date(meeting.date))),
            .h1(.class("govuk-heading-l"), .text("Improvement Board meeting \(meeting.number)")),
            .p(.class("govuk-body"), .a(.class("govuk-link"), .id("pack-link"), .href(council.url(.pack(number))), "Board pack (prints on A4)"), .text(" · "),
               .a(.class("govuk-link"), .href(council.url(.pack(number)).with(query: ["format": "pdf"])), "as PDF")),
            .h2(.class("govuk-heading-m"), "Agenda"),
            .ol(.class("govuk-list govuk-list--number"), .id("agenda"),
                .li("Welcome, apologies and declarations"),
                .li("Minutes and actions of the last meeting"),
                .forEach(agenda.items) { item in .li(.class("agenda-\(item.kind.rawValue)"), .strong(.text(item.title)), .text(": \(item.detail)")) },
                .forEach(record.questions) { .li(.class("agenda-question"), .text("Chair's question: \($0)")) },
                .li("Any other business")),
            .if(mayAsk, .form(.action(council.url(.questions(number))), .method(.post), Layout.csrf(user),
                              Field.text(form: "question", id: "question", name: "question", label: "Add a question to the agenda"),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add the question"))),
            .h2(.class("govuk-heading-m"), .id("requests"), "Revised timescales to decide"),
            .if(pending.isEmpty, .p(.class("govuk-body"), "None.")),
            .forEach(pending) { r in
                .div(.class("app-card"),
                     .p(.class("govuk-body"), .strong(.text(titles[r.action]?.title ?? "An action")),
                        .text(": \(r.request.requestedBy) asks to move \(titles[r.action].map { Format.date($0.dueDate) } ?? "?") to \(Format.date(r.request.requestedDue)). \(r.request.reason)")),
                     .if(mayRun, .form(.action(council.url(.request(number, RequestID(r.id)))), .method(.post), Layout.csrf(user),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small"), .name("decision"), .value("agreed"), "Agree"),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), .name("decision"), .value("refused"), "Refuse"))))
            },
            .h2(.class("govuk-heading-m"), .id("board-targets"), "The board's targets to decide"),
            .if(data.picture.board.boardTargets.allSatisfy { $0.target.state != .proposed }, .p(.class("govuk-body"), "None.")),
            .forEach(data.picture.board.boardTargets.filter { $0.target.state == .proposed }) { row in
                .div(.class("app-card"),
                     .p(.class("govuk-body"), .strong(.text(row.target.target.indicator.capitalizingFirst)), .text(": "),
                        .text(BoardTargetView.proposalSentence(row, all: data.picture.board.boardTargets))),
                     .if(mayRun, .form(.action(council.url(.boardTargetDecision(number, BoardTargetID(row.id)))), .method(.post), Layout.csrf(user),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small"), .name("decision"), .value("agreed"), "Agree"),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), .name("decision"), .value("refused"), "Refuse"))))
            },
            .h2(.class("govuk-heading-m"), "Attendance"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Members"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("attendance"),
                   .caption(.class("govuk-table__caption"), "Members"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Name"), .th(.attribute(named: "scope", value: "col"), "Capacity"),
                              .th(.attribute(named: "scope", value: "col"), "Organisation"), .th(.attribute(named: "scope", value: "col"), "Present"))),
                   .tbody(.forEach(record.attendees) { a in
                       .tr(.td(.text(a.name)), .td(.text(a.capacity.label)), .td(.text(a.organisation)), .td(.text(a.present ? "Present" : "Apologies")))
                   }))),
            .if(mayRun, .form(.action(council.url(.attendees(number))), .method(.post), Layout.csrf(user),
                              Field.text(form: "attendee", id: "attendee-name", name: "name", label: "Name"),
                              Field.select(form: "attendee", id: "attendee-capacity", name: "capacity", label: "Capacity",
                                           options: BoardCapacity.allCases.map { ($0.rawValue, $0.label) }),
                              Field.text(form: "attendee", id: "attendee-organisation", name: "organisation", label: "Organisation"),
                              Field.select(form: "attendee", id: "attendee-present", name: "present", label: "Present or apologies",
                                           options: [("present", "Present"), ("apologies", "Apologies")]),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add to attendance"))),
            .h2(.class("govuk-heading-m"), "Decisions and actions"),
            .ul(.class("govuk-list govuk-list--bullet"), .id("decisions"), .forEach(record.decisions) { d in
                .li(.text("\(d.kind == .action ? "Action" : "Decision"): \(d.text)\(d.owner.map { " (\($0))" } ?? "")\(d.due.map { ", by \(Format.date($0))" } ?? "")"))
            }),
            .if(mayRun, .form(.action(council.url(.decisions(number))), .method(.post), Layout.csrf(user),
                              Field.select(form: "decision", id: "decision-kind", name: "kind", label: "Kind", options: [("decision", "Decision"), ("action", "Action")]),
                              Field.text(form: "decision", id: "decision-text", name: "text", label: "What was decided"),
                              Field.text(form: "decision", id: "decision-owner", name: "owner", label: "Owner (for an action)"),
                              Field.text(form: "decision", id: "decision-due", name: "due", label: "Due by (optional)", hint: "For example, 31 12 2011", width: "narrow"),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Record it"))),
            .h2(.class("govuk-heading-m"), "Minutes"),
            .if(!mayRun, .div(.class("govuk-body"), .id("minutes"), .text(record.minutes.isEmpty ? "Not yet written." : record.minutes))),
            .if(mayRun, .form(.action(council.url(.minutes(number))), .method(.post), Layout.csrf(user),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("minutes"), "Minutes"),
                                   .textarea(.class("govuk-textarea"), .id("minutes"), .name("minutes"), .rows(10), .text(record.minutes))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("held"), "Has the meeting taken place and are these the agreed minutes?"),
                                   Layout.select(id: "held", name: "held", options: [("no", "Not yet"), ("yes", "Yes")], selected: record.held ? "yes" : "no")),
                              .button(.type(.submit), .class("govuk-button"), "Save the minutes")))
        ))
    }
}
