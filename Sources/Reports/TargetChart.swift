import Domain
import Foundation
import Monitoring

/// One target's progress as a server-drawn SVG: the monthly figures, the year-to-date figures, the baseline, each
/// milestone with its level, the path from the baseline, and the forecast to each milestone still ahead with its 90%
/// prediction interval. Pure: the same input gives the same bytes. GOV.UK colours by presentation attributes, no CSS and
/// no script; `role="img"` with a title and a description that says in words what the chart shows.
public struct TargetChart: Sendable {
    public var status: TargetStatus
    public var monthly: Series?
    public var yearToDate: Series?
    public var title: String
    public var width: Int
    public var height: Int

    /// - Parameters:
    ///   - status: the target judged on a date (milestones, trajectory, forecasts).
    ///   - monthly: the figures drawn as the main line, one a month (usually the in-month or snapshot series).
    ///   - yearToDate: the cumulative year-to-date figures, drawn dashed beside them.
    ///   - title: the chart's accessible name.
    public init(status: TargetStatus, monthly: Series?, yearToDate: Series?, title: String, width: Int = 640, height: Int = 280) {
        self.status = status
        self.monthly = monthly
        self.yearToDate = yearToDate
        self.title = title
        self.width = width
        self.height = height
    }

    /// A complete `<svg>` element.
    public func svg() -> String {
        ChartDrawing(self).render()
    }
}

/// GOV.UK Design System colours.
enum GOVUKColour {
    static let text = "#0b0c0c"
    static let blue = "#1d70b8"
    static let darkGrey = "#505a5f"
    static let green = "#00703c"
    static let red = "#d4351c"
    static let lightGrey = "#b1b4b6"
    static let white = "#ffffff"
}

/// How a target's unit is written beside a figure.
extension TargetUnit {
    /// Beside a figure on the chart: "70%", "10 days".
    var shortSuffix: String {
        switch self {
        case .percent: return "%"
        case .daysPerFTE: return " days"
        case .workingDays: return " days"
        case .count, .childrenPerWorker, .perTenThousand, .perHundred: return ""
        }
    }

    /// Beside a figure in words: "10 days per FTE".
    var wordSuffix: String {
        switch self {
        case .percent: return "%"
        case .daysPerFTE: return " days per FTE"
        case .count: return ""
        case .childrenPerWorker: return " children per worker"
        case .perTenThousand: return " per 10,000 children"
        case .perHundred: return " per 100"
        case .workingDays: return " working days"
        }
    }

    /// The value axis's title.
    var axisTitle: String {
        switch self {
        case .percent: return "Per cent"
        case .daysPerFTE: return "Days per FTE"
        case .count: return "Number"
        case .childrenPerWorker: return "Children per worker"
        case .perTenThousand: return "Per 10,000 children"
        case .perHundred: return "Per 100"
        case .workingDays: return "Working days"
        }
    }
}

extension YearMonth {
    /// Months since year 0: consecutive months differ by one.
    var ordinal: Int { year * 12 + month - 1 }

