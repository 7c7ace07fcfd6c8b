import Domain
import Plot
import Storage
import Vapor

/// The improvement adviser's notes: advice to the council and the board, and the adviser's reports on reviews of
/// progress for DfE. Everyone on the council reads them; only the adviser (or an administrator) writes them.
enum AdviceController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let notes = try await req.store.scope(data.council.key).adviceNotes().map(AdviceView.Note.init)
        return AdviceView.page(data, notes: notes, user: user)
    }

    struct NoteForm: Content { var kind: String?; var title: String?; var text: String? }

    @Sendable static func write(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let page = SiteURL.council(try council.pathID(), .advice)
        let form = try req.content.decode(NoteForm.self)
        var errors: [FormProblem.FieldError] = []
        let kind = form.kind ?? ""
        if !["advice", "review_report"].contains(kind) { errors.append(.init(field: "note-kind", message: "Choose advice or a review report")) }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces), text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(.init(field: "note-title", message: "Give the note a title")) }
        if text.isEmpty { errors.append(.init(field: "note-text", message: "Write the note")) }
        guard errors.isEmpty else { throw FormProblem(page: page, form: "note", errors: errors) }
        _ = try await req.store.scope(council.requireID()).writeAdviceNote(kind: kind, title: title, text: text, by: user.actor)
        return req.redirect(to: page)
    }
}

enum AdviceView {
    struct Note: Sendable {
        var kind: String
        var title: String
        var text: String
        var writtenBy: String
        var writtenAt: Date?

        init(_ model: AdviceNoteModel) {
            kind = model.kind
            title = model.title
            text = model.text
            writtenBy = model.writtenBy
            writtenAt = model.writtenAt
        }
    }

    static func page(_ data: BoardData, notes: [Note], user: CurrentUser) -> HTML {
        let council = data.council
        let mayWrite = Access.roles(for: .advise).contains(user.role)
        return Layout.page(title: "The improvement adviser's notes", user: user, breadcrumbs: BoardViews.crumbs(data, user), content: .group(
            .h1(.class("govuk-heading-l"), .text("The improvement adviser's notes: \(council.name)")),
            .p(.class("govuk-body"), "Advice from the improvement adviser DfE appointed, and the adviser's reports on the reviews of progress."),
            .if(notes.isEmpty, .p(.class("govuk-body"), .id("no-notes"), "No note has been written yet.")),
            .forEach(notes) { note in
                .div(.class("app-card"),
                     .h2(.class("govuk-heading-s"), .text(note.title)),
                     .p(.class("govuk-body-s"), .text("\(note.kind == "review_report" ? "Review report" : "Advice") by \(note.writtenBy)"
                        + (note.writtenAt.map { ", \(Format.dateTime($0))" } ?? ""))),
                     .forEach(note.text.split(whereSeparator: \.isNewline).map(String.init)) { .p(.class("govuk-body"), .text($0)) })
            },
            .if(mayWrite, .group(
                .h2(.class("govuk-heading-m"), "Write a note"),
                .form(.action(council.url(.advice)), .method(.post), Layout.csrf(user),
                      Field.select(form: "note", id: "note-kind", name: "kind", label: "Kind", options: [("advice", "Advice"), ("review_report", "A report on a review of progress")]),
                      Field.text(form: "note", id: "note-title", name: "title", label: "Title"),
                      Field.textarea(form: "note", id: "note-text", name: "text", label: "The note", rows: 10),
                      .button(.type(.submit), .class("govuk-button"), .id("write-note"), "Save the note"))))
        ))
    }

    /// An adviser's start page when appointed to several councils (or none yet).
    static func councils(_ councils: [CouncilRef], user: CurrentUser) -> HTML {
        Layout.page(title: "Your councils", user: user, content: .group(
            .h1(.class("govuk-heading-l"), "Your councils"),
            .if(councils.isEmpty, .p(.class("govuk-body"), "DfE has not yet appointed you to a council.")),
            .ul(.class("govuk-list"), .id("adviser-councils"), .forEach(councils.sorted { $0.name < $1.name }) { council in
                .li(.a(.class("govuk-link"), .href(council.url), .text(council.name)))
            })
        ))
    }
}
