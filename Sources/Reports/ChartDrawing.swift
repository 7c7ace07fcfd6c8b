import Domain
import Foundation
import Monitoring

/// The chart's geometry and marks, worked out once from the inputs.
struct ChartDrawing {
    typealias Point = (month: YearMonth, value: Double)

    struct MilestoneMark {
        var status: MilestoneStatus
        var month: YearMonth
        var level: Double
    }

    enum LegendKind: Equatable {
        case monthly, yearToDate, trajectory, forecast, baseline
        case milestone(MilestoneState)
    }

    /// A label put where it is clear of the marks and the other labels.
    struct PlacedLabel {
        var text: String
        var box: ChartBox
        var anchor: ChartLabelRequest.Alignment
        var x: Double
        var y: Double
    }

    /// The labels that found room; one missing from here is left to the description and the table.
    struct Labels {
        var noFigures: PlacedLabel?
        var milestones: [Int: PlacedLabel] = [:]
        var comparators: [Int: PlacedLabel] = [:]
        var baseline: PlacedLabel?
    }

    let chart: TargetChart
    let unit: TargetUnit
    let id: String
    let compact: Bool
    let monthly: [Point]
    let yearToDate: [Point]
    let trajectory: [Point]
    let milestones: [MilestoneMark]
    let forecasts: [Forecast]
    /// Where each forecast's line starts, at the last month it rests on.
    let forecastStarts: [Double]
    let baseline: Double?
    let baselineMonth: YearMonth?
    let comparators: [ChartComparator]

    // Geometry.
    let width: Double
    let height: Double
    let fontSize: Double
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let firstMonth: YearMonth?
    let lastMonth: YearMonth?
    let scale: ChartValueScale
    let legend: [(kind: LegendKind, label: String, x: Double, y: Double)]
    private(set) var labels = Labels()

    static let legendRowHeight = 18.0

    init(_ chart: TargetChart) {
        self.chart = chart
        let status = chart.status
        unit = status.target.unit
        compact = chart.size == .card
        id = "target-chart-" + status.target.indicatorID.rawValue + "-"
            + SVGText.hash(chart.title + "\u{1F}" + status.target.indicator + "\u{1F}" + status.target.indicatorID.rawValue)

        func points(_ series: Series?) -> [Point] {
            guard let series else { return [] }
            return series.months.compactMap { m in series.value(at: m).map { (m, $0) } }
        }
        monthly = points(chart.monthly)
        yearToDate = points(chart.yearToDate)
        trajectory = status.trajectory.map { ($0.month, $0.expected) }
        milestones = status.milestones.compactMap { m in
            guard let level = m.level, let due = m.dueDate else { return nil }
            return MilestoneMark(status: m, month: YearMonth(due), level: level)
        }
        forecasts = status.milestones.compactMap(\.forecast)
        let drawn = [chart.monthly, chart.yearToDate].compactMap { $0 }
        forecastStarts = forecasts.map { Self.forecastStart($0, series: drawn, percent: status.target.unit == .percent) }
        baseline = status.target.baseline?.value
        baselineMonth = status.target.baseline?.period.flatMap(Self.periodMonth)
        comparators = chart.comparators.filter { $0.value.isFinite }

        width = Double(max(chart.width, 240))
        height = Double(max(chart.height, 160))
        // 12 in both sizes: each is shown at about its own width, so 12 units are 12 pixels.
        fontSize = 12

        // Months: everything drawn at a month.
        var months = monthly.map(\.month) + yearToDate.map(\.month) + trajectory.map(\.month) + milestones.map(\.month)
        months += forecasts.flatMap { [$0.to, $0.month] }
        if baseline != nil, let b = baselineMonth { months.append(b) }
        if let first = months.min(), let last = months.max() {
            (firstMonth, lastMonth) = first == last ? (first.adding(months: -1), last.adding(months: 1)) : (first, last)
        } else {
            (firstMonth, lastMonth) = (nil, nil)
        }

        // Values: everything drawn, and every level the target names even when it has no date to be drawn at, so the
        // target is always in view.
        var values = monthly.map(\.value) + yearToDate.map(\.value) + trajectory.map(\.value)
        values += status.milestones.compactMap(\.level)
        let percent = unit == .percent
        values += forecasts.flatMap { [$0.value, $0.low, $0.high] } + forecastStarts
        values += comparators.map(\.value)
        if let b = baseline { values.append(b) }
        scale = ChartValueScale.fit(values, percent: percent, wholeSteps: unit != .daysPerFTE, maxIntervals: compact ? 4 : 6)

        // The legend first (it takes what it needs at the foot), then the plot in what is left. A card has none.
        var kinds: [(LegendKind, String)] = []
        if !monthly.isEmpty { kinds.append((.monthly, "Monthly figure")) }
        if !yearToDate.isEmpty { kinds.append((.yearToDate, "Year to date")) }
        if trajectory.count >= 2 { kinds.append((.trajectory, "Path from baseline")) }
        if !forecasts.isEmpty { kinds.append((.forecast, "Forecast, 90% interval")) }
        if baseline != nil { kinds.append((.baseline, "Baseline")) }
        for state in [MilestoneState.met, .missed, .dueSoon, .noData] {
            let present = milestones.contains { Self.styleState($0.status.state) == state }
            if present { kinds.append((.milestone(state), Self.milestoneLegend(state))) }
        }
        if compact { kinds = [] }

        // Room on the left for the widest value label.
        let size = fontSize
        let widestTick = scale.ticks.map { ChartLabelPlacement.textWidth(SVGText.number($0), fontSize: size) }.max() ?? 0
        plotLeft = max(compact ? 34 : 52, (14 + widestTick).rounded(.up))
        plotRight = width - (compact ? 14 : 34)
        // Below the value axis's title, clear of the top tick's label.
        plotTop = compact ? 28 : 34
        var placed: [(kind: LegendKind, label: String, x: Double, y: Double)] = []
        var x = 12.0, row = 0
        for (kind, label) in kinds {
            let itemWidth = 28 + ChartLabelPlacement.textWidth(label, fontSize: size) + 18
            if x + itemWidth > width - 8, x > 12 { row += 1; x = 12 }
            placed.append((kind, label, x, Double(row)))
            x += itemWidth
        }
        let rows = placed.isEmpty ? 0 : row + 1
        let legendTop = height - 8 - Double(rows) * Self.legendRowHeight
        legend = placed.map { ($0.kind, $0.label, $0.x, legendTop + $0.y * Self.legendRowHeight + Self.legendRowHeight / 2) }
        // Room under the plot for the month labels.
        plotBottom = compact ? height - 26 : legendTop - 30

        labels = layOutLabels()
    }