    /// "Jun 2011".
    var shortLabel: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1] + " \(year)"
    }
}

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

    let chart: TargetChart
    let unit: TargetUnit
    let id: String
    let monthly: [Point]
    let yearToDate: [Point]
    let trajectory: [Point]
    let milestones: [MilestoneMark]
    let forecasts: [Forecast]
    let baseline: Double?
    let baselineMonth: YearMonth?

    // Geometry.
    let width: Double
    let height: Double
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let firstMonth: YearMonth?
    let lastMonth: YearMonth?
    let valueTop: Double
    let valueStep: Double
    let legend: [(kind: LegendKind, label: String, x: Double, y: Double)]

    static let legendRowHeight = 18.0
    static let characterWidth = 6.5

    init(_ chart: TargetChart) {
        self.chart = chart
        let status = chart.status
        unit = status.target.unit
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
        baseline = status.target.baseline?.value
        baselineMonth = status.target.baseline?.period.flatMap(Self.periodMonth)

        width = Double(max(chart.width, 240))
        height = Double(max(chart.height, 160))

        // Months: everything drawn at a month.
        var months = monthly.map(\.month) + yearToDate.map(\.month) + trajectory.map(\.month) + milestones.map(\.month)
        months += forecasts.flatMap { [$0.to, $0.month] }
        if baseline != nil, let b = baselineMonth { months.append(b) }
        if let first = months.min(), let last = months.max() {
            (firstMonth, lastMonth) = first == last ? (first.adding(months: -1), last.adding(months: 1)) : (first, last)
        } else {
            (firstMonth, lastMonth) = (nil, nil)
        }

        // Values: per cent on 0–100; anything else from zero to a round number above the data.
        if unit == .percent {
            (valueTop, valueStep) = (100, 20)
        } else {
            var values = monthly.map(\.value) + yearToDate.map(\.value) + trajectory.map(\.value) + milestones.map(\.level)
            values += forecasts.flatMap { [$0.value, $0.high] }
            if let b = baseline { values.append(b) }
            (valueTop, valueStep) = Self.niceScale(max: values.max() ?? 0, wholeSteps: unit != .daysPerFTE)
        }

        // The legend first (it takes what it needs at the foot), then the plot in what is left.
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
        plotLeft = 52
        plotRight = width - 34
        plotTop = 34
        var placed: [(kind: LegendKind, label: String, x: Double, y: Double)] = []
        var x = 12.0, row = 0
        for (kind, label) in kinds {
            let itemWidth = 28 + Double(label.count) * Self.characterWidth + 18
            if x + itemWidth > width - 8, x > 12 { row += 1; x = 12 }
            placed.append((kind, label, x, Double(row)))
            x += itemWidth
        }
        let rows = placed.isEmpty ? 0 : row + 1
        let legendTop = height - 8 - Double(rows) * Self.legendRowHeight
        legend = placed.map { ($0.kind, $0.label, $0.x, legendTop + $0.y * Self.legendRowHeight + Self.legendRowHeight / 2) }
        plotBottom = legendTop - 30
    }

    // MARK: Drawing

    func n(_ v: Double) -> String { SVGText.number(v) }

    func figure(_ v: Double, words: Bool = false) -> String { SVGText.number(v) + (words ? unit.wordSuffix : unit.shortSuffix) }

    func diamond(_ cx: Double, _ cy: Double, _ r: Double) -> String {
        "M\(n(cx)) \(n(cy - r))L\(n(cx + r)) \(n(cy))L\(n(cx)) \(n(cy + r))L\(n(cx - r)) \(n(cy))Z"
    }

    /// A line through the points, broken where a month is missing.
    func path(_ points: [Point]) -> String {
        var d = ""
        var previous: YearMonth?
        for p in points {
            let joined = previous.map { p.month.ordinal - $0.ordinal == 1 } ?? false
            d += (joined ? "L" : "M") + "\(n(x(p.month))) \(n(y(p.value)))"
            previous = p.month
        }
        return d
    }

    func render() -> String {
        var out: [String] = []
        func add(_ line: String, _ depth: Int = 1) { out.append(String(repeating: "  ", count: depth) + line) }
        let w = n(width), h = n(height)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"'GDS Transport', arial, sans-serif\" font-size=\"12\">")
        add("<title id=\"\(id)-title\">\(SVGText.escape(chart.title))</title>")
        add("<desc id=\"\(id)-desc\">\(SVGText.escape(description))</desc>")
        add("<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(GOVUKColour.white)\"/>")

        // Gridlines, axes and their labels.
        let months = labelledMonths
        add("<g class=\"grid\" stroke=\"\(GOVUKColour.lightGrey)\" stroke-width=\"1\" stroke-opacity=\"0.6\">")
        for v in valueTicks where v > 0 {
            add("<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(v)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(v)))\"/>", 2)
        }
        for m in months {
            add("<line x1=\"\(n(x(m)))\" y1=\"\(n(plotTop))\" x2=\"\(n(x(m)))\" y2=\"\(n(plotBottom))\"/>", 2)
        }
        add("</g>")
        add("<g class=\"axes\" stroke=\"\(GOVUKColour.text)\" stroke-width=\"1\">")
        add("<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotTop))\" x2=\"\(n(plotLeft))\" y2=\"\(n(plotBottom))\"/>", 2)
        add("<line x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\"/>", 2)
        if let first = firstMonth, let last = lastMonth, last.ordinal - first.ordinal <= 48 {
            var m = first
            while m <= last {
                add("<line x1=\"\(n(x(m)))\" y1=\"\(n(plotBottom))\" x2=\"\(n(x(m)))\" y2=\"\(n(plotBottom + 4))\"/>", 2)
                m = m.adding(months: 1)
            }
        }
        add("</g>")
        add("<g class=\"value-labels\" fill=\"\(GOVUKColour.darkGrey)\" text-anchor=\"end\">")
        for v in valueTicks {
            add("<text x=\"\(n(plotLeft - 6))\" y=\"\(n(y(v) + 4))\">\(SVGText.escape(n(v)))</text>", 2)
        }
        add("</g>")
        add("<text class=\"value-title\" x=\"8\" y=\"16\" fill=\"\(GOVUKColour.darkGrey)\">\(SVGText.escape(unit.axisTitle))</text>")
        add("<g class=\"month-labels\" fill=\"\(GOVUKColour.darkGrey)\" text-anchor=\"middle\">")
        for m in months {
            add("<text x=\"\(n(x(m)))\" y=\"\(n(plotBottom + 18))\">\(m.shortLabel)</text>", 2)
        }
        add("</g>")

        if monthly.isEmpty && yearToDate.isEmpty {
            add("<text class=\"no-figures\" x=\"\(n((plotLeft + plotRight) / 2))\" y=\"\(n((plotTop + plotBottom) / 2))\" text-anchor=\"middle\" "
                + "font-size=\"16\" fill=\"\(GOVUKColour.darkGrey)\">No figures yet</text>")
        }

        // The baseline, across the plot.
        if let b = baseline {
            var label = "Baseline " + figure(b)
            if let period = chart.status.target.baseline?.period { label += " (\(period))" }
            let above = y(b) - 5 > plotTop + 10
            add("<g class=\"baseline\">")
            add("<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(b)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(b)))\" stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\"/>", 2)
            add("<text x=\"\(n(plotLeft + 6))\" y=\"\(n(above ? y(b) - 5 : y(b) + 14))\" fill=\"\(GOVUKColour.darkGrey)\" "
                + "stroke=\"\(GOVUKColour.white)\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGText.escape(label))</text>", 2)
            add("</g>")
        }

        // The expected path from the baseline through the milestones.
        if trajectory.count >= 2 {
            add("<g class=\"trajectory\">")
            add("<path d=\"\(path(trajectory))\" fill=\"none\" stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>", 2)
            add("</g>")
        }

        // Forecasts: the 90% interval widening from the fitted line's last month to the milestone's month.
        if !forecasts.isEmpty {
            add("<g class=\"forecast\">")
            for f in forecasts {
                var start = f.value - f.slope * Double(f.month.ordinal - f.to.ordinal)
                if unit == .percent { start = min(100, max(0, start)) }
                let (x0, x1) = (n(x(f.to)), n(x(f.month)))
                add("<polygon class=\"forecast-band\" points=\"\(x0),\(n(y(start))) \(x1),\(n(y(f.high))) \(x1),\(n(y(f.low)))\" "
                    + "fill=\"\(GOVUKColour.blue)\" fill-opacity=\"0.2\" stroke=\"none\"/>", 2)
                add("<line class=\"forecast-line\" x1=\"\(x0)\" y1=\"\(n(y(start)))\" x2=\"\(x1)\" y2=\"\(n(y(f.value)))\" "
                    + "stroke=\"\(GOVUKColour.blue)\" stroke-width=\"1.5\" stroke-dasharray=\"8 3 2 3\"/>", 2)
            }
            add("</g>")
        }

        // Year to date: dashed, small square markers.
        if !yearToDate.isEmpty {
            add("<g class=\"year-to-date\">")
            add("<path d=\"\(path(yearToDate))\" fill=\"none\" stroke=\"\(GOVUKColour.text)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", 2)
            for p in yearToDate {
                add("<rect class=\"year-to-date-point\" x=\"\(n(x(p.month) - 2.5))\" y=\"\(n(y(p.value) - 2.5))\" width=\"5\" height=\"5\" fill=\"\(GOVUKColour.text)\"/>", 2)
            }
            add("</g>")
        }

        // Monthly figures: the main line, a marker on every month with a figure.
        if !monthly.isEmpty {
            add("<g class=\"monthly\">")
            add("<path d=\"\(path(monthly))\" fill=\"none\" stroke=\"\(GOVUKColour.blue)\" stroke-width=\"2.5\"/>", 2)
            for p in monthly {
                add("<circle class=\"monthly-point\" cx=\"\(n(x(p.month)))\" cy=\"\(n(y(p.value)))\" r=\"3.5\" fill=\"\(GOVUKColour.blue)\" stroke=\"\(GOVUKColour.white)\" stroke-width=\"1\"/>", 2)
            }
            add("</g>")
        }

        // Milestones: a diamond at the level in the due month, labelled, coloured by whether it was met.
        if !milestones.isEmpty {
            add("<g class=\"milestones\">")
            var taken: [(x0: Double, x1: Double, y: Double)] = []
            for mark in milestones {
                let (cx, cy) = (x(mark.month), y(mark.level))
                let colours = Self.milestoneColours(mark.status.state)
                let label = figure(mark.level) + " " + mark.month.shortLabel
                let labelWidth = Double(label.count) * Self.characterWidth
                let anchor: String
                var (lx, x0): (Double, Double)
                if cx > plotRight - labelWidth / 2 {
                    (anchor, lx, x0) = ("end", cx + 6, cx + 6 - labelWidth)
                } else if cx < plotLeft + labelWidth / 2 {
                    (anchor, lx, x0) = ("start", cx - 6, cx - 6)
                } else {
                    (anchor, lx, x0) = ("middle", cx, cx - labelWidth / 2)
                }
                var ly = cy - 11 < plotTop - 4 ? cy + 20 : cy - 11
                while taken.contains(where: { abs($0.y - ly) < 13 && $0.x0 < x0 + labelWidth && x0 < $0.x1 }) { ly -= 14 }
                taken.append((x0, x0 + labelWidth, ly))
                lx = max(2, min(width - 2, lx))
                add("<g class=\"milestone\" data-state=\"\(mark.status.state.rawValue)\">", 2)
                add("<path d=\"\(diamond(cx, cy, 6))\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"1.5\"/>", 3)
                add("<text class=\"milestone-label\" x=\"\(n(lx))\" y=\"\(n(ly))\" text-anchor=\"\(anchor)\" font-weight=\"bold\" fill=\"\(GOVUKColour.text)\" "
                    + "stroke=\"\(GOVUKColour.white)\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGText.escape(label))</text>", 3)
                add("</g>", 2)
            }
            add("</g>")
        }

        // The legend.
        if !legend.isEmpty {
            add("<g class=\"legend\" fill=\"\(GOVUKColour.text)\">")
            for item in legend {
                let (lx, ly) = (item.x, item.y)
                let line = "x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 22))\" y2=\"\(n(ly))\""
                switch item.kind {
                case .monthly:
                    add("<line \(line) stroke=\"\(GOVUKColour.blue)\" stroke-width=\"2.5\"/>", 2)
                    add("<circle cx=\"\(n(lx + 11))\" cy=\"\(n(ly))\" r=\"3.5\" fill=\"\(GOVUKColour.blue)\"/>", 2)
                case .yearToDate:
                    add("<line \(line) stroke=\"\(GOVUKColour.text)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", 2)
                case .trajectory:
                    add("<line \(line) stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>", 2)
                case .forecast:
                    add("<rect x=\"\(n(lx))\" y=\"\(n(ly - 6))\" width=\"22\" height=\"12\" fill=\"\(GOVUKColour.blue)\" fill-opacity=\"0.2\"/>", 2)
                    add("<line \(line) stroke=\"\(GOVUKColour.blue)\" stroke-width=\"1.5\" stroke-dasharray=\"8 3 2 3\"/>", 2)
                case .baseline:
                    add("<line \(line) stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\"/>", 2)
                case .milestone(let state):
                    let colours = Self.milestoneColours(state)
                    add("<path d=\"\(diamond(lx + 11, ly, 6))\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"1.5\"/>", 2)
                }
                add("<text x=\"\(n(lx + 28))\" y=\"\(n(ly + 4))\">\(SVGText.escape(item.label))</text>", 2)
            }
            add("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
