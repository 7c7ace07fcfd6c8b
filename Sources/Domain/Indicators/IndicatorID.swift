/// An indicator's name: a canonical id of INDICATORS.md §3.19 or one of its named variants and companions
/// ("single_assessment_timeliness_dfe", "referrals_to_assessment"). The only key for an indicator past the edges that
/// read or print one: series, pictures, pages, the API, the pack and the command line all hold this type, and a
/// string becomes one only through `init?(rawValue:)`, which knows every id the product computes. What each id
/// means (its title, unit, which way is better, its bases and its section of the spec) is `info`, in one table.
public struct IndicatorID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    public let rawValue: String

    /// Any id the product knows, canonical or variant, and `other`; nil for anything else.
    public init?(rawValue: String) {
        guard rawValue == "other" || Self.table[rawValue] != nil else { return nil }
        self.rawValue = rawValue
    }

    private init(_ raw: String) { rawValue = raw }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let id = IndicatorID(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(raw)' is not an indicator id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (a: IndicatorID, b: IndicatorID) -> Bool { a.rawValue < b.rawValue }

    // §3.19, the canonical ids a notice's target can name.
    public static let initialAssessmentTimeliness = IndicatorID("initial_assessment_timeliness")
    public static let coreAssessmentTimeliness = IndicatorID("core_assessment_timeliness")
    public static let singleAssessmentTimeliness = IndicatorID("single_assessment_timeliness")
    public static let referralsToInitialAssessment = IndicatorID("referrals_to_initial_assessment")
    public static let iaOutcomeNFARate = IndicatorID("ia_outcome_nfa_rate")
    public static let reReferral12m = IndicatorID("re_referral_12m")
    public static let cppRepeatEver = IndicatorID("cpp_repeat_ever")
    public static let cppLasting2yPlus = IndicatorID("cpp_lasting_2y_plus")
    public static let cpReviewsOnTime = IndicatorID("cp_reviews_on_time")
    public static let icpcWithin15wd = IndicatorID("icpc_within_15wd")
    public static let cpVisitsInTimescale = IndicatorID("cp_visits_in_timescale")
    public static let lacReviewsOnTime = IndicatorID("lac_reviews_on_time")
    public static let lacHealthAssessmentTimeliness = IndicatorID("lac_health_assessment_timeliness")
    public static let careLeaversPathwayPlan = IndicatorID("care_leavers_pathway_plan")
    public static let placementStabilityShortTerm = IndicatorID("placement_stability_short_term")
    public static let placementStabilityLongTerm = IndicatorID("placement_stability_long_term")
    public static let swVacancyRate = IndicatorID("sw_vacancy_rate")
    public static let swTurnoverRate = IndicatorID("sw_turnover_rate")
    public static let swAgencyRate = IndicatorID("sw_agency_rate")
    public static let swAverageCaseload = IndicatorID("sw_average_caseload")
    public static let swSicknessDaysPerFTE = IndicatorID("sw_sickness_days_per_fte")
    public static let swAbsenceRate = IndicatorID("sw_absence_rate")
    public static let unallocatedCases = IndicatorID("unallocated_cases")
    public static let casesAllocatedToQualifiedSW = IndicatorID("cases_allocated_to_qualified_sw")
    public static let caseAuditAdequateOrBetter = IndicatorID("case_audit_adequate_or_better")
    public static let caseAuditGoodOrBetter = IndicatorID("case_audit_good_or_better")
    public static let supervisionRecordsAdequateOrBetter = IndicatorID("supervision_records_adequate_or_better")
    public static let referrerInformedOfOutcome = IndicatorID("referrer_informed_of_outcome")

    // The project's additions (docs/indicators.md §8): the 2024-25 to 2026-27 returns and the National Framework.
    public static let ppWorkingDaysToLetter = IndicatorID("pp_working_days_to_letter")
    public static let ppWorkingDaysToFirstMeeting = IndicatorID("pp_working_days_to_first_meeting")
    public static let ppWorkingDaysToStepDecision = IndicatorID("pp_working_days_to_step_decision")
    public static let ppFGDMOffered = IndicatorID("pp_fgdm_offered")
    public static let ppFGDMFacilitated = IndicatorID("pp_fgdm_facilitated")
    public static let ppOutcomeA = IndicatorID("pp_outcome_a")
    public static let ppOutcomeB = IndicatorID("pp_outcome_b")
    public static let ppOutcomeC = IndicatorID("pp_outcome_c")
    public static let ppApplicationsToCourt = IndicatorID("pp_applications_to_court")
    public static let cinRatePer10k = IndicatorID("cin_rate_per_10k")
    public static let cppRatePer10k = IndicatorID("cpp_rate_per_10k")
    public static let claRatePer10k = IndicatorID("cla_rate_per_10k")
    public static let icpcPer100S47 = IndicatorID("icpc_per_100_s47")
    public static let factorDomesticAbusePer10k = IndicatorID("factor_domestic_abuse_per_10k")
    public static let factorNeglectPer10k = IndicatorID("factor_neglect_per_10k")
    public static let factorCSEPer10k = IndicatorID("factor_cse_per_10k")
    public static let factorCCEPer10k = IndicatorID("factor_cce_per_10k")
    public static let factorMissingPer10k = IndicatorID("factor_missing_per_10k")
    public static let factorTraffickingPer10k = IndicatorID("factor_trafficking_per_10k")
    public static let factorGangsPer10k = IndicatorID("factor_gangs_per_10k")
    public static let claThreePlusSocialWorkers = IndicatorID("cla_three_plus_social_workers")
    public static let claSocialWorkerChanges = IndicatorID("cla_social_worker_changes")
    public static let claDeprivationOfLiberty = IndicatorID("cla_deprivation_of_liberty")
    public static let careLeavers1718EET = IndicatorID("care_leavers_17_18_eet")
    public static let careLeavers1921EET = IndicatorID("care_leavers_19_21_eet")
    public static let careLeavers1718SuitableAccommodation = IndicatorID("care_leavers_17_18_suitable_accommodation")
    public static let careLeavers1921SuitableAccommodation = IndicatorID("care_leavers_19_21_suitable_accommodation")

    // Variants and companions (§3.19's last paragraph): computed and charted, never the id a notice names.
    public static let singleAssessmentTimelinessDfE = IndicatorID("single_assessment_timeliness_dfe")
    public static let singleAssessmentOverdueOpen = IndicatorID("single_assessment_overdue_open")
    public static let icpcWithin15wdDfE = IndicatorID("icpc_within_15wd_dfe")
    public static let cppRepeatWithin2y = IndicatorID("cpp_repeat_within_2y")
    public static let cppRepeatEverChildren = IndicatorID("cpp_repeat_ever_children")
    public static let cppOpen2yPlusSnapshot = IndicatorID("cpp_open_2y_plus_snapshot")
    public static let cpReviewConferencesInMonthOnTime = IndicatorID("cp_review_conferences_in_month_on_time")
    public static let referralsToAssessment = IndicatorID("referrals_to_assessment")
    public static let referralsNFA = IndicatorID("referrals_nfa")
    public static let lacInitialHealthAssessment20wd = IndicatorID("lac_initial_health_assessment_20wd")

    /// A target that matches no indicator; it keeps its wording and takes figures entered by hand.
    public static let other = IndicatorID("other")

    /// The canonical ids (§3.19) and `other`: what a notice's target can be.
    public static let allCases: [IndicatorID] = canonical + [.other]

    /// The canonical ids of §3.19, in the spec's order.
    public static let canonical: [IndicatorID] = [
        .initialAssessmentTimeliness, .coreAssessmentTimeliness, .singleAssessmentTimeliness, .referralsToInitialAssessment,
        .iaOutcomeNFARate, .reReferral12m, .cppRepeatEver, .cppLasting2yPlus, .cpReviewsOnTime, .icpcWithin15wd,
        .cpVisitsInTimescale, .lacReviewsOnTime, .lacHealthAssessmentTimeliness, .careLeaversPathwayPlan,
        .placementStabilityShortTerm, .placementStabilityLongTerm, .swVacancyRate, .swTurnoverRate, .swAgencyRate,
        .swAverageCaseload, .swSicknessDaysPerFTE, .swAbsenceRate, .unallocatedCases, .casesAllocatedToQualifiedSW,
        .caseAuditAdequateOrBetter, .caseAuditGoodOrBetter, .supervisionRecordsAdequateOrBetter, .referrerInformedOfOutcome,
    ] + additions

    /// The project's additions (§8), which a notice or a board may target like any canonical id.
    public static let additions: [IndicatorID] = [
        .ppWorkingDaysToLetter, .ppWorkingDaysToFirstMeeting, .ppWorkingDaysToStepDecision, .ppFGDMOffered, .ppFGDMFacilitated,
        .ppOutcomeA, .ppOutcomeB, .ppOutcomeC, .ppApplicationsToCourt, .cinRatePer10k, .cppRatePer10k, .claRatePer10k,
        .icpcPer100S47, .factorDomesticAbusePer10k, .factorNeglectPer10k, .factorCSEPer10k, .factorCCEPer10k, .factorMissingPer10k,
        .factorTraffickingPer10k, .factorGangsPer10k, .claThreePlusSocialWorkers, .claSocialWorkerChanges, .claDeprivationOfLiberty,
        .careLeavers1718EET, .careLeavers1921EET, .careLeavers1718SuitableAccommodation, .careLeavers1921SuitableAccommodation,
    ]

    /// Every id the product computes, canonical and variant.
    public static let computed: [IndicatorID] = IndicatorInfo.table.map { IndicatorID($0.id) }

    /// The workforce measures of §3.15, in the order a board reads them.
    public static let workforce: [IndicatorID] = [.swVacancyRate, .swAgencyRate, .swTurnoverRate, .swAverageCaseload, .swSicknessDaysPerFTE, .swAbsenceRate]

    static let table: [String: IndicatorInfo] = Dictionary(uniqueKeysWithValues: IndicatorInfo.table.map { ($0.id, $0.info) })

    /// What the indicator is; `other` has a title and no bases.
    public var info: IndicatorInfo { Self.table[rawValue] ?? IndicatorInfo.other }

    /// Which way is better; nil where the spec gives no polarity (NI 68) and for `other`.
    public var betterWhen: TargetDirection? { info.betterWhen }

    /// The unit the indicator is reported in.
    public var naturalUnit: TargetUnit { info.unit }

    /// Whether §3.19 lists it as canonical (a notice's target may name it).
    public var isCanonical: Bool { info.variantOf == nil && self != .other }
}
