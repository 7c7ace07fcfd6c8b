/// Something the council must deliver by a date: a plan published, a dataset agreed, a review reported.
public struct Deadline: Hashable, Codable, Sendable {
    public var what: String
    public var due: Due?
    public var source: SourceSpan?

    public init(what: String, due: Due?, source: SourceSpan? = nil) {
        self.what = what
        self.due = due
        self.source = source
    }
}

/// A point at which progress against the notice is judged or reported.
public struct Review: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// A review of progress (initial, six-month or further review).
        case progressReview = "progress_review"
        /// A formal assessment against the notice.
        case formalAssessment = "formal_assessment"
        /// The final review or final assessment, on which the notice is lifted or escalated.
        case finalReview = "final_review"
        /// Information or a written report to ministers.
        case reportToMinisters = "report_to_ministers"
        /// The independent chair's own assessment of progress.
        case chairAssessment = "chair_assessment"
    }

    public var kind: Kind
    public var what: String
    public var due: Due?
    public var source: SourceSpan?

    public init(kind: Kind, what: String, due: Due?, source: SourceSpan? = nil) {
        self.kind = kind
        self.what = what
        self.due = due
        self.source = source
    }
}
