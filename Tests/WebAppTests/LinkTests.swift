import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// Every link and form on every page a role can reach goes to a route that exists, with every id filled in: links are
/// written by `SiteURL` from typed ids, so a page cannot point at `/councils/` or `/councils//targets/`.
@Suite("Links on every page", .serialized)
struct LinkTests {
    /// Whether `path` (no query or fragment) is served by `route` (`/councils/:council/...`).
    static func matches(_ path: String, _ route: String) -> Bool {
        let a = path.split(separator: "/", omittingEmptySubsequences: false), b = route.split(separator: "/", omittingEmptySubsequences: false)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { p, r in r.hasPrefix(":") ? !p.isEmpty : p == r }
    }

    /// The site paths a page links to or posts to.
    static func targets(in html: String) -> [(kind: String, path: String)] {
        var found: [(String, String)] = []
        for attribute in ["href", "action"] {
            var rest = html[...]
            while let start = rest.range(of: " \(attribute)=\"") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let value = String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                rest = after[end...]
                guard value.hasPrefix("/") else { continue }
                let path = String(value.prefix { $0 != "?" && $0 != "#" })
                // A form that asks with GET (choosing what a page shows) goes to a GET route.
                let open = html[..<start.lowerBound].lastIndex(of: "<") ?? start.lowerBound
                let tag = html[open...].prefix { $0 != ">" }
                found.append((attribute == "action" && tag.contains("method=\"get\"") ? "form (GET)" : attribute, path))
            }
        }
        return found
    }

    @Test("the route table's paths are written by SiteURL, and none has an empty segment")
    func routePaths() {
        for spec in SiteRoutes.all {
            #expect(spec.path == "/" || !spec.path.hasSuffix("/"), "\(spec.path)")
            #expect(!spec.path.dropFirst().contains("//"), "\(spec.path)")
        }
        // The same id fills the same place in every route that names it.
        let id = CouncilID(UUID())
        #expect(SiteURL.council(id, .target(TargetID(UUID()))).path.hasPrefix("/councils/\(id.text)/targets/"))
        #expect(SiteURL.council(.pattern, .meeting(.pattern)).path == "/councils/:council/meetings/:meeting")
        #expect(SiteURL.signIn.with(query: ["next": "/councils/a b&c"]) == "/sign-in?next=/councils/a%20b%26c")
    }

    @Test("every link and form on the pages each role reaches goes to a route of the table", arguments: [Role.councilOfficer, .independentChair, .dfeOfficial, .administrator])
    func everyLinkHasARoute(_ role: Role) async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let client = WebClient(world.app)
        let account = DemoSeed.Account.of(role)
        #expect(try await client.signIn(account.email, account.password).status == .seeOther)
        let routes = SiteRoutes.all
        var queue = ["/"], seen: Set<String> = ["/"], pages = 0, links = 0
        while let path = queue.first, pages < 120 {
            queue.removeFirst()
            let reply = try await client.get(path)
            if reply.status == .seeOther, let next = reply.location, next.hasPrefix("/"), !next.hasPrefix("/sign-in") {
                let bare = String(next.prefix { $0 != "?" && $0 != "#" })
                if seen.insert(bare).inserted { queue.append(bare) }
                continue
            }
            #expect(reply.status == .ok, "GET \(path) as \(role.rawValue) → \(reply.status.code)")
            guard reply.status == .ok, (reply.headers.contentType?.subType ?? "") == "html" else { continue }
            pages += 1
            for (kind, target) in Self.targets(in: reply.body) {
                links += 1
                let method: HTTPMethod = kind == "action" ? .POST : .GET
                let served = routes.contains { $0.method == method && Self.matches(target, $0.path) }
                #expect(served, "\(kind) \(target) on \(path) has no \(method) route")
                // Follow the pages of the site, not downloads, not other councils' pages twice over.
                if method == .GET, served, !target.hasPrefix("/assets"), !target.hasSuffix(".csv"), !target.hasSuffix(".xlsx"),
                   !target.contains("/pack/"), !target.contains("/evidence/"), !target.hasPrefix("/api"), seen.insert(target).inserted {
                    queue.append(target)
                }
            }
        }
        #expect(pages >= 10, "the crawl reached \(pages) pages")
        #expect(links >= 50)
    }
}
