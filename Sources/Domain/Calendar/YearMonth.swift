/// A calendar month: the grain of in-month figures and of most milestones ("70% by June 2011").
public struct YearMonth: Hashable, Comparable, ISOTextCodable, Sendable, CustomStringConvertible {
    public static let isoForm = "YYYY-MM"

    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ date: CalendarDate) {
        self.year = date.year
        self.month = date.month
    }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate.endOf(month: month, year: year) }

    public func adding(months: Int) -> YearMonth { YearMonth(firstDay.adding(months: months)) }

    /// The financial year (1 April to 31 March) that holds this month.
    public var financialYear: FinancialYear { FinancialYear(containing: firstDay) }

    /// `YYYY-MM`.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))" }
    public var description: String { iso }

    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

}

/// An English reporting year, 1 April to 31 March, named by its first calendar year ("2011-12" is `startYear` 2011).
public struct FinancialYear: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public init(containing date: CalendarDate) {
        self.startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public var firstDay: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }

    /// The last month of a quarter: Q1 = April–June … Q4 = January–March.
    public func lastMonth(ofQuarter quarter: Int) -> YearMonth {
        precondition((1...4).contains(quarter), "a financial year has four quarters")
        return YearMonth(year: startYear, month: 4)!.adding(months: quarter * 3 - 1)
    }

    /// `2011-12`.
    public var label: String { "\(startYear)-\(pad((startYear + 1) % 100, 2))" }
    public var description: String { label }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }
}
