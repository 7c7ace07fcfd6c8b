import Domain
import Foundation
import Monitoring

/// What a chart says in words, for screen readers and for the text under it.
extension ChartDrawing {
    // MARK: Words

    /// What the chart shows, in sentences: the figures, the latest, the baseline, each milestone and its state, the
    /// forecasts, where the figures stand against the path, the figures to compare with, and where the scale starts
    /// when it is not zero.
    var description: String {
        let status = chart.status
        let target = status.target
        let name = target.indicator.prefix(1).uppercased() + target.indicator.dropFirst()
        var sentences: [String] = ["\(name)."]

        func range(_ points: [Point]) -> String { "\(points.first!.month.label) to \(points.last!.month.label)" }
        if monthly.isEmpty && yearToDate.isEmpty && status.latest == nil {
            sentences.append("No figures yet.")
        } else {
            var parts: [String] = []
            if !monthly.isEmpty {
                let basis = Self.basisWords(chart.monthly?.basis).map { " (\($0))" } ?? ""
                parts.append("monthly figures\(basis) from \(range(monthly))")
            }
            if !yearToDate.isEmpty { parts.append("year-to-date figures from \(range(yearToDate))") }
            if !parts.isEmpty { sentences.append("Shows " + parts.joined(separator: " and ") + ".") }
            if let latest = status.latest ?? monthly.last.map({ ($0.month, $0.value) }) ?? yearToDate.last.map({ ($0.month, $0.value) }) {
                sentences.append("Latest figure: \(figure(latest.value, words: true)) for \(latest.month.label).")
            }
        }

        if let b = target.baseline, let v = b.value {
            let about = (b.qualifiers + (b.period.map { [$0] } ?? [])).joined(separator: ", ")
            sentences.append("Baseline: \(figure(v, words: true))" + (about.isEmpty ? "" : " (\(about))") + ".")
        } else {
            sentences.append("No baseline figure.")
        }

        if status.milestones.isEmpty { sentences.append("No milestones.") }
        for m in status.milestones {
            var s = "Milestone " + (m.level.map { figure($0, words: true) } ?? "with no level")
            s += m.dueDate.map { " by \(YearMonth($0).label)" } ?? ", no date"
            s += ": " + Self.stateWords(m.state)
            if m.state == .met || m.state == .missed {
                if !m.breaches.isEmpty {
                    s += ", broken in " + m.breaches.map(\.label).joined(separator: ", ")
                } else if let f = m.figure {
                    s += ", " + figure(f, words: true)
                }
            }
            if let f = m.forecast {
                s += "; forecast for \(f.month.label): \(figure(f.value, words: true)) (90% prediction interval \(figure(f.low, words: true)) to "
                    + "\(figure(f.high, words: true)), from \(f.monthsUsed) months)"
            }
            sentences.append(s + ".")
        }

        if let since = status.offTrajectorySince {
            sentences.append("Below the path from the baseline since \(since.label).")
        } else if let last = status.trajectory.last(where: { $0.actual != nil }) {
            sentences.append("On the path from the baseline in \(last.month.label).")
        }

        if !comparators.isEmpty {
            let each = comparators.map { "\(Self.comparatorName($0.label)), \(figure($0.value, words: true))" }
            sentences.append("For comparison: " + each.joined(separator: "; ") + ".")
        }
        // A scale that does not start at zero makes changes look larger than they are: say so.
        if scale.bottom > 0 { sentences.append("The scale starts at \(figure(scale.bottom, words: true)).") }
        return sentences.joined(separator: " ")
    }

    /// What a comparator is, without the figure its label may carry: "England 2024-25: 81.2%" is "England 2024-25".
    static func comparatorName(_ label: String) -> String {
        let name = label.lastIndex(of: ":").map { String(label[..<$0]) } ?? label
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "A published figure" : trimmed
    }

    static func stateWords(_ state: MilestoneState) -> String {
        switch state {
        case .met: return "met"
        case .missed: return "missed"
        case .dueSoon: return "due soon"
        case .notYetDue: return "not yet due"
        case .noData: return "no figure to judge it by"
        case .noLevel: return "no level set"
        case .notYetPublished: return "level not yet published"
        }
    }

    static func basisWords(_ basis: Basis?) -> String? {
        switch basis {
        case .inMonth: return "in-month"
        case .snapshot: return "at each month's end"
        case .rolling12Months: return "rolling twelve months"
        case .cumulativeYearToDate: return "year to date"
        case .unspecified, nil: return nil
        }
    }
}
