import Domain
import Foundation
import Monitoring
import NoticeReader
import Reports
import Testing

/// The chart's layout rules checked on real notices' targets: the value axis scaled to the figures with the target in
/// view, the card's size and text, labels that never overlap, a forecast interval that shows, comparators, and no
/// internal codes in any words.
extension TargetChartTests {
    /// A target judged on a date with the notice's date given (Worcestershire's notice has none, and its undated
    /// milestones are judged at the end of its term), its figures entered on one basis.
    func judged(_ name: String, _ indicator: IndicatorID, basis: Basis, noticeDate: String?, asOf: String,
                monthly: [(String, Double)], ytd: [(String, Double)] = []) throws -> Judged {
        let n = try notice(name)
        let library = SeriesLibrary(manual: figures(indicator, basis, monthly) + figures(indicator, .cumulativeYearToDate, ytd))
        let monitor = TargetMonitor(notice: n, noticeDate: noticeDate.map(d) ?? n.noticeDate, asOf: d(asOf), library: library)
        let target = try #require(n.targets.first { $0.indicatorID == indicator })
        return Judged(status: monitor.status(target), monthly: library.series(indicator, basis),
                      yearToDate: library.series(indicator, .cumulativeYearToDate))
    }

    func draw(_ j: Judged, _ size: TargetChart.Size, comparators: [ChartComparator] = []) throws -> SVGDocument {
        let svg = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "A target", size: size, comparators: comparators).svg()
        return try #require(SVGDocument(svg))
    }

    /// The value axis's ticks, as numbers.
    func ticks(_ doc: SVGDocument) -> [Double] { doc.texts(in: "value-labels").compactMap(Double.init) }

    /// The `<text>` elements' boxes, from where each is drawn, its anchor, size and weight.
    func textBoxes(_ doc: SVGDocument) -> [(text: String, box: ChartBox)] {
        doc.elements.filter { $0.name == "text" }.compactMap { e in
            guard let x = e.attributes["x"].flatMap(Double.init), let y = e.attributes["y"].flatMap(Double.init) else { return nil }
            let anchor = ChartLabelRequest.Alignment(rawValue: e.attribute("text-anchor") ?? "start") ?? .start
            let size = e.attribute("font-size").flatMap(Double.init) ?? 16
            let bold = e.attribute("font-weight") == "bold"
            return (text: e.text, box: ChartLabelPlacement.textBox(x: x, y: y, anchor: anchor, text: e.text, fontSize: size, bold: bold))
        }
    }

    /// The plot's edges, from the axes: the value axis is drawn first, the month axis second.
    func plot(_ doc: SVGDocument) throws -> ChartBox {
        let lines = doc.elements.filter { $0.name == "line" && $0.parentClass == "axes" }
        let value = try #require(lines.first), month = try #require(lines.dropFirst().first)
        let n = { (e: SVGDocument.Element, a: String) in Double(e.attributes[a] ?? "") ?? .nan }
        return ChartBox(x: n(value, "x1"), y: n(value, "y1"), width: n(month, "x2") - n(value, "x1"), height: n(value, "y2") - n(value, "y1"))
    }

    static let vacancies: [(String, Double)] = [
        ("2010-10", 16.5), ("2010-11", 15.8), ("2010-12", 15.9), ("2011-01", 14.7), ("2011-02", 14.1), ("2011-03", 13.6),
        ("2011-04", 13.0), ("2011-05", 12.4),
    ]

    // MARK: The value axis

    @Test func vacancyAxisKeepsTheTenPerCentTargetInView() throws {
        let j = try judged("worcestershire-2010", .swVacancyRate, basis: .snapshot, noticeDate: "2010-06-01", asOf: "2011-06-10", monthly: Self.vacancies)
        #expect(j.status.milestones.map(\.level) == [10])
        for size in [TargetChart.Size.full, .card] {
            let doc = try draw(j, size)
            let axis = ticks(doc)
            let bottom = try #require(axis.first), top = try #require(axis.last)
            // Not 0–100 with the target on the floor: the axis ends at a round number above 16.5%, with 10% inside.
            #expect(top < 100 && top <= 20 && top >= 16.5, "\(size): \(axis)")
            #expect(bottom <= 10, "\(size): \(axis)")
            #expect(doc.texts(class: "milestone-label").count == 1)
            #expect(doc.texts(class: "milestone-label").first?.hasPrefix("10% ") == true)
            let desc = try #require(doc.text(of: "desc"))
            #expect(bottom == 0 ? !desc.contains("The scale starts") : desc.contains("The scale starts at \(Int(bottom))%."))
        }
    }

    @Test func highFiguresAreNotAFlatLine() throws {
        // Cases allocated to a qualified social worker, 85–95% against the notice's 100%.
        let months: [(String, Double)] = [
            ("2010-09", 85), ("2010-10", 88), ("2010-11", 86.5), ("2010-12", 90), ("2011-01", 92), ("2011-02", 91), ("2011-03", 94), ("2011-04", 95),
        ]
        let j = try judged("worcestershire-2010", .casesAllocatedToQualifiedSW, basis: .snapshot, noticeDate: "2010-06-01", asOf: "2011-05-10", monthly: months)
        #expect(j.status.milestones.map(\.level) == [100])
        for size in [TargetChart.Size.full, .card] {
            let doc = try draw(j, size)
            let axis = ticks(doc)
            let bottom = try #require(axis.first), top = try #require(axis.last)
            #expect(bottom > 0 && bottom <= 85, "\(size): \(axis)")
            // The milestone's 100% is on the axis, and a percentage never goes above it.
            #expect(top == 100, "\(size): \(axis)")
            let desc = try #require(doc.text(of: "desc"))
            #expect(desc.contains("The scale starts at \(Int(bottom))%."))
            // The figures use at least 40% of the plot's height.
            let ys = doc.elements(class: "monthly-point").compactMap { $0.attributes["cy"].flatMap(Double.init) }
            let frame = try plot(doc)
            #expect(ys.count == 8)
            #expect((ys.max()! - ys.min()!) >= 0.4 * frame.height, "\(size): \(ys)")
        }
    }

    @Test func valueScaleRules() {
        func fit(_ values: [Double], percent: Bool = true, intervals: Int = 6) -> ChartValueScale {
            ChartValueScale.fit(values, percent: percent, wholeSteps: percent, maxIntervals: intervals)
        }
        // A 10% vacancy target with figures of 12–14.5%: near the figures, not 0–100.
        let vacancy = fit([14.5, 13, 12, 10])
        #expect(vacancy.top <= 20 && vacancy.bottom <= 10)
        // 85–95% with a 90% milestone starts at a round number above zero.
        let high = fit([85, 95, 90])
        #expect(high.bottom > 0 && high.bottom <= 85 && high.top >= 95 && high.top <= 100)
        // Small figures keep their zero; a percentage never leaves 0–100.
        #expect(fit([5, 15]).bottom == 0)
        #expect(fit([0.5, 99.5]) == ChartValueScale(bottom: 0, top: 100, step: 20))
        #expect(fit([98, 100]).top == 100)
        #expect(fit([]) == ChartValueScale(bottom: 0, top: 100, step: 20))
        // Days per FTE: a round number below the lowest.
        let days = fit([11.4, 14.2, 10], percent: false)
        #expect(days.bottom > 0 && days.bottom <= 10 && days.top >= 14.2)
        // Round ticks, and no more than asked for.
        let cases: [(values: [Double], intervals: Int)] = [([3, 47], 4), ([61, 73, 80], 6), ([0.2, 0.9], 4), ([120, 480], 6), ([85, 95], 4)]
        for (values, intervals) in cases {
            let s = fit(values, percent: false, intervals: intervals)
            #expect(s.ticks.count - 1 <= intervals && s.ticks.count >= 2, "\(values): \(s)")
            #expect(s.bottom <= values.min()! && s.top >= values.max()!, "\(values): \(s)")
            for t in s.ticks { #expect(abs((t / s.step).rounded() * s.step - t) < 1e-6, "\(values): \(s)") }
        }
    }

    // MARK: The card

    @Test func cardIsCompactWithLegibleText() throws {
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        let chart = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "A target", size: .card)
        #expect(chart.width == 300 && chart.height == 190)
        let doc = try draw(j, .card)
        #expect(doc.root?.attributes["width"] == "300" && doc.root?.attributes["height"] == "190")
        // At least 11 units wherever a size is set: the card is shown at about its own width.
        let sizes = doc.elements.compactMap { $0.attributes["font-size"].flatMap(Double.init) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 11 })
        #expect(doc.elements.filter { $0.name == "text" }.allSatisfy { ($0.attribute("font-size").flatMap(Double.init) ?? 0) >= 11 })
        #expect(doc.elements(class: "legend").isEmpty)
        #expect((2...4).contains(doc.texts(in: "month-labels").count))
        #expect(doc.texts(in: "value-labels").count <= 5)
        // Both milestones drawn, only the next one labelled.
        #expect(doc.elements(class: "milestone").count == 2)
        #expect(doc.texts(class: "milestone-label") == ["80% Dec 2011"])

        // The full form: 12 or more, and the legend.
        let full = try draw(j, .full)
        #expect(full.elements.filter { $0.name == "text" }.allSatisfy { ($0.attribute("font-size").flatMap(Double.init) ?? 0) >= 12 })
        #expect(!full.texts(in: "legend").isEmpty)
    }

    // MARK: Labels

    @Test func placementKeepsLabelsApartAndInside() {
        let bounds = ChartBox(x: 0, y: 0, width: 300, height: 150)
        // Two labels on one point: both placed, one moved off the other.
        let same = ChartLabelRequest(x: 150, y: 75, width: 80, height: 16)
        let two = ChartLabelPlacement.place([same, same], within: bounds, avoiding: [])
        #expect(two.allSatisfy { $0 != nil })
        if let a = two[0], let b = two[1] { #expect(!a.overlaps(b) && a.y != b.y) }
        // At the top edge the label goes below its mark; at the right edge it stays inside.
        #expect((ChartLabelPlacement.place([ChartLabelRequest(x: 150, y: 5, width: 80, height: 16)], within: bounds, avoiding: [])[0]?.y ?? 0) > 5)
        #expect((ChartLabelPlacement.place([ChartLabelRequest(x: 299, y: 75, width: 80, height: 16)], within: bounds, avoiding: [])[0]?.maxX ?? 999) <= 300)
        // Above blocked: below. Nowhere clear: left off.
        let above = ChartBox(x: 0, y: 0, width: 300, height: 66)
        #expect((ChartLabelPlacement.place([same], within: bounds, avoiding: [above])[0]?.y ?? 0) >= 75)
        #expect(ChartLabelPlacement.place([same], within: bounds, avoiding: [bounds])[0] == nil)

        // Many crowded cases, made the same way every run: every box placed is inside, clear of the marks and of
        // every other box, and never covers its own mark.
        var seed: UInt64 = 42
        func next(_ range: Double) -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 33) / Double(1 << 31) * range
        }
        for _ in 0..<200 {
            let obstacles = (0..<8).map { _ in ChartBox(centreX: next(300), centreY: next(150), halfWidth: 4, halfHeight: 4) }
            let requests = (0..<5).map { _ in ChartLabelRequest(x: 200 + next(100), y: 40 + next(40), width: 40 + next(60), height: 16) }
            let boxes = ChartLabelPlacement.place(requests, within: bounds, avoiding: obstacles)
            let placed = boxes.compactMap { $0 }
            #expect(placed.allSatisfy { bounds.contains($0) })
            #expect(placed.allSatisfy { box in !obstacles.contains { $0.overlaps(box) } })
            for (i, a) in placed.enumerated() { for b in placed[(i + 1)...] { #expect(!a.overlaps(b)) } }
            for (r, box) in zip(requests, boxes) {
                guard let box else { continue }
                #expect(!box.overlaps(ChartBox(centreX: r.x, centreY: r.y, halfWidth: 0.5, halfHeight: r.clearance - 0.5)))
            }
        }
    }

    /// Nottinghamshire's initial assessments: milestones of 70% in March and 75% in June 2011 beside the last figures
    /// (70.5% in March, 73% in May), with England's 74.5% and similar councils' 73% between them.
    @Test func crowdedLabelsNeverOverlap() throws {
        let months: [(String, Double)] = [
            ("2010-07", 58), ("2010-08", 60), ("2010-09", 61), ("2010-10", 63), ("2010-11", 64), ("2010-12", 66),
            ("2011-01", 68), ("2011-02", 69), ("2011-03", 70.5), ("2011-04", 71), ("2011-05", 73),
        ]
        let j = try judged("nottinghamshire-2010", .initialAssessmentTimeliness, basis: .inMonth, noticeDate: nil, asOf: "2011-06-10",
                           monthly: months, ytd: [("2011-04", 71), ("2011-05", 72)])
        let comparators = [ChartComparator(label: "England 2010-11: 74.5%", value: 74.5), ChartComparator(label: "Similar councils: 73%", value: 73)]
        for size in [TargetChart.Size.card, .full] {
            let doc = try draw(j, size, comparators: comparators)
            if size == .card { #expect(doc.texts(class: "milestone-label") == ["75% Jun 2011"]) }
            let boxes = textBoxes(doc)
            #expect(boxes.count >= 8)
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] { #expect(!a.box.overlaps(b.box), "\(size): \"\(a.text)\" overlaps \"\(b.text)\"") }
            }
            // Labels inside the plot, and off every figure's marker.
            let frame = try plot(doc)
            let labels = Set(doc.texts(class: "milestone-label") + doc.texts(class: "comparator-label") + doc.texts(class: "baseline-label"))
            let points = doc.elements(class: "monthly-point").compactMap { e -> ChartBox? in
                guard let cx = e.attributes["cx"].flatMap(Double.init), let cy = e.attributes["cy"].flatMap(Double.init) else { return nil }
                return ChartBox(centreX: cx, centreY: cy, halfWidth: 3.5, halfHeight: 3.5)
            }
            for label in boxes where labels.contains(label.text) {
                #expect(frame.contains(label.box), "\(size): \"\(label.text)\" crosses the plot's edge")
                #expect(!points.contains { $0.overlaps(label.box) }, "\(size): \"\(label.text)\" covers a figure")
            }
        }
    }

    // MARK: Forecast and comparators

    @Test func forecastBandIsClearlyVisible() throws {
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        for size in [TargetChart.Size.full, .card] {
            let doc = try draw(j, size)
            let band = try #require(doc.elements(class: "forecast-band").first)
            #expect(band.attributes["fill"] == "#d2e2f1")
            #expect(band.attributes["fill-opacity"] == nil)
            #expect(band.attributes["d"]?.hasPrefix("M") == true)
            let line = try #require(doc.elements(class: "forecast-line").first)
            #expect(line.attributes["stroke"] == "#1d70b8" && line.attributes["stroke-dasharray"] != nil)
        }
        let full = try draw(j, .full)
        #expect(full.elements.contains { $0.name == "rect" && $0.parentClass == "legend" && $0.attributes["fill"] == "#d2e2f1" })
    }

    @Test func comparatorLinesAreDrawnLabelledAndInRange() throws {
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        let comparators = [ChartComparator(label: "England 2010-11: 92%", value: 92), ChartComparator(label: "Similar councils", value: 78)]
        // Without them the axis stops at 85; England's 92% brings it up.
        #expect(try ticks(draw(j, .full)).last == 85)
        for size in [TargetChart.Size.full, .card] {
            let doc = try draw(j, size, comparators: comparators)
            let lines = doc.elements(class: "comparator-line")
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.attributes["stroke"] == "#505a5f" && $0.attributes["stroke-dasharray"] != nil })
            // The figure is added to a label that does not show it.
            #expect(doc.texts(class: "comparator-label") == ["England 2010-11: 92%", "Similar councils: 78%"])
            let top = try #require(ticks(doc).last)
            #expect(top >= 92)
            let frame = try plot(doc)
            for line in lines {
                let y = try #require(line.attributes["y1"].flatMap(Double.init))
                #expect(y > frame.y && y < frame.maxY)
            }
            let desc = try #require(doc.text(of: "desc"))
            #expect(desc.contains("For comparison: England 2010-11, 92%; Similar councils, 78%."))
        }
        // No comparators: the same bytes as before they existed.
        let plain = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "A target").svg()
        #expect(plain == TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "A target", comparators: []).svg())
        #expect(!plain.contains("comparator"))
    }

    @Test func noInternalCodesInAnyWords() throws {
        let ia = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        let vacancy = try judged("worcestershire-2010", .swVacancyRate, basis: .snapshot, noticeDate: "2010-06-01", asOf: "2011-06-10", monthly: Self.vacancies)
        let codes = Basis.allCases.map(\.rawValue).filter { $0.contains("_") }
            + ["not_yet_due", "due_soon", "no_data", "not_yet_published", "no_level"]
        for (j, indicator) in [(ia, IndicatorID.initialAssessmentTimeliness), (vacancy, .swVacancyRate)] {
            for size in [TargetChart.Size.full, .card] {
                let doc = try draw(j, size, comparators: [ChartComparator(label: "England 2010-11: 81.2%", value: 81.2)])
                let words = [doc.allText, doc.text(of: "title") ?? "", doc.text(of: "desc") ?? ""].joined(separator: "\n")
                #expect(!words.contains(indicator.rawValue))
                for code in codes { #expect(!words.contains(code), "\(code) in \(size)") }
                #expect(words.range(of: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}", options: .regularExpression) == nil)
            }
        }
    }
}
