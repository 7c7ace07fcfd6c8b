import Domain
import Foundation
import Monitoring

/// One target's progress as a server-drawn SVG: the monthly figures, the year-to-date figures, the baseline, each
/// milestone with its level, the path from the baseline, the forecast to each milestone still ahead with its 90%
/// prediction interval, and any published figures to compare with. Pure: the same input gives the same bytes. GOV.UK
/// colours by presentation attributes, no CSS and no script; `role="img"` with a title and a description that says in
/// words what the chart shows.
public struct TargetChart: Sendable {
    /// How much the chart carries, for where it is shown. Both keep text at least 12 units high, so each must be shown
    /// at about its own width: a chart drawn 640 wide and shrunk into a 260-pixel card has 5-pixel text.
    public enum Size: Sendable, Equatable {
        /// For a page at full width, 640 × 280: a legend, every milestone labelled, up to seven value ticks.
        case full
        /// For a dashboard card shown about 300 wide, 300 × 190: no legend (the card says in words what it shows), only
        /// the next milestone labelled, at most five value ticks and four month labels.
        case card

        public var defaultWidth: Int { self == .full ? 640 : 300 }
        public var defaultHeight: Int { self == .full ? 280 : 190 }
    }

    public var status: TargetStatus
    public var monthly: Series?
    public var yearToDate: Series?
    public var title: String
    public var width: Int
    public var height: Int
    public var size: Size
    public var comparators: [ChartComparator]

    /// - Parameters:
    ///   - status: the target judged on a date (milestones, trajectory, forecasts).
    ///   - monthly: the figures drawn as the main line, one a month (usually the in-month or snapshot series).
    ///   - yearToDate: the cumulative year-to-date figures, drawn dashed beside them.
    ///   - title: the chart's accessible name.
    ///   - width, height: the drawing's size in user units; nil for the size's own (640 × 280, or 300 × 190 on a card).
    ///   - size: a full chart, or the compact one for a card.
    ///   - comparators: published figures drawn as dotted lines across the plot, labelled and described.
    public init(status: TargetStatus, monthly: Series?, yearToDate: Series?, title: String, width: Int? = nil, height: Int? = nil,
                size: Size = .full, comparators: [ChartComparator] = []) {
        self.status = status
        self.monthly = monthly
        self.yearToDate = yearToDate
        self.title = title
        self.width = width ?? size.defaultWidth
        self.height = height ?? size.defaultHeight
        self.size = size
        self.comparators = comparators
    }

    /// A complete `<svg>` element.
    public func svg() -> String {
        ChartDrawing(self).render()
    }
}

/// A figure to compare with, drawn as a dotted line across the plot: "England 2024-25: 81.2%" at 81.2.
public struct ChartComparator: Sendable, Equatable {
    /// The words beside the line; the figure is added when they do not already show it.
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
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
    /// The light blue of GOV.UK's palette: the forecast's interval, solid so it shows on any background.
    static let lightBlue = "#d2e2f1"
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
