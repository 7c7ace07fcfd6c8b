/// One action of the Improvement Plan: what, who owns it, when it is due, where it stands, what it answers.
public struct PlanAction: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case complete
        case blocked

        public var label: String {
            switch self {
            case .notStarted: "Not started"
            case .inProgress: "In progress"
            case .complete: "Complete"
            case .blocked: "Blocked"
            }
        }
    }

    /// Who owns an action: a council service, or a partner agency on the board.
    public enum Owner: String, Hashable, Codable, Sendable, CaseIterable {
        case council
        case police
        case health
        case safeguardingPartnership = "safeguarding_partnership"
        case education
        case other

        public var label: String {
            switch self {
            case .council: "The council"
            case .police: "Police"
            case .health: "Health"
            case .safeguardingPartnership: "Safeguarding partnership"
            case .education: "Schools and education"
            case .other: "Another partner"
            }
        }
    }

    /// The plan's own reference for the action ("1.2a"), as the council's plan numbers it; nil when not given.
    public var reference: String?
    public var title: String
    /// The service or team within the owner ("Assessment teams", "West Mercia Police public protection unit").
    public var lead: String
    public var owner: Owner
    /// The notice's measure this answers (its position in the notice), if any.
    public var measure: Int?
    /// The inspection recommendation this answers, in its words, if any.
    public var recommendation: String?
    /// The target this is meant to move, if any.
    public var indicator: IndicatorID?
    /// The due date first set.
    public var due: CalendarDate
    /// The due date the board has since agreed, if it has agreed one; only a board decision sets it.
    public var agreedDue: CalendarDate?
    public var status: Status
    public var completedOn: CalendarDate?

    public init(title: String, lead: String, owner: Owner, measure: Int? = nil, recommendation: String? = nil, indicator: IndicatorID? = nil,
                due: CalendarDate, agreedDue: CalendarDate? = nil, status: Status = .notStarted, completedOn: CalendarDate? = nil,
                reference: String? = nil) {
        self.reference = reference
        self.title = title
        self.lead = lead
        self.owner = owner
        self.measure = measure
        self.recommendation = recommendation
        self.indicator = indicator
        self.due = due
        self.agreedDue = agreedDue
        self.status = status
        self.completedOn = completedOn
    }

    enum CodingKeys: String, CodingKey {
        case reference, title, lead, owner, measure, recommendation, indicator, due, agreedDue, status, completedOn
    }

    /// Reads a stored action; an indicator id this version does not know (one an older version wrote) is read as none
    /// rather than losing the action.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        title = try c.decode(String.self, forKey: .title)
        lead = try c.decode(String.self, forKey: .lead)
        owner = try c.decode(Owner.self, forKey: .owner)
        measure = try c.decodeIfPresent(Int.self, forKey: .measure)
        recommendation = try c.decodeIfPresent(String.self, forKey: .recommendation)
        indicator = try c.decodeIfPresent(String.self, forKey: .indicator).flatMap(IndicatorID.init(rawValue:))
        due = try c.decode(CalendarDate.self, forKey: .due)
        agreedDue = try c.decodeIfPresent(CalendarDate.self, forKey: .agreedDue)
        status = try c.decode(Status.self, forKey: .status)
        completedOn = try c.decodeIfPresent(CalendarDate.self, forKey: .completedOn)
    }

    /// The date the action is held to: the board's revised date when it has agreed one.
    public var dueDate: CalendarDate { agreedDue ?? due }

    /// Not complete, and its date has passed.
    public func isOverdue(on date: CalendarDate) -> Bool {
        status != .complete && dueDate < date
    }
}

/// A request to move an action's due date. It changes nothing until the board agrees it at a meeting.
public struct TimescaleRequest: Hashable, Codable, Sendable {
    public enum Decision: String, Hashable, Codable, Sendable {
        case pending, agreed, refused
    }

    public var requestedDue: CalendarDate
    public var reason: String
    public var requestedBy: String
    public var decision: Decision
    /// Who decided and at which meeting (its number), once decided.
    public var decidedBy: String?
    public var meeting: Int?

    public init(requestedDue: CalendarDate, reason: String, requestedBy: String, decision: Decision = .pending, decidedBy: String? = nil, meeting: Int? = nil) {
        self.requestedDue = requestedDue
        self.reason = reason
        self.requestedBy = requestedBy
        self.decision = decision
        self.decidedBy = decidedBy
        self.meeting = meeting
    }

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notAgreed
        case noMeeting
        case alreadyDecided

        public var description: String {
            switch self {
            case .notAgreed: "a revised timescale takes effect only when the board agrees it"
            case .noMeeting: "a decision on a timescale is taken at a board meeting; name the meeting"
            case .alreadyDecided: "this request has already been decided"
            }
        }
    }

    /// The board's decision on the request, at a meeting. Agreeing moves the action's due date; refusing leaves it.
    public func decided(_ decision: Decision, by person: String, atMeeting meeting: Int?) throws(Refusal) -> TimescaleRequest {
        guard self.decision == .pending else { throw .alreadyDecided }
        guard decision != .pending else { throw .notAgreed }
        guard let meeting else { throw .noMeeting }
        var next = self
        next.decision = decision
        next.decidedBy = person
        next.meeting = meeting
        return next
    }

    /// The action with this request applied: only an agreed request changes it.
    public func apply(to action: PlanAction) throws(Refusal) -> PlanAction {
        guard decision == .agreed else { throw .notAgreed }
        guard meeting != nil else { throw .noMeeting }
        var next = action
        next.agreedDue = requestedDue
        return next
    }
}
