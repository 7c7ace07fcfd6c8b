import CaseRecords
import Domain

/// §3.15 workforce rates from the bundle's monthly figures, with DfE's census formulas: vacancy, agency and caseload at
/// the month's end (snapshot); turnover, sickness days per FTE and absence over the twelve months to it (rolling),
/// divided by the in-post FTE at the end, as DfE does.
struct WorkforceMonths {
    let rows: [YearMonth: Int]
    let b: BundleTables

    init?(_ data: CaseData) {
        guard let b = data.bundle, !b.workforceMonth.isEmpty else { return nil }
        var rows: [YearMonth: Int] = [:]
        for (i, m) in b.workforceMonth.enumerated() { rows[m] = i }
        self.rows = rows
        self.b = b
    }

    func at(_ period: ReportingPeriod) -> Int? { rows[YearMonth(period.end)] }

    /// The sum of a column over the period's months, when every month is there.
    func sum(_ column: [Double], over period: ReportingPeriod) -> Double? {
        var m = YearMonth(period.start), total = 0.0
        while m <= YearMonth(period.end) {
            guard let i = rows[m] else { return nil }
            total += column[i]
            m = m.adding(months: 1)
        }
        return total
    }
}

/// `sw_vacancy_rate`: vacancy FTE ÷ (vacancy FTE + in-post FTE).
public struct SWVacancyRate: AmountIndicator {
    public let id = "sw_vacancy_rate"
    public let bases: [Basis] = [.snapshot]
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period) else { return nil }
        return (w.b.vacanciesFTE[i], w.b.vacanciesFTE[i] + w.b.inPostFTE[i])
    }
}

/// `sw_agency_rate`: agency FTE ÷ (agency FTE + in-post FTE).
public struct SWAgencyRate: AmountIndicator {
    public let id = "sw_agency_rate"
    public let bases: [Basis] = [.snapshot]
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period) else { return nil }
        return (w.b.agencyFTE[i], w.b.agencyFTE[i] + w.b.inPostFTE[i])
    }
}

/// `sw_average_caseload`: cases held ÷ FTE of case-holding social workers.
public struct SWAverageCaseload: AmountIndicator {
    public let id = "sw_average_caseload"
    public let bases: [Basis] = [.snapshot]
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period) else { return nil }
        return (w.b.cases[i], w.b.caseHoldingFTE[i])
    }
}

/// `sw_turnover_rate`: leavers FTE over the twelve months ÷ in-post FTE at the end.
public struct SWTurnoverRate: AmountIndicator {
    public let id = "sw_turnover_rate"
    public let bases: [Basis] = [.rolling12Months]
    public let scale = 100.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period), let leavers = w.sum(w.b.leaversFTE, over: period) else { return nil }
        return (leavers, w.b.inPostFTE[i])
    }
}

/// `sw_sickness_days_per_fte`: working days lost over the twelve months ÷ in-post FTE at the end.
public struct SWSicknessDaysPerFTE: AmountIndicator {
    public let id = "sw_sickness_days_per_fte"
    public let bases: [Basis] = [.rolling12Months]
    public let scale = 1.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period), let lost = w.sum(w.b.workingDaysLost, over: period) else { return nil }
        return (lost, w.b.inPostFTE[i])
    }
}

/// `sw_absence_rate`: working days lost ÷ (in-post FTE × 253 working days), §3.15's reading of DfE's 3.2%.
public struct SWAbsenceRate: AmountIndicator {
    public let id = "sw_absence_rate"
    public let bases: [Basis] = [.rolling12Months]
    public let scale = 100.0
    public static let workingDaysInYear = 253.0
    public init() {}
    public func isSupported(by data: CaseData) -> Bool { WorkforceMonths(data) != nil }
    public func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)? {
        guard let w = WorkforceMonths(data), let i = w.at(period), let lost = w.sum(w.b.workingDaysLost, over: period) else { return nil }
        return (lost, w.b.inPostFTE[i] * Self.workingDaysInYear)
    }
}
