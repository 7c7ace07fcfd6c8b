import Domain
import Indicators
import Monitoring
import Plot
import Storage
import Vapor

/// One target: its chart, its milestones, its figures month by month, and for any month the records behind the
/// numerator and the denominator.
enum TargetController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let target = TargetID(try req.uuidParameter(TargetKind.self))
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        guard let status = picture.status(of: target) else { throw Abort(.notFound) }
        var drill: FigureRecords?
        if let (month, basis) = try FigureRecords.choice(req, month: nil, basis: .inMonth) {
            drill = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, picture: picture, req: req, today: today)
        }
        return TargetView.page(picture: picture, status: status, target: target, drill: drill, user: user)
    }

    struct FigureForm: Content {
        var month: String
        var basis: String
        var value: String
        var note: String?
    }

    /// A figure entered by hand, for a month the returns do not cover (it never replaces a computed one).
    @Sendable static func enterFigure(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (council, target, page) = try await pictureTarget(req)
        let scope = req.store.scope(try council.requireID())
        let form = try req.content.decode(FigureForm.self)
        var errors: [FormProblem.FieldError] = []
        let month = DateEntry.month(form.month)
        if month == nil { errors.append(.init(field: "figure-month", message: "Enter the month, like June 2011")) }
        let basis = Basis(rawValue: form.basis).flatMap { $0 == .unspecified ? nil : $0 }
        if basis == nil { errors.append(.init(field: "figure-basis", message: "Choose how the figure is counted")) }
        let value = Double(form.value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        if value == nil {
            errors.append(.init(field: "figure-value", message: "Enter the figure as a number, like 72.5"))
        } else if target.unit == .percent, value! > 100 {
            errors.append(.init(field: "figure-value", message: "Enter a percentage of 100 or less"))
        }
        guard errors.isEmpty, let month, let basis, let value else { throw FormProblem(page: page, form: "figure", errors: errors) }
        let note = form.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await scope.addHandFigure(indicator: target.indicatorID.rawValue, measure: target.handMeasure, basis: basis.rawValue, month: month.iso, value: value,
                                          note: note?.isEmpty == false ? note : nil, by: user.actor)
        return req.redirect(to: page.with(fragment: "figures"))
    }

    /// The basis a target is judged on, or the indicator's first when the notice gave none.
    static func usualBasis(_ status: TargetStatus) -> Basis {
        status.basis != .unspecified ? status.basis : status.target.indicatorID.info.bases.first ?? .inMonth
    }

    /// The records behind one figure as CSV or XLSX (`records.csv`, `records.xlsx` with `?month=&basis=`).
    @Sendable static func exportRecords(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        let target = TargetID(try req.uuidParameter(TargetKind.self))
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        guard let status = picture.status(of: target) else { throw Abort(.notFound) }
        // Without a month, the month the figures stand at.
        guard let (month, basis) = try FigureRecords.choice(req, month: YearMonth(picture.asOf), basis: Self.usualBasis(status)) else { throw Abort(.notFound) }
        let list = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, picture: picture, req: req, today: today)
        var headers = HTTPHeaders()
        let format = req.url.path.hasSuffix(".xlsx") ? "xlsx" : "csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(council.laCode)-records-\(month.iso)-\(basis.rawValue).\(format)\"")
        if format == "xlsx" {
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            return Response(status: .ok, headers: headers, body: .init(data: try list.table.xlsx()))
        }
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: list.table.csv()))
    }
}

/// The council's commentary on a target's figure for a month, and the chair's answer.
extension TargetController {
    struct CommentaryForm: Content { var month: String?; var shows: String?; var why: String?; var actions: String?; var owner: String?; var due: String? }
    struct AnswerForm: Content { var month: String?; var answer: String? }

    /// The target a path names, the notice's or the board's, as the council's picture has it.
    static func pictureTarget(_ req: Request) async throws -> (CouncilModel, Target, SiteURL) {
        let council = try await req.pathCouncil()
        let id = TargetID(try req.uuidParameter(TargetKind.self))
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        guard let status = picture.status(of: id) else { throw Abort(.notFound) }
        return (council, status.target, .council(try council.pathID(), .target(id)))
    }

    @Sendable static func writeCommentary(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (council, target, page) = try await pictureTarget(req)
        let form = try req.content.decode(CommentaryForm.self)
        guard let month = YearMonth(iso: form.month ?? "") else { throw Abort(.badRequest) }
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors: [FormProblem.FieldError] = []
        if text(form.shows).isEmpty { errors.append(.init(field: "shows", message: "Say what the figure shows")) }
        if text(form.why).isEmpty { errors.append(.init(field: "why", message: "Say why the figure is where it is")) }
        if text(form.actions).isEmpty { errors.append(.init(field: "actions", message: "Say what is being done about it")) }
        if text(form.owner).isEmpty { errors.append(.init(field: "owner", message: "Say who is doing it")) }
        let dueText = text(form.due)
        let due = dueText.isEmpty ? nil : DateEntry.parse(dueText)
        if !dueText.isEmpty, due == nil { errors.append(.init(field: "due", message: DateEntry.hint("The date", example: "31 12 2011"))) }
        guard errors.isEmpty else { throw FormProblem(page: page, form: "commentary", errors: errors) }
        let commentary = Commentary(shows: text(form.shows), why: text(form.why), actions: text(form.actions), owner: text(form.owner), due: due)
        try await req.store.scope(council.requireID()).writeCommentary(target: target.commentaryKey, month: month, commentary, by: user.actor)
        return req.redirect(to: page.with(fragment: "commentary"))
    }

    @Sendable static func answerCommentary(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (council, target, page) = try await pictureTarget(req)
        let form = try req.content.decode(AnswerForm.self)
        guard let month = YearMonth(iso: form.month ?? "") else { throw Abort(.badRequest) }
        let answer = (form.answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !answer.isEmpty else { throw FormProblem(page: page, form: "answer", field: "answer", "Write the answer") }
        try await req.store.scope(council.requireID()).answerCommentary(target: target.commentaryKey, month: month, answer, by: user.actor)
        return req.redirect(to: page.with(fragment: "commentary"))
    }
}
