import Domain

/// A notice's calendar: board meetings on its cadence, its deadlines and its reviews, with what is overdue.
public struct NoticeCalendar: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable { case meeting, deadline, review, visit }
        public var kind: Kind
        public var what: String
        /// The day it falls due (a month's last day when only the month is known); nil when it cannot be placed yet.
        public var date: CalendarDate?
        public var overdue: Bool
        public var done: Bool
        /// A meeting whose day has passed with nothing recorded of it: neither done nor overdue, and said so.
        public var notRecorded: Bool = false
    }

    public var entries: [Entry]
    /// Why some entries could not be placed, and other things to know.
    public var notes: [String]

    /// - Parameters:
    ///   - noticeDate: the notice's date (or the date taken for it); relative dates count from it.
    ///   - firstMeeting: the board's first meeting (default: four weeks after the notice).
    ///   - longerIntervalAgreed: whether DfE has agreed the longer interval the notice allows (a six-week cadence
    ///     is used only then).
    ///   - done: what has been completed, by its `what`.
    ///   - meetingsHeld: the meetings recorded as held, by number; a meeting is done only when recorded, so the
    ///     calendar and the meetings page say the same.
    public init(notice: Notice, noticeDate: CalendarDate?, asOf: CalendarDate, firstMeeting: CalendarDate? = nil,
                longerIntervalAgreed: Bool = false, done: Set<String> = [], meetingsHeld: Set<Int> = [],
                visits: [(date: CalendarDate, what: String)] = []) {
        var entries: [Entry] = []
        var notes: [String] = []
        let board = notice.board
        var weeks = board.cadenceWeeks ?? 4
        if board.cadenceWeeks == nil { notes.append("the notice gives no meeting cadence; meetings are shown every four weeks") }
        if let longer = board.alternativeCadenceWeeks {
            if longerIntervalAgreed { weeks = longer } else if board.alternativeNeedsDfEAgreement {
                notes.append("meetings every \(weeks) weeks; \(longer)-week intervals only once agreed with DfE")
            }
        }
        // The notice's term: its length, else its final review, else a year.
        let end: CalendarDate? = {
            guard let start = noticeDate else { return nil }
            if let months = notice.durationMonths { return start.adding(months: months) }
            if let review = notice.reviews.last(where: { $0.kind == .finalReview }), let day = review.due?.resolved(noticeDate: start) { return day }
            return start.adding(months: 12)
        }()
        var meetings: [CalendarDate] = []
        if let start = noticeDate, let end {
            var day = firstMeeting ?? start.adding(days: 28)
            var n = 1
            while day <= end {
                meetings.append(day)
                let held = meetingsHeld.contains(n)
                entries.append(Entry(kind: .meeting, what: "Improvement Board meeting \(n)", date: day, overdue: false, done: held,
                                     notRecorded: !held && day < asOf))
                day = day.adding(days: 7 * weeks)
                n += 1
            }
        } else {
            notes.append("the notice carries no date: meetings and dates relative to it are placed once it is entered")
        }

        func place(_ due: Due?) -> CalendarDate? {
            guard let due else { return nil }
            if case .meeting(_, let month?) = due {
                // "the January Improvement Board": that month's meeting, if the cadence puts one there.
                return meetings.first { YearMonth($0) == month } ?? month.lastDay
            }
            return due.resolved(noticeDate: noticeDate)
        }
        for d in notice.deadlines {
            let date = place(d.due)
            let isDone = done.contains(d.what)
            entries.append(Entry(kind: .deadline, what: d.what, date: date, overdue: !isDone && (date.map { $0 < asOf } ?? false), done: isDone))
            if date == nil { notes.append("'\(d.what)' cannot be placed yet (\(d.due?.description ?? "no date"))") }
        }
        for r in notice.reviews {
            let date = place(r.due)
            let isDone = done.contains(r.what)
            entries.append(Entry(kind: .review, what: r.what, date: date, overdue: !isDone && (date.map { $0 < asOf } ?? false), done: isDone))
        }
        // Ofsted's visits, as they happened.
        for visit in visits { entries.append(Entry(kind: .visit, what: visit.what, date: visit.date, overdue: false, done: true)) }
        self.entries = entries.sorted { ($0.date ?? .distantFuture, $0.kind.rawValue) < ($1.date ?? .distantFuture, $1.kind.rawValue) }
        self.notes = notes
    }

    public var overdue: [Entry] { entries.filter(\.overdue) }
    public var meetings: [Entry] { entries.filter { $0.kind == .meeting } }
}

extension CalendarDate {
    /// Sorts after every real date.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
    /// Sorts before every real date.
    public static let distantPast = CalendarDate(year: 1, month: 1, day: 1)!
}
