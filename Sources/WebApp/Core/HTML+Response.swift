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
        guard let text = parameters.get("council"), let id = UUID(uuidString: text), let council = try await store.council(id: id) else {
            throw Abort(.notFound)
        }
        return council
    }

    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}

/// A safe place to go back to after signing in: a path on this site, never another site.
func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("://") else { return "/" }
    return next
}
