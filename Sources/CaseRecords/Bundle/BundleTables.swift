import Domain

/// The project's CSV bundle: what a council's own case-management system holds and no national return carries
/// (pre-2014 initial and core assessments, visits, allocations, monthly workforce figures, case-file audits,
/// feedback to referrers). One CSV per table, a header row, ISO dates; `docs/csv-bundle.md` documents every column.
public struct BundleTables: Sendable, Equatable {
    // initial_assessments.csv
    public var iaChild: [String] = []
    public var iaReferral: [Int32] = []
    /// The referral the assessment followed (`referral_id`), empty where the file does not say.
    public var iaReferralID: [String] = []
    public var iaStart: [Int32] = []
    public var iaCompleted: [Int32] = []
    public var iaOutcome: [String] = []

    // core_assessments.csv
    public var coreChild: [String] = []
    public var coreStart: [Int32] = []
    public var coreCompleted: [Int32] = []

    // referrals.csv
    public var referralChild: [String] = []
    public var referralID: [String] = []
    public var referralDate: [Int32] = []
    public var referralSource: [String] = []

    // visits.csv
    public var visitChild: [String] = []
    public var visitDate: [Int32] = []
    public var visitSeen: [Bool] = []
    public var visitSeenAlone: [Bool] = []

    // allocations.csv
    public var allocationChild: [String] = []
    public var allocationWorker: [String] = []
    public var allocationFrom: [Int32] = []
    public var allocationTo: [Int32] = []
    public var allocationQualified: [Bool] = []

    // workforce_monthly.csv
    public var workforceMonth: [YearMonth] = []
    public var inPostFTE: [Double] = []
    public var vacanciesFTE: [Double] = []
    public var agencyFTE: [Double] = []
    public var leaversFTE: [Double] = []
    public var workingDaysLost: [Double] = []
    public var cases: [Double] = []
    public var caseHoldingFTE: [Double] = []

    // case_audits.csv
    public var auditCase: [String] = []
    public var auditDate: [Int32] = []
    public var auditAuditor: [String] = []
    /// The grade that counts: the moderated grade where there is one.
    public var auditGrade: [AuditGrade?] = []
    public var auditOversightGrade: [AuditGrade?] = []
    public var auditChildVoice: [Bool?] = []
    /// The date that places the audit: the moderation date where moderated.
    public var auditCounted: [Int32] = []

    // referrer_feedback.csv
    public var feedbackReferral: [String] = []
    public var feedbackDecision: [Int32] = []
    public var feedbackInformed: [Int32] = []
    public var feedbackReferrerType: [String] = []

    // health_assessments.csv (children looked after; ids as in the SSDA903 return)
    public var healthChild: [String] = []
    public var healthDate: [Int32] = []
    /// True for the initial health assessment on entering care, false for a review health assessment.
    public var healthInitial: [Bool] = []

    // care_leavers.csv
    public var leaverChild: [String] = []
    public var leaverFrom: [Int32] = []
    public var leaverTo: [Int32] = []

    // pathway_plan_reviews.csv
    public var pathwayChild: [String] = []
    public var pathwayReview: [Int32] = []

    public init() {}

    public var isEmpty: Bool { self == BundleTables() }

    /// Appends another bundle's rows (files of one table from several extracts).
    public mutating func append(_ o: BundleTables) {
        iaChild += o.iaChild; iaReferralID += o.iaReferralID; iaReferral += o.iaReferral; iaStart += o.iaStart; iaCompleted += o.iaCompleted; iaOutcome += o.iaOutcome
        coreChild += o.coreChild; coreStart += o.coreStart; coreCompleted += o.coreCompleted
        referralChild += o.referralChild; referralID += o.referralID; referralDate += o.referralDate; referralSource += o.referralSource
        visitChild += o.visitChild; visitDate += o.visitDate; visitSeen += o.visitSeen; visitSeenAlone += o.visitSeenAlone
        allocationChild += o.allocationChild; allocationWorker += o.allocationWorker; allocationFrom += o.allocationFrom
        allocationTo += o.allocationTo; allocationQualified += o.allocationQualified
        workforceMonth += o.workforceMonth; inPostFTE += o.inPostFTE; vacanciesFTE += o.vacanciesFTE; agencyFTE += o.agencyFTE
        leaversFTE += o.leaversFTE; workingDaysLost += o.workingDaysLost; cases += o.cases; caseHoldingFTE += o.caseHoldingFTE
        auditCase += o.auditCase; auditDate += o.auditDate; auditAuditor += o.auditAuditor; auditGrade += o.auditGrade
        auditOversightGrade += o.auditOversightGrade; auditChildVoice += o.auditChildVoice; auditCounted += o.auditCounted
        feedbackReferral += o.feedbackReferral; feedbackDecision += o.feedbackDecision; feedbackInformed += o.feedbackInformed
        feedbackReferrerType += o.feedbackReferrerType
        healthChild += o.healthChild; healthDate += o.healthDate; healthInitial += o.healthInitial
        leaverChild += o.leaverChild; leaverFrom += o.leaverFrom; leaverTo += o.leaverTo
        pathwayChild += o.pathwayChild; pathwayReview += o.pathwayReview
    }
}

