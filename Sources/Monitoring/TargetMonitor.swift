import Domain
import Foundation

/// Judges a notice's targets against a council's figures on a date: each milestone's status, the trajectory from
/// the baseline, a forecast to each date still ahead, and a RAG rating with its reasons.
public struct TargetMonitor: Sendable {
    public var notice: Notice
    /// The notice's date, for dates relative to it; nil leaves those unresolved.
    public var noticeDate: CalendarDate?
    public var asOf: CalendarDate
    public var library: SeriesLibrary
    /// A milestone due within this many days is "due soon".
    public var dueSoonDays = 56
    /// Published levels for milestones set by comparison ("below the England average").
    public var comparators = ComparatorLevels.none

    public init(notice: Notice, noticeDate: CalendarDate?, asOf: CalendarDate, library: SeriesLibrary) {
        self.notice = notice
        self.noticeDate = noticeDate
        self.asOf = asOf
        self.library = library
    }

    /// The last month whose figures are complete on the date.
    var lastCompleteMonth: YearMonth {
        let month = YearMonth(asOf)
        return asOf == month.lastDay ? month : month.adding(months: -1)
    }

    /// When the notice is finally judged: its final review; else the end of its term; else its last dated review.
    var finalJudgement: (CalendarDate, String)? {
        if let review = notice.reviews.last(where: { $0.kind == .finalReview }), let day = review.due?.resolved(noticeDate: noticeDate) {
            return (day, "the final review")
        }
        if let months = notice.durationMonths, let start = noticeDate { return (start.adding(months: months), "the end of the notice") }
        let reviews = notice.reviews.filter { $0.kind == .progressReview || $0.kind == .formalAssessment }
            .compactMap { $0.due?.resolved(noticeDate: noticeDate) }
        if let last = reviews.max() { return (last, "the last review") }
        return nil
    }

    public func statuses() -> [TargetStatus] {
        notice.targets.map(status)
    }

    public func status(_ target: Target) -> TargetStatus {
        let basis = target.milestones.first(where: { $0.basis != .unspecified })?.basis ?? .unspecified
        let mainSeries = library.series(for: target, basis: basis)
        var milestones = target.milestones.map { milestoneStatus($0, target) }
        let trajectory = mainSeries.map { trajectoryPoints(target, $0) } ?? []
        let latestMonth = mainSeries?.months.last(where: { $0 <= lastCompleteMonth })
        let latest = latestMonth.flatMap { m in mainSeries?.value(at: m).map { (m, $0) } }
        var offSince: YearMonth?
        for point in trajectory.reversed() where point.actual != nil {
            if point.onTrack == false { offSince = point.month } else { break }
        }
        // The target's rating: the next milestone still ahead, no better than amber if one has been missed; when all
        // are past, the last one's.
        let ahead = milestones.firstIndex { $0.state == .notYetDue || $0.state == .dueSoon }
        var rag: RAG
        var reasons: [String] = []
        if let a = ahead {
            rag = milestones[a].rag
            reasons = milestones[a].reasons
            if milestones[..<a].contains(where: { $0.state == .missed }) {
                rag = max(rag, .amber)
                reasons.insert("An earlier milestone was missed.", at: 0)
            }
        } else if let last = milestones.last {
            rag = last.rag
            reasons = last.reasons
        } else {
            rag = .none
            reasons = ["The target has no milestones."]
        }
        if let since = offSince, rag == .green {
            rag = .amber
            reasons.append("Below the path from the baseline since \(since.label).")
        }
        if milestones.isEmpty { milestones = [] }
        return TargetStatus(target: target, basis: mainSeries?.basis ?? basis, milestones: milestones, trajectory: trajectory,
                            latest: latest, offTrajectorySince: offSince, rag: rag, reasons: reasons)
    }

    // MARK: Milestones

