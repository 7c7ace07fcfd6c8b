/// An Ofsted visit after an inadequate judgement: a monitoring visit every few months, or a focused visit on one
/// theme. The letter that follows says what was found and names the areas for priority action, which the council
/// answers in its Improvement Plan.
public struct OfstedVisit: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case monitoring
        case focused

        public var label: String {
            switch self {
            case .monitoring: "Monitoring visit"
            case .focused: "Focused visit"
            }
        }
    }

    public var kind: Kind
    /// The visit's last day.
    public var visitedOn: CalendarDate
    /// The day Ofsted published the letter, once it has.
    public var publishedOn: CalendarDate?
    /// What the visit looked at ("the front door and assessments").
    public var theme: String
    /// What the letter found, in its words.
    public var findings: String
    /// The letter's areas for priority action, one each.
    public var priorityActions: [String]

    public init(kind: Kind, visitedOn: CalendarDate, publishedOn: CalendarDate?, theme: String, findings: String, priorityActions: [String]) {
        self.kind = kind
        self.visitedOn = visitedOn
        self.publishedOn = publishedOn
        self.theme = theme
        self.findings = findings
        self.priorityActions = priorityActions
    }

    /// "Monitoring visit of 12 May 2011", as the plan and the agenda name it.
    public var name: String { "\(kind.label) of \(visitedOn.inWords)" }

    /// The words a plan action carries when it answers one of this visit's areas for priority action: the visit is
    /// found again from them.
    public func planWords(_ index: Int) -> String { "Ofsted's \(kind.label.lowercased()) of \(visitedOn.inWords), area for priority action \(index + 1)" }
}
