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
        guard let text = req.parameters.get(MeetingKind.parameter), let n = Int(text), n > 0 else { throw Abort(.notFound) }
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
    struct RequestDecisionForm: Content { var decision: String; var confirm: String? }

    static func save(_ req: Request, _ change: @escaping @Sendable (inout MeetingRecord) -> Void) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let n = try number(req)
        do {
            try await req.store.scope(council.requireID()).saveMeeting(number: n, change, by: user.actor)
        } catch StorageError.notFound { throw Abort(.notFound) }
        return req.redirect(to: .council(try council.pathID(), .meeting(MeetingNumber(n))))
    }

    /// The meeting's page, where its forms are shown again when one cannot be taken.
    static func page(_ req: Request) async throws -> SiteURL {
        .council(try await req.pathCouncil().pathID(), .meeting(MeetingNumber(try number(req))))
    }

    @Sendable static func addAttendee(req: Request) async throws -> Response {
        let form = try req.content.decode(AttendeeForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw FormProblem(page: try await page(req), form: "attendee", field: "attendee-name", "Enter the member's name.") }
        guard let capacity = BoardCapacity(rawValue: form.capacity ?? "") else {
            throw FormProblem(page: try await page(req), form: "attendee", field: "attendee-capacity", "Choose the capacity they attend in.")
        }
        let attendee = MeetingRecord.Attendee(name: name, capacity: capacity, organisation: (form.organisation ?? "").trimmingCharacters(in: .whitespaces),
                                              present: form.present != "apologies")
        return try await save(req) { $0.attendees.append(attendee) }
    }

    @Sendable static func addDecision(req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FormProblem.FieldError] = []
        if text.isEmpty { errors.append(.init(field: "decision-text", message: "Enter what was decided or the action agreed")) }
        let dueText = (form.due ?? "").trimmingCharacters(in: .whitespaces)
        let due = dueText.isEmpty ? nil : DateEntry.parse(dueText)
        if !dueText.isEmpty, due == nil { errors.append(.init(field: "decision-due", message: DateEntry.hint("The due date", example: "31 12 2011"))) }
        guard errors.isEmpty else { throw FormProblem(page: try await page(req), form: "decision", errors: errors) }
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
        guard !question.isEmpty else { throw FormProblem(page: try await page(req), form: "question", field: "question", "Enter the question for the agenda.") }
        return try await save(req) { $0.questions.append(question) }
    }

    /// The board agrees or refuses a revised timescale at this meeting.
    @Sendable static func decideRequest(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let n = try number(req)
        let id = try req.uuidParameter(RequestKind.self)
        let form = try req.content.decode(RequestDecisionForm.self)
        guard let decision = TimescaleRequest.Decision(rawValue: form.decision), decision != .pending else {
            throw Abort(.unprocessableEntity, reason: "Agree or refuse the request.")
        }
        // Agreeing moves an action's date: say what moves, from when to when, and ask before moving it.
        if decision == .agreed, form.confirm != "yes" {
            let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
            guard let pending = data.requests.first(where: { $0.id == id && $0.request.decision == .pending }),
                  let action = data.actions.first(where: { $0.id == pending.action }) else { throw Abort(.notFound) }
            return try await MeetingView.confirmTimescale(data, meeting: MeetingNumber(n), request: RequestID(id), action: action.action,
                                                          asked: pending.request, user: user).encodeResponse(for: req)
        }
        do {
            try await req.store.scope(council.requireID()).decide(request: id, decision, atMeeting: n, by: user.actor)
        } catch StorageError.notFound {
            throw Abort(.notFound)
        } catch let refusal as TimescaleRequest.Refusal {
            throw Abort(.unprocessableEntity, reason: refusal.description.capitalizingFirst + ".")
        }
        return req.redirect(to: SiteURL.council(try council.pathID(), .meeting(MeetingNumber(n))).with(fragment: "requests"))
    }

    /// The board pack: HTML that prints on A4, or a PDF printed by headless Chromium (`?format=pdf`).
    @Sendable static func pack(req: Request) async throws -> Response {
        let (_, data) = try await load(req)
        let n = try number(req)
        guard let pack = data.pack(meeting: n) else { throw Abort(.notFound) }
        let council = data.council, meeting = MeetingNumber(n)
        if (try? req.query.get(String.self, at: "format")) == "pdf" {
            let html = pack.html(styles: .inline(Stylesheet.site))
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
        // On screen the pack links the site's stylesheet (which carries the pack's own rules), under the site's
        // Content-Security-Policy like every page. It is the same for every reader until the council's records change,
        // so it is written once per picture.
        let html = data.picture.drawings.value("board-pack-\(n)") {
            pack.html(styles: .linked([SiteURL.stylesheet.path]), back: council.url(.meeting(meeting)).path) { table, format in
                council.url(.packFile(meeting, PackFile(table: table, format: format))).path
            }
        }
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    /// One table of the pack as CSV or XLSX.
    @Sendable static func export(req: Request) async throws -> Response {
        let (_, data) = try await load(req)
        let n = try number(req)
        guard let file = req.parameters.get(PackFileKind.parameter), let dot = file.lastIndex(of: ".") else { throw Abort(.notFound) }
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
