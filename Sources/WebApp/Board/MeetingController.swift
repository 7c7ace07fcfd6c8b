import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

/// Board meetings on the notice's cadence: the agenda monitoring draws up, attendance, decisions, minutes, the
/// chair's questions, decisions on revised timescales, and the board pack.
enum MeetingController {
    static func load(_ req: Request) async throws -> (CurrentUser, BoardData) {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        return (user, try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council)))
    }

    static func number(_ req: Request) throws -> Int {
        guard let text = req.parameters.get("meeting"), let n = Int(text), n > 0 else { throw Abort(.notFound) }
        return n
    }

    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await load(req)
        return MeetingView.list(data, user: user)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let (user, data) = try await load(req)
        let n = try number(req)
        guard let meeting = data.meeting(n), let agenda = data.agenda(for: n) else { throw Abort(.notFound) }
        return MeetingView.meeting(data, meeting: meeting, agenda: agenda, user: user)
    }

    struct AttendeeForm: Content { var name: String?; var capacity: String?; var organisation: String?; var present: String? }
    struct DecisionForm: Content { var kind: String?; var text: String?; var owner: String?; var due: String? }
    struct MinutesForm: Content { var minutes: String?; var held: String? }
    struct QuestionForm: Content { var question: String? }
    struct RequestDecisionForm: Content { var decision: String }

    static func save(_ req: Request, _ change: @escaping @Sendable (inout MeetingRecord) -> Void) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let n = try number(req)
        do {
            try await req.store.scope(council.requireID()).saveMeeting(number: n, change, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: "/councils/\(try council.requireID())/meetings/\(n)")
    }

    @Sendable static func addAttendee(req: Request) async throws -> Response {
        let form = try req.content.decode(AttendeeForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let capacity = BoardCapacity(rawValue: form.capacity ?? "") else { throw Abort(.unprocessableEntity, reason: "Enter a name and a capacity.") }
        let attendee = MeetingRecord.Attendee(name: name, capacity: capacity, organisation: (form.organisation ?? "").trimmingCharacters(in: .whitespaces),
                                              present: form.present != "apologies")
        return try await save(req) { $0.attendees.append(attendee) }
    }

    @Sendable static func addDecision(req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Abort(.unprocessableEntity, reason: "Enter the decision or action.") }
        let dueText = (form.due ?? "").trimmingCharacters(in: .whitespaces)
        let due = dueText.isEmpty ? nil : CalendarDate(iso: dueText)
        guard dueText.isEmpty || due != nil else { throw Abort(.unprocessableEntity, reason: "Enter the due date as 2011-12-31.") }
        let decision = MeetingRecord.Decision(kind: form.kind == "action" ? .action : .decision, text: text,
                                              owner: form.owner.flatMap { $0.isEmpty ? nil : $0 }, due: due)
        return try await save(req) { $0.decisions.append(decision) }
    }

    @Sendable static func saveMinutes(req: Request) async throws -> Response {
        let form = try req.content.decode(MinutesForm.self)
        let minutes = form.minutes ?? ""
        let held = form.held == "yes"
        return try await save(req) { record in
            record.minutes = minutes
            record.held = held
        }
    }

    @Sendable static func addQuestion(req: Request) async throws -> Response {
        let question = (try req.content.decode(QuestionForm.self).question ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty else { throw Abort(.unprocessableEntity, reason: "Enter the question.") }
        return try await save(req) { $0.questions.append(question) }
    }

    /// The board agrees or refuses a revised timescale at this meeting.
    @Sendable static func decideRequest(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let n = try number(req)
        let id = try req.uuidParameter("request")
        let form = try req.content.decode(RequestDecisionForm.self)
        guard let decision = TimescaleRequest.Decision(rawValue: form.decision), decision != .pending else {
            throw Abort(.unprocessableEntity, reason: "Agree or refuse the request.")
        }
        do {
            try await req.store.scope(council.requireID()).decide(request: id, decision, atMeeting: n, by: user.actor)
        } catch StorageError.notFound {
            throw Abort(.notFound)
        } catch let refusal as TimescaleRequest.Refusal {
            throw Abort(.unprocessableEntity, reason: refusal.description.capitalizingFirst + ".")
        }
        return req.redirect(to: "/councils/\(try council.requireID())/meetings/\(n)#requests")
    }

    /// The board pack: HTML that prints on A4, or a PDF printed by headless Chromium (`?format=pdf`).
    @Sendable static func pack(req: Request) async throws -> Response {
        let (_, data) = try await load(req)
        let n = try number(req)
        guard let pack = data.pack(meeting: n) else { throw Abort(.notFound) }
        let base = "/councils/\(data.council.id?.uuidString ?? "")/meetings/\(n)/pack"
        if (try? req.query.get(String.self, at: "format")) == "pdf" {
            let html = pack.html(stylesheet: Stylesheet.site)
            let pdf: Data
            do {
                pdf = try await req.application.threadPool.runIfActive { try PDFPrinter.pdf(html: html) }
            } catch let error as PDFPrinter.Unavailable {
                throw Abort(.serviceUnavailable, reason: error.description.capitalizingFirst + ".")
            }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"board-pack-\(data.council.laCode)-meeting-\(n).pdf\"")
            return Response(status: .ok, headers: headers, body: .init(data: pdf))
        }
        var headers = HTTPHeaders()
        headers.contentType = .html
        // The pack carries its own styles inline: it is a document to save and print, not a page of the site. It is
        // the same for every reader until the council's records change, so it is written once per picture.
        let html = data.picture.drawings.value("board-pack-\(n)") { pack.html(stylesheet: Stylesheet.site) { table, format in "\(base)/\(table).\(format)" } }
        let response = Response(status: .ok, headers: headers, body: .init(string: html))
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
        return response
    }

    /// One table of the pack as CSV or XLSX.
    @Sendable static func export(req: Request) async throws -> Response {
        let (_, data) = try await load(req)
        let n = try number(req)
        guard let file = req.parameters.get("file"), let dot = file.lastIndex(of: ".") else { throw Abort(.notFound) }
        let name = String(file[..<dot]), format = String(file[file.index(after: dot)...])
        guard let pack = data.pack(meeting: n), let table = pack.table(named: name) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        let filename = "\(data.council.laCode)-meeting-\(n)-\(name).\(format)"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        switch format {
        case "csv":
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: table.csv()))
        case "xlsx":
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            return Response(status: .ok, headers: headers, body: .init(data: try table.xlsx()))
        default:
            throw Abort(.notFound)
        }
    }
}

