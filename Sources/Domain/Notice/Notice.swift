/// An Improvement Notice as data: the council, the inspection it rests on, what must be done, the numbers to reach,
/// the dates that matter, the board that watches it, and what happens if it fails.
public struct Notice: Hashable, Codable, Sendable {
    public var council: Council
    /// The service judged: "Children's social care services".
    public var service: String?
    public var inspection: Inspection
    /// The date the notice was signed or issued, when it carries one.
    public var noticeDate: CalendarDate?
    public var durationMonths: Int?
    public var measures: [Measure]
    public var targets: [Target]
    public var deadlines: [Deadline]
    public var reviews: [Review]
    public var board: BoardArrangement
    public var consequence: Consequence?
    /// Who signed it, when the text says ("Edward Timpson MP").
    public var signatory: String?
    public var lifecycle: [LifecycleEvent]
    /// Where the notice's single-valued fields came from; the fields that are lists carry their own spans.
    public var sources: FieldSources

    public init(
        council: Council, service: String? = nil, inspection: Inspection = Inspection(), noticeDate: CalendarDate? = nil,
        durationMonths: Int? = nil, measures: [Measure] = [], targets: [Target] = [], deadlines: [Deadline] = [],
        reviews: [Review] = [], board: BoardArrangement = BoardArrangement(), consequence: Consequence? = nil,
        signatory: String? = nil, lifecycle: [LifecycleEvent] = [], sources: FieldSources = FieldSources()
    ) {
        self.council = council
        self.service = service
        self.inspection = inspection
        self.noticeDate = noticeDate
        self.durationMonths = durationMonths
        self.measures = measures
        self.targets = targets
        self.deadlines = deadlines
        self.reviews = reviews
        self.board = board
        self.consequence = consequence
        self.signatory = signatory
        self.lifecycle = lifecycle
        self.sources = sources
    }
}

/// Spans for the notice's single-valued fields.
public struct FieldSources: Hashable, Codable, Sendable {
    public var service: SourceSpan?
    public var noticeDate: SourceSpan?
    public var duration: SourceSpan?
    public var signatory: SourceSpan?

    public init(service: SourceSpan? = nil, noticeDate: SourceSpan? = nil, duration: SourceSpan? = nil, signatory: SourceSpan? = nil) {
        self.service = service
        self.noticeDate = noticeDate
        self.duration = duration
        self.signatory = signatory
    }
}
