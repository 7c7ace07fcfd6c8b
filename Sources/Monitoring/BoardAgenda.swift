import Domain

/// What a board meeting must discuss, from what monitoring says on the meeting's date: targets off track, overdue
/// actions, revised timescales asked for, deadlines and reviews coming up or overdue, new audit findings and serious
/// incidents since the last meeting. Standing items (apologies, the last minutes, any other business) are the
/// meeting's own and are not listed here.
public struct BoardAgenda: Sendable {
    public struct Item: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            case targetOffTrack = "target_off_track"
            case missingCommentary = "missing_commentary"
            case overdueAction = "overdue_action"
            case timescaleRequest = "timescale_request"
            case boardTarget = "board_target"
            case ofstedVisit = "ofsted_visit"
            case deadline
            case review
            case auditFindings = "audit_findings"
            case incident
        }

        public var kind: Kind
        public var title: String
        public var detail: String
    }

    public var meetingDate: CalendarDate
    public var items: [Item]

    /// How many overdue actions the agenda names one by one.
    public static let overdueShown = 10

    /// - Parameters:
    ///   - meetingDate: the meeting's date; everything is judged as on it.
    ///   - previousMeeting: the last meeting's date: audits and incidents since it are new (all of them when nil).
    ///   - nextMeeting: the next meeting's date: deadlines and reviews before it are coming up.
    public init(meetingDate: CalendarDate, previousMeeting: CalendarDate?, nextMeeting: CalendarDate?, statuses: [TargetStatus],
                actions: [PlanAction], pendingRequests: [(action: PlanAction, request: TimescaleRequest)], calendar: NoticeCalendar?,
                audits: [CaseAuditRecord], incidents: [Incident], commentaries: [CommentaryEntry] = [],
                boardTargetProposals: [BoardTarget] = [], visits: [OfstedVisit] = []) {
        self.meetingDate = meetingDate
        var items: [Item] = []
        for status in statuses where status.rag == .red || status.rag == .amber || status.offTrajectorySince != nil {
            let name = status.target.indicator.prefix(1).uppercased() + status.target.indicator.dropFirst()
            let since = status.offTrajectorySince.map { ", below its path since \($0.label)" } ?? ""
            let commentary = status.latest.flatMap { latest in Self.commentary(on: status.target, month: latest.month, in: commentaries) }
            items.append(Item(kind: .targetOffTrack, title: name, detail: "Rated \(status.rag == .none ? "grey" : status.rag.rawValue)\(since)."
                              + (status.reasons.first.map { " \($0)" } ?? "")
                              + (commentary.map { " The council: \($0.shows) \($0.actions)" } ?? "")))
            // A red target needs the council's commentary on its latest figure before the meeting.
            if status.rag == .red, let latest = status.latest, commentary == nil {
                items.append(Item(kind: .missingCommentary, title: name,
                                  detail: "No commentary from the council on the figure for \(latest.month.label): required before the meeting."))
            }
        }
        // The longest overdue first; past `overdueShown` of them the agenda names the rest as one item, which the board
        // takes with the plan itself.
        let overdue = actions.filter { $0.isOverdue(on: meetingDate) }.sorted { $0.dueDate < $1.dueDate }
        for action in overdue.prefix(Self.overdueShown) {
            items.append(Item(kind: .overdueAction, title: action.title,
                              detail: "\(action.owner.label), \(action.lead): due \(action.dueDate.inWords), \(action.status.label.lowercased())"))
        }
        if overdue.count > Self.overdueShown {
            let more = overdue.count - Self.overdueShown
            items.append(Item(kind: .overdueAction, title: "\(more) more overdue action\(more == 1 ? "" : "s")",
                              detail: "due between \(overdue[Self.overdueShown].dueDate.inWords) and \(overdue.last!.dueDate.inWords): see the Improvement Plan"))
        }
        for (action, request) in pendingRequests where request.decision == .pending {
            items.append(Item(kind: .timescaleRequest, title: action.title,
                              detail: "\(request.requestedBy) asks to move \(action.dueDate.inWords) to \(request.requestedDue.inWords): \(request.reason)"))
        }
        for proposal in boardTargetProposals where proposal.state == .proposed {
            let what = proposal.change == .retire ? "retire it" : proposal.change == .revise ? "change it" : "set it"
            items.append(Item(kind: .boardTarget, title: proposal.target.indicator.prefix(1).uppercased() + proposal.target.indicator.dropFirst(),
                              detail: "The council asks the board to \(what): \(proposal.reason)"))
        }
        let horizon = nextMeeting ?? meetingDate.adding(months: 1)
        for entry in calendar?.entries ?? [] where entry.kind != .meeting && !entry.done {
            guard let date = entry.date else { continue }
            let overdue = date < meetingDate
            guard overdue || date <= horizon else { continue }
            items.append(Item(kind: entry.kind == .review ? .review : .deadline, title: entry.what,
                              detail: overdue ? "overdue since \(date.inWords)" : "due \(date.inWords)"))
        }
        let newAudits = audits.filter { audit in
            audit.countedOn <= meetingDate && (previousMeeting.map { audit.countedOn > $0 } ?? true)
        }
        if !newAudits.isEmpty {
            let adequate = newAudits.filter { $0.countedGrade.rank <= 3 }.count
            let inadequate = newAudits.count - adequate
            let themes = Dictionary(newAudits.flatMap(\.themes).map { ($0, 1) }, uniquingKeysWith: +).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            items.append(Item(kind: .auditFindings, title: "Case-file audits since the last meeting",
                              detail: "\(newAudits.count) audited, \(adequate) adequate or better, \(inadequate) inadequate"
                                  + (themes.isEmpty ? "" : "; themes: " + themes.prefix(3).map { "\($0.key) (\($0.value))" }.joined(separator: ", "))))
        }
        // Ofsted's letters since the last meeting, by the day they were published (or of the visit, until then).
        for visit in visits {
            let day = visit.publishedOn ?? visit.visitedOn
            guard day <= meetingDate, previousMeeting.map({ day > $0 }) ?? true else { continue }
            let priorities = visit.priorityActions.isEmpty ? "no area for priority action"
                : "areas for priority action: " + visit.priorityActions.joined(separator: "; ")
            items.append(Item(kind: .ofstedVisit, title: "Ofsted's \(visit.kind.label.lowercased()): \(visit.theme)",
                              detail: "Visited \(visit.visitedOn.inWords)\(visit.publishedOn.map { ", letter published \($0.inWords)" } ?? ""); \(priorities)."))
        }
        let newIncidents = incidents.filter { incident in
            incident.occurredOn <= meetingDate && (previousMeeting.map { incident.occurredOn > $0 } ?? true)
        }
        for incident in newIncidents {
            items.append(Item(kind: .incident, title: incident.kind.label, detail: "\(incident.occurredOn.inWords): \(incident.summary)"))
        }
        self.items = items
    }

    /// The latest version of the council's commentary on a target's figure for a month, if any.
    public static func commentary(on target: Target, month: YearMonth, in entries: [CommentaryEntry]) -> Commentary? {
        entries.last { $0.kind == .commentary && $0.target == target.commentaryKey && $0.month == month }?.commentary
    }
}
