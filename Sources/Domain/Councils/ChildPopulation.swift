/// A council's children aged 0 to 17, by ONS mid-year estimate: the denominator of every rate per 10,000 children.
///
/// Which estimate a date takes [D]: the one for the middle of the financial year's first calendar year, so every
/// date from 1 April 2024 to 31 March 2025 takes mid-2024. That is the estimate DfE divides by for its figures at
/// 31 March 2025 (its published population for 2025 equals ONS mid-2024). When that year is not yet published, the
/// nearest earlier one is taken, and the figure says which.
public struct ChildPopulation: Sendable, Equatable {
    /// The council's three-digit code.
    public var laCode: String
    /// Mid-year → estimate.
    public var byYear: [Int: Double]

    public init(laCode: String, byYear: [Int: Double]) {
        self.laCode = laCode
        self.byYear = byYear
    }

    /// The estimate a date takes, and its mid-year; nil when none is that early.
    public func estimate(at date: CalendarDate) -> (year: Int, count: Double)? {
        let wanted = date.month >= 4 ? date.year : date.year - 1
        guard let year = byYear.keys.filter({ $0 <= wanted }).max(), let count = byYear[year], count > 0 else { return nil }
        return (year, count)
    }
}
