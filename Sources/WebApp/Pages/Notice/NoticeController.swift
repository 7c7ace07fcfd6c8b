import Domain
import Monitoring
import NoticeReader
import Plot
import Storage
import Vapor

/// The notice: its text with the words behind each field marked, its fields for a person to confirm or correct, its
/// calendar; and loading a new notice from its text.
enum NoticeController {
    @Sendable static func current(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        guard let notice = try await req.store.scope(council.requireID()).currentNotice() else {
            return try await NoticeView.none(council: CouncilRef(council), user: req.requireUser()).encodeResponse(for: req)
        }
        return req.redirect(to: .council(try council.pathID(), .noticeVersion(NoticeID(try notice.requireID()))))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.notice(id: try req.uuidParameter(NoticeKind.self)), let notice = try await scope.storedNotice(record) else {
            throw Abort(.notFound)
        }
        let reviews = try await scope.fieldReviews(of: record)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        let message = try? req.query.get(String.self, at: "done")
        let page = try NoticeView.Page(council: picture.council, record: record, notice: notice, warnings: try await scope.warnings(of: record), reviews: reviews,
                                       calendar: picture.noticeRecord?.key == record.id ? picture.calendar : nil, asOf: picture.asOf)
        return NoticeView.page(page, user: user, error: nil, message: message.flatMap(NoticeView.messages.index(forKey:)).map { NoticeView.messages[$0].value })
    }

    struct ReviewForm: Content {
        var field: String
        var verdict: String
        var value: String?
        /// "yes" once the person has seen which dates a new notice date moves.
        var move: String?
    }

    /// A person confirms a field as read, or corrects it.
    @Sendable static func review(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.notice(id: try req.uuidParameter(NoticeKind.self)), let notice = try await scope.storedNotice(record) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(ReviewForm.self)
        guard let field = NoticeFields.list(notice).first(where: { $0.path == form.field }) else { throw Abort(.badRequest, reason: "There is no such field.") }
        let url = SiteURL.council(try council.pathID(), .noticeVersion(NoticeID(try record.requireID())))
        switch form.verdict {
        case "confirmed":
            try await scope.reviewField(of: record, field: field.path, verdict: "confirmed", valueBefore: field.value, valueAfter: field.value,
                                        newNotice: nil, by: user.actor)
            return req.redirect(to: url.with(query: ["done": "confirmed"], fragment: "field-\(anchor(field.path))"))
        case "corrected":
            let typed = form.value ?? ""
            func refuse(_ message: String) async throws -> Response {
                let model = try NoticeView.Page(council: CouncilRef(council), record: record, notice: notice, warnings: try await scope.warnings(of: record),
                                                reviews: try await scope.fieldReviews(of: record), calendar: nil, asOf: req.settings.today(for: council))
                let response = try await NoticeView.page(model, user: user, error: .init(field: field.path, message: message, typed: typed), message: nil)
                    .encodeResponse(for: req)
                response.status = .unprocessableEntity
                return response
            }
            let changed: Notice
            do {
                changed = try NoticeFields.apply(typed, to: field.path, in: notice)
            } catch {
                return try await refuse(error.description)
            }
            let after = NoticeFields.list(changed).first { $0.path == field.path }?.value
            guard after != field.value else {
                return try await refuse("\(field.label): this is the value as read. Choose Confirm if it is right, or enter the correct value.")
            }
            // A new notice date moves every date counted from it: say which, and ask, before moving them.
            if field.path == "noticeDate", form.move != "yes" {
                let before = notice.noticeDate ?? record.noticeDate.flatMap(CalendarDate.init(iso:))
                let moves = NoticeMoves.moves(notice: notice, from: before, to: changed.noticeDate ?? record.noticeDate.flatMap(CalendarDate.init(iso:)),
                                              asOf: req.settings.today(for: council))
                if !moves.isEmpty {
                    return try await NoticeView.confirmMoves(council: CouncilRef(council), id: NoticeID(try record.requireID()), field: field, typed: typed,
                                                             before: before, after: changed.noticeDate, moves: moves, user: user).encodeResponse(for: req)
                }
            }
            try await scope.reviewField(of: record, field: field.path, verdict: "corrected", valueBefore: field.value, valueAfter: after,
                                        newNotice: changed, by: user.actor)
            return req.redirect(to: url.with(query: ["done": "corrected"], fragment: "field-\(anchor(field.path))"))
        default:
            throw Abort(.badRequest, reason: "Choose confirm or correct.")
        }
    }

    struct StateForm: Content { var state: String }

