/// One case-file audit, as the audit programme records it. No child's name or identifier is kept: the case is
/// named by the council's case reference, which pages show only as a pseudonym.
public struct CaseAuditRecord: Hashable, Codable, Sendable {
    public var caseReference: String
    public var auditedOn: CalendarDate
    public var auditor: String
    public var grade: AuditGrade
    /// The grade for management oversight and supervision on the file.
    public var oversightGrade: AuditGrade?
    /// Whether the child's views and wishes are recorded on the file.
    public var childViewsRecorded: Bool?
    /// Themes the auditor found ("drift in planning", "no chronology").
    public var themes: [String]
    /// The grade after moderation, and when, if the audit was moderated.
    public var moderatedGrade: AuditGrade?
    public var moderatedOn: CalendarDate?
    public var moderator: String?

    public init(caseReference: String, auditedOn: CalendarDate, auditor: String, grade: AuditGrade, oversightGrade: AuditGrade? = nil,
                childViewsRecorded: Bool? = nil, themes: [String] = [], moderatedGrade: AuditGrade? = nil, moderatedOn: CalendarDate? = nil,
                moderator: String? = nil) {
        self.caseReference = caseReference
        self.auditedOn = auditedOn
        self.auditor = auditor
        self.grade = grade
        self.oversightGrade = oversightGrade
        self.childViewsRecorded = childViewsRecorded
        self.themes = themes
        self.moderatedGrade = moderatedGrade
        self.moderatedOn = moderatedOn
        self.moderator = moderator
    }

    /// The grade that counts: the moderated one where there is one (INDICATORS.md §3.17).
    public var countedGrade: AuditGrade { moderatedGrade ?? grade }
    /// The date that places the audit: the moderation date where moderated.
    public var countedOn: CalendarDate { moderatedGrade != nil ? (moderatedOn ?? auditedOn) : auditedOn }
}

/// A serious incident: what happened in a sentence, with no child's name or identifier.
public struct Incident: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case childDeath = "child_death"
        case seriousHarm = "serious_harm"
        case seriousCaseReview = "serious_case_review"
        case serviceFailure = "service_failure"
        case other

        public var label: String {
            switch self {
            case .childDeath: "Death of a child"
            case .seriousHarm: "Serious harm to a child"
            case .seriousCaseReview: "Serious case review or rapid review"
            case .serviceFailure: "Failure of a service"
            case .other: "Another serious incident"
            }
        }
    }

    public var kind: Kind
    public var occurredOn: CalendarDate
    public var summary: String

    public init(kind: Kind, occurredOn: CalendarDate, summary: String) {
        self.kind = kind
        self.occurredOn = occurredOn
        self.summary = summary
    }
}

/// Who sits on the board, and in what capacity.
public enum BoardCapacity: String, Hashable, Codable, Sendable, CaseIterable {
    case independentChair = "independent_chair"
    case council
    case partner
    case dfeObserver = "dfe_observer"
    case peerSupport = "peer_support"

    public var label: String {
        switch self {
        case .independentChair: "Independent chair"
        case .council: "Council"
        case .partner: "Partner"
        case .dfeObserver: "DfE"
        case .peerSupport: "Peer support"
        }
    }
}
