import Domain

/// Where a milestone stands on a date.
public enum MilestoneState: String, Sendable, Equatable {
    case met, missed
    /// Due within eight weeks, or its month not yet over.
    case dueSoon = "due_soon"
    case notYetDue = "not_yet_due"
    /// Due, but there is no figure to judge it by.
    case noData = "no_data"
    /// The notice set no level ("a reduction in re-referral rates") and none was agreed.
    case noLevel = "no_level"
    /// The level is a published figure ("the England average") for a year not yet published.
    case notYetPublished = "not_yet_published"
}

/// Red, amber, green, or no rating where nothing can be judged. The rules are in `RAGRules`.
public enum RAG: String, Sendable, Equatable, Comparable {
    case green, amber, red
    case none = "grey"

    private var rank: Int {
        switch self {
        case .none: return 0
        case .green: return 1
        case .amber: return 2
        case .red: return 3
        }
    }

    public static func < (a: RAG, b: RAG) -> Bool { a.rank < b.rank }
}

public struct MilestoneStatus: Sendable {
    public var milestone: Milestone
    /// The level judged against: the milestone's figure, or for "sustain at 2008-09 levels" that period's figure.
    public var level: Double?
    /// The date it is judged at; a milestone with no date is judged at the notice's final review.
    public var dueDate: CalendarDate?
    public var dueSource: String
    public var state: MilestoneState
    /// The figure it was (or would now be) judged on, and the period behind it.
    public var figure: Double?
    public var figurePeriod: ReportingPeriod?
    /// Who entered the figure by hand, and when; nil for a figure computed from the returns.
    public var enteredBy: String?
    public var enteredAt: CalendarDate?
    /// For levels held every month: the months that broke it.
    public var breaches: [YearMonth]
    public var forecast: Forecast?
    public var rag: RAG
    public var reasons: [String]
}

/// The expected figure on the straight path from the baseline to each milestone, and the actual figure beside it.
public struct TrajectoryPoint: Sendable, Equatable {
    public var month: YearMonth
    public var expected: Double
    public var actual: Double?
    /// actual − expected; positive is above the path.
    public var gap: Double?
    /// Whether the gap is on the good side, given the target's direction.
    public var onTrack: Bool?
}

public struct TargetStatus: Sendable {
    public var target: Target
    public var basis: Basis
    public var milestones: [MilestoneStatus]
    public var trajectory: [TrajectoryPoint]
    public var latest: (month: YearMonth, value: Double)?
    /// The first month of the current run of months below the path.
    public var offTrajectorySince: YearMonth?
    public var rag: RAG
    public var reasons: [String]
}
