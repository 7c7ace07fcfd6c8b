import Foundation

/// A rectangle on a chart in SVG user units, y downwards: a label's text, a marker, a stretch of a line.
public struct ChartBox: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// A box of the given half-size around a point: a marker, or a sample of a line.
    public init(centreX: Double, centreY: Double, halfWidth: Double, halfHeight: Double) {
        self.init(x: centreX - halfWidth, y: centreY - halfHeight, width: halfWidth * 2, height: halfHeight * 2)
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }

    /// Whether the two share any area; boxes that only touch do not overlap, so labels may sit edge to edge.
    public func overlaps(_ other: ChartBox) -> Bool {
        x < other.maxX - 1e-9 && other.x < maxX - 1e-9 && y < other.maxY - 1e-9 && other.y < maxY - 1e-9
    }

    public func contains(_ other: ChartBox) -> Bool {
        other.x >= x - 1e-9 && other.maxX <= maxX + 1e-9 && other.y >= y - 1e-9 && other.maxY <= maxY + 1e-9
    }
}

/// A label wanted beside a mark: the mark's centre, the size of the label's box, how far from the mark's centre the
/// box's nearer edge must stay (so the label never covers its own marker), and how far it may move to find room.
public struct ChartLabelRequest: Sendable, Equatable {
    /// Where the box sits across the mark's x, which is also the text's `text-anchor`.
    public enum Alignment: String, Sendable, Equatable {
        /// The box starts just left of the mark and runs right.
        case start
        case middle
        /// The box ends just right of the mark.
        case end
    }

    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var clearance: Double
    /// Tried in this order at each distance from the mark.
    public var alignments: [Alignment]
    /// How much further than `clearance` the box may be moved away from the mark, up or down.
    public var maxShift: Double
    /// Sideways offsets tried in order at each distance, for a label that belongs to a line rather than a point
    /// (a comparator's label may slide left along its line, away from the marks at the right-hand edge).
    public var slides: [Double]

    public init(x: Double, y: Double, width: Double, height: Double, clearance: Double = 8,
                alignments: [Alignment] = [.middle, .end, .start], maxShift: Double = 48, slides: [Double] = [0]) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.clearance = clearance
        self.alignments = alignments
        self.maxShift = maxShift
        self.slides = slides
    }
}

/// Places labels so that none overlaps another, a mark to avoid, or the edge of the plot. Pure, so it is tested on
/// its own and the chart is the same bytes every time.
public enum ChartLabelPlacement {
    /// How far across its mark a start- or end-aligned box reaches, so the text still reads as the mark's.
    static let overhang = 4.0

    /// Each request's box, in the order given, or nil where no place is clear. Earlier requests win: the caller lists
    /// the most important first. Each label goes above or below its mark, whichever is clear, at `clearance` first and
    /// then moved away by a third of its height at a time, up to its `maxShift`; at each distance every slide and
    /// alignment is tried, above before below. A box that would cross the side of `bounds` is slid back inside it.
    public static func place(_ requests: [ChartLabelRequest], within bounds: ChartBox, avoiding obstacles: [ChartBox]) -> [ChartBox?] {
        var taken = obstacles
        var out: [ChartBox?] = []
        for request in requests {
            let found = candidates(request, within: bounds).first { box in !taken.contains { $0.overlaps(box) } }
            if let found { taken.append(found) }
            out.append(found)
        }
        return out
    }

    /// Every place a label may go, nearest its mark first.
    static func candidates(_ r: ChartLabelRequest, within bounds: ChartBox) -> [ChartBox] {
        guard r.width <= bounds.width, r.height <= bounds.height else { return [] }
        let step = max(2, r.height / 3)
        var out: [ChartBox] = []
        var shift = 0.0
        while shift <= r.maxShift + 1e-9 {
            for above in [true, false] {
                let y = above ? r.y - r.clearance - shift - r.height : r.y + r.clearance + shift
                for slide in r.slides {
                    for alignment in r.alignments {
                        var x: Double
                        switch alignment {
                        case .start: x = r.x + slide - overhang
                        case .middle: x = r.x + slide - r.width / 2
                        case .end: x = r.x + slide + overhang - r.width
                        }
                        x = min(max(x, bounds.x), bounds.maxX - r.width)
                        let box = ChartBox(x: x, y: y, width: r.width, height: r.height)
                        if bounds.contains(box), !out.contains(box) { out.append(box) }
                    }
                }
            }
            shift += step
        }
        return out
    }

    // MARK: Text boxes

    /// The padding kept round a label's text: the white halo drawn behind it is 1.5 units each side.
    public static let padding = 2.0

    /// About how wide the text is in Arial (the font GOV.UK falls back to), from the widths of its letters in ems.
    /// An estimate, not a measure: the chart has no fonts to measure with, and being a little generous is safe.
    public static func textWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", " ": ems += 0.28
            case "f", "t", "r", "I", "(", ")", "-", "[", "]", "/": ems += 0.34
            case "0"..."9": ems += 0.556
            case "%", "m", "M", "w", "W", "@": ems += 0.9
            case "A"..."Z": ems += 0.68
            case "a"..."z": ems += 0.54
            default: ems += 0.6
            }
        }
        return ems * fontSize * (bold ? 1.1 : 1)
    }

    /// The box a label of this text needs, padding included.
    public static func labelSize(_ text: String, fontSize: Double, bold: Bool = false) -> (width: Double, height: Double) {
        (textWidth(text, fontSize: fontSize, bold: bold) + 2 * padding, fontSize + 2 * padding)
    }

    /// Where the text goes in a placed box: its x for the alignment's `text-anchor`, and its baseline.
    public static func textPosition(in box: ChartBox, alignment: ChartLabelRequest.Alignment, fontSize: Double) -> (x: Double, y: Double) {
        let x: Double
        switch alignment {
        case .start: x = box.x + padding
        case .middle: x = box.midX
        case .end: x = box.maxX - padding
        }
        return (x, box.y + padding + fontSize * 0.8)
    }

    /// The box a `<text>` already drawn covers (without padding), from its x, baseline, anchor and words: for
    /// checking a drawing after the fact.
    public static func textBox(x: Double, y: Double, anchor: ChartLabelRequest.Alignment, text: String, fontSize: Double, bold: Bool = false) -> ChartBox {
        let width = textWidth(text, fontSize: fontSize, bold: bold)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - width / 2
        case .end: left = x - width
        }
        return ChartBox(x: left, y: y - fontSize * 0.8, width: width, height: fontSize)
    }
}
