import Domain
import Indicators

/// The one road from a notice and a council's figures to everything a board reads about its targets: the series,
/// each target's status (milestones, trajectory, forecast, RAG and reasons), the exceptions with what lies behind them,
/// and the notice's calendar. `improve status`, the web application's picture of a council (and through it every
/// page, the API and the board pack) call this function and nothing else, so the command line and the pages cannot
/// disagree on the same data.
public enum NoticeMonitoring {
    public struct Input: Sendable {
        public var notice: Notice
        /// The notice's date, or the date taken for it; relative dates count from it.
        public var noticeDate: CalendarDate?
        /// The date figures are judged on.
        public var asOf: CalendarDate
        /// Figures computed from the council's returns.
        public var results: [IndicatorResult]
        /// Figures entered by hand; they fill months the returns do not cover.
        public var manual: [ManualFigure]
        /// The case-level records behind `results`, when the caller has them: each exception then says which groups
        /// of records lie behind its latest figure.
        public var records: CaseData?
        public var longerIntervalAgreed: Bool
        /// The board meetings recorded as held, by number.
        public var meetingsHeld: Set<Int> = []
        /// Ofsted's visits, for the calendar.
        public var visits: [OfstedVisit] = []
        /// Published levels for targets set by comparison ("at or above the England average").
        public var comparators: ComparatorLevels

        public init(notice: Notice, noticeDate: CalendarDate?, asOf: CalendarDate, results: [IndicatorResult], manual: [ManualFigure] = [],
                    records: CaseData? = nil, longerIntervalAgreed: Bool = false, comparators: ComparatorLevels = .none) {
            self.notice = notice
            self.noticeDate = noticeDate
            self.asOf = asOf
            self.results = results
            self.manual = manual
            self.records = records
            self.longerIntervalAgreed = longerIntervalAgreed
            self.comparators = comparators
        }
    }

    public struct Output: Sendable {
        public var library: SeriesLibrary
        public var statuses: [TargetStatus]
        public var calendar: NoticeCalendar
        public var exceptions: ExceptionReport
    }

    public static func run(_ input: Input) -> Output {
        let library = SeriesLibrary(results: input.results, manual: input.manual)
        var monitor = TargetMonitor(notice: input.notice, noticeDate: input.noticeDate, asOf: input.asOf, library: library)
        monitor.comparators = input.comparators
        let statuses = input.notice.targets.map(monitor.status)
        let calendar = NoticeCalendar(notice: input.notice, noticeDate: input.noticeDate, asOf: input.asOf,
                                      longerIntervalAgreed: input.longerIntervalAgreed, meetingsHeld: input.meetingsHeld,
                                      visits: input.visits.map { ($0.visitedOn, "Ofsted's \($0.kind.label.lowercased()): \($0.theme)") })
        let exceptions = ExceptionReport(statuses) { status in input.records.map { drivers(of: status, in: $0) } ?? [] }
        return Output(library: library, statuses: statuses, calendar: calendar, exceptions: exceptions)
    }

    /// What lies behind a target's latest figure: the groups of its records (by team, worker, and the other
    /// attributes the records carry) furthest on the wrong side of the whole, in sentences.
    static func drivers(of status: TargetStatus, in data: CaseData) -> [String] {
        guard let latest = status.latest,
              let definition = IndicatorCatalogue.all.first(where: { $0.id == status.target.indicatorID }),
              let result = IndicatorEngine(definitions: [definition])
                  .evaluate(data, .init(months: [latest.month], bases: [status.basis], keepRecords: true)).first
        else { return [] }
        return BreakdownAttribute.allCases.flatMap { attribute in
            DriverSentences.sentences(attribute: attribute.rawValue.prefix(1).uppercased() + attribute.rawValue.dropFirst(),
                                      groups: data.breakdown(result, by: attribute).map { ($0.value, $0.numerator, $0.denominator) },
                                      betterWhen: status.target.indicatorID.betterWhen ?? .increase)
        }
    }
}
