import CaseRecords
import Domain

/// One indicator, defined once (INDICATORS.md), used by the command line, the web pages, the reports and the API.
public protocol IndicatorDefinition: Sendable {
    /// The canonical id (§3.19) or a named variant ("single_assessment_timeliness_dfe"); what it is (title, unit,
    /// polarity, bases, section) is `id.info`.
    var id: IndicatorID { get }
    /// Whether the loaded data can give this indicator.
    func isSupported(by data: CaseData) -> Bool
}

/// An indicator counted over events with a qualifying date (assessments completed, referrals made, plans ended):
/// each record either meets the standard or does not, and a period's figure is the share of its records that do.
public protocol EventIndicator: IndicatorDefinition {
    func events(in data: CaseData) -> Events
}

/// An indicator counted over a cohort at a date (plans open at the month's end, and whether their reviews are up to
/// date).
public protocol SnapshotIndicator: IndicatorDefinition {
    func tally(at date: Int32, in data: CaseData) -> Tally
    /// Tallies at many dates; a definition overrides this to do its preparation once rather than per date.
    func tallies(at dates: [Int32], in data: CaseData) -> [Tally]
}

extension SnapshotIndicator {
    public func tallies(at dates: [Int32], in data: CaseData) -> [Tally] {
        dates.map { tally(at: $0, in: data) }
    }
}

/// An indicator whose units depend on the period itself, so it cannot be summed from dated events: DfE's count of
/// children (not plan starts), where a child with two starts in the period counts once.
public protocol PeriodIndicator: IndicatorDefinition {
    func tally(in period: ReportingPeriod, data: CaseData) -> Tally
    /// Tallies for many periods; a definition overrides this to do its preparation once rather than per period.
    func tallies(in periods: [ReportingPeriod], data: CaseData) -> [Tally]
}

extension PeriodIndicator {
    public func tallies(in periods: [ReportingPeriod], data: CaseData) -> [Tally] {
        periods.map { tally(in: $0, data: data) }
    }
}

/// An indicator computed from amounts rather than counted records: workforce rates from monthly figures (FTE, days,
/// cases), and counts at a date such as unallocated cases.
public protocol AmountIndicator: IndicatorDefinition {
    /// 100 for a percentage; 1 for a rate or a count given as itself.
    var scale: Double { get }
    /// The numerator and denominator for a period; nil when the data has nothing for it.
    func amounts(in period: ReportingPeriod, data: CaseData) -> (numerator: Double, denominator: Double)?
    /// The records behind the amounts, where they are counted records (open cases, not FTE): nil for amounts that
    /// have none.
    func records(in period: ReportingPeriod, data: CaseData) -> Tally?
}

extension AmountIndicator {
    public func records(in period: ReportingPeriod, data: CaseData) -> Tally? { nil }
}

/// The records an event indicator counts: qualifying day, whether each meets the standard, and which record it is.
public struct Events: Sendable {
    public var day: [Int32] = []
    public var met: [Bool] = []
    public var record: [RecordRef] = []

    public init() {}

    public mutating func add(day: Int32, met: Bool, record: RecordRef) {
        self.day.append(day)
        self.met.append(met)
        self.record.append(record)
    }

    public var count: Int { day.count }
}

/// A cohort's count at a date.
public struct Tally: Sendable {
    public var numerator: [RecordRef] = []
    public var denominator: [RecordRef] = []

    public init() {}
}

extension IndicatorDefinition {
    public func isSupported(by data: CaseData) -> Bool { data.cin != nil }

    /// The bases it is reported on (§7), from the one table of what each indicator is.
    public var bases: [Basis] { id.info.bases }
}

public let eventBases: [Basis] = [.inMonth, .cumulativeYearToDate, .rolling12Months]
