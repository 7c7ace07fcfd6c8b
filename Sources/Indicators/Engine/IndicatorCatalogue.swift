/// Every indicator the engine knows, in one list. Each definition lives in its own file under `Definitions/`.
public enum IndicatorCatalogue {
    public static let all: [any IndicatorDefinition] = [
        SingleAssessmentTimeliness(),
        SingleAssessmentTimelinessDfE(),
        SingleAssessmentOverdueOpen(),
        ReReferral12m(),
        CPPRepeatEver(),
        CPPRepeatWithin2y(),
        CPPRepeatEverChildren(),
        CPPLasting2yPlus(),
        CPPOpen2yPlusSnapshot(),
        CPReviewsOnTime(),
        CPReviewConferencesOnTime(),
        ICPCWithin15wdDfE(),
        ReferralsToAssessment(),
        ReferralsNFA(),
        // From the SSDA903 return (children looked after).
        LACReviewsOnTime(),
        PlacementStabilityShortTerm(),
        PlacementStabilityLongTerm(),
        // From the CSV bundle (the council's own records).
        InitialAssessmentTimeliness(),
        CoreAssessmentTimeliness(),
        ReferralsToInitialAssessment(),
        IAOutcomeNFARate(),
        CaseAuditAdequateOrBetter(),
        CaseAuditGoodOrBetter(),
        SupervisionRecordsAdequateOrBetter(),
        ReferrerInformedOfOutcome(),
        SWVacancyRate(),
        SWAgencyRate(),
        SWAverageCaseload(),
        SWTurnoverRate(),
        SWSicknessDaysPerFTE(),
        SWAbsenceRate(),
        // From the census and the bundle together.
        CPVisitsInTimescale(),
        UnallocatedCases(),
        CasesAllocatedToQualifiedSW(),
    ]
}
