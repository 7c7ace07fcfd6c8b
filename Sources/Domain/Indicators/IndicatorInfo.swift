/// What an indicator is, for everything that names, orders or explains it: the one table of titles, units,
/// polarities, bases and spec sections. The engine's definitions take their bases from here, and a test checks that
/// every definition has an entry and every entry a definition.
public struct IndicatorInfo: Sendable, Hashable {
    /// Plain English for a page, the pack or a chart: what a chair would call the measure.
    public var title: String
    public var unit: TargetUnit
    /// Which way is better; nil where the spec gives no polarity (NI 68).
    public var betterWhen: TargetDirection?
    /// The bases it is reported on (§7): events in month, year to date and rolling; cohorts as snapshots.
    public var bases: [Basis]
    /// Its section of INDICATORS.md.
    public var section: String
    /// For a variant or companion, the canonical indicator it goes with.
    public var variantOf: IndicatorID?

    /// What lies behind a figure: every record of the numerator and the denominator; the records counted, for a
    /// count (divided by one); or amounts (FTE, days) with no records to list.
    public enum Records: String, Sendable, Hashable { case all, counted, amounts }

    public var records: Records {
        switch unit {
        case .count, .perTenThousand, .workingDays: return .counted
        case .perHundred: return .all
        case .daysPerFTE, .childrenPerWorker: return .amounts
        case .percent: return section == "3.15" ? .amounts : .all
        }
    }

    static let events: [Basis] = [.inMonth, .cumulativeYearToDate, .rolling12Months]
    /// A yearly return's events (one OC3 row a year for each care leaver): the year to date is the usual figure.
    static let yearly: [Basis] = [.cumulativeYearToDate, .inMonth, .rolling12Months]

    static let other = IndicatorInfo(title: "A measure the notice names that no return computes", unit: .percent, betterWhen: nil,
                                     bases: [], section: "3.19", variantOf: nil)

    private static func on(_ title: String, _ unit: TargetUnit, _ better: TargetDirection?, _ bases: [Basis], _ section: String,
                           variantOf: IndicatorID? = nil) -> IndicatorInfo {
        IndicatorInfo(title: title, unit: unit, betterWhen: better, bases: bases, section: section, variantOf: variantOf)
    }

    /// A percentage.
    private static func on(_ title: String, _ better: TargetDirection?, _ bases: [Basis], _ section: String,
                           variantOf: IndicatorID? = nil) -> IndicatorInfo {
        on(title, .percent, better, bases, section, variantOf: variantOf)
    }

