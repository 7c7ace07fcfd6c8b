import Domain
import Foundation
import Monitoring

/// The chart written out as SVG, back to front: grid and axes, the forecast's interval, the lines, the markers, and
/// the labels over them.
extension ChartDrawing {
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

    /// A placed label's `<text>`, with a white halo so lines under it do not cut through the letters.
    func text(_ label: PlacedLabel, class name: String, bold: Bool = false) -> String {
        "<text class=\"\(name)\" x=\"\(n(label.x))\" y=\"\(n(label.y))\" text-anchor=\"\(label.anchor.rawValue)\""
            + (bold ? " font-weight=\"bold\"" : "") + " fill=\"\(GOVUKColour.text)\" stroke=\"\(GOVUKColour.white)\" stroke-width=\"3\" "
            + "paint-order=\"stroke\">\(SVGText.escape(label.text))</text>"
    }

    func render() -> String {
        var out: [String] = []
        func add(_ line: String, _ depth: Int = 1) { out.append(String(repeating: "  ", count: depth) + line) }
        let w = n(width), h = n(height)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"'GDS Transport', arial, sans-serif\" font-size=\"\(n(fontSize))\">")
        add("<title id=\"\(id)-title\">\(SVGText.escape(chart.title))</title>")
        add("<desc id=\"\(id)-desc\">\(SVGText.escape(description))</desc>")
        add("<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(GOVUKColour.white)\"/>")

        // Gridlines, axes and their labels.
        let months = labelledMonths
        let ticks = scale.ticks
        add("<g class=\"grid\" stroke=\"\(GOVUKColour.lightGrey)\" stroke-width=\"1\" stroke-opacity=\"0.6\">")
        for v in ticks.dropFirst() {
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
        for v in ticks {
            add("<text x=\"\(n(plotLeft - 6))\" y=\"\(n(y(v) + 4))\">\(SVGText.escape(n(v)))</text>", 2)
        }
        add("</g>")
        add("<text class=\"value-title\" x=\"8\" y=\"16\" fill=\"\(GOVUKColour.darkGrey)\">\(SVGText.escape(unit.axisTitle))</text>")
        add("<g class=\"month-labels\" fill=\"\(GOVUKColour.darkGrey)\" text-anchor=\"middle\">")
        for m in months {
            // Slid inwards where the month is near an edge, so no label is cut off.
            let half = ChartLabelPlacement.textWidth(m.shortLabel, fontSize: fontSize) / 2
            let at = min(max(x(m), half + 2), width - half - 2)
            add("<text x=\"\(n(at))\" y=\"\(n(plotBottom + 18))\">\(m.shortLabel)</text>", 2)
        }
        add("</g>")

        if monthly.isEmpty && yearToDate.isEmpty {
            let at = labels.noFigures.map { ($0.x, $0.y) } ?? ((plotLeft + plotRight) / 2, (plotTop + plotBottom) / 2)
            add("<text class=\"no-figures\" x=\"\(n(at.0))\" y=\"\(n(at.1))\" text-anchor=\"middle\" "
                + "font-size=\"16\" fill=\"\(GOVUKColour.darkGrey)\">No figures yet</text>")
        }

        // The forecasts' 90% intervals first, solid light blue, so every line stays visible on top of them.
        let bands = Array(zip(forecasts, forecastStarts))
        if !bands.isEmpty {
            add("<g class=\"forecast-bands\">")
            for (f, start) in bands {
                let (x0, x1) = (n(x(f.to)), n(x(f.month)))
                add("<path class=\"forecast-band\" d=\"M\(x0) \(n(y(start)))L\(x1) \(n(y(f.high)))L\(x1) \(n(y(f.low)))Z\" "
                    + "fill=\"\(GOVUKColour.lightBlue)\" stroke=\"\(GOVUKColour.blue)\" stroke-width=\"1\" stroke-opacity=\"0.5\"/>", 2)
            }
            add("</g>")
        }

        // The baseline, across the plot.
        if let b = baseline {
            add("<g class=\"baseline\">")
            add("<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(b)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(b)))\" stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\"/>", 2)
            if let label = labels.baseline { add(text(label, class: "baseline-label"), 2) }
            add("</g>")
        }

        // Figures to compare with: thin dotted lines, labelled at the right.
        if !comparators.isEmpty {
            add("<g class=\"comparators\">")
            for (i, c) in comparators.enumerated() {
                add("<g class=\"comparator\">", 2)
                add("<line class=\"comparator-line\" x1=\"\(n(plotLeft))\" y1=\"\(n(y(c.value)))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(c.value)))\" "
                    + "stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>", 3)
                if let label = labels.comparators[i] { add(text(label, class: "comparator-label"), 3) }
                add("</g>", 2)
            }
            add("</g>")
        }

        // The expected path from the baseline through the milestones.
        if trajectory.count >= 2 {
            add("<g class=\"trajectory\">")
            add("<path d=\"\(path(trajectory))\" fill=\"none\" stroke=\"\(GOVUKColour.darkGrey)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>", 2)
            add("</g>")
        }

        // The forecast line, dashed through its interval, from the fitted line's last month to the milestone's.
        if !bands.isEmpty {
            add("<g class=\"forecast\">")
            for (f, start) in bands {
                add("<line class=\"forecast-line\" x1=\"\(n(x(f.to)))\" y1=\"\(n(y(start)))\" x2=\"\(n(x(f.month)))\" y2=\"\(n(y(f.value)))\" "
                    + "stroke=\"\(GOVUKColour.blue)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>", 2)
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

        // Milestones: a diamond at the level in the due month, coloured by whether it was met, labelled where there is
        // room (on a card, only the next one).
        if !milestones.isEmpty {
            add("<g class=\"milestones\">")
            for (i, mark) in milestones.enumerated() {
                let colours = Self.milestoneColours(mark.status.state)
                add("<g class=\"milestone\" data-state=\"\(mark.status.state.rawValue)\">", 2)
                add("<path d=\"\(diamond(x(mark.month), y(mark.level), 6))\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"1.5\"/>", 3)
                if let label = labels.milestones[i] { add(text(label, class: "milestone-label", bold: true), 3) }
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
                    add("<rect x=\"\(n(lx))\" y=\"\(n(ly - 6))\" width=\"22\" height=\"12\" fill=\"\(GOVUKColour.lightBlue)\"/>", 2)
                    add("<line \(line) stroke=\"\(GOVUKColour.blue)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>", 2)
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
