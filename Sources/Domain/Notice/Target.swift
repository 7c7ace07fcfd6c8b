/// A numeric aim the notice sets for one indicator: where it started and the milestones it must reach.
public struct Target: Hashable, Codable, Sendable {
    /// The notice's own words for what is measured.
    public var indicator: String
    public var indicatorID: IndicatorID
    public var unit: TargetUnit
    public var direction: TargetDirection
    public var baseline: Baseline?
    public var milestones: [Milestone]
    public var source: SourceSpan?
    /// How sure the reader was of `indicatorID`, from the words; nil for a target entered or corrected by a person.
    public var match: IndicatorMatch?

    public init(
        indicator: String, indicatorID: IndicatorID, unit: TargetUnit, direction: TargetDirection,
        baseline: Baseline? = nil, milestones: [Milestone] = [], source: SourceSpan? = nil, match: IndicatorMatch? = nil
    ) {
        self.match = match
        self.indicator = indicator
        self.indicatorID = indicatorID
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.milestones = milestones
        self.source = source
    }
}

public enum TargetUnit: String, Hashable, Codable, Sendable, CaseIterable {
    case percent
    case daysPerFTE = "days_per_fte"
    case count
    case childrenPerWorker = "children_per_worker"
    /// A rate per 10,000 children aged 0 to 17 (ONS mid-year estimate).
    case perTenThousand = "per_10000"
    /// So many per 100 of something else (conferences per 100 enquiries).
    case perHundred = "per_100"
    /// An average number of working days.
    case workingDays = "working_days"
}

/// Which way the figure must move. `maintain` is "sustain" or "hold at".
public enum TargetDirection: String, Hashable, Codable, Sendable, CaseIterable {
    case increase, decrease, maintain
}

/// How a milestone's figure is computed over time (INDICATORS.md §2).
public enum Basis: String, Hashable, Codable, Sendable, CaseIterable {
    case inMonth = "in_month"
    case cumulativeYearToDate = "cumulative_ytd"
    case rolling12Months = "rolling_12_months"
    case snapshot
    case unspecified
}

/// Where the target starts from: "the provisional 2009-10 baseline of 54%", "a baseline of 66% (Sep 2010)".
public struct Baseline: Hashable, Codable, Sendable {
    public var value: Double?
    /// The period the baseline describes, in contract form: "2009-10" for a financial year, "2010-09" for a month.
    public var period: String?
    /// "provisional", "outturn", "in 10 days": qualifiers a person should see beside the figure.
    public var qualifiers: [String]
    public var source: SourceSpan?

    public init(value: Double?, period: String? = nil, qualifiers: [String] = [], source: SourceSpan? = nil) {
        self.value = value
        self.period = period
        self.qualifiers = qualifiers
        self.source = source
    }
}

/// One level a target must reach (or hold) by a date, on a basis.
public struct Milestone: Hashable, Codable, Sendable {
    /// The level; nil when the notice names an aim without a number ("sustain at 2008-09 levels").
    public var value: Double?
    public var due: Due?
    public var basis: Basis
    /// How the level is judged: reached at the due date, held every month, or held from the notice date.
    public var judged: Judged
    /// The period whose figure is the level, for "sustain at 2008-09 levels".
    public var referencePeriod: String?
    /// The milestone's own words.
    public var words: String
    public var source: SourceSpan?

    public init(
        value: Double?, due: Due?, basis: Basis, judged: Judged = .byDueDate, referencePeriod: String? = nil,
        words: String, source: SourceSpan? = nil
    ) {
        self.value = value
        self.due = due
        self.basis = basis
        self.judged = judged
        self.referencePeriod = referencePeriod
        self.words = words
        self.source = source
    }

    public enum Judged: String, Hashable, Codable, Sendable, CaseIterable {
        /// The level must be reached by the due date (the usual reading).
        case byDueDate = "by_due_date"
        /// The level must hold in every reporting month up to the due date: one breach is a miss.
        case everyMonth = "every_month"
    }
}

extension Target {
    /// The name a measure counted by hand goes by, for a target on no indicator the product computes: its figures are
    /// entered under this name, so two such targets (a notice's "other" and the board's own) never share figures.
    /// Letters are folded to lower case and runs of spaces to one, so "Audits  completed" and "audits completed" agree.
    public var handMeasure: String? {
        guard indicatorID == .other else { return nil }
        let words = indicator.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? nil : words
    }

    /// What the council's commentary on the target's figures is kept under: the indicator the figure is of, or for a
    /// measure counted by hand its name, so that commentary on one such measure is never shown on another.
    public var commentaryKey: String {
        handMeasure.map { IndicatorID.other.rawValue + ":" + $0 } ?? indicatorID.rawValue
    }
}