    func milestoneStatus(_ m: Milestone, _ target: Target) -> MilestoneStatus {
        var reasons: [String] = []
        var dueDate = m.due?.resolved(noticeDate: noticeDate)
        var dueSource = m.due.map { "due \($0.description)" } ?? ""
        if m.due == nil {
            if let (day, what) = finalJudgement {
                dueDate = day
                dueSource = "no date given; judged at \(what) (\(day.iso))"
            } else {
                dueSource = "no date given, and no final review to judge it at"
            }
        } else if dueDate == nil {
            dueSource += ": the notice's date is needed to place it"
        }
        let series = library.series(for: target, basis: m.basis)
        let unitWord = target.unit == .percent ? "%" : ""
        func show(_ v: Double) -> String { formatFigure(v) + unitWord }

        // The level: the milestone's own, or the figure of the period it must be sustained at.
        var level = m.value
        if level == nil, let reference = m.referencePeriod {
            if let fy = financialYearEnd(reference), let s = library.series(of: target, .cumulativeYearToDate) ?? series, let v = s.value(at: fy) {
                level = v
                reasons.append("The target is the \(reference) figure, \(show(v)).")
            } else {
                return MilestoneStatus(milestone: m, level: nil, dueDate: dueDate, dueSource: dueSource, state: .noData, figure: nil, figurePeriod: nil,
                                       breaches: [], forecast: nil, rag: .none, reasons: ["There is no \(reference) figure to sustain."])
            }
        }
        // "To fall below the England average": the level is the published figure of the year that covers the due date.
        if level == nil, let comparator = Comparator.named(in: m.words) ?? Comparator.named(in: target.indicator),
           comparators.publishes(target.indicatorID), let due = dueDate, let year = comparators.year(of: target.indicatorID, covering: due) {
            guard let published = comparators.level(target.indicatorID, comparator, covering: due) else {
                return MilestoneStatus(milestone: m, level: nil, dueDate: dueDate, dueSource: dueSource, state: .notYetPublished, figure: nil,
                                       figurePeriod: nil, breaches: [], forecast: nil, rag: .none,
                                       reasons: ["The target is \(comparator.figureWords) for the year ending \(year), not yet published."])
            }
            level = published.value
            reasons.append("The target is \(comparator.figureWords) for \(published.yearLabel), \(show(published.value)) as published.")
        }
        guard let level else {
            return MilestoneStatus(milestone: m, level: nil, dueDate: dueDate, dueSource: dueSource, state: .noLevel, figure: nil, figurePeriod: nil,
                                   breaches: [], forecast: nil, rag: .none, reasons: ["The notice sets no figure: agree one with the board."])
        }
        guard let series else {
            return MilestoneStatus(milestone: m, level: level, dueDate: dueDate, dueSource: dueSource, state: .noData, figure: nil, figurePeriod: nil,
                                   breaches: [], forecast: nil, rag: .none,
                                   reasons: ["No figures yet: load the return that carries them (\(target.indicatorID.info.title.prefix(1).lowercased() + target.indicatorID.info.title.dropFirst())) or enter them by hand."])
        }
        let direction = target.direction == .maintain ? (target.indicatorID.betterWhen ?? .increase) : target.direction
        // Judged as shown: the figure and the level each to one decimal place, as every surface writes them.
        func meets(_ v: Double) -> Bool { ShownFigure.meets(v, level: level, direction: direction) }
        let complete = lastCompleteMonth

        // Held every month: one breach is a miss.
        if m.judged == .everyMonth {
            let start = noticeDate.map(YearMonth.init) ?? series.months.first ?? complete
            // "From the date of the notice": the date starts the holding, which runs to the notice's end.
            if let due = dueDate, let notice = noticeDate, due <= notice {
                dueDate = finalJudgement?.0
                dueSource = "held from the notice date" + (dueDate.map { " to \($0.iso)" } ?? "")
            }
            let end = min(dueDate.map(YearMonth.init) ?? complete, complete)
            let months = series.months.filter { $0 >= start && $0 <= end }
            let breaches = months.filter { !meets(series.value(at: $0)!) }
            let latest = months.last.flatMap { series.points[$0] }
            let past = dueDate.map { $0 <= asOf } ?? false
            var state: MilestoneState = past ? .met : (dueDate.map { $0.dayNumber - asOf.dayNumber <= dueSoonDays } ?? false ? .dueSoon : .notYetDue)
            if !breaches.isEmpty { state = .missed }
            if months.isEmpty && past { state = .noData }
            let rag: RAG = breaches.isEmpty ? (months.isEmpty ? .none : .green) : .red
            if breaches.isEmpty {
                reasons.append(months.isEmpty ? "No monthly figures yet." : "Held in all \(months.count) months to \(months.last!.label).")
            } else {
                reasons.append("Broken in \(breaches.count) month\(breaches.count == 1 ? "" : "s"), first in \(breaches[0].label) (\(show(series.value(at: breaches[0])!)) against a target of \(show(level))).")
            }
            return MilestoneStatus(milestone: m, level: level, dueDate: dueDate, dueSource: dueSource, state: state, figure: latest?.value,
                                   figurePeriod: latest?.period, enteredBy: latest?.enteredBy, enteredAt: latest?.enteredAt, breaches: breaches,
                                   forecast: nil, rag: rag, reasons: reasons)
        }

        // Judged at the due date.
        guard let due = dueDate else {
            let latest = series.months.last(where: { $0 <= complete })
            return MilestoneStatus(milestone: m, level: level, dueDate: nil, dueSource: dueSource, state: .noData,
                                   figure: latest.flatMap(series.value), figurePeriod: latest.flatMap { series.points[$0]?.period },
                                   breaches: [], forecast: nil, rag: .none, reasons: reasons + ["There is no date to judge it at."])
        }
        let dueMonth = YearMonth(due)
        if dueMonth <= complete {
            guard let point = series.points[dueMonth], let figure = point.value else {
                return MilestoneStatus(milestone: m, level: level, dueDate: due, dueSource: dueSource, state: .noData, figure: nil, figurePeriod: nil,
                                       breaches: [], forecast: nil, rag: .none, reasons: reasons + ["There is no figure for \(dueMonth.label)."])
            }
            let met = meets(figure)
            reasons.append("\(met ? "Met" : "Missed"): \(show(figure)) \(describe(point.period)), against a target of \(show(level)).")
            if let who = point.enteredBy { reasons.append("The figure was entered by \(who)\(point.enteredAt.map { " on \(dayWords($0))" } ?? "").") }
            return MilestoneStatus(milestone: m, level: level, dueDate: due, dueSource: dueSource, state: met ? .met : .missed, figure: figure,
                                   figurePeriod: point.period, enteredBy: point.enteredBy, enteredAt: point.enteredAt, breaches: [], forecast: nil,
                                   rag: met ? .green : .red, reasons: reasons)
        }
        // Still ahead: forecast from the trend.
        let state: MilestoneState = due.dayNumber - asOf.dayNumber <= dueSoonDays ? .dueSoon : .notYetDue
        let latestMonth = series.months.last(where: { $0 <= complete })
        let latest = latestMonth.flatMap { series.points[$0] }
        var forecast = Forecast.project(series, to: dueMonth, asOf: complete)
        if target.unit == .percent, var f = forecast {
            // A percentage cannot leave 0–100, whatever the straight line says.
            (f.value, f.low, f.high) = (min(100, max(0, f.value)), min(100, max(0, f.low)), min(100, max(0, f.high)))
            forecast = f
        }
        let rag = RAGRules.rating(forecast: forecast, latest: latest?.value, level: level, direction: direction)
        if let f = forecast {
            let verdict = rag == .green ? "meeting" : rag == .red ? "missing" : "close to"
            reasons.append("Forecast to reach about \(show(f.value)) by \(dueMonth.label), \(verdict) the \(show(level)) target (likely between \(show(f.low)) and \(show(f.high)), from the last \(f.monthsUsed) months).")
        } else {
            let count = series.months.filter { $0 <= complete }.count
            reasons.append("Too few months to forecast (\(count) of the \(Forecast.minimumMonths) needed).")
            if let v = latest?.value { reasons.append("The latest figure, \(show(v)) in \(latestMonth!.label), \(meets(v) ? "meets" : "falls short of") the \(show(level)) target.") }
        }
        return MilestoneStatus(milestone: m, level: level, dueDate: due, dueSource: dueSource, state: state, figure: latest?.value,
                               figurePeriod: latest?.period, enteredBy: latest?.enteredBy, enteredAt: latest?.enteredAt, breaches: [],
                               forecast: forecast, rag: rag, reasons: reasons)
    }

