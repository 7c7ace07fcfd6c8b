import Plot
import Vapor

/// Turns any error into a page (or JSON for the API) with its status and a plain message. An unexpected error shows
/// only its status: its details go to the log (never child data: the importers' messages name files, lines and
/// fields, and pages show those through the import report, not through errors).
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            var reason: String
            var headers = HTTPHeaders()
            if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.reason
                headers = abort.headers
                if status.code >= 500 { request.logger.error("request failed", metadata: ["status": "\(status.code)", "error": "\(String(reflecting: error))"]) }
            } else {
                status = .internalServerError
                reason = "Something went wrong on our side."
                request.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            // The framework's own reasons can echo input back; keep only our sentences and the standard phrases.
            if reason == status.reasonPhrase || reason.isEmpty || status == .notFound {
                reason = Self.plain(status)
            }
            let response: Response
            if request.isAPI || request.headers.accept.mediaTypes.contains(.json) && !request.headers.accept.mediaTypes.contains(.html) {
                response = Response(status: status, headers: headers)
                try response.content.encode(APIError(error: status.reasonPhrase, message: reason), as: .json)
            } else {
                let page = Layout.page(title: Self.title(status), user: request.currentUser, content: .group(
                    .h1(.class("govuk-heading-l"), .text(Self.title(status))),
                    .p(.class("govuk-body"), .text(reason)),
                    .p(.class("govuk-body"), .a(.class("govuk-link"), .href(.home), "Go to the start page"))
                ))
                response = Response(status: status, headers: headers)
                response.headers.contentType = .html
                response.body = .init(string: page.render())
            }
            return response
        }
    }

    static func title(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "Page not found"
        case 403: "You cannot do that"
        case 401: "Sign in to continue"
        case 413: "The file is too large"
        case 400..<500: "There is a problem"
        default: "Sorry, there is a problem with the service"
        }
    }

    static func plain(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "If you typed the web address, check it is correct. If you followed a link, you may not have access to what it points at."
        case 403: "Your role does not allow this. Ask your council's administrator if you think it should."
        case 401: "You need to sign in to see this."
        case 413: "The upload is larger than this service accepts."
        case 400..<500: "The request could not be understood."
        default: "Try again later. The problem has been logged."
        }
    }
}

struct APIError: Content {
    var error: String
    var message: String
}
