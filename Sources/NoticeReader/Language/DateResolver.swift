import Domain

/// Gives each date expression its final form: a year for yearless months, the notice's length for "the end of the
/// notice", the last month of a quarter or financial year. Every assumption becomes a warning a person can check.
struct DateResolver {
    /// The date a yearless month is counted forward from, and what it is, for the warning.
    var reference: CalendarDate?
    var referenceWhat: String = ""
    var durationMonths: Int?

    func due(_ match: DateMatch, words: String, warnings: inout [String]) -> Due? {
        warnings.append(contentsOf: match.warnings)
        switch match.value {
        case .day(let d): return .day(d)
        case .month(let m): return .month(m)
        case .year(let y): return .month(YearMonth(year: y, month: 12)!)
        case .financialYear(let fy): return .month(FinancialYear(startYear: fy).lastMonth(ofQuarter: 4))
        case .quarter(let fy, let q), .quartersToDate(let fy, let q):
            return .month(FinancialYear(startYear: fy).lastMonth(ofQuarter: q))
        case .afterNotice(let n): return .afterNotice(months: n)
        case .endOfNotice:
            if let d = durationMonths { return .afterNotice(months: d) }
            warnings.append("'\(words)' depends on the notice's length, which the text does not give")
            return nil
        case .yearlessMonth(let m):
            guard let ym = resolve(month: m, words: words, warnings: &warnings) else { return nil }
            return .month(ym)
        case .yearlessDay(let m, let d):
            guard let ym = resolve(month: m, words: words, warnings: &warnings) else { return nil }
            let day = min(d, CalendarDate.daysIn(month: m, year: ym.year))
            return .day(CalendarDate(year: ym.year, month: m, day: day)!)
        case .meeting(let name, let month, let year):
            guard let m = month else { return .meeting(name: name, month: nil) }
            if let y = year { return .meeting(name: name, month: YearMonth(year: y, month: m)) }
            return .meeting(name: name, month: resolve(month: m, words: words, warnings: &warnings))
        }
    }

    /// The first such month on or after the reference date.
    private func resolve(month: Int, words: String, warnings: inout [String]) -> YearMonth? {
        guard let ref = reference else {
            warnings.append("'\(words)' has no year and the notice gives no date to count from; enter the date")
            return nil
        }
        let year = month >= ref.month ? ref.year : ref.year + 1
        let resolved = YearMonth(year: year, month: month)!
        warnings.append("'\(words)' has no year; read as \(Months.fullNames[month - 1]) \(year), the first after \(referenceWhat) (\(ref.iso))")
        return resolved
    }

    /// A date expression as a period label for a baseline: "2009-10", "2010-09", "2011-06-30".
    static func periodLabel(_ value: DateValue) -> String? {
        switch value {
        case .financialYear(let fy): return FinancialYear(startYear: fy).label
        case .month(let m): return m.iso
        case .day(let d): return d.iso
        case .year(let y): return String(y)
        case .quarter(let fy, let q): return "\(FinancialYear(startYear: fy).label) Q\(q)"
        case .quartersToDate(let fy, let q): return "\(FinancialYear(startYear: fy).label) Q1-Q\(q)"
        default: return nil
        }
    }

    /// A date expression as a partial date (for inspection and publication dates).
    static func partialDate(_ value: DateValue) -> PartialDate? {
        switch value {
        case .day(let d): return .day(d)
        case .month(let m): return .month(m)
        case .year(let y): return .year(y)
        default: return nil
        }
    }
}
