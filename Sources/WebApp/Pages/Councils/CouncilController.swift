import Domain
import Monitoring
import Plot
import Reports
import Storage
import Vapor

/// The start page for each role, the DfE's view of every council, and a council's dashboard.
enum CouncilController {
    @Sendable static func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.role.seesEveryCouncil { return req.redirect(to: .councils) }
        if user.role == .improvementAdviser {
            // An adviser with one council goes to it; with several, chooses.
            let councils = try await req.store.councils().filter { user.appointments.contains($0.id ?? UUID()) }
            if councils.count == 1, let id = councils[0].id { return req.redirect(to: .council(CouncilID(id), .dashboard)) }
            return try await AdviceView.councils(councils.map { try CouncilRef($0) }, user: user).encodeResponse(for: req)
        }
        guard let council = user.council else { throw Abort(.notFound) }
        return req.redirect(to: .council(CouncilID(council), .dashboard))
    }

    /// Every council, with where its notice stands: for DfE officials and administrators.
    @Sendable static func overview(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        var rows: [OverviewView.Row] = []
        for council in try await req.store.councils() {
            let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
            rows.append(OverviewView.Row(picture: picture, incidents: picture.board.incidents.map(\.incident)))
        }
        let unread = try await req.store.notifications(for: user.id, unreadOnly: true).count
        let listing = OverviewView.Listing(sort: req.query[String.self, at: "sort"].flatMap(OverviewView.Listing.Sort.init) ?? .concern,
                                           show: req.query[String.self, at: "show"].flatMap(OverviewView.Listing.Show.init) ?? .all)
        return OverviewView.page(rows: rows, listing: listing, user: user, unread: unread)
    }

    @Sendable static func dashboard(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        return DashboardView.page(picture, user: user)
    }
}
