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
    ]
}
