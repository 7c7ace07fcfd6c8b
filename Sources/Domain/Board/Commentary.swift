import Foundation

/// The council's commentary on one target's figure for one month: what the figure shows, why, what is being done, by
/// whom and by when. Written by an officer; every version is kept, and the chair may answer it.
public struct Commentary: Hashable, Codable, Sendable {
    public var shows: String
    public var why: String
    public var actions: String
    public var owner: String
    public var due: CalendarDate?

    public init(shows: String, why: String, actions: String, owner: String, due: CalendarDate?) {
        self.shows = shows
        self.why = why
        self.actions = actions
        self.owner = owner
        self.due = due
    }
}

/// One entry in a target's commentary for a month: a version of the council's commentary, or the chair's answer.
public struct CommentaryEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable {
        case commentary
        case response
    }

    /// What the figure the commentary explains is of (`Target.commentaryKey`): the indicator id, or "other:" and the
    /// name of a measure counted by hand.
    public var target: String
    public var month: YearMonth
    public var kind: Kind
    public var commentary: Commentary?
    public var response: String?
    public var writtenBy: String
    public var writtenAt: Date

    public init(target: String, month: YearMonth, kind: Kind, commentary: Commentary?, response: String?, writtenBy: String, writtenAt: Date) {
        self.target = target
        self.month = month
        self.kind = kind
        self.commentary = commentary
        self.response = response
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
    }
}
