import Domain
import Foundation

/// `improve status --format text`: the picture a board member reads.
public enum StatusText {
    public static func render(_ notice: Notice, date: CalendarDate?, asOf: CalendarDate, statuses: [TargetStatus], calendar: NoticeCalendar,
                              exceptions: ExceptionReport, notes: [String]) -> String {
        var out: [String] = []
        out.append("\(notice.council.name): position at \(asOf.iso)")
        out.append("Notice date: \(date?.iso ?? "not known")")
        for note in notes + calendar.notes { out.append("Note: \(note)") }
        out.append("")
        out.append("Targets")
        for s in statuses {
            let unit = s.target.unit == .percent ? "%" : ""
            var head = "[\(s.rag.rawValue.uppercased())] \(s.target.indicatorID.rawValue): \(s.target.indicator)"
            if let latest = s.latest { head += " (latest \(formatFigure(latest.value))\(unit), \(latest.month.label))" }
            out.append(head)
            if !s.reasons.isEmpty { out.append("    why: " + s.reasons.joined(separator: "; ")) }
            for m in s.milestones {
                let level = m.level.map { formatFigure($0) + unit } ?? "no figure"
                var line = "    - \(level) \(m.milestone.basis.rawValue.replacingOccurrences(of: "_", with: " ")), \(m.dueSource): \(m.state.rawValue.replacingOccurrences(of: "_", with: " ")) [\(m.rag.rawValue)]"
                if let f = m.forecast { line += "; forecast \(formatFigure(f.value))\(unit) (\(formatFigure(f.low)) to \(formatFigure(f.high)))" }
                out.append(line)
                for r in m.reasons { out.append("        \(r)") }
            }
            if let last = s.trajectory.last(where: { $0.actual != nil }), let gap = last.gap {
                out.append("    trajectory: \(formatFigure(last.actual!))\(unit) in \(last.month.label) against \(formatFigure(last.expected))\(unit) on the path (\(gap >= 0 ? "+" : "")\(formatFigure(gap)))")
            }
        }
        out.append("")
        out.append("For the board to discuss (\(exceptions.items.count))")
        for item in exceptions.items {
            out.append("- \(item.target.indicator.prefix(1).uppercased() + item.target.indicator.dropFirst()): \(item.summary)")
            for d in item.drivers { out.append("    \(d)") }
        }
        out.append("")
        out.append("Calendar")
        for e in calendar.entries where e.kind != .meeting || (e.date.map { $0 >= asOf } ?? false) {
            let flag = e.overdue ? "OVERDUE " : (e.done ? "done " : "")
            out.append("- \(e.date?.iso ?? "date not known") \(e.kind.rawValue): \(flag)\(e.what)")
        }
        return out.joined(separator: "\n")
    }
}

/// `improve status --format json`.
public enum StatusJSON {
    public static func object(_ notice: Notice, date: CalendarDate?, asOf: CalendarDate, statuses: [TargetStatus], calendar: NoticeCalendar,
                              exceptions: ExceptionReport, notes: [String]) -> [String: Any] {
        func n(_ v: Double?) -> Any { v.map { ($0 * 10_000).rounded() / 10_000 } ?? NSNull() }
        return [
            "council": notice.council.name,
            "as_of": asOf.iso,
            "notice_date": date?.iso ?? NSNull(),
            "notes": notes + calendar.notes,
            "targets": statuses.map { s -> [String: Any] in
                [
                    "indicator": s.target.indicator,
                    "indicator_id": s.target.indicatorID.rawValue,
                    "basis": s.basis.rawValue,
                    "rag": s.rag.rawValue,
                    "reasons": s.reasons,
                    "latest": s.latest.map { ["month": $0.month.iso, "value": n($0.value)] as [String: Any] } ?? NSNull(),
                    "off_trajectory_since": s.offTrajectorySince?.iso ?? NSNull(),
                    "milestones": s.milestones.map { m -> [String: Any] in
                        [
                            "level": n(m.level),
                            "basis": m.milestone.basis.rawValue,
                            "due": m.dueDate?.iso ?? NSNull(),
                            "due_source": m.dueSource,
                            "state": m.state.rawValue,
                            "figure": n(m.figure),
                            "figure_period": m.figurePeriod.map { ["start": $0.start.iso, "end": $0.end.iso, "basis": $0.basis.rawValue] as [String: Any] } ?? NSNull(),
                            "breaches": m.breaches.map(\.iso),
                            "entered_by": m.enteredBy ?? NSNull(),
                            "entered_at": m.enteredAt?.iso ?? NSNull(),
                            "forecast": m.forecast.map { f in
                                ["month": f.month.iso, "value": n(f.value), "low": n(f.low), "high": n(f.high), "months_used": f.monthsUsed,
                                 "from": f.from.iso, "to": f.to.iso] as [String: Any]
                            } ?? NSNull(),
                            "rag": m.rag.rawValue,
                            "reasons": m.reasons,
                        ]
                    },
                    "trajectory": s.trajectory.map { p -> [String: Any] in
                        ["month": p.month.iso, "expected": n(p.expected), "actual": n(p.actual), "gap": n(p.gap), "on_track": p.onTrack ?? NSNull()]
                    },
                ]
            },
            "exceptions": exceptions.items.map { ["indicator_id": $0.target.indicatorID.rawValue, "rag": $0.rag.rawValue, "since": $0.since?.iso ?? NSNull(),
                                                  "summary": $0.summary, "drivers": $0.drivers] as [String: Any] },
            "calendar": calendar.entries.map { e -> [String: Any] in
                ["kind": e.kind.rawValue, "what": e.what, "date": e.date?.iso ?? NSNull(), "overdue": e.overdue, "done": e.done]
            },
        ]
    }
}
