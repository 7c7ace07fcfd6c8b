/// What DfE decides at a review of progress under a notice: carry on under it, lift it, or escalate to a statutory
/// direction under s497A of the Education Act 1996.
public struct ReviewOutcome: Hashable, Codable, Sendable {
    public enum Decision: String, Hashable, Codable, Sendable, CaseIterable {
        case `continue`
        case lift
        case escalate

        public var label: String {
            switch self {
            case .continue: "Continue under the notice"
            case .lift: "Lift the notice"
            case .escalate: "Escalate to a statutory direction"
            }
        }
    }

    public var decision: Decision
    public var decidedOn: CalendarDate
    public var reason: String
    public var decidedBy: String

    public init(decision: Decision, decidedOn: CalendarDate, reason: String, decidedBy: String) {
        self.decision = decision
        self.decidedOn = decidedOn
        self.reason = reason
        self.decidedBy = decidedBy
    }

    /// The step the notice's lifecycle takes with this outcome: none to continue.
    public var lifecycleState: LifecycleEvent.State? {
        switch decision {
        case .continue: nil
        case .lift: .lifted
        case .escalate: .replacedByDirection
        }
    }
}
