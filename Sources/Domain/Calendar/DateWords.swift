/// Dates as every page, pack and sentence writes them: "31 October 2011", "October 2011". Files and the API keep the
/// ISO form; these are for people.
public enum MonthNames {
    public static let full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

extension CalendarDate {
    /// "31 October 2011".
    public var inWords: String { "\(day) \(MonthNames.full[month - 1]) \(year)" }
}

extension YearMonth {
    /// "June 2011".
    public var label: String { "\(MonthNames.full[month - 1]) \(year)" }
}
