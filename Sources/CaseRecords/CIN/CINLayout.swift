import Domain

/// Which year's census a CIN file follows, and so which elements and codes to expect of it.
///
/// The year is taken from the header's reference date (the 31 March that ends the collection year), because suppliers
/// fill `<Year>` inconsistently: some write the year the collection starts (2023 for 2023-24), some the year it ends.
/// Only when there is no readable reference date is `<Year>` taken, as the year's end, and the file says so.
public struct CINLayout: Sendable, Equatable {
    /// The year the collection ends (2025 for 2024-25); nil when the file gives neither a reference date nor a year.
    public var year: Int?
    public enum Source: Sendable, Equatable { case referenceDate, yearElement, none }
    public var source: Source

    /// The first collection year (by its end) of each element a later census added.
    static let firstYear: [String: Int] = [
        "Sex": 2025,
        "PreProceedingsandFGDM": 2027,
    ]
    /// Elements a later census dropped, with the first year (by its end) that no longer has them.
    static let droppedFrom: [String: Int] = [
        "GenderCurrent": 2025,
    ]

    /// The layout from the header: its reference date (ISO, as read) and its `<Year>`.
    init(referenceDate: String?, yearElement: String?) {
        if let iso = referenceDate?.trimmingSpaces, let date = CalendarDate(iso: String(iso.prefix(10))) {
            year = date.month <= 3 ? date.year : date.year + 1
            source = .referenceDate
        } else if let text = yearElement?.trimmingSpaces, let y = Int(text), (2000...2100).contains(y) {
            year = y
            source = .yearElement
        } else {
            year = nil
            source = .none
        }
    }

    /// The collection year (by its end) a header's reference date and <Year> give; nil when neither reads.
    public static func year(referenceDate: String?, yearElement: String?) -> Int? {
        CINLayout(referenceDate: referenceDate, yearElement: yearElement).year
    }

    /// "2024-25".
    public static func name(_ year: Int) -> String {
        let short = year % 100
        return "\(year - 1)-\(short < 10 ? "0" : "")\(short)"
    }

    /// Whether the file's year has the element: true for elements every year has, and when the year is unknown.
    func has(_ element: String) -> Bool {
        guard let year else { return true }
        if let first = Self.firstYear[element], year < first { return false }
        if let dropped = Self.droppedFrom[element], year >= dropped { return false }
        return true
    }

    /// The element that carries the child's sex in this year's layout.
    var sexElement: String { (year ?? Int.max) >= 2025 ? "Sex" : "GenderCurrent" }

    /// The collection year as days, 1 April to 31 March; nil when the year is unknown.
    var days: ClosedRange<Int32>? {
        guard let year, let start = CalendarDate(year: year - 1, month: 4, day: 1), let end = CalendarDate(year: year, month: 3, day: 31)
        else { return nil }
        return start.column...end.column
    }

    public var description: String {
        guard let year else { return "no year given: read by the latest census's layout" }
        switch source {
        case .referenceDate: return "the \(Self.name(year)) census (by its reference date)"
        case .yearElement: return "the \(Self.name(year)) census (by its <Year>, as it gives no reference date)"
        case .none: return "the \(Self.name(year)) census"
        }
    }
}
