import Foundation

/// Working days: Monday to Friday, less England and Wales bank holidays (INDICATORS.md §1.1).
///
/// `workingDays(from:to:)` counts the working days d with start < d ≤ end: the start date is day 0 (DfE's convention
/// in its published duration tables), whatever day of the week it falls on, so a Saturday referral's first working
/// day is Monday. Counting is O(log holidays), so it can run over millions of records.
public struct WorkingDayCalendar: Sendable {
    /// Holiday day numbers (days since 1970-01-01), sorted, weekdays only.
    private let holidays: [Int]
    public let names: [Int: String]
    /// The years the holiday list covers; outside them only weekends are non-working, and `covers` says so.
    public let coveredYears: ClosedRange<Int>

    /// England and Wales, 2005–2030, compiled in.
    public static let englandAndWales: WorkingDayCalendar = {
        var days: [Int: String] = [:]
        for (iso, name) in englandAndWalesHolidays {
            days[CalendarDate(iso: iso)!.dayNumber] = name
        }
        return WorkingDayCalendar(holidays: days, coveredYears: 2005...2030)
    }()

    public init(holidays: [Int: String], coveredYears: ClosedRange<Int>) {
        let weekdays = holidays.filter { CalendarDate(dayNumber: $0.key).isoWeekday <= 5 }
        self.holidays = weekdays.keys.sorted()
        self.names = weekdays
        self.coveredYears = coveredYears
    }

    public func isHoliday(_ date: CalendarDate) -> Bool { names[date.dayNumber] != nil }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.isoWeekday <= 5 && !isHoliday(date)
    }

    /// Whether the holiday list covers a date; outside it, results count weekends only.
    public func covers(_ date: CalendarDate) -> Bool { coveredYears.contains(date.year) }

    /// Working days d with start < d ≤ end; negative when end is before start (the same count, negated).
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        workingDays(fromDay: start.dayNumber, toDay: end.dayNumber)
    }

    /// The same, on day numbers, for the indicator engine's columns.
    public func workingDays(fromDay start: Int, toDay end: Int) -> Int {
        if end < start { return -workingDays(fromDay: end, toDay: start) }
        return weekdaysUpTo(end) - weekdaysUpTo(start) - (holidayIndex(atOrBefore: end) - holidayIndex(atOrBefore: start))
    }

    /// The N-th working day strictly after `start`: the last day something due "within N working days" is on time.
    public func deadline(from start: CalendarDate, workingDays n: Int) -> CalendarDate {
        var day = start.dayNumber
        var counted = 0
        while counted < n {
            day += 1
            if isWorkingDay(CalendarDate(dayNumber: day)) { counted += 1 }
        }
        return CalendarDate(dayNumber: day)
    }

    /// Weekdays (Monday to Friday) d with epoch < d ≤ day, where the epoch is a Monday long ago: a closed form.
    private func weekdaysUpTo(_ day: Int) -> Int {
        // 1970-01-05 was a Monday (day number 4). Shift so weeks start on Monday at 0.
        let shifted = day - 4 + 7 * 100_000
        let weeks = shifted / 7
        let rest = shifted % 7  // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(rest + 1, 5)
    }

    /// How many holidays fall on or before `day`.
    private func holidayIndex(atOrBefore day: Int) -> Int {
        var lo = 0, hi = holidays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if holidays[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Extends the calendar with GOV.UK's `bank-holidays.json` (https://www.gov.uk/bank-holidays.json): its
    /// "england-and-wales" division's events. Days already known keep their names.
    public func adding(govUKJSON data: Data) throws -> WorkingDayCalendar {
        struct File: Decodable {
            struct Division: Decodable {
                struct Event: Decodable { var title: String; var date: String }
                var events: [Event]
            }
            var division: Division
            enum CodingKeys: String, CodingKey { case division = "england-and-wales" }
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        var merged = names
        var years = coveredYears
        for event in file.division.events {
            guard let date = CalendarDate(iso: event.date) else {
                throw CalendarError.badDate(event.date)
            }
            if merged[date.dayNumber] == nil { merged[date.dayNumber] = event.title }
            years = min(years.lowerBound, date.year)...max(years.upperBound, date.year)
        }
        return WorkingDayCalendar(holidays: merged, coveredYears: years)
    }

    public enum CalendarError: Error, CustomStringConvertible {
        case badDate(String)
        public var description: String {
            switch self {
            case .badDate(let text): return "bank-holidays.json: '\(text)' is not a YYYY-MM-DD date"
            }
        }
    }
}