    /// Every computed indicator, in the order the spec gives them.
    static let table: [(id: String, info: IndicatorInfo)] = [
        ("initial_assessment_timeliness", on("Initial assessments completed on time", .increase, events, "3.1")),
        ("core_assessment_timeliness", on("Core assessments completed within 35 working days", .increase, events, "3.2")),
        ("single_assessment_timeliness", on("Assessments completed within 45 working days of referral", .increase, events, "3.3")),
        ("single_assessment_timeliness_dfe", on("Assessments completed within 45 working days of their start (DfE's count)", .increase, events, "3.3",
                                                variantOf: .singleAssessmentTimeliness)),
        ("single_assessment_overdue_open", on("Open assessments already past 45 working days", .count, .decrease, [.snapshot], "1.3",
                                              variantOf: .singleAssessmentTimeliness)),
        ("referrals_to_initial_assessment", on("Referrals going on to an initial assessment", nil, events, "3.4")),
        ("ia_outcome_nfa_rate", on("Initial assessments ending in no further action", .decrease, events, "3.4")),
        ("referrals_to_assessment", on("Referrals going on to an assessment", nil, events, "3.4", variantOf: .referralsToInitialAssessment)),
        ("referrals_nfa", on("Referrals ending in no further action", nil, events, "3.4", variantOf: .referralsToInitialAssessment)),
        ("re_referral_12m", on("Re-referrals within 12 months", .decrease, events, "3.5")),
        ("cpp_repeat_ever", on("Child protection plans that are a second or later plan", .decrease, events, "3.6")),
        ("cpp_repeat_within_2y", on("Child protection plans starting within two years of an earlier one", .decrease, events, "3.6",
                                    variantOf: .cppRepeatEver)),
        ("cpp_repeat_ever_children", on("Children starting a second or later child protection plan", .decrease, events, "3.6",
                                        variantOf: .cppRepeatEver)),
        ("cpp_lasting_2y_plus", on("Child protection plans ending after two years or more", .decrease, events, "3.7")),
        ("cpp_open_2y_plus_snapshot", on("Child protection plans open for two years or more", .decrease, [.snapshot], "3.7",
                                         variantOf: .cppLasting2yPlus)),
        ("cp_reviews_on_time", on("Children on child protection plans with reviews on time", .increase, [.snapshot], "3.8")),
        ("cp_review_conferences_in_month_on_time", on("Child protection review conferences held on time", .increase, events, "3.8",
                                                      variantOf: .cpReviewsOnTime)),
        ("icpc_within_15wd", on("Initial child protection conferences within 15 working days of the strategy discussion", .increase, events, "3.9")),
        ("icpc_within_15wd_dfe", on("Initial child protection conferences within 15 working days of the enquiry's start (DfE's count)", .increase,
                                    events, "3.9", variantOf: .icpcWithin15wd)),
        ("cp_visits_in_timescale", on("Children on child protection plans visited in time", .increase, [.snapshot, .inMonth], "3.10")),
        ("lac_reviews_on_time", on("Looked-after children reviewed on time", .increase, events, "3.11")),
        ("lac_health_assessment_timeliness", on("Looked-after children with health assessments up to date", .increase, [.snapshot], "3.12")),
        ("lac_initial_health_assessment_20wd", on("Initial health assessments within 20 working days of coming into care", .increase, events, "3.12",
                                                  variantOf: .lacHealthAssessmentTimeliness)),
        ("care_leavers_pathway_plan", on("Care leavers with a pathway plan reviewed in the last six months", .increase, [.snapshot], "3.13")),
        ("placement_stability_short_term", on("Looked-after children with three or more placements in the year", .decrease, [.snapshot], "3.14")),
        ("placement_stability_long_term", on("Looked-after children in the same placement for two years or more", .increase, [.snapshot], "3.14")),
        ("sw_vacancy_rate", on("Social worker vacancy rate", .decrease, [.snapshot], "3.15")),
        ("sw_turnover_rate", on("Social worker turnover rate", .decrease, [.rolling12Months], "3.15")),
        ("sw_agency_rate", on("Agency social workers", .decrease, [.snapshot], "3.15")),
        ("sw_average_caseload", on("Average caseload of case-holding social workers", .childrenPerWorker, .decrease, [.snapshot], "3.15")),
        ("sw_sickness_days_per_fte", on("Days lost to sickness per social worker", .daysPerFTE, .decrease, [.rolling12Months], "3.15")),
        ("sw_absence_rate", on("Social worker absence rate", .decrease, [.rolling12Months], "3.15")),
        ("unallocated_cases", on("Cases not allocated to a social worker", .count, .decrease, [.snapshot], "3.16")),
        ("cases_allocated_to_qualified_sw", on("Cases allocated to a qualified social worker", .increase, [.snapshot], "3.16")),
        ("case_audit_adequate_or_better", on("Case audits graded adequate or better", .increase, events, "3.17")),
        ("case_audit_good_or_better", on("Case audits graded good or better", .increase, events, "3.17")),
        ("supervision_records_adequate_or_better", on("Supervision records graded adequate or better", .increase, events, "3.18")),
        ("referrer_informed_of_outcome", on("Referrers told the outcome of their referral", .increase, events, "3.18")),
        // The project's additions for the 2024-25 to 2026-27 returns and the National Framework (docs/indicators.md §8).
        ("pp_working_days_to_letter", on("Working days from the start of pre-proceedings to the letter before proceedings", .workingDays, .decrease, events, "8.1")),
        ("pp_working_days_to_first_meeting", on("Working days from the start of pre-proceedings to the first meeting", .workingDays, .decrease, events, "8.1")),
        ("pp_working_days_to_step_decision", on("Working days from the start of pre-proceedings to the decision to step up or down", .workingDays, .decrease, events, "8.1")),
        ("pp_fgdm_offered", on("Letters before proceedings offering a family group decision-making meeting", .increase, events, "8.1")),
        ("pp_fgdm_facilitated", on("Letters before proceedings followed by a family group decision-making meeting", .increase, events, "8.1")),
        ("pp_outcome_a", on("Pre-proceedings decided with outcome A", nil, events, "8.1")),
        ("pp_outcome_b", on("Pre-proceedings decided with outcome B", nil, events, "8.1")),
        ("pp_outcome_c", on("Pre-proceedings decided with outcome C", nil, events, "8.1")),
        ("pp_applications_to_court", on("Applications to court after pre-proceedings", .count, nil, events, "8.1")),
        ("cin_rate_per_10k", on("Children in need per 10,000 children", .perTenThousand, nil, [.snapshot], "8.2")),
        ("cpp_rate_per_10k", on("Children on child protection plans per 10,000 children", .perTenThousand, nil, [.snapshot], "8.2")),
        ("cla_rate_per_10k", on("Children looked after per 10,000 children", .perTenThousand, nil, [.snapshot], "8.2")),
        ("icpc_per_100_s47", on("Initial child protection conferences per 100 section 47 enquiries", .perHundred, nil, events, "8.3")),
        ("factor_domestic_abuse_per_10k", on("Assessments finding domestic abuse, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_neglect_per_10k", on("Assessments finding neglect, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_cse_per_10k", on("Assessments finding child sexual exploitation, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_cce_per_10k", on("Assessments finding child criminal exploitation, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_missing_per_10k", on("Assessments finding a child going missing, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_trafficking_per_10k", on("Assessments finding trafficking, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("factor_gangs_per_10k", on("Assessments finding gang involvement, per 10,000 children", .perTenThousand, nil, events, "8.4")),
        ("cla_three_plus_social_workers", on("Looked-after children with three or more social workers in the year", .decrease, [.snapshot], "8.5")),
        ("cla_social_worker_changes", on("Changes of social worker for looked-after children", .count, .decrease, events, "8.5")),
        ("cla_deprivation_of_liberty", on("Looked-after children under a Deprivation of Liberty order", .count, nil, [.snapshot], "8.5")),
        ("care_leavers_17_18_eet", on("Care leavers aged 17 to 18 in education, employment or training", .increase, yearly, "8.6")),
        ("care_leavers_19_21_eet", on("Care leavers aged 19 to 21 in education, employment or training", .increase, yearly, "8.6")),
        ("care_leavers_17_18_suitable_accommodation", on("Care leavers aged 17 to 18 in suitable accommodation", .increase, yearly, "8.6")),
        ("care_leavers_19_21_suitable_accommodation", on("Care leavers aged 19 to 21 in suitable accommodation", .increase, yearly, "8.6")),
    ]
}
