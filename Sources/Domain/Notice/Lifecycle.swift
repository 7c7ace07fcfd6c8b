/// A notice's life: issued, reviewed, perhaps revised or reissued, then lifted, or replaced by a statutory direction,
/// under which a commissioner may be appointed and further directions issued until the intervention is lifted.
public struct LifecycleEvent: Hashable, Codable, Sendable {
    public enum State: String, Hashable, Codable, Sendable, CaseIterable {
        case issued, reviewed, revised, reissued, lifted
        /// Replaced by a statutory direction (s497A Education Act 1996).
        case replacedByDirection = "replaced_by_direction"
        /// Under a direction: a commissioner appointed by the Secretary of State.
        case commissionerAppointed = "commissioner_appointed"
        /// Under a direction: a further direction issued (for example to transfer services to a trust).
        case directionsIssued = "directions_issued"

        /// The steps that belong to a direction, not to the notice.
        public var isUnderDirection: Bool { [.replacedByDirection, .commissionerAppointed, .directionsIssued].contains(self) }
    }

    public var state: State
    public var date: PartialDate?
    public var reason: String?

    public init(state: State, date: PartialDate?, reason: String? = nil) {
        self.state = state
        self.date = date
        self.reason = reason
    }
}

extension Array where Element == LifecycleEvent {
    /// The state the notice is in now: the latest event's. A notice with no events is taken as issued.
    public var currentState: LifecycleEvent.State { last?.state ?? .issued }

    /// Whether a new event may follow the current state. Nothing follows a lifted notice. Under a direction, only the
    /// direction's own steps follow (a commissioner, further directions), until it is lifted; a notice's own steps
    /// (reviewed, revised, reissued) do not.
    public func allows(_ next: LifecycleEvent.State) -> Bool {
        switch currentState {
        case .lifted: return false
        case .replacedByDirection, .commissionerAppointed, .directionsIssued:
            return next == .commissionerAppointed || next == .directionsIssued || next == .lifted
        case .issued, .reviewed, .revised, .reissued:
            return next != .issued && next != .commissionerAppointed && next != .directionsIssued
        }
    }
}
