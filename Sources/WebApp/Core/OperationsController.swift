import Plot
import Storage
import Reports
import Vapor

/// Health, metrics and the stylesheets.
enum OperationsController {
    @Sendable static func health(req: Request) async throws -> Response {
        // The database must answer for the service to be healthy.
        _ = try await req.store.councils().count
        return Response(status: .ok, body: .init(string: "ok\n"))
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        // How often this server computed a council's picture: after each change of a council's records, once.
        let pictures = "# HELP improve_picture_computations_total Council pictures computed by this server.\n"
            + "# TYPE improve_picture_computations_total counter\nimprove_picture_computations_total \(await req.services.pictures.computations)\n"
        return Response(status: .ok, headers: headers, body: .init(string: req.services.metrics.exposition() + pictures))
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        // The board pack's own rules travel with the site's: the pack is served under the same policy.
        css(Stylesheet.site + BoardPack.printCSS)
    }

    @Sendable static func printStylesheet(req: Request) async throws -> Response {
        css(Stylesheet.print)
    }

    static func css(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
