/// What is recorded of a board meeting: who came, what was decided and asked, and the minutes.
public struct MeetingRecord: Hashable, Codable, Sendable {
    public struct Attendee: Hashable, Codable, Sendable {
        public var name: String
        public var capacity: BoardCapacity
        public var organisation: String
        public var present: Bool

        public init(name: String, capacity: BoardCapacity, organisation: String, present: Bool) {
            self.name = name
            self.capacity = capacity
            self.organisation = organisation
            self.present = present
        }
    }

    public struct Decision: Hashable, Codable, Sendable {
        public enum Kind: String, Hashable, Codable, Sendable { case decision, action }
        public var kind: Kind
        public var text: String
        public var owner: String?
        public var due: CalendarDate?

        public init(kind: Kind, text: String, owner: String? = nil, due: CalendarDate? = nil) {
            self.kind = kind
            self.text = text
            self.owner = owner
            self.due = due
        }
    }

    public var attendees: [Attendee]
    public var decisions: [Decision]
    /// Questions the chair adds to the agenda before the meeting.
    public var questions: [String]
    public var minutes: String
    /// Set once the meeting has taken place and its minutes are agreed.
    public var held: Bool

    public init(attendees: [Attendee] = [], decisions: [Decision] = [], questions: [String] = [], minutes: String = "", held: Bool = false) {
        self.attendees = attendees
        self.decisions = decisions
        self.questions = questions
        self.minutes = minutes
        self.held = held
    }
}
