import Domain

/// Where DfE publishes a figure that means what one of the product's indicators means, and what still differs. The
/// table is found by what it holds (the measure column and the breakdown values), never by its file's name, so next
/// year's file ("..._2014_to_2026.csv") is found the same way.
public struct PublishedMeasure: Sendable, Hashable {
    public var indicator: IndicatorID
    /// The measure column.
    public var column: String
    /// Breakdown column → the value the row must have.
    public var filters: [String: String]
    /// When the published year ends.
    public var yearEnds: YearEnd
    /// What DfE's figure is, in a sentence.
    public var published: String
    /// What differs from the product's own figure for the indicator, said beside the figure.
    public var differs: String

    public enum YearEnd: String, Sendable, Hashable {
        /// The year to 31 March (children in need, child protection, looked after, care leavers).
        case march31
        /// The workforce census at 30 September.
        case september30
    }

    /// The published year that covers a date: the year to 31 March that holds it, or the census year (to 30
    /// September) that holds it.
    public func year(covering date: CalendarDate) -> Int {
        switch yearEnds {
        case .march31: return date.month <= 3 ? date.year : date.year + 1
        case .september30: return date.month <= 9 ? date.year : date.year + 1
        }
    }

    /// "2024-25" for a year to 31 March; "30 September 2025" for the census.
    public func yearLabel(_ year: Int) -> String {
        switch yearEnds {
        case .march31:
            let short = year % 100
            return "\(year - 1)-\(short < 10 ? "0" : "")\(short)"
        case .september30: return "30 September \(year)"
        }
    }
}

extension PublishedMeasure {
    private static let yearNotMonth = "DfE's figure is for the whole year to 31 March; this service's is for a month, the year to date or 12 rolling months."
    private static let workforce = "DfE's figure is full-time equivalent (FTE), at 30 September each year, from the workforce census; this service's comes from the council's own HR snapshot each month, by the same formula."

