import Domain
import Foundation
import Monitoring
import NoticeReader
import Reports
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The target chart drawn from real notices judged against figures a council could have: compared as text with the
/// snapshots in `__Snapshots__`, and its facts checked on their own (valid XML, one marker per month with a figure,
/// the milestones labelled, the description in words, text escaped).
@Suite("Target chart")
struct TargetChartTests {
    static let notices = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NoticeReaderTests/Fixtures/notices")

    func notice(_ name: String) throws -> Notice {
        try NoticeReader.read(bytes: [UInt8](Data(contentsOf: Self.notices.appendingPathComponent("\(name).txt")))).notice
    }

    func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    func m(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    func figures(_ indicator: IndicatorID, _ basis: Basis, _ values: [(String, Double)]) -> [ManualFigure] {
        values.map { ManualFigure(indicator: indicator, basis: basis, month: m($0.0), value: $0.1, enteredBy: "performance team", enteredAt: d("2011-09-01")) }
    }

    /// Worcestershire's initial assessments (baseline 62% in 2009-10; 70% in-month by June 2011, 80% year to date by
    /// December 2011): rising figures from October 2010, a year-to-date series from April 2011.
    static let inMonth: [(String, Double)] = [
        ("2010-10", 60), ("2010-11", 61.5), ("2010-12", 63), ("2011-01", 63), ("2011-02", 64), ("2011-03", 66),
        ("2011-04", 67), ("2011-05", 69), ("2011-06", 72), ("2011-07", 71.5), ("2011-08", 73),
    ]
    static let yearToDate: [(String, Double)] = [("2011-04", 67), ("2011-05", 68), ("2011-06", 69.3), ("2011-07", 69.9), ("2011-08", 70.6)]

    struct Judged {
        var status: TargetStatus
        var monthly: Series?
        var yearToDate: Series?
    }

    func worcestershire(_ indicator: IndicatorID, asOf: String, monthly: [(String, Double)], ytd: [(String, Double)]) throws -> Judged {
        let n = try notice("worcestershire-2010")
        let library = SeriesLibrary(manual: figures(indicator, .inMonth, monthly) + figures(indicator, .cumulativeYearToDate, ytd))
        let monitor = TargetMonitor(notice: n, noticeDate: n.noticeDate, asOf: d(asOf), library: library)
        let target = try #require(n.targets.first { $0.indicatorID == indicator })
        return Judged(status: monitor.status(target), monthly: library.series(indicator, .inMonth),
                      yearToDate: library.series(indicator, .cumulativeYearToDate))
    }

    @Test func initialAssessmentsWithJuneMetAndDecemberForecast() throws {
        var j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        #expect(j.status.milestones.map(\.state) == [.met, .notYetDue])
        let forecast = try #require(j.status.milestones[1].forecast)
        // September 2010: no assessment completed, so no figure (0 of 0): a month in the series without a marker.
        j.monthly?.points[m("2010-09")] = .init(numerator: 0, denominator: 0, value: nil, period: .inMonth(m("2010-09")))
        let chart = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate,
                                title: "Initial assessments within timescale, Worcestershire")
        let svg = chart.svg()
        let doc = try #require(SVGDocument(svg))

        #expect(doc.root?.name == "svg")
        #expect(doc.root?.attributes["role"] == "img")
        let ids = try #require(doc.root?.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(ids.count == 2)
        #expect(doc.elements.first { $0.name == "title" }?.attributes["id"] == ids.first)
        #expect(doc.elements.first { $0.name == "desc" }?.attributes["id"] == ids.last)
        #expect(doc.text(of: "title") == "Initial assessments within timescale, Worcestershire")

        // One marker per month with a figure: eleven, not the twelve months the series holds.
        #expect(j.monthly?.points.count == 12)
        #expect(doc.elements(class: "monthly-point").count == 11)
        #expect(doc.elements(class: "year-to-date-point").count == 5)
        #expect(doc.texts(class: "milestone-label") == ["70% Jun 2011", "80% Dec 2011"])
        #expect(doc.elements.filter { $0.attributes["class"] == "milestone" }.map { $0.attributes["data-state"] } == ["met", "not_yet_due"])
        #expect(doc.elements(class: "forecast-band").count == 1)
        #expect(doc.elements(class: "forecast-line").count == 1)
        #expect(doc.elements(class: "no-figures").isEmpty)
        #expect(doc.allText.contains("Baseline 62% (2009-10)"))
        // Per cent, scaled to what is drawn (figures 60–73, baseline 62, milestones 70 and 80, the interval up to
        // 75.7) with a little room, not 0–100: 55 is the round number below, so the description says where it starts.
        #expect(doc.texts(in: "value-labels") == ["55", "60", "65", "70", "75", "80", "85"])
        #expect(doc.texts(class: "value-title") == ["Per cent"])

        let desc = try #require(doc.text(of: "desc"))
        #expect(desc.contains("Latest figure: 73% for August 2011."))
        #expect(desc.contains("Baseline: 62% (2009-10)."))
        #expect(desc.contains("Milestone 70% by June 2011: met, 72%."))
        // The forecast worked by hand from the five year-to-date figures, April to August 2011 (x = 0…4): 67, 68, 69.3,
        // 69.9, 70.6. Mean x 2, mean y 68.96; Sxx = 10, Sxy = 9.1: slope 0.91 a month, intercept 67.14. Fitted 67.14,
        // 68.05, 68.96, 69.87, 70.78; residuals −0.14, −0.05, 0.34, 0.03, −0.18, squared and summed: 0.171, s = √(0.171 / 3) = 0.23875. December is x = 8: 67.14 + 0.91 × 8
        // = 74.42; half-width t(3; 95%) 2.353 × s × √(1 + 1/5 + 36/10) = 1.23078, so 73.19 to 75.65.
        #expect(abs(forecast.value - 74.42) < 1e-9)
        #expect(abs(forecast.low - 73.18922) < 1e-4 && abs(forecast.high - 75.65078) < 1e-4)
        #expect(desc.contains("Milestone 80% by December 2011: not yet due; forecast for December 2011: "
            + "74.4% (90% prediction interval 73.2% to 75.7%, from 5 months)."))
        #expect(!desc.contains("No figures yet"))
        #expect(desc.hasSuffix("The scale starts at 55%."))

        Snapshot.check(svg, named: "worcestershire-initial-assessments-2011-09.svg")
    }

    @Test func metAndMissedAtTheEndOfTheYear() throws {
        let ytd = Self.yearToDate + [("2011-09", 71.5), ("2011-10", 76), ("2011-11", 77), ("2011-12", 78.5)]
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2012-01-15", monthly: Self.inMonth, ytd: ytd)
        let svg = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "Initial assessments").svg()
        let doc = try #require(SVGDocument(svg))
        let desc = try #require(doc.text(of: "desc"))
        #expect(desc.contains("Milestone 70% by June 2011: met, 72%."))
        #expect(desc.contains("Milestone 80% by December 2011: missed, 78.5%."))
        #expect(!desc.contains("forecast"))
        #expect(doc.elements(class: "forecast-band").isEmpty)
        #expect(doc.elements.filter { $0.attributes["class"] == "milestone" }.map { $0.attributes["data-state"] } == ["met", "missed"])
        // Met is green, missed is red.
        #expect(svg.contains("fill=\"#00703c\" stroke=\"#00703c\""))
        #expect(svg.contains("fill=\"#d4351c\" stroke=\"#d4351c\""))
        #expect(doc.texts(in: "legend") == ["Monthly figure", "Year to date", "Path from baseline", "Baseline", "Milestone met", "Milestone missed"])
        Snapshot.check(svg, named: "worcestershire-initial-assessments-2012-01.svg")
    }

    @Test func noFiguresStillDrawsAxesBaselineAndMilestones() throws {
        let j = try worcestershire(.coreAssessmentTimeliness, asOf: "2011-04-10", monthly: [], ytd: [])
        #expect(j.monthly == nil && j.yearToDate == nil)
        let svg = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "Core assessments within timescale").svg()
        let doc = try #require(SVGDocument(svg))
        #expect(doc.elements(class: "monthly-point").isEmpty)
        #expect(doc.texts(class: "no-figures") == ["No figures yet"])
        #expect(doc.elements(class: "axes").count == 1)
        #expect(doc.allText.contains("Baseline 21% (2009-10)"))
        #expect(doc.texts(class: "milestone-label") == ["60% Jun 2011", "78% Dec 2011"])
        // From the baseline's month (March 2010) to December 2011, labelled every quarter from April.
        #expect(doc.texts(in: "month-labels") == ["Apr 2010", "Jul 2010", "Oct 2010", "Jan 2011", "Apr 2011", "Jul 2011", "Oct 2011"])
        let desc = try #require(doc.text(of: "desc"))
        #expect(desc.contains("No figures yet."))
        #expect(desc.contains("Milestone 60% by June 2011: no figure to judge it by."))
        Snapshot.check(svg, named: "worcestershire-core-assessments-no-figures.svg")
    }

    @Test func daysPerFTEScaleToTheData() throws {
        let n = try notice("nottinghamshire-2010")
        let target = try #require(n.targets.first { $0.indicatorID == .swSicknessDaysPerFTE })
        #expect(target.unit == .daysPerFTE)
        let rolling = figures(.swSicknessDaysPerFTE, .rolling12Months, [
            ("2010-07", 14.2), ("2010-08", 13.9), ("2010-09", 13.1), ("2010-10", 12.8),
            ("2010-11", 12.5), ("2010-12", 12.0), ("2011-01", 11.6), ("2011-02", 11.4),
        ])
        let library = SeriesLibrary(manual: rolling)
        let status = TargetMonitor(notice: n, noticeDate: n.noticeDate, asOf: d("2011-03-15"), library: library).status(target)
        let series = library.series(.swSicknessDaysPerFTE, .rolling12Months)
        let svg = TargetChart(status: status, monthly: series, yearToDate: nil, title: "Social worker sickness absence, Nottinghamshire").svg()
        let doc = try #require(SVGDocument(svg))
        // Scaled to the figures (11.4–14.2 days), the 10-day milestone and the forecast's interval (down to 9.2): the
        // lowest is not within 40% of zero, so the axis starts at the round number below it.
        #expect(doc.texts(in: "value-labels") == ["8", "10", "12", "14", "16"])
        #expect(doc.allText.contains("Days per FTE"))
        #expect(doc.texts(class: "milestone-label") == ["10 days Jun 2011"])
        #expect(doc.elements(class: "monthly-point").count == 8)
        let desc = try #require(doc.text(of: "desc"))
        #expect(desc.contains("Latest figure: 11.4 days per FTE for February 2011."))
        #expect(desc.contains("Milestone 10 days per FTE by June 2011: not yet due; forecast for June 2011:"))
        #expect(desc.contains("The scale starts at 8 days per FTE."))
        Snapshot.check(svg, named: "nottinghamshire-sickness-days.svg")
    }

    @Test func textIsEscapedForXML() throws {
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: [])
        var status = j.status
        status.target.indicator = "Assessments \"on time\" & <in scope>, the council's"
        let svg = TargetChart(status: status, monthly: j.monthly, yearToDate: nil, title: "Q&A: <b>initial</b> \"assessments\"").svg()
        #expect(svg.contains("<title id=\"target-chart-initial_assessment_timeliness-"))
        #expect(svg.contains(">Q&amp;A: &lt;b&gt;initial&lt;/b&gt; &quot;assessments&quot;</title>"))
        #expect(svg.contains("Assessments &quot;on time&quot; &amp; &lt;in scope&gt;, the council&apos;s"))
        #expect(!svg.contains("<b>"))
        let doc = try #require(SVGDocument(svg))
        #expect(doc.text(of: "title") == "Q&A: <b>initial</b> \"assessments\"")
        #expect(doc.text(of: "desc")?.hasPrefix("Assessments \"on time\" & <in scope>, the council's") == true)
    }

    @Test func sameInputSameBytesAndAtMostOneDecimal() throws {
        let j = try worcestershire(.initialAssessmentTimeliness, asOf: "2011-09-15", monthly: Self.inMonth, ytd: Self.yearToDate)
        let a = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "Initial assessments", width: 500, height: 300).svg()
        let b = TargetChart(status: j.status, monthly: j.monthly, yearToDate: j.yearToDate, title: "Initial assessments", width: 500, height: 300).svg()
        #expect(a == b)
        #expect(a.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"300\" viewBox=\"0 0 500 300\""))
        #expect(a.contains("font-family=\"'GDS Transport', arial, sans-serif\""))
        #expect(!a.contains("<script") && !a.contains("<style") && !a.contains("class=\"\""))
        #expect(a.range(of: #"[0-9]\.[0-9]{2}"#, options: .regularExpression) == nil)
        #expect(SVGDocument(a) != nil)
    }
}

