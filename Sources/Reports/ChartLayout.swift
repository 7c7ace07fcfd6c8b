import Domain
import Foundation
import Monitoring

/// Where the labels go: clear of each other, of the figures' lines and markers, of the forecast and of the plot's
/// edge, or left off.
extension ChartDrawing {
    /// The plot's inside, where labels may go.
    var labelBounds: ChartBox {
        ChartBox(x: plotLeft + 2, y: plotTop + 1, width: plotRight - plotLeft - 4, height: plotBottom - plotTop - 3)
    }

    /// Labels are placed most important first, as a later one gives way: the "No figures yet" note, milestones still
    /// ahead (nearest first), then those past (latest first), then the figures to compare with, then the baseline. A
    /// card labels one milestone. A milestone's label may move up to three of its heights further off to find room; a
    /// line's label stays against its line, sliding along it instead.
    func layOutLabels() -> Labels {
        enum Owner { case noFigures, milestone(Int), comparator(Int), baseline }
        var wanted: [(owner: Owner, text: String, size: Double, request: ChartLabelRequest)] = []
        let lineHeight = fontSize + 2 * ChartLabelPlacement.padding

        if monthly.isEmpty && yearToDate.isEmpty {
            // Centred in the plot (a negative clearance centres the box on the point), moved up or down off any marker.
            let text = "No figures yet", big = 16.0
            let size = ChartLabelPlacement.labelSize(text, fontSize: big)
            wanted.append((.noFigures, text, big, ChartLabelRequest(x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                width: size.width, height: size.height, clearance: -size.height / 2, alignments: [.middle], maxShift: 3 * size.height)))
        }

        let ahead = milestones.indices.filter { [.dueSoon, .notYetDue].contains(milestones[$0].status.state) }
        let past = milestones.indices.filter { !ahead.contains($0) }.reversed()
        var order = ahead + past
        if compact { order = cardMilestone.map { [$0] } ?? [] }
        for i in order {
            let text = milestoneText(milestones[i])
            let size = ChartLabelPlacement.labelSize(text, fontSize: fontSize, bold: true)
            wanted.append((.milestone(i), text, fontSize, ChartLabelRequest(x: x(milestones[i].month), y: y(milestones[i].level),
                width: size.width, height: size.height, clearance: 8, alignments: [.middle, .end, .start], maxShift: 3 * lineHeight)))
        }
        // A comparator's label at the line's right-hand end, a baseline's at its left, each just off its line.
        let along = [0.0, 12, 24, 36, 48, 72, 96, 128]
        for (i, c) in comparators.enumerated() {
            let text = comparatorText(c)
            let size = ChartLabelPlacement.labelSize(text, fontSize: fontSize)
            wanted.append((.comparator(i), text, fontSize, ChartLabelRequest(x: plotRight - 2, y: y(c.value), width: size.width, height: size.height,
                clearance: 2, alignments: [.end], maxShift: lineHeight / 2, slides: along.map { -$0 })))
        }
        if let b = baseline {
            let text = baselineText(b)
            let size = ChartLabelPlacement.labelSize(text, fontSize: fontSize)
            wanted.append((.baseline, text, fontSize, ChartLabelRequest(x: plotLeft + 6, y: y(b), width: size.width, height: size.height,
                clearance: 2, alignments: [.start], maxShift: lineHeight / 2, slides: along)))
        }

        let boxes = ChartLabelPlacement.place(wanted.map(\.request), within: labelBounds, avoiding: obstacles)
        var out = Labels()
        for (w, box) in zip(wanted, boxes) {
            guard let box else { continue }
            let alignment = Self.alignment(of: box, for: w.request)
            let at = ChartLabelPlacement.textPosition(in: box, alignment: alignment, fontSize: w.size)
            let label = PlacedLabel(text: w.text, box: box, anchor: alignment, x: at.x, y: at.y)
            switch w.owner {
            case .noFigures: out.noFigures = label
            case .milestone(let i): out.milestones[i] = label
            case .comparator(let i): out.comparators[i] = label
            case .baseline: out.baseline = label
            }
        }
        return out
    }

    /// How to anchor the text in its box: from the side of the mark the box ended up on, so text a little wider than
    /// its estimate grows away from the plot's edge rather than over it.
    static func alignment(of box: ChartBox, for r: ChartLabelRequest) -> ChartLabelRequest.Alignment {
        if r.alignments == [.start] || r.alignments == [.end] { return r.alignments[0] }
        if abs(box.midX - r.x) < 1 { return .middle }
        return box.midX < r.x ? .end : .start
    }

    /// What a label must not cover: every figure's marker and the line between, the forecast's interval and line, and
    /// the milestones' diamonds.
    var obstacles: [ChartBox] {
        var out: [ChartBox] = []
        out += Self.lineObstacles(monthly.map { (x($0.month), y($0.value), $0.month) }, halfWidth: 4.5)
        out += Self.lineObstacles(yearToDate.map { (x($0.month), y($0.value), $0.month) }, halfWidth: 3.5)
        for (f, start) in zip(forecasts, forecastStarts) {
            let (x0, x1) = (x(f.to), x(f.month))
            let (y0, yHigh, yLow) = (y(start), y(f.high), y(f.low))
            // The interval as thin columns, widening from the start to the milestone's month.
            let columns = max(1, Int(((x1 - x0) / 4).rounded(.up)))
            for c in 0...columns {
                let t = Double(c) / Double(columns)
                let top = y0 + (yHigh - y0) * t, bottom = y0 + (yLow - y0) * t
                out.append(ChartBox(x: x0 + (x1 - x0) * t - 2.5, y: min(top, bottom) - 1.5, width: 5, height: abs(bottom - top) + 3))
            }
        }
        for mark in milestones {
            out.append(ChartBox(centreX: x(mark.month), centreY: y(mark.level), halfWidth: 7, halfHeight: 7))
        }
        return out
    }

    /// A line's markers, and samples every 4 units along each stretch between consecutive months.
    static func lineObstacles(_ points: [(x: Double, y: Double, month: YearMonth)], halfWidth: Double) -> [ChartBox] {
        var out: [ChartBox] = []
        var previous: (x: Double, y: Double, month: YearMonth)?
        for p in points {
            out.append(ChartBox(centreX: p.x, centreY: p.y, halfWidth: halfWidth, halfHeight: halfWidth))
            if let q = previous, p.month.ordinal - q.month.ordinal == 1 {
                let length = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
                let samples = Int((length / 4).rounded(.up))
                for s in stride(from: 1, to: samples, by: 1) {
                    let t = Double(s) / Double(samples)
                    out.append(ChartBox(centreX: q.x + (p.x - q.x) * t, centreY: q.y + (p.y - q.y) * t, halfWidth: 2, halfHeight: 2))
                }
            }
            previous = p
        }
        return out
    }
}
