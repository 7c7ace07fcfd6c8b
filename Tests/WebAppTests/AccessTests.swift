import Foundation
import Storage
import Testing
import Vapor
@testable import WebApp

/// Every route in the route table, as every role and as no one, against its own council and another: the status each
/// gets is the one written by hand in `AccessMatrix` from the documented table, never one computed by `Access`.
@Suite("Access to every route, by role and council", .serialized)
struct AccessTests {
    enum Who: Sendable, CustomTestStringConvertible {
        case nobody
        case role(Role)
        var testDescription: String {
            switch self {
            case .nobody: "signed out"
            case .role(let role): role.rawValue
            }
        }
        static var all: [Who] { [.nobody] + Role.allCases.map(Who.role) }
    }

    /// The path with its parameters filled in for `council` (Worcestershire or Nottinghamshire).
    static func path(_ spec: RouteSpec, world: WebFixture.World, ownCouncil: Bool) -> String {
        let council = ownCouncil ? world.worcs : world.notts
        var path = spec.path
        path = path.replacingOccurrences(of: ":council", with: council.uuidString)
        path = path.replacingOccurrences(of: ":target", with: (ownCouncil ? world.worcsTargets[0] : world.nottsTargets[0]).uuidString)
        path = path.replacingOccurrences(of: ":notice", with: (ownCouncil ? world.worcsNotice : world.nottsNotice).uuidString)
        path = path.replacingOccurrences(of: ":import", with: (ownCouncil ? world.worcsImport : world.nottsImport).uuidString)
        path = path.replacingOccurrences(of: ":job", with: UUID().uuidString)
        path = path.replacingOccurrences(of: ":boardTarget", with: UUID().uuidString)
        // The benchmarks route answers for indicators DfE publishes; the series route for any.
        path = path.replacingOccurrences(of: ":indicator", with: path.contains("/benchmarks/") ? "re_referral_12m" : "initial_assessment_timeliness")
        let board = world.board[council]!
        path = path.replacingOccurrences(of: ":action", with: board.action.uuidString)
        path = path.replacingOccurrences(of: ":evidence", with: board.evidence.uuidString)
        path = path.replacingOccurrences(of: ":visit", with: board.visit.uuidString)
        path = path.replacingOccurrences(of: ":request", with: board.request.uuidString)
        path = path.replacingOccurrences(of: ":meeting", with: "1")
        path = path.replacingOccurrences(of: ":file", with: "targets.csv")
        path = path.replacingOccurrences(of: "/assessments/:review", with: "/assessments/\(board.assessment.uuidString)")
        path = path.replacingOccurrences(of: ":review", with: board.review.uuidString)
        return path
    }