enum MeetingView {
    static func list(_ data: BoardData, user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        let next = data.nextMeeting
        return Layout.page(title: "Board meetings", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("Improvement Board meetings: \(data.council.name)")),
            .unwrap(next) { n in
                .p(.class("govuk-body"), .text("Next: "), .a(.class("govuk-link"), .id("next-meeting"), .href("\(base)/meetings/\(n)"), .text("meeting \(n)")),
                   .text(", "), .a(.class("govuk-link"), .href("\(base)/meetings/\(n)/pack"), "its board pack"))
            },
            .if(data.meetings.isEmpty, .p(.class("govuk-body"), "No meetings are scheduled: the notice has no date to count from, or none was loaded.")),
            .table(.class("govuk-table"), .id("meetings"),
                   .caption(.class("govuk-table__caption"), .text(data.picture.calendar?.notes.first ?? "Meetings on the notice's cadence")),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Meeting"), .th(.attribute(named: "scope", value: "col"), "Date"),
                              .th(.attribute(named: "scope", value: "col"), "Recorded"))),
                   .tbody(.forEach(data.meetings) { m in
                       .tr(.th(.attribute(named: "scope", value: "row"), .a(.class("govuk-link"), .href("\(base)/meetings/\(m.number)"), .text("Meeting \(m.number)"))),
                           .td(.text(Format.date(m.date))),
                           .td(.text(m.record.held ? "Held; \(m.record.decisions.count) decisions and actions" : m.date < data.asOf ? "Not recorded" : "")))
                   }))
        ))
    }

    static func meeting(_ data: BoardData, meeting: (number: Int, date: CalendarDate, record: MeetingRecord), agenda: BoardAgenda, user: CurrentUser) -> HTML {
        let base = "/councils/\(data.council.id?.uuidString ?? "")"
        let path = "\(base)/meetings/\(meeting.number)"
        let mayRun = Access.roles(for: .runMeeting).contains(user.role)
        let mayAsk = Access.roles(for: .assessCouncil).contains(user.role)
        let titles = Dictionary(uniqueKeysWithValues: data.actions.map { ($0.id, $0.action) })
        let pending = data.requests.filter { $0.request.decision == .pending }
        let record = meeting.record
        return Layout.page(title: "Meeting \(meeting.number)", user: user, breadcrumbs: BoardViews.crumbs(data, user) + [("Meetings", "\(base)/meetings")], content: .group(
            .span(.class("govuk-caption-l"), .text(Format.date(meeting.date))),
            .h1(.class("govuk-heading-l"), .text("Improvement Board meeting \(meeting.number)")),
            .p(.class("govuk-body"), .a(.class("govuk-link"), .id("pack-link"), .href("\(path)/pack"), "Board pack (prints on A4)"), .text(" · "),
               .a(.class("govuk-link"), .href("\(path)/pack?format=pdf"), "as PDF")),
            .h2(.class("govuk-heading-m"), "Agenda"),
            .ol(.class("govuk-list govuk-list--number"), .id("agenda"),
                .li("Welcome, apologies and declarations"),
                .li("Minutes and actions of the last meeting"),
                .forEach(agenda.items) { item in .li(.class("agenda-\(item.kind.rawValue)"), .strong(.text(item.title)), .text(": \(item.detail)")) },
                .forEach(record.questions) { .li(.class("agenda-question"), .text("Chair's question: \($0)")) },
                .li("Any other business")),
            .if(mayAsk, .form(.action("\(path)/questions"), .method(.post), Layout.csrf(user),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("question"), "Add a question to the agenda"),
                                   .input(.class("govuk-input"), .id("question"), .name("question"), .type(.text))),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add the question"))),
            .h2(.class("govuk-heading-m"), .id("requests"), "Revised timescales to decide"),
            .if(pending.isEmpty, .p(.class("govuk-body"), "None.")),
            .forEach(pending) { r in
                .div(.class("app-card"),
                     .p(.class("govuk-body"), .strong(.text(titles[r.action]?.title ?? "An action")),
                        .text(": \(r.request.requestedBy) asks to move \(titles[r.action].map { Format.date($0.dueDate) } ?? "?") to \(Format.date(r.request.requestedDue)). \(r.request.reason)")),
                     .if(mayRun, .form(.action("\(path)/requests/\(r.id)"), .method(.post), Layout.csrf(user),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small"), .name("decision"), .value("agreed"), "Agree"),
                                       .button(.type(.submit), .class("govuk-button govuk-button--small govuk-button--secondary"), .name("decision"), .value("refused"), "Refuse"))))
            },
            .h2(.class("govuk-heading-m"), "Attendance"),
            .table(.class("govuk-table"), .id("attendance"),
                   .caption(.class("govuk-table__caption"), "Members"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Name"), .th(.attribute(named: "scope", value: "col"), "Capacity"),
                              .th(.attribute(named: "scope", value: "col"), "Organisation"), .th(.attribute(named: "scope", value: "col"), "Present"))),
                   .tbody(.forEach(record.attendees) { a in
                       .tr(.td(.text(a.name)), .td(.text(a.capacity.label)), .td(.text(a.organisation)), .td(.text(a.present ? "Present" : "Apologies")))
                   })),
            .if(mayRun, .form(.action("\(path)/attendees"), .method(.post), Layout.csrf(user),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("attendee-name"), "Name"),
                                   .input(.class("govuk-input"), .id("attendee-name"), .name("name"), .type(.text))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("attendee-capacity"), "Capacity"),
                                   Layout.select(id: "attendee-capacity", name: "capacity", options: BoardCapacity.allCases.map { ($0.rawValue, $0.label) })),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("attendee-organisation"), "Organisation"),
                                   .input(.class("govuk-input"), .id("attendee-organisation"), .name("organisation"), .type(.text))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("attendee-present"), "Present or apologies"),
                                   Layout.select(id: "attendee-present", name: "present", options: [("present", "Present"), ("apologies", "Apologies")])),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Add to attendance"))),
            .h2(.class("govuk-heading-m"), "Decisions and actions"),
            .ul(.class("govuk-list govuk-list--bullet"), .id("decisions"), .forEach(record.decisions) { d in
                .li(.text("\(d.kind == .action ? "Action" : "Decision"): \(d.text)\(d.owner.map { " (\($0))" } ?? "")\(d.due.map { ", by \(Format.date($0))" } ?? "")"))
            }),
            .if(mayRun, .form(.action("\(path)/decisions"), .method(.post), Layout.csrf(user),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("decision-kind"), "Kind"),
                                   Layout.select(id: "decision-kind", name: "kind", options: [("decision", "Decision"), ("action", "Action")])),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("decision-text"), "What was decided"),
                                   .input(.class("govuk-input"), .id("decision-text"), .name("text"), .type(.text))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("decision-owner"), "Owner (for an action)"),
                                   .input(.class("govuk-input"), .id("decision-owner"), .name("owner"), .type(.text))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("decision-due"), "Due (2011-12-31)"),
                                   .input(.class("govuk-input govuk-input--narrow"), .id("decision-due"), .name("due"), .type(.text))),
                              .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Record it"))),
            .h2(.class("govuk-heading-m"), "Minutes"),
            .if(!mayRun, .div(.class("govuk-body"), .id("minutes"), .text(record.minutes.isEmpty ? "Not yet written." : record.minutes))),
            .if(mayRun, .form(.action("\(path)/minutes"), .method(.post), Layout.csrf(user),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("minutes"), "Minutes"),
                                   .textarea(.class("govuk-textarea"), .id("minutes"), .name("minutes"), .rows(10), .text(record.minutes))),
                              .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("held"), "Has the meeting taken place and are these the agreed minutes?"),
                                   Layout.select(id: "held", name: "held", options: [("no", "Not yet"), ("yes", "Yes")], selected: record.held ? "yes" : "no")),
                              .button(.type(.submit), .class("govuk-button"), "Save the minutes")))
        ))
    }
}
