import Domain

/// The targets a board must discuss: below the path from their baseline, or rated red, with since when and, where the
/// data can tell, what drives them, in words a board can read.
public struct ExceptionReport: Sendable {
    public struct Item: Sendable {
        public var target: Target
        public var rag: RAG
        public var since: YearMonth?
        public var summary: String
        public var drivers: [String]
    }

    public var items: [Item]

    /// - Parameter drivers: what lies behind a target's latest figure (from the records, by the caller that has them).
    public init(_ statuses: [TargetStatus], drivers: (TargetStatus) -> [String] = { _ in [] }) {
        items = statuses.compactMap { s in
            guard s.rag == .red || s.offTrajectorySince != nil else { return nil }
            let unit = s.target.unit == .percent ? "%" : ""
            // Sentences about the target, which every reader shows under the target's own name.
            let summary: String
            if let since = s.offTrajectorySince, let latest = s.latest, let point = s.trajectory.last(where: { $0.month == latest.month }) {
                summary = "Below the path from the baseline since \(since.label): \(formatFigure(latest.value))\(unit) in \(latest.month.label), "
                    + "against \(formatFigure(point.expected))\(unit) on the path."
            } else {
                summary = "Rated red. " + s.reasons.joined(separator: " ")
            }
            return Item(target: s.target, rag: s.rag, since: s.offTrajectorySince, summary: summary, drivers: drivers(s))
        }
    }
}

/// Turns a breakdown into sentences: the groups whose rate is furthest on the wrong side of the whole, with their
/// volumes, so that a small group does not drown a large one.
public enum DriverSentences {
    public static func sentences(attribute: String, groups: [(value: String, numerator: Int, denominator: Int)], betterWhen: TargetDirection) -> [String] {
        let total = groups.reduce((0, 0)) { ($0.0 + $1.numerator, $0.1 + $1.denominator) }
        guard total.1 > 0 else { return [] }
        let overall = 100 * Double(total.0) / Double(total.1)
        let worse = groups.filter { $0.denominator >= 5 }.map { g -> (String, Double, Int, Double) in
            let rate = 100 * Double(g.numerator) / Double(g.denominator)
            // How much of the shortfall this group accounts for: its gap times its size.
            let weight = (betterWhen == .decrease ? rate - overall : overall - rate) * Double(g.denominator)
            return (g.value, rate, g.denominator, weight)
        }.filter { $0.3 > 0 }.sorted { $0.3 > $1.3 }.prefix(2)
        return worse.map { "\(attribute) \($0.0): \(formatFigure($0.1))% across \($0.2) records, against \(formatFigure(overall))% overall" }
    }
}
