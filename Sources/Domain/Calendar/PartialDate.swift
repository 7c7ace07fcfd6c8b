/// A date as precise as the words that gave it: a year, a month, or a day.
///
/// "published November 2010" is a month; "dated 29th May 2012" is a day. Keeping the precision
/// stops the product from inventing a day the notice never named.
public enum PartialDate: Hashable, ISOTextCodable, Sendable, CustomStringConvertible {
    public static let isoForm = "YYYY, YYYY-MM or YYYY-MM-DD"

    case year(Int)
    case month(YearMonth)
    case day(CalendarDate)

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var iso: String {
        switch self {
        case .year(let y): return pad(y, 4)
        case .month(let m): return m.iso
        case .day(let d): return d.iso
        }
    }

    public var description: String { iso }

    /// The last day the words can mean: the day itself, the month's last day, or 31 December.
    public var latestDay: CalendarDate {
        switch self {
        case .year(let y): return CalendarDate(year: y, month: 12, day: 31)!
        case .month(let m): return m.lastDay
        case .day(let d): return d
        }
    }

    public var yearMonth: YearMonth? {
        switch self {
        case .year: return nil
        case .month(let m): return m
        case .day(let d): return YearMonth(d)
        }
    }

    public init?(iso text: String) {
        if let d = CalendarDate(iso: text) { self = .day(d) }
        else if let m = YearMonth(iso: text) { self = .month(m) }
        else if text.count == 4, let y = Int(text) { self = .year(y) }
        else { return nil }
    }

}
