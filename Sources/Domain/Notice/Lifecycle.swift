/// A notice's life: issued, reviewed, perhaps revised or reissued, then lifted or replaced by a direction.
public struct LifecycleEvent: Hashable, Codable, Sendable {
    public enum State: String, Hashable, Codable, Sendable, CaseIterable {
        case issued, reviewed, revised, reissued, lifted
        /// Replaced by a statutory direction (s497A Education Act 1996).
        case replacedByDirection = "replaced_by_direction"
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

    /// Whether a new event may follow the current state. Nothing follows a lifted notice or a direction.
    public func allows(_ next: LifecycleEvent.State) -> Bool {
        switch currentState {
        case .lifted, .replacedByDirection: return false
        case .issued, .reviewed, .revised, .reissued: return next != .issued
        }
    }
}