    /// Every published measure whose definition matches an indicator's. A measure not listed has no published
    /// counterpart the product trusts: `cpp_lasting_2y_plus` (plans that ended after two years) is not table D5
    /// (plans open at 31 March for two years), and DfE's timeliness tables count from a different start.
    public static let all: [PublishedMeasure] = [
        .init(indicator: .reReferral12m, column: "rereferral_percent", filters: [:], yearEnds: .march31,
              published: "Referrals in the year within 12 months of a previous referral, as a percentage of all referrals in the year (table C1).",
              differs: yearNotMonth + " Both count referrals, not children."),
        .init(indicator: .cppRepeatEver, column: "CPP_subsequent_percent", filters: [:], yearEnds: .march31,
              published: "Child protection plans started in the year that were a second or subsequent plan, as a percentage of plans started (table D3).",
              differs: yearNotMonth + " DfE counts children (a child starting two plans in the year counts once); this service counts plan starts, and gives DfE's count as 'children starting a second or later plan'."),
        .init(indicator: .cppRepeatEverChildren, column: "CPP_subsequent_percent", filters: [:], yearEnds: .march31,
              published: "Children starting a child protection plan in the year for a second or subsequent time, as a percentage of those starting one (table D3).",
              differs: yearNotMonth),
        .init(indicator: .cppOpen2yPlusSnapshot, column: "2_years_or_more_percent", filters: [:], yearEnds: .march31,
              published: "Child protection plans open at 31 March that had lasted two years or more, as a percentage of plans open then (table D5).",
              differs: "DfE's figure is the position on 31 March; this service's is the position at the end of each month."),
        .init(indicator: .placementStabilityShortTerm, column: "children_percent",
              filters: ["cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year"], yearEnds: .march31,
              published: "Children looked after at 31 March who had three or more placements during the year, as a percentage of all looked after then.",
              differs: "DfE's figure is at 31 March and rounded to a whole number; this service's is at the end of each month, to one decimal place."),
        .init(indicator: .placementStabilityLongTerm, column: "children_percent",
              filters: ["cla_group": "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
                        "placement_stability": "Living with the same carer for at least 2 years"], yearEnds: .march31,
              published: "Children under 16 looked after for at least two and a half years at 31 March who had lived with the same carer for at least two years, as a percentage of them.",
              differs: "DfE's figure is at 31 March and rounded to a whole number; this service's is at the end of each month, to one decimal place."),
        .init(indicator: .swVacancyRate, column: "vacancy_rate_fte", filters: [:], yearEnds: .september30,
              published: "Vacant social worker posts as a percentage of vacancies plus social workers in post (FTE).", differs: workforce),
        .init(indicator: .swTurnoverRate, column: "turnover_rate_fte", filters: [:], yearEnds: .september30,
              published: "Social workers who left in the year to 30 September as a percentage of those in post then (FTE).", differs: workforce),
        .init(indicator: .swAgencyRate, column: "agency_rate_fte", filters: [:], yearEnds: .september30,
              published: "Agency social workers as a percentage of agency plus social workers in post (FTE).", differs: workforce),
        .init(indicator: .swAverageCaseload, column: "caseload_fte", filters: [:], yearEnds: .september30,
              published: "Cases held by case-holding social workers divided by their FTE.", differs: workforce),
        .init(indicator: .swAbsenceRate, column: "absence_rate_fte", filters: [:], yearEnds: .september30,
              published: "Working days lost to sickness as a percentage of the working days of social workers in post (FTE).",
              differs: workforce + " DfE does not say how many working days it counts in a year; this service counts 253."),
        .init(indicator: .claRatePer10k, column: "rate_per_10000", filters: ["population_type": "Children looked after on 31 March each year"], yearEnds: .march31,
              published: "Children looked after at 31 March per 10,000 children aged 0 to 17 (ONS mid-year estimate).",
              differs: "DfE's figure is at 31 March, rounded to a whole number; this service's is at the end of each month, from the same ONS estimates."),
        .init(indicator: .careLeavers1718EET, column: "care_leaver_percent",
              filters: ["care_leaver_age": "17 to 18 years", "breakdown": "Total in education, employment or training"], yearEnds: .march31,
              published: "Care leavers whose 17th or 18th birthday fell in the year who were in education, employment or training, as a percentage of them.",
              differs: yearNotMonth + " DfE rounds to a whole number."),
        .init(indicator: .careLeavers1921EET, column: "care_leaver_percent",
              filters: ["care_leaver_age": "19 to 21 years", "breakdown": "Total in education, employment or training"], yearEnds: .march31,
              published: "Care leavers whose 19th to 21st birthday fell in the year who were in education, employment or training, as a percentage of them.",
              differs: yearNotMonth + " DfE rounds to a whole number."),
        .init(indicator: .careLeavers1718SuitableAccommodation, column: "care_leaver_percent",
              filters: ["care_leaver_age": "17 to 18 years", "breakdown": "Accommodation considered suitable"], yearEnds: .march31,
              published: "Care leavers whose 17th or 18th birthday fell in the year who were in accommodation considered suitable, as a percentage of them.",
              differs: yearNotMonth + " DfE rounds to a whole number."),
        .init(indicator: .careLeavers1921SuitableAccommodation, column: "care_leaver_percent",
              filters: ["care_leaver_age": "19 to 21 years", "breakdown": "Accommodation considered suitable"], yearEnds: .march31,
              published: "Care leavers whose 19th to 21st birthday fell in the year who were in accommodation considered suitable, as a percentage of them.",
              differs: yearNotMonth + " DfE rounds to a whole number."),
    ]

    public static func forIndicator(_ id: IndicatorID) -> PublishedMeasure? { all.first { $0.indicator == id } }

    /// One of each published figure, for a page: where two indicators share one (plan starts and children starting a
    /// second plan are both table D3's percentage), the first listed stands for both.
    public static let distinct: [PublishedMeasure] = all.reduce(into: []) { kept, measure in
        if !kept.contains(where: { $0.column == measure.column && $0.filters == measure.filters }) { kept.append(measure) }
    }
}
