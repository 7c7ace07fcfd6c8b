import Domain
import Monitoring

/// What an import changed, target by target: every month whose figure moved (as the pages write it), from what to
/// what, and the month the figures now run to. Worked out from the council's picture before and after the import, so
/// it says exactly what the dashboard and the targets' pages will now say.
struct FigureChange: Codable, Sendable, Equatable {
    struct Month: Codable, Sendable, Equatable {
        /// YYYY-MM.
        var month: String
        var before: Double?
        var after: Double?
    }

    /// The target as the notice names it.
    var target: String
    var unit: String
    /// How the figure is counted, in words.
    var basis: String
    var months: [Month]

    var targetUnit: TargetUnit { TargetUnit(rawValue: unit) ?? .percent }

    static func between(_ before: CouncilPicture?, _ after: CouncilPicture) -> [FigureChange] {
        after.statuses.compactMap { status in
            let new = after.library.series(for: status.target, basis: status.basis)
            let old = before?.library.series(for: status.target, basis: status.basis)
            let months = Set(new?.months ?? []).union(old?.months ?? []).sorted()
            let moved = months.compactMap { month -> Month? in
                let a = old?.value(at: month).map(ShownFigure.rounded), b = new?.value(at: month).map(ShownFigure.rounded)
                return a == b ? nil : Month(month: month.iso, before: a, after: b)
            }
            guard !moved.isEmpty else { return nil }
            return FigureChange(target: status.target.indicator, unit: status.target.unit.rawValue, basis: Format.basis(status.basis), months: moved)
        }
    }

    /// The latest month any target has a figure for.
    static func runsTo(_ picture: CouncilPicture?) -> YearMonth? {
        picture?.statuses.compactMap { $0.latest?.month }.max()
    }
}
