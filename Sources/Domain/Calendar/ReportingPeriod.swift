/// The span of days a figure is computed over (INDICATORS.md §2). Both ends are included.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let basis: Basis
    public let start: CalendarDate
    public let end: CalendarDate

    public init(basis: Basis, start: CalendarDate, end: CalendarDate) {
        self.basis = basis
        self.start = start
        self.end = end
    }

    /// The calendar month alone: an "in-month figure".
    public static func inMonth(_ month: YearMonth) -> ReportingPeriod {
        ReportingPeriod(basis: .inMonth, start: month.firstDay, end: month.lastDay)
    }

    /// From 1 April of the month's financial year to the month's end: "cumulative", "year to date".
    public static func yearToDate(_ month: YearMonth) -> ReportingPeriod {
        ReportingPeriod(basis: .cumulativeYearToDate, start: month.financialYear.firstDay, end: month.lastDay)
    }

    /// The twelve months ending with this one.
    public static func rolling12Months(_ month: YearMonth) -> ReportingPeriod {
        ReportingPeriod(basis: .rolling12Months, start: month.adding(months: -11).firstDay, end: month.lastDay)
    }

    /// A single day: "as at".
    public static func snapshot(_ date: CalendarDate) -> ReportingPeriod {
        ReportingPeriod(basis: .snapshot, start: date, end: date)
    }

    /// The period of a basis for a month; a snapshot is taken at the month's last day.
    public static func of(_ basis: Basis, month: YearMonth) -> ReportingPeriod {
        switch basis {
        case .inMonth, .unspecified: return .inMonth(month)
        case .cumulativeYearToDate: return .yearToDate(month)
        case .rolling12Months: return .rolling12Months(month)
        case .snapshot: return .snapshot(month.lastDay)
        }
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    public var description: String { "\(basis.rawValue) \(start.iso)…\(end.iso)" }
}