    @Test("each route answers each role as the access table says", arguments: Backend.allCases)
    func everyRouteEveryRole(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        // Routes that change things are tried with a valid CSRF token and an empty form: an allowed role gets past
        // the guard (and a 4xx from the handler for the empty form, or a redirect), a refused one gets 403 or 404.
        var checked = 0
        let matrix = Dictionary(uniqueKeysWithValues: AccessMatrix.rows.map { ("\($0.method) \($0.path)", $0) })
        for who in Who.all {
            let client = WebClient(world.app)
            if case .role(let role) = who {
                let account = DemoSeed.Account.of(role)
                let reply = try await client.signIn(account.email, account.password)
                #expect(reply.status == .seeOther, "\(role) signs in")
            }
            for spec in SiteRoutes.all where spec.path != "/sign-in" && spec.path != "/sign-out" {
                for own in [true, false] where own || spec.path.contains(":council") {
                    let path = Self.path(spec, world: world, ownCouncil: own)
                    let reply: WebClient.Reply
                    if spec.method == .GET {
                        reply = try await client.get(path)
                    } else {
                        let token = try await client.get("/account").body
                        reply = try await client.request(spec.method, path, form: [("_csrf", WebClient.csrf(in: token) ?? "")])
                    }
                    checked += 1
                    let label = "\(who.testDescription) \(spec.method) \(spec.path) (\(own ? "own" : "other") council) → \(reply.status.code)"
                    let key = "\(spec.method.rawValue) \(spec.path)"
                    guard let row = matrix[key] else {
                        Issue.record("\(key) has no row in AccessMatrix: write down who may use it")
                        continue
                    }
                    switch who {
                    case .nobody:
                        if AccessMatrix.open.contains(key) {
                            #expect(reply.status == .ok, "\(label)")
                        } else if spec.path.hasPrefix("/api/") {
                            #expect(reply.status == .unauthorized, "\(label)")
                        } else {
                            #expect(reply.status == .seeOther && (reply.location ?? "").hasPrefix("/sign-in"), "\(label)")
                        }
                    case .role(let role):
                        switch AccessMatrix.expect(row, role, own: own) {
                        case .notFound: #expect(reply.status == .notFound, "\(label)")
                        case .forbidden: #expect(reply.status == .forbidden, "\(label)")
                        case .allowed:
                            if spec.path.hasSuffix("/:job") {
                                #expect(reply.status == .notFound, "an unknown job: \(label)")
                            } else if spec.method == .GET {
                                #expect([.ok, .seeOther].contains(reply.status), "\(label)")
                            } else {
                                #expect(![.forbidden, .notFound, .unauthorized, .internalServerError].contains(reply.status), "\(label)")
                            }
                        }
                        // Never the other council's data, whatever the status.
                        if !own && role.needsCouncil { #expect(!reply.body.contains("Nottinghamshire"), "\(label) shows nothing of the other council") }
                    }
                }
            }
        }
        // Seven callers (signed out and six roles); 90 routes besides signing in and out, 76 of them a council's and
        // so tried on two councils: 7 × (90 + 76).
        #expect(checked == 7 * (90 + 76))
    }

    @Test("the hand-written access table has exactly one row for each route the application serves")
    func accessMatrixIsComplete() {
        let rows = AccessMatrix.rows.map { "\($0.method) \($0.path)" }
        #expect(Set(rows).count == rows.count)
        #expect(Set(rows) == Set(SiteRoutes.all.map { "\($0.method.rawValue) \($0.path)" }))
        for row in AccessMatrix.rows { #expect((row.other != nil) == row.path.contains(":council"), "\(row.path)") }
    }

    @Test("the route table is every route the application serves")
    func routeTableIsComplete() async throws {
        let world = try await WebFixture.shared.world(.sqlite)
        let served = Set(world.app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
        let table = Set(SiteRoutes.all.map { "\($0.method.rawValue) \($0.path == "/" ? "/" : $0.path)" })
        #expect(served == table)
    }

    @Test("a council officer asking for another council's records by id, or for made-up ids, gets 404", arguments: Backend.allCases)
    func insecureDirectObjectReferences(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let client = WebClient(world.app)
        let officer = DemoSeed.Account.of(.councilOfficer)
        try await client.signIn(officer.email, officer.password)
        let own = "/councils/\(world.worcs.uuidString)"
        let probes = [
            "\(own)/targets/\(world.nottsTargets[0].uuidString)",
            "\(own)/notices/\(world.nottsNotice.uuidString)",
            "\(own)/imports/\(world.nottsImport.uuidString)",
            "/api/v1\(own)/targets/\(world.nottsTargets[0].uuidString)",
            "\(own)/targets/\(UUID().uuidString)",
            "\(own)/targets/00000000-0000-0000-0000-000000000001",
            "\(own)/targets/1",
            "/councils/00000000-0000-0000-0000-000000000002",
            "/councils/1",
            "/councils/\(world.notts.uuidString)/targets/\(world.nottsTargets[0].uuidString)",
        ]
        for probe in probes {
            let reply = try await client.get(probe)
            #expect(reply.status == .notFound, "\(probe) → \(reply.status.code)")
            #expect(!reply.body.contains("Nottinghamshire"))
        }
    }
}
