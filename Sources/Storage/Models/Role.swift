/// What a user may do. A council role always comes with the one council it belongs to; an improvement adviser is
/// appointed by DfE to one or more councils (`AdviserAppointmentModel`).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Runs the installation: councils, accounts. Sees every council.
    case administrator
    /// A council's performance and improvement team: edits its own council's notice, data and figures.
    case councilOfficer = "council_officer"
    /// A board member or partner (police, health, the safeguarding partnership): reads its council.
    case boardMember = "board_member"
    /// The board's independent chair: reads its council and writes assessments.
    case independentChair = "independent_chair"
    /// A DfE official: reads every council, writes nothing.
    case dfeOfficial = "dfe_official"
    /// An improvement adviser appointed by DfE: reads the councils they are appointed to, writes advice notes and
    /// review reports, edits nothing of the council's.
    case improvementAdviser = "improvement_adviser"

    public var label: String {
        switch self {
        case .administrator: "Administrator"
        case .councilOfficer: "Council officer"
        case .boardMember: "Board member or partner"
        case .independentChair: "Independent chair"
        case .dfeOfficial: "DfE official"
        case .improvementAdviser: "Improvement adviser"
        }
    }

    /// Roles that see every council rather than one.
    public var seesEveryCouncil: Bool { self == .administrator || self == .dfeOfficial }

    /// Roles that belong to one council.
    public var needsCouncil: Bool { !seesEveryCouncil && self != .improvementAdviser }
}