    // MARK: Trajectory

    func trajectoryPoints(_ target: Target, _ series: Series) -> [TrajectoryPoint] {
        var anchors: [(YearMonth, Double)] = []
        if let b = target.baseline, let v = b.value {
            let month = b.period.flatMap(periodMonth) ?? noticeDate.map(YearMonth.init) ?? series.months.first
            if let month { anchors.append((month, v)) }
        }
        for m in target.milestones {
            guard let v = m.value, let due = m.due?.resolved(noticeDate: noticeDate) else { continue }
            anchors.append((YearMonth(due), v))
        }
        anchors.sort { $0.0 < $1.0 }
        guard anchors.count >= 2 else { return [] }
        let direction = target.direction == .maintain ? (target.indicatorID.betterWhen ?? .increase) : target.direction
        var points: [TrajectoryPoint] = []
        var month = anchors[0].0
        let end = min(anchors.last!.0, lastCompleteMonth)
        while month <= end {
            let expected = interpolate(anchors, month)
            let actual = series.value(at: month)
            let gap = actual.map { $0 - expected }
            let onTrack = actual.map { ShownFigure.meets($0, level: expected, direction: direction) }
            points.append(TrajectoryPoint(month: month, expected: expected, actual: actual, gap: gap, onTrack: onTrack))
            month = month.adding(months: 1)
        }
        return points
    }

