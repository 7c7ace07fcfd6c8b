import CaseRecords
import Domain

/// §3.15 workforce rates, with DfE's census formulas: vacancy, agency and caseload at the month's end (snapshot);
/// turnover, sickness days per FTE and absence over the twelve months to it (rolling), divided by the in-post FTE at
/// the end, as DfE does. The figures come from the bundle's monthly rows, or for a census's reference month (30
/// September) from the workforce census when the monthly rows do not cover it.
struct WorkforceMonths {
    struct Snapshot {
        var inPost: Double
        var vacancies: Double?
        var agency: Double
        var cases: Double
        var caseHolding: Double
    }

    let rows: [YearMonth: Int]
    let b: BundleTables
    let census: [YearMonth: WorkforceCensus]

    init?(_ data: CaseData) {
        let b = data.bundle ?? BundleTables()
        guard !b.workforceMonth.isEmpty || !data.workforceCensus.isEmpty else { return nil }
        var rows: [YearMonth: Int] = [:]
        for (i, m) in b.workforceMonth.enumerated() { rows[m] = i }
        self.rows = rows
        self.b = b
        census = Dictionary(data.workforceCensus.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The figures at the period's end: the bundle's monthly row for that month, else the census whose reference
    /// month it is.
    func at(_ period: ReportingPeriod) -> Snapshot? {
        let month = YearMonth(period.end)
        if let i = rows[month] {
            return Snapshot(inPost: b.inPostFTE[i], vacancies: b.vacanciesFTE[i], agency: b.agencyFTE[i], cases: b.cases[i], caseHolding: b.caseHoldingFTE[i])
        }
        return census[month].map(Self.snapshot)
    }

    static func snapshot(_ c: WorkforceCensus) -> Snapshot {
        Snapshot(inPost: c.inPostFTE, vacancies: c.vacanciesFTE, agency: c.agencyFTE, cases: c.cases, caseHolding: c.caseHoldingFTE)
    }

    /// The twelve months' leavers and working days lost, with the in-post FTE at the end to divide them by, all from
    /// one source: the monthly rows when every month of the period is there, else the census of the period's last
    /// month when the period is the year to its reference date. Never the census's days over the monthly rows' posts.
    func rolling(_ period: ReportingPeriod) -> (leavers: Double, lost: Double, inPost: Double)? {
        let month = YearMonth(period.end)
        if let i = rows[month], let leavers = sum(b.leaversFTE, over: period), let lost = sum(b.workingDaysLost, over: period) {
            return (leavers, lost, b.inPostFTE[i])
        }
        guard let c = census[month], YearMonth(period.start) == month.adding(months: -11) else { return nil }
        return (c.leaversFTE, c.workingDaysLost, c.inPostFTE)
    }

    /// The sum of a column over the period's months, when every month is there: summed as exact decimals (the
    /// bundle gives FTE and days to a few places), so twelve months of 4.4 make 52.8, not 52.800000000000004.
    private func sum(_ column: [Double], over period: ReportingPeriod) -> Double? {
        var m = YearMonth(period.start), total = ExactDecimal.zero
        while m <= YearMonth(period.end) {
            guard let i = rows[m], let amount = ExactDecimal(column[i]) else { return nil }
            total += amount
            m = m.adding(months: 1)
        }
        return total.double
    }
}

/// `sw_vacancy_rate`: vacancy FTE ÷ (vacancy FTE + in-post FTE).
public struct SWVacancyRate: AmountIndicator {
    public let id = IndicatorID.swVacancyRate
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let f = WorkforceMonths(data)?.at(period), let vacancies = f.vacancies else { return nil }
        return (vacancies, vacancies + f.inPost)
    }
}

/// `sw_agency_rate`: agency FTE ÷ (agency FTE + in-post FTE).
public struct SWAgencyRate: AmountIndicator {
    public let id = IndicatorID.swAgencyRate
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let f = WorkforceMonths(data)?.at(period) else { return nil }
        return (f.agency, f.agency + f.inPost)
    }
}

/// `sw_average_caseload`: cases held ÷ FTE of case-holding social workers, agency workers among them (§3.15).
public struct SWAverageCaseload: AmountIndicator {
    public let id = IndicatorID.swAverageCaseload
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let f = WorkforceMonths(data)?.at(period) else { return nil }
        return (f.cases, f.caseHolding)
    }
}

/// `sw_turnover_rate`: leavers FTE over the twelve months ÷ in-post FTE at the end.
public struct SWTurnoverRate: AmountIndicator {
    public let id = IndicatorID.swTurnoverRate
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let r = WorkforceMonths(data)?.rolling(period) else { return nil }
        return (r.leavers, r.inPost)
    }
}

/// `sw_sickness_days_per_fte`: working days lost over the twelve months ÷ in-post FTE at the end.
public struct SWSicknessDaysPerFTE: AmountIndicator {
    public let id = IndicatorID.swSicknessDaysPerFTE
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let r = WorkforceMonths(data)?.rolling(period) else { return nil }
        return (r.lost, r.inPost)
    }
}

/// `sw_absence_rate`: working days lost ÷ (in-post FTE × 253 working days), §3.15's reading of DfE's 3.2%.
public struct SWAbsenceRate: AmountIndicator {
    public let id = IndicatorID.swAbsenceRate
    public let scale = 100.0
    public static let workingDaysInYear = 253.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let r = WorkforceMonths(data)?.rolling(period) else { return nil }
        return (r.lost, r.inPost * Self.workingDaysInYear)
    }
}
