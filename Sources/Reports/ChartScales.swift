import Domain
import Foundation
import Monitoring

/// The value axis: from `bottom` to `top` in steps of `step`, every tick a round number.
public struct ChartValueScale: Sendable, Equatable {
    public var bottom: Double
    public var top: Double
    public var step: Double

    public init(bottom: Double, top: Double, step: Double) {
        self.bottom = bottom
        self.top = top
        self.step = step
    }

    public var ticks: [Double] {
        let count = Int(((top - bottom) / step).rounded())
        // Multiplied, not added up, so no tick drifts to 0.30000000000000004.
        return (0...max(count, 0)).map { bottom + Double($0) * step }
    }

    /// An axis that holds every value given with a little room above (and below, when it does not start at zero), so
    /// the target stays in view however far the figures are from it. It starts at zero when the lowest value is within
    /// 40% of the highest (small figures keep their zero, and at most 40% of the height goes unused); otherwise at a
    /// round number below the lowest, so figures moving between 85 and 95 are not a flat line. A per cent axis never
    /// leaves 0–100. Steps are 1, 2, 2.5 or 5 times a power of ten, the smallest that gives at most `maxIntervals`;
    /// with `wholeSteps` (counts, per cent) never smaller than 1 and never 2.5. No values: 0–100 for per cent, else
    /// from zero to a small round number.
    public static func fit(_ values: [Double], percent: Bool, wholeSteps: Bool, maxIntervals: Int) -> ChartValueScale {
        let intervals = max(maxIntervals, 2)
        var finite = values.filter(\.isFinite)
        if percent { finite = finite.map { min(max($0, 0), 100) } }
        guard var low = finite.min(), var high = finite.max() else {
            return percent ? fit([0, 100], percent: true, wholeSteps: wholeSteps, maxIntervals: intervals)
                : fit([0, wholeSteps ? 5 : 1], percent: false, wholeSteps: wholeSteps, maxIntervals: intervals)
        }
        let fromZero = low >= 0 && low <= 0.4 * high
        if fromZero { low = 0 }
        if high - low < 1e-9 {
            // One value only: room either side of it, in proportion to its size.
            let pad = max(abs(high) * 0.1, wholeSteps ? 1 : 0.1)
            high += pad
            if !fromZero { low -= pad }
        }
        let span = high - low
        high += span * 0.05
        if !fromZero { low -= span * 0.05 }
        if percent { (low, high) = (max(low, 0), min(high, 100)) }

        let raw = (high - low) / Double(intervals)
        var magnitude = pow(10, log10(raw).rounded(.down))
        while true {
            for multiple in [1, 2, 2.5, 5] {
                var step = multiple * magnitude
                if wholeSteps && (step < 1 || step != step.rounded()) { continue }
                if step < raw * (1 - 1e-9) { continue }
                step = (step * 1e6).rounded() / 1e6
                if step <= 0 { continue }
                var bottom = (low / step + 1e-9).rounded(.down) * step
                var top = (high / step - 1e-9).rounded(.up) * step
                if percent { (bottom, top) = (max(bottom, 0), min(top, 100)) }
                if top - bottom < step { top = bottom + step }
                if ((top - bottom) / step).rounded() <= Double(intervals) { return ChartValueScale(bottom: bottom, top: top, step: step) }
            }
            magnitude *= 10
        }
    }
}

/// Where figures fall on a chart, and how milestones look.
extension ChartDrawing {
    // MARK: Scales

    func x(_ month: YearMonth) -> Double {
        guard let first = firstMonth, let last = lastMonth, last.ordinal > first.ordinal else { return (plotLeft + plotRight) / 2 }
        return plotLeft + Double(month.ordinal - first.ordinal) / Double(last.ordinal - first.ordinal) * (plotRight - plotLeft)
    }

    /// The value's height, held inside the plot.
    func y(_ value: Double) -> Double {
        let v = min(max(value, scale.bottom), scale.top)
        return plotBottom - (v - scale.bottom) / (scale.top - scale.bottom) * (plotBottom - plotTop)
    }

    /// The months labelled on the axis: every one, or every 2, 3, 6, 12 … months, aligned on April (the reporting
    /// year's start), as many as fit: one every 64 units, and on a card at most four (one every 60 units, as "Jun 2011"
    /// is 50 wide), so its few labels stay apart.
    var labelledMonths: [YearMonth] {
        guard let first = firstMonth, let last = lastMonth else { return [] }
        let span = last.ordinal - first.ordinal
        let fit = compact ? min(4, max(2, Int((plotRight - plotLeft) / 60))) : max(2, Int((plotRight - plotLeft) / 64))
        let step = [1, 2, 3, 6, 12, 24, 36, 60, 120].first { span / $0 + 1 <= fit } ?? 120
        var out: [YearMonth] = []
        var m = first
        while m <= last {
            if ((m.ordinal - 3) % step + step) % step == 0 { out.append(m) }
            m = m.adding(months: 1)
        }
        return out.isEmpty ? [first] : out
    }

    /// The month a baseline describes: a financial year's last month ("2009-10" is March 2010), or the month given.
    static func periodMonth(_ period: String) -> YearMonth? {
        let parts = period.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), Int(parts[1]) == (y + 1) % 100 {
            return YearMonth(year: y + 1, month: 3)
        }
        return PartialDate(iso: period)?.yearMonth
    }

    // MARK: Milestone styles

    /// Milestones are drawn in four styles: met, missed, still ahead, and due with no figure.
    static func styleState(_ state: MilestoneState) -> MilestoneState {
        switch state {
        case .met: return .met
        case .missed: return .missed
        case .dueSoon, .notYetDue: return .dueSoon
        case .noData, .noLevel, .notYetPublished: return .noData
        }
    }

    static func milestoneLegend(_ state: MilestoneState) -> String {
        switch styleState(state) {
        case .met: return "Milestone met"
        case .missed: return "Milestone missed"
        case .noData: return "Milestone, no figure"
        default: return "Milestone ahead"
        }
    }

    static func milestoneColours(_ state: MilestoneState) -> (fill: String, stroke: String) {
        switch styleState(state) {
        case .met: return (GOVUKColour.green, GOVUKColour.green)
        case .missed: return (GOVUKColour.red, GOVUKColour.red)
        case .noData: return (GOVUKColour.lightGrey, GOVUKColour.darkGrey)
        default: return (GOVUKColour.white, GOVUKColour.text)
        }
    }
}
