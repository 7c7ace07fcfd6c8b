/// The inspection a notice rests on.
public struct Inspection: Hashable, Codable, Sendable {
    public enum Judgement: String, Hashable, Codable, Sendable, CaseIterable {
        case outstanding, good, adequate
        case requiresImprovement = "requires_improvement"
        case inadequate
    }

    /// "Ofsted", "CQC", "HMIC", "HMI Probation".
    public var inspectorates: [String]
    /// What was inspected, in the notice's words ("safeguarding and looked after children's services").
    public var kind: String?
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    /// The report's publication date (or the date the report bears, when that is all the notice gives).
    public var published: PartialDate?
    public var judgement: Judgement?
    /// What the judgement covered: "overall effectiveness", "capacity for improvement", "all three sub-judgements".
    public var subJudgements: [String]
    public var source: SourceSpan?

    public init(
        inspectorates: [String] = [], kind: String? = nil, startDate: PartialDate? = nil, endDate: PartialDate? = nil,
        published: PartialDate? = nil, judgement: Judgement? = nil, subJudgements: [String] = [], source: SourceSpan? = nil
    ) {
        self.inspectorates = inspectorates
        self.kind = kind
        self.startDate = startDate
        self.endDate = endDate
        self.published = published
        self.judgement = judgement
        self.subJudgements = subJudgements
        self.source = source
    }
}