// MARK: Reading the SVG back

/// The SVG parsed with Foundation's XMLParser: every element with its attributes, its parent's class, what it inherits
/// from the groups around it (text-anchor, font-size) and its text.
struct SVGDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var parentClass: String?
        var text: String
        /// The attributes of every enclosing element, the nearest winning.
        var inherited: [String: String] = [:]

        /// An attribute of its own, else the nearest enclosing element's.
        func attribute(_ name: String) -> String? { attributes[name] ?? inherited[name] }
    }

    var elements: [Element]
    var root: Element? { elements.first }

    /// Nil when the text is not well-formed XML.
    init?(_ svg: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse(), collector.open.isEmpty else { return nil }
        elements = collector.elements
    }

    func text(of name: String) -> String? { elements.first { $0.name == name }?.text }
    func elements(class name: String) -> [Element] { elements.filter { $0.attributes["class"] == name } }
    /// The texts of the `<text>` elements with that class.
    func texts(class name: String) -> [String] { elements.filter { $0.name == "text" && $0.attributes["class"] == name }.map(\.text) }
    /// The texts of the `<text>` elements in the group with that class.
    func texts(in group: String) -> [String] { elements.filter { $0.name == "text" && $0.parentClass == group }.map(\.text) }
    var allText: String { elements.filter { $0.name == "text" }.map(\.text).joined(separator: "\n") }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let parentClass = open.last.flatMap { elements[$0].attributes["class"] }
            let inherited = open.last.map { elements[$0].inherited.merging(elements[$0].attributes) { $1 } } ?? [:]
            elements.append(Element(name: name, attributes: attributes, parentClass: parentClass, text: "", inherited: inherited))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let i = open.last { elements[i].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}

// MARK: Snapshots

/// The snapshots of this target, beside this file.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        TextSnapshot.check(actual, named: name, in: folder, sourceLocation: sourceLocation)
    }
}
