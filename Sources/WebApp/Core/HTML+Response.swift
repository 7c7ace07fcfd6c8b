import Plot
import Storage
import Vapor

extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: render()))
    }
}

extension Request {
    /// The council in the path, which the route's need has already checked the user may see.
    func pathCouncil() async throws -> CouncilModel {
        guard let id = parameters.get(CouncilKind.parameter).flatMap(UUID.init(uuidString:)), let council = try await store.council(id: id) else {
            throw Abort(.notFound)
        }
        return council
    }

    /// The id of `kind` in the path, as a UUID; a path whose id is not one is not found.
    func uuidParameter<Kind: PathKind>(_ kind: Kind.Type) throws -> UUID {
        guard let text = parameters.get(Kind.parameter), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }

    func redirect(to url: SiteURL) -> Response { redirect(to: url.path) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: SiteURL) -> Node { .href(url.path) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: SiteURL) -> Node { .action(url.path) }
}

extension CouncilModel {
    /// The council's id for links; a council read from the database always has one.
    func pathID() throws -> CouncilID { CouncilID(try requireID()) }
}

/// A safe place to go back to after signing in: a path on this site, never another site.
func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("://") else { return "/" }
    return next
}
