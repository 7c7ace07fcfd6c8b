/// Every indicator the engine knows, in one list. Each definition lives in its own file under `Definitions/`.
public enum IndicatorCatalogue {
    public static let all: [any IndicatorDefinition] = [
        SingleAssessmentTimeliness(),
        SingleAssessmentTimelinessDfE(),
        ReReferral12m(),
        CPPRepeatEver(),
        CPPRepeatWithin2y(),
        CPPLasting2yPlus(),
        CPPOpen2yPlusSnapshot(),
        CPReviewsOnTime(),
        CPReviewConferencesOnTime(),
        ICPCWithin15wdDfE(),
        ReferralsToAssessment(),
        ReferralsNFA(),
    ]
}