    private func interpolate(_ anchors: [(YearMonth, Double)], _ month: YearMonth) -> Double {
        func index(_ m: YearMonth) -> Double { Double(m.year * 12 + m.month) }
        for k in 1..<anchors.count where month <= anchors[k].0 {
            let (m0, v0) = anchors[k - 1], (m1, v1) = anchors[k]
            let span = index(m1) - index(m0)
            return span <= 0 ? v1 : v0 + (v1 - v0) * (index(month) - index(m0)) / span
        }
        return anchors.last!.1
    }

    /// The month a baseline describes: the end of a financial year, or the month or day given.
    private func periodMonth(_ period: String) -> YearMonth? {
        if let fy = financialYearEnd(period) { return fy }
        return PartialDate(iso: period)?.yearMonth
    }

    private func financialYearEnd(_ label: String) -> YearMonth? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), Int(parts[1]) == (y + 1) % 100 else { return nil }
        return YearMonth(year: y + 1, month: 3)
    }

    private func describe(_ period: ReportingPeriod) -> String {
        switch period.basis {
        case .inMonth, .unspecified: return "in " + YearMonth(period.end).label
        case .snapshot: return "at " + dayWords(period.end)
        case .cumulativeYearToDate: return "in the year to \(YearMonth(period.end).label)"
        case .rolling12Months: return "in the twelve months to \(YearMonth(period.end).label)"
        }
    }
}

/// The written rules for a rating (also in the README):
/// - green: met; or the whole forecast interval meets the level; or, for a level held every month, held so far;
/// - amber: the forecast interval straddles the level; or there are too few months to forecast (the latest figure
///   is given beside it); or, for the target, an earlier milestone was missed or the figures are below the path;
/// - red: missed; or the whole forecast interval misses the level; or a level held every month has been broken;
/// - grey: nothing to judge: no level, or no figures.
public enum RAGRules {
    public static func rating(forecast: Forecast?, latest: Double?, level: Double, direction: TargetDirection) -> RAG {
        guard let f = forecast else { return latest == nil ? .none : .amber }
        let (good, bad) = direction == .decrease ? (f.high <= level, f.low > level) : (f.low >= level, f.high < level)
        if good { return .green }
        if bad { return .red }
        return .amber
    }
}

func formatFigure(_ v: Double) -> String { ShownFigure.text(v) }

/// "31 October 2011", as every sentence writes a day.
func dayWords(_ d: CalendarDate) -> String { d.inWords }