    @Sendable static func setState(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.notice(id: try req.uuidParameter(NoticeKind.self)) else { throw Abort(.notFound) }
        let form = try req.content.decode(StateForm.self)
        guard ["draft", "confirmed"].contains(form.state) else { throw Abort(.badRequest, reason: "A notice is a draft or confirmed.") }
        try await scope.setNoticeState(record, to: form.state, by: user.actor)
        return req.redirect(to: SiteURL.council(try council.pathID(), .noticeVersion(NoticeID(try record.requireID()))).with(query: ["done": form.state]))
    }

    struct LifecycleForm: Content {
        var state: String
        var date: String?
        var reason: String?
    }

    /// Records what happened to the notice (reviewed, revised, lifted, replaced by a direction). Nothing follows a
    /// lifted notice or a direction.
    @Sendable static func lifecycle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.notice(id: try req.uuidParameter(NoticeKind.self)), var notice = try await scope.storedNotice(record) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(LifecycleForm.self)
        let page = SiteURL.council(try council.pathID(), .noticeVersion(NoticeID(try record.requireID())))
        guard let state = LifecycleEvent.State(rawValue: form.state) else {
            throw FormProblem(page: page, form: "lifecycle", field: "lifecycle-state", "Choose what happened to the notice")
        }
        guard notice.lifecycle.allows(state) else {
            throw FormProblem(page: page, form: "lifecycle", field: "lifecycle-state",
                              "A notice that is \(LifecycleView.label(notice.lifecycle.currentState).lowercased()) cannot then be \(LifecycleView.label(state).lowercased())")
        }
        let dateText = (form.date ?? "").trimmingCharacters(in: .whitespaces)
        let date = dateText.isEmpty ? nil : DateEntry.parse(dateText).map(PartialDate.day) ?? DateEntry.month(dateText).map(PartialDate.month) ?? PartialDate(iso: dateText)
        guard dateText.isEmpty || date != nil else {
            throw FormProblem(page: page, form: "lifecycle", field: "lifecycle-date", "Enter a real day or month, like 31 3 2012 or March 2012, or leave it empty")
        }
        let before = notice.lifecycle.currentState.rawValue
        let reason = form.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        notice.lifecycle.append(LifecycleEvent(state: state, date: date, reason: reason?.isEmpty == false ? reason : nil))
        try await scope.reviewField(of: record, field: "lifecycle", verdict: "corrected", valueBefore: before, valueAfter: state.rawValue,
                                    newNotice: notice, by: user.actor)
        return req.redirect(to: SiteURL.council(try council.pathID(), .noticeVersion(NoticeID(try record.requireID()))).with(query: ["done": "lifecycle"]))
    }

    @Sendable static func new(req: Request) async throws -> HTML {
        NoticeView.upload(council: try CouncilRef(await req.pathCouncil()), user: try req.requireUser(), error: nil)
    }

    struct UploadForm: Content {
        var text: String?
        var file: File?
        var noticeDate: String?
    }

    /// Reads a notice's text into a draft and stores it for confirming.
    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(UploadForm.self)
        var bytes: [UInt8] = []
        if let file = form.file, file.data.readableBytes > 0 { bytes = Array(file.data.readableBytesView) } else if let text = form.text { bytes = Array(text.utf8) }
        func fail(_ message: String) async throws -> Response {
            let response = try await NoticeView.upload(council: try CouncilRef(council), user: user, error: message).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return try await fail("Paste the notice's text or choose a file") }
        let limit = PDFText.isPDF(bytes) ? PDFText.maximumPDFBytes : NoticeInput.maximumBytes
        if bytes.count > limit { return try await fail("The notice is larger than \(limit / 1_000_000) MB; is it the right file?") }
        var noticeDate: String?
        if let text = form.noticeDate?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let day = DateEntry.parse(text) else { return try await fail("The notice's date must be a real date, like 31 1 2011, or leave it empty") }
            noticeDate = day.iso
        }
        var draft: NoticeDraft
        do {
            // A PDF's text is read by a separate process that may take seconds: off the request's threads.
            let input = bytes
            draft = try await req.application.threadPool.runIfActive { try NoticeReader.read(bytes: input) }
        } catch {
            return try await fail("The file could not be read as a notice: \(error)")
        }
        // A date entered for a notice whose text gives none becomes the notice's own, shown and corrected like any field.
        if draft.notice.noticeDate == nil, let entered = noticeDate.flatMap(CalendarDate.init(iso:)) {
            draft.notice.noticeDate = entered
            draft.warnings.removeAll { $0.hasPrefix("the notice carries no date") }
        }
        let record = try await req.store.scope(council.requireID()).createNotice(
            sourceText: draft.text, encoding: draft.encoding, notice: draft.notice,
            warnings: draft.warnings, noticeDate: noticeDate, by: user.actor)
        return req.redirect(to: SiteURL.council(try council.pathID(), .noticeVersion(NoticeID(try record.requireID()))).with(query: ["done": "read"]))
    }

    static func anchor(_ path: String) -> String {
        path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}
