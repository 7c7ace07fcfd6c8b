import Domain

/// A missing date in a date column.
public let noDate: Int32 = .min

/// The Children in Need census as column tables: one array per field, one index per record.
///
/// Dates are day numbers (days since 1970-01-01, `noDate` when absent) so the indicator engine compares integers.
/// Each nested record points to its parent by index (`assessmentEpisode[a]` is the episode of assessment `a`).
/// Child identifiers stay here and go no further than a drill-down a user is entitled to see.
public struct CINTables: Sendable, Equatable {
    // Children
    public var childID: [String] = []
    public var upn: [String] = []
    public var birthDate: [Int32] = []
    /// The child's sex as the census from 2024-25 codes it (`M`, `F`, `U`); a `GenderCurrent` of an earlier year
    /// (`1`, `2`, `0`, `9`) is read into the same coding, so files of every year agree. Empty when not given.
    public var gender: [String] = []
    public var ethnicity: [String] = []
    public var disabilities: [String] = []

    // Referrals (CINdetails episodes)
    public var episodeChild: [Int32] = []
    public var referralDate: [Int32] = []
    public var referralSource: [String] = []
    public var primaryNeed: [String] = []
    public var closureDate: [Int32] = []
    public var closureReason: [String] = []
    /// ReferralNFA: 1 true, 0 false, -1 not given.
    public var referralNFA: [Int8] = []
    /// The episode-level DateOfInitialCPC.
    public var episodeICPCDate: [Int32] = []

    // Assessments
    public var assessmentEpisode: [Int32] = []
    public var assessmentStart: [Int32] = []
    public var assessmentInternalReview: [Int32] = []
    public var assessmentAuthorised: [Int32] = []
    public var assessmentFactors: [String] = []

    // CIN plans
    public var cinPlanEpisode: [Int32] = []
    public var cinPlanStart: [Int32] = []
    public var cinPlanEnd: [Int32] = []

    // Section 47 enquiries
    public var s47Episode: [Int32] = []
    public var s47Start: [Int32] = []
    public var s47ICPCTarget: [Int32] = []
    public var s47ICPCDate: [Int32] = []
    /// ICPCnotRequired: 1 true, 0 false, -1 not given.
    public var s47ICPCNotRequired: [Int8] = []

    // Child protection plans and their reviews
    public var planEpisode: [Int32] = []
    public var planStart: [Int32] = []
    public var planEnd: [Int32] = []
    public var planInitialCategory: [String] = []
    public var planLatestCategory: [String] = []
    /// NumberOfPreviousCPP; -1 when not given.
    public var planPreviousCPP: [Int32] = []
    public var reviewPlan: [Int32] = []
    public var reviewDate: [Int32] = []

    // Pre-proceedings and family group decision-making (the census from 2026-27, `PreProceedingsandFGDM` within a
    // CINdetails): one row per block. Dates are `noDate` when not given; the two FGDM flags and the review count are
    // -1 when not given.
    public var ppEpisode: [Int32] = []
    /// PPStartDate: the day pre-proceedings began.
    public var ppStart: [Int32] = []
    /// LBPSentDate: the letter before proceedings.
    public var ppLetterSent: [Int32] = []
    /// FGDMMeetingOffer: a family group decision-making meeting offered in that letter (1 yes, 0 no).
    public var ppFGDMOffered: [Int8] = []
    /// FGDMMeetingFac: such a meeting facilitated (1 yes, 0 no).
    public var ppFGDMFacilitated: [Int8] = []
    /// InitialPPMeetingDate: the first pre-proceedings meeting.
    public var ppFirstMeeting: [Int32] = []
    /// ReviewMeetingsCount.
    public var ppReviewMeetings: [Int32] = []
    /// StepDecisionDate: the decision to step up to proceedings or down.
    public var ppStepDecision: [Int32] = []
    /// PPOutcome: `A`, `B` or `C` as the census codes it (shown as the code; the product does not guess a meaning).
    public var ppOutcome: [String] = []
    /// CourtAppDate: the application to court.
    public var ppCourtApplication: [Int32] = []
    /// LetterInitCPDate.
    public var ppLetterInitiatingCP: [Int32] = []

    /// Whether a census of 2026-27 or later (the first with `<PreProceedingsandFGDM>`) was read. Its pre-proceedings
    /// figures then exist even with no block in it: no letters and no applications to court are figures a board reads.
    public var collectsPreProceedings = false

    public init() {}

    public var childCount: Int { childID.count }
    public var episodeCount: Int { episodeChild.count }
    public var assessmentCount: Int { assessmentEpisode.count }
    public var cinPlanCount: Int { cinPlanEpisode.count }
    public var s47Count: Int { s47Episode.count }
    public var planCount: Int { planEpisode.count }
    public var reviewCount: Int { reviewPlan.count }
    public var preProceedingsCount: Int { ppEpisode.count }

    /// Bytes held by the columns (strings counted at their inline size): the figure peak memory is judged against.
    public var columnBytes: Int {
        let int32Columns = episodeChild.count * 4 + assessmentEpisode.count * 4 + cinPlanEpisode.count * 3 + s47Episode.count * 4
            + planEpisode.count * 4 + reviewPlan.count * 2 + birthDate.count
        let int8Columns = referralNFA.count + s47ICPCNotRequired.count
        let strings = (childID.count * 5 + episodeChild.count * 3 + assessmentEpisode.count + planEpisode.count * 2) * 16
        return int32Columns * 4 + int8Columns + strings
    }

    // MARK: Record references

    public func childOfEpisode(_ e: Int) -> Int { Int(episodeChild[e]) }
    public func childOfAssessment(_ a: Int) -> Int { Int(episodeChild[Int(assessmentEpisode[a])]) }
    public func childOfPlan(_ p: Int) -> Int { Int(episodeChild[Int(planEpisode[p])]) }
    public func childOfS47(_ s: Int) -> Int { Int(episodeChild[Int(s47Episode[s])]) }
    public func childOfPreProceedings(_ p: Int) -> Int { Int(episodeChild[Int(ppEpisode[p])]) }
}

extension CalendarDate {
    /// The date as a column value.
    public var column: Int32 { Int32(dayNumber) }

    public init?(column: Int32) {
        guard column != noDate else { return nil }
        self.init(dayNumber: Int(column))
    }
}
