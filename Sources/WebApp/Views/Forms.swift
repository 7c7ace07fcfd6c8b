import Plot
import Vapor

/// A form that could not be taken: what was wrong with each field, and the page the form lives on. A handler throws it
/// instead of an error page, so the person sees the same page again with an error summary at the top, the message
/// beside each field, and what they typed still in the fields (the GOV.UK Design System's error pattern).
struct FormProblem: Error {
    struct FieldError: Sendable, Equatable {
        /// The `id` of the input the message belongs to (the summary links to it).
        var field: String
        var message: String
    }

    var page: SiteURL
    /// Which form on the page went wrong, so a page with several forms refills only that one.
    var form: String
    var errors: [FieldError]

    init(page: SiteURL, form: String, field: String, _ message: String) {
        self.init(page: page, form: form, errors: [FieldError(field: field, message: message)])
    }

    init(page: SiteURL, form: String, errors: [FieldError]) {
        self.page = page
        self.form = form
        self.errors = errors
    }
}

/// The form being shown again. It is set for the length of one page's drawing (a task-local, so no page model has to
/// carry it) and read by `Field` and by `Layout.page`'s error summary.
struct FormState: Sendable {
    @TaskLocal static var current: FormState?

    var form: String
    var values: [String: String]
    var errors: [FormProblem.FieldError]

    /// Whether this form is the one shown again (a form folded away in `<details>` opens).
    static func isShowing(_ form: String) -> Bool { current?.form == form }

    static func value(form: String, name: String) -> String? {
        guard let state = current, state.form == form else { return nil }
        return state.values[name]
    }

    static func error(form: String, field: String) -> String? {
        guard let state = current, state.form == form else { return nil }
        return state.errors.first { $0.field == field }?.message
    }
}

struct FormStateKey: StorageKey { typealias Value = FormState }

extension FormProblem {
    /// Draws the form's page again, as a GET of that page carrying what was typed, and answers 422. The typed values
    /// live only in this request: nothing is stored, logged or put in a URL.
    func showAgain(_ request: Request) async throws -> Response {
        var values = (try? request.content.decode([String: String].self)) ?? [:]
        values[CSRF.field] = nil
        var headers = request.headers
        headers.remove(name: .contentType)
        headers.remove(name: .contentLength)
        let again = Request(application: request.application, method: .GET, url: URI(path: page.path), headers: headers,
                            collectedBody: nil, remoteAddress: request.remoteAddress, logger: request.logger, on: request.eventLoop)
        again.storage[FormStateKey.self] = FormState(form: form, values: values, errors: errors)
        let response = try await request.application.responder.respond(to: again).get()
        if response.status == .ok { response.status = .unprocessableEntity }
        return response
    }
}

/// Form fields after the GOV.UK Design System: label, hint, the error message when the form came back, and the value
/// typed (or the one stored, the first time).
enum Field {
    static func text(form: String, id: String, name: String, label: String, hint: String? = nil, value: String? = nil,
                     width: String? = nil, type: String = "text") -> Node<HTML.FormContext> {
        let error = FormState.error(form: form, field: id)
        let typed = FormState.value(form: form, name: name) ?? value ?? ""
        let classes = ["govuk-input", width.map { "govuk-input--\($0)" }, error.map { _ in "govuk-input--error" }].compactMap { $0 }
        // A void element: written <input …/>, never with a closing tag.
        let described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return group(id: id, label: label, hint: hint, error: error,
                     control: .selfClosedElement(named: "input", attributes: [
                         Attribute(name: "class", value: classes.joined(separator: " ")), Attribute(name: "id", value: id),
                         Attribute(name: "name", value: name), Attribute(name: "type", value: type),
                         Attribute(name: "value", value: typed, ignoreIfValueIsEmpty: false),
                     ] + (described.isEmpty ? [] : [Attribute(name: "aria-describedby", value: described.joined(separator: " "))])))
    }

    static func textarea(form: String, id: String, name: String, label: String, hint: String? = nil, value: String? = nil, rows: Int = 5) -> Node<HTML.FormContext> {
        let error = FormState.error(form: form, field: id)
        let typed = FormState.value(form: form, name: name) ?? value ?? ""
        return group(id: id, label: label, hint: hint, error: error,
                     control: .element(named: "textarea", nodes: [
                         .attribute(named: "class", value: "govuk-textarea" + (error == nil ? "" : " govuk-textarea--error")),
                         .attribute(named: "id", value: id), .attribute(named: "name", value: name), .attribute(named: "rows", value: String(rows)),
                     ] + describedBy(id: id, hint: hint, error: error) + [.text(typed)]))
    }

    static func select(form: String, id: String, name: String, label: String, hint: String? = nil,
                       options: [(value: String, label: String)], selected: String? = nil) -> Node<HTML.FormContext> {
        let error = FormState.error(form: form, field: id)
        let chosen = FormState.value(form: form, name: name) ?? selected
        return group(id: id, label: label, hint: hint, error: error,
                     control: .element(named: "select", nodes: [
                         .attribute(named: "class", value: "govuk-select" + (error == nil ? "" : " govuk-select--error")),
                         .attribute(named: "id", value: id), .attribute(named: "name", value: name),
                     ] + describedBy(id: id, hint: hint, error: error) + options.map { option in
                         .element(named: "option", nodes: [.attribute(named: "value", value: option.value)]
                             + (option.value == chosen ? [.attribute(named: "selected", value: "selected")] : []) + [.text(option.label)])
                     }))
    }

    private static func describedBy(id: String, hint: String?, error: String?) -> [Node<HTML.FormContext>] {
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return ids.isEmpty ? [] : [.attribute(named: "aria-describedby", value: ids.joined(separator: " "))]
    }

    private static func group(id: String, label: String, hint: String?, error: String?, control: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        .div(.class("govuk-form-group" + (error == nil ? "" : " govuk-form-group--error")),
             .label(.class("govuk-label"), .for(id), .text(label)),
             .unwrap(hint) { .div(.class("govuk-hint"), .id("\(id)-hint"), .text($0)) },
             .unwrap(error) { .p(.class("govuk-error-message"), .id("\(id)-error"), .span(.class("govuk-visually-hidden"), "Error: "), .text($0)) },
             control)
    }

    /// The summary at the top of a page whose form came back, linking to each field.
    static func errorSummary() -> Node<HTML.BodyContext> {
        .unwrap(FormState.current) { state in
            .div(.class("govuk-error-summary"), .attribute(named: "data-module", value: "govuk-error-summary"),
                 .div(.attribute(named: "role", value: "alert"),
                      .h2(.class("govuk-error-summary__title"), "There is a problem"),
                      .div(.class("govuk-error-summary__body"),
                           .ul(.class("govuk-list govuk-error-summary__list"), .forEach(state.errors) { error in
                               .li(.a(.href("#\(error.field)"), .text(error.message)))
                           }))))
        }
    }
}
