/// Dates as every page, pack and sentence writes them: "31 October 2011", "October 2011". Files and the API keep the
/// ISO form; these are for people.
public enum MonthNames {
    public static let full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

extension CalendarDate {
    /// "31 October 2011".
    public var inWords: String { "\(day) \(MonthNames.full[month - 1]) \(year)" }
}

extension PartialDate {
    /// "29 May 2012", "May 2012" or "2012", as precise as the words that gave it.
    public var inWords: String {
        switch self {
        case .year(let y): "\(y)"
        case .month(let m): m.label
        case .day(let d): d.inWords
        }
    }
}

extension YearMonth {
    /// "June 2011".
    public var label: String { "\(MonthNames.full[month - 1]) \(year)" }
}
