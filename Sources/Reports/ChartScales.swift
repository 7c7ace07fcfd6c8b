import Domain
import Foundation
import Monitoring

/// Where figures fall on a chart, and how milestones look.
extension ChartDrawing {
    // MARK: Scales

    func x(_ month: YearMonth) -> Double {
        guard let first = firstMonth, let last = lastMonth, last.ordinal > first.ordinal else { return (plotLeft + plotRight) / 2 }
        return plotLeft + Double(month.ordinal - first.ordinal) / Double(last.ordinal - first.ordinal) * (plotRight - plotLeft)
    }

    /// The value's height, held inside the plot.
    func y(_ value: Double) -> Double {
        let v = min(max(value, 0), valueTop)
        return plotBottom - v / valueTop * (plotBottom - plotTop)
    }

    var valueTicks: [Double] {
        let count = Int((valueTop / valueStep).rounded())
        return (0...count).map { Double($0) * valueStep }
    }

    /// The months labelled on the axis: every one, or every 2, 3, 6, 12 … months, aligned on April (the reporting
    /// year's start), as many as fit.
    var labelledMonths: [YearMonth] {
        guard let first = firstMonth, let last = lastMonth else { return [] }
        let span = last.ordinal - first.ordinal
        let fit = max(2, Int((plotRight - plotLeft) / 64))
        let step = [1, 2, 3, 6, 12, 24, 36, 60, 120].first { span / $0 + 1 <= fit } ?? 120
        var out: [YearMonth] = []
        var m = first
        while m <= last {
            if ((m.ordinal - 3) % step + step) % step == 0 { out.append(m) }
            m = m.adding(months: 1)
        }
        return out.isEmpty ? [first] : out
    }

    /// From zero to a round number a little above `max`, in at most six steps of 1, 2, 2.5 or 5 times a power of ten.
    static func niceScale(max: Double, wholeSteps: Bool) -> (top: Double, step: Double) {
        let target = Swift.max(max, 0) * 1.05
        guard target > 0 else { return (wholeSteps ? 5 : 1, wholeSteps ? 1 : 0.2) }
        let raw = target / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        var step = ([1, 2, 2.5, 5, 10].first { $0 * magnitude >= raw - 1e-12 } ?? 10) * magnitude
        if wholeSteps { step = Swift.max(1, step.rounded(.up)) }
        let top = (target / step - 1e-9).rounded(.up) * step
        return (Swift.max(top, step), step)
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