    /// Where a forecast's line starts: the fitted line at the last month it rests on. A percentage's forecast is held
    /// to 0–100, so stepping back from it by the slope would start the line in the wrong place; the fitted value is
    /// worked again from whichever drawn series the forecast came from, and only failing that stepped back.
    static func forecastStart(_ f: Forecast, series: [Series], percent: Bool) -> Double {
        let back = Double(f.month.ordinal - f.to.ordinal)
        var start = f.value - f.slope * back
        for s in series {
            guard let again = Forecast.project(s, to: f.to, asOf: f.to), again.from == f.from, again.to == f.to,
                  again.monthsUsed == f.monthsUsed, abs(again.slope - f.slope) < 1e-9 else { continue }
            start = again.value
            break
        }
        return percent ? min(100, max(0, start)) : start
    }

    /// The milestone a card labels: the nearest still ahead, or when all are past the last, as that is the outcome.
    var cardMilestone: Int? {
        milestones.indices.first { [.dueSoon, .notYetDue].contains(milestones[$0].status.state) } ?? milestones.indices.last
    }

    // MARK: Words on the chart

    func n(_ v: Double) -> String { SVGText.number(v) }

    func figure(_ v: Double, words: Bool = false) -> String { SVGText.number(v) + (words ? unit.wordSuffix : unit.shortSuffix) }

    func milestoneText(_ mark: MilestoneMark) -> String { figure(mark.level) + " " + mark.month.shortLabel }

    func baselineText(_ value: Double) -> String {
        var label = "Baseline " + figure(value)
        if !compact, let period = chart.status.target.baseline?.period { label += " (\(period))" }
        return label
    }

    /// A comparator's words on the chart: its label, with the figure added when the label does not show it already.
    func comparatorText(_ c: ChartComparator) -> String {
        let shown = figure(c.value)
        return c.label.contains(shown) || c.label.isEmpty ? (c.label.isEmpty ? shown : c.label) : c.label + ": " + shown
    }
}
