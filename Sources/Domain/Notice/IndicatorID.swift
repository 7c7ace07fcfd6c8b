/// The canonical indicator ids of INDICATORS.md §3.19. Every part of the product names indicators by these.
public enum IndicatorID: String, Hashable, Codable, Sendable, CaseIterable {
    case initialAssessmentTimeliness = "initial_assessment_timeliness"
    case coreAssessmentTimeliness = "core_assessment_timeliness"
    case singleAssessmentTimeliness = "single_assessment_timeliness"
    case referralsToInitialAssessment = "referrals_to_initial_assessment"
    case iaOutcomeNFARate = "ia_outcome_nfa_rate"
    case reReferral12m = "re_referral_12m"
    case cppRepeatEver = "cpp_repeat_ever"
    case cppLasting2yPlus = "cpp_lasting_2y_plus"
    case cpReviewsOnTime = "cp_reviews_on_time"
    case icpcWithin15wd = "icpc_within_15wd"
    case cpVisitsInTimescale = "cp_visits_in_timescale"
    case lacReviewsOnTime = "lac_reviews_on_time"
    case lacHealthAssessmentTimeliness = "lac_health_assessment_timeliness"
    case careLeaversPathwayPlan = "care_leavers_pathway_plan"
    case placementStabilityShortTerm = "placement_stability_short_term"
    case placementStabilityLongTerm = "placement_stability_long_term"
    case swVacancyRate = "sw_vacancy_rate"
    case swTurnoverRate = "sw_turnover_rate"
    case swAgencyRate = "sw_agency_rate"
    case swAverageCaseload = "sw_average_caseload"
    case swSicknessDaysPerFTE = "sw_sickness_days_per_fte"
    case swAbsenceRate = "sw_absence_rate"
    case unallocatedCases = "unallocated_cases"
    case casesAllocatedToQualifiedSW = "cases_allocated_to_qualified_sw"
    case caseAuditAdequateOrBetter = "case_audit_adequate_or_better"
    case caseAuditGoodOrBetter = "case_audit_good_or_better"
    case supervisionRecordsAdequateOrBetter = "supervision_records_adequate_or_better"
    case referrerInformedOfOutcome = "referrer_informed_of_outcome"
    /// A target that matches no canonical indicator; it keeps its wording and takes figures entered by hand.
    case other

    /// Which way is better, from INDICATORS.md; nil where the spec gives no polarity (NI 68).
    public var betterWhen: TargetDirection? {
        switch self {
        case .initialAssessmentTimeliness, .coreAssessmentTimeliness, .singleAssessmentTimeliness,
             .cpReviewsOnTime, .icpcWithin15wd, .cpVisitsInTimescale, .lacReviewsOnTime,
             .lacHealthAssessmentTimeliness, .careLeaversPathwayPlan, .placementStabilityLongTerm,
             .casesAllocatedToQualifiedSW, .caseAuditAdequateOrBetter, .caseAuditGoodOrBetter,
             .supervisionRecordsAdequateOrBetter, .referrerInformedOfOutcome:
            return .increase
        case .iaOutcomeNFARate, .reReferral12m, .cppRepeatEver, .cppLasting2yPlus, .placementStabilityShortTerm,
             .swVacancyRate, .swTurnoverRate, .swAgencyRate, .swAverageCaseload, .swSicknessDaysPerFTE,
             .swAbsenceRate, .unallocatedCases:
            return .decrease
        case .referralsToInitialAssessment, .other:
            return nil
        }
    }

    /// The unit the indicator is normally reported in.
    public var naturalUnit: TargetUnit {
        switch self {
        case .swSicknessDaysPerFTE: return .daysPerFTE
        case .swAverageCaseload: return .childrenPerWorker
        case .unallocatedCases: return .count
        default: return .percent
        }
    }
}
