import Storage
import Vapor

/// What a route needs of the person asking. Every route is registered with one (routes.swift), and the check runs
/// before its handler: a handler cannot forget it.
public enum Need: String, Sendable, CaseIterable {
    /// Anyone, signed in or not (sign-in page, health, metrics, stylesheet).
    case anyone
    /// Any signed-in user.
    case signedIn
    /// Reading a council's pages: that council's own users, administrators and DfE officials.
    case readCouncil
    /// Changing a council's notice, data or figures: its council officers, and administrators.
    case editCouncil
    /// Writing the board's assessments: the council's independent chair (and administrators).
    case assessCouncil
    /// Recording a meeting (attendance, decisions, minutes) and deciding on revised timescales: the chair, the
    /// council's officers, administrators.
    case runMeeting
    /// Asking for a change the board decides (a revised timescale): anyone on the council's board.
    case proposeChange
    /// An improvement adviser's notes to the council and DfE: the council's adviser (and administrators).
    case advise
    /// DfE's decisions on a council under intervention (the outcome of a review of progress): DfE officials and
    /// administrators.
    case intervene
    /// Every council at once: administrators and DfE officials.
    case everyCouncil
    /// Running the installation: administrators.
    case administer
}

/// The rules, as one table: which roles meet which need. Council needs also require the user's council to be the
/// one in the path, unless the role sees every council.
public enum Access {
    public static func roles(for need: Need) -> Set<Role> {
        switch need {
        case .anyone, .signedIn, .readCouncil: Set(Role.allCases)
        case .editCouncil: [.administrator, .councilOfficer]
        case .assessCouncil: [.administrator, .independentChair]
        case .runMeeting: [.administrator, .councilOfficer, .independentChair]
        case .proposeChange: [.administrator, .councilOfficer, .boardMember, .independentChair]
        case .everyCouncil, .intervene: [.administrator, .dfeOfficial]
        case .advise: [.administrator, .improvementAdviser]
        case .administer: [.administrator]
        }
    }

    /// What the request gets: allowed, not found (a council the user may not see: it is not said to exist), or
    /// forbidden (a council the user sees, an action the role may not take).
    public enum Verdict: Equatable, Sendable {
        case allowed, notFound, forbidden
    }

    /// - Parameter userCouncils: the councils the user belongs to (a council role's one, an adviser's appointments).
    public static func verdict(role: Role, userCouncils: Set<UUID>, need: Need, pathCouncil: UUID?) -> Verdict {
        if let pathCouncil, !role.seesEveryCouncil, !userCouncils.contains(pathCouncil) { return .notFound }
        return roles(for: need).contains(role) ? .allowed : .forbidden
    }
}

/// The signed-in user, as the request knows them.
public struct CurrentUser: Sendable {
    public var id: UUID
    public var email: String
    public var displayName: String
    public var role: Role
    public var council: UUID?
    /// The councils an improvement adviser is appointed to (empty for every other role).
    public var appointments: Set<UUID> = []
    /// The session's CSRF token (nil for API-token requests, which carry no cookie and so need none).
    public var csrfToken: String?

    var actor: Actor { Actor(email) }

    /// Every council the user belongs to: a council role's one, or an adviser's appointments.
    var councils: Set<UUID> { council.map { Set([$0]) } ?? appointments }
}

struct CurrentUserKey: StorageKey {
    typealias Value = CurrentUser
}

extension Request {
    public var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user; only called by handlers behind a need other than `.anyone`.
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
