import Domain
import Foundation
import Monitoring

/// The first draft of a review or report, from what the application holds: where each target stands, the plan,
/// the audits and the board's decisions. A person edits it before it is submitted.
public enum ReviewDraft {
    public static func text(kind: String, title: String, councilName: String, asOf: CalendarDate, statuses: [TargetStatus], actions: [PlanAction],
                            audits: [CaseAuditRecord], decisions: [(meeting: Int, decision: MeetingRecord.Decision)], incidents: [Incident]) -> String {
        var lines: [String] = []
        lines.append("\(title): \(councilName)")
        lines.append("Figures as at \(asOf.iso).")
        lines.append("")
        lines.append("1. Performance against the notice's targets")
        if statuses.isEmpty { lines.append("The notice sets no numeric targets.") }
        for s in statuses {
            let name = s.target.indicator.prefix(1).uppercased() + s.target.indicator.dropFirst()
            let latest = s.latest.map { "latest \(format($0.value, s.target.unit)) (\($0.month.label))" } ?? "no figures yet"
            let met = s.milestones.filter { $0.state == .met }.count, missed = s.milestones.filter { $0.state == .missed }.count
            lines.append("- \(name): \(latest); rated \(s.rag.rawValue); milestones met \(met), missed \(missed), of \(s.milestones.count).")
            if let reason = s.reasons.first { lines.append("  \(reason)") }
        }
        lines.append("")
        lines.append("2. The Improvement Plan")
        let overdue = actions.filter { $0.isOverdue(on: asOf) }
        lines.append("\(actions.count) actions: \(actions.filter { $0.status == .complete }.count) complete, \(actions.filter { $0.status == .inProgress }.count) in progress, \(overdue.count) overdue.")
        for action in overdue { lines.append("- Overdue: \(action.title) (\(action.owner.label), due \(action.dueDate.iso))") }
        lines.append("")
        lines.append("3. Quality of practice: case-file audits")
        let counted = audits.filter { $0.countedOn <= asOf }
        if counted.isEmpty {
            lines.append("No audits recorded.")
        } else {
            let adequate = counted.filter { $0.countedGrade.rank <= 3 }.count
            let recent = counted.filter { $0.countedOn > asOf.adding(months: -3) }
            let recentAdequate = recent.filter { $0.countedGrade.rank <= 3 }.count
            lines.append("\(counted.count) files audited, \(adequate) (\(percent(adequate, counted.count))) adequate or better; in the last three months \(recent.count), \(recentAdequate) (\(percent(recentAdequate, recent.count))) adequate or better.")
        }
        lines.append("")
        lines.append("4. The board's decisions")
        if decisions.isEmpty { lines.append("None recorded.") }
        for (meeting, decision) in decisions { lines.append("- Meeting \(meeting): \(decision.text)") }
        if !incidents.isEmpty {
            lines.append("")
            lines.append("5. Serious incidents")
            for incident in incidents { lines.append("- \(incident.occurredOn.iso): \(incident.kind.label). \(incident.summary)") }
        }
        lines.append("")
        lines.append(kind == "chair_assessment" ? "Assessment of the independent chair: [to be written]" : "Conclusion: [to be written]")
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, _ unit: TargetUnit) -> String {
        ShownFigure.text(value, unit: unit)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((100 * Double(part) / Double(whole)).rounded()))%"
    }
}
