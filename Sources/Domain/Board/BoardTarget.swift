import Foundation

/// A target the Improvement Board sets itself, beside the notice's: "the Council must agree a dataset of performance
/// targets ... with the members of the Improvement Board". An officer proposes it; it is in force only once the board
/// agrees it at a meeting. Changing or retiring an agreed one is a new proposal that names it, under the same rule, so
/// every version stays in the history.
public struct BoardTarget: Hashable, Codable, Sendable {
    public enum State: String, Hashable, Codable, Sendable {
        /// Waiting for the board; changes nothing.
        case proposed
        /// In force since the meeting that agreed it.
        case agreed
        /// The board said no; kept for the record.
        case refused
        /// Replaced by a later version the board agreed.
        case replaced
        /// Retired by the board.
        case retired
    }

    public enum Change: String, Hashable, Codable, Sendable {
        /// A new target.
        case new
        /// A new version of the agreed target it names.
        case revise
        /// Retire the agreed target it names.
        case retire
    }

    /// The indicator, unit, direction, baseline and milestones, judged exactly as a notice's target is.
    public var target: Target
    public var state: State
    public var change: Change
    /// The agreed board target this revises or retires.
    public var replaces: UUID?
    public var proposedBy: String
    /// Why it is proposed (or changed, or retired), in the proposer's words.
    public var reason: String
    /// The meeting that agreed, refused, or retired it, and who recorded the decision.
    public var meeting: Int?
    public var decidedBy: String?

    public init(target: Target, change: Change = .new, replaces: UUID? = nil, proposedBy: String, reason: String) {
        self.target = target
        self.state = .proposed
        self.change = change
        self.replaces = replaces
        self.proposedBy = proposedBy
        self.reason = reason
    }

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notProposed(State)
        case nothingToReplace

        public var description: String {
            switch self {
            case .notProposed(let state): "the proposal has already been decided (\(state.rawValue))"
            case .nothingToReplace: "the target it would change is no longer in force"
            }
        }
    }

    /// Tracked and judged: agreed, and not a retirement (an agreed retirement ends the target it names).
    public var isInForce: Bool { state == .agreed && change != .retire }

    /// The proposal as the board decided it at a meeting.
    public func decided(agreed: Bool, atMeeting meeting: Int, by who: String) throws -> BoardTarget {
        guard state == .proposed else { throw Refusal.notProposed(state) }
        var copy = self
        copy.state = agreed ? .agreed : .refused
        copy.meeting = meeting
        copy.decidedBy = who
        return copy
    }
}
