import FluentKit
import Foundation

// The board's records. Each keeps its Domain value as JSON in `body` (so the domain decides its shape and both
// databases hold it alike), beside the columns it is looked up by.

/// An action of the Improvement Plan (Domain.PlanAction).
public final class PlanActionModel: Model, @unchecked Sendable {
    public static let schema = "plan_actions"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "body") public var body: String
    @Field(key: "created_by") public var createdBy: String

    public init() {}
    public init(councilID: UUID, body: String, createdBy: String) {
        self.councilID = councilID
        self.body = body
        self.createdBy = createdBy
    }
}

/// Evidence for an action: a link, or a file kept here.
public final class ActionEvidenceModel: Model, @unchecked Sendable {
    public static let schema = "action_evidence"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "added_at", on: .create) public var addedAt: Date?
    @Field(key: "action_id") public var actionID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "link") public var link: String?
    @OptionalField(key: "content") public var content: Data?
    @Field(key: "added_by") public var addedBy: String

    public init() {}
    public init(actionID: UUID, councilID: UUID, name: String, link: String?, content: Data?, addedBy: String) {
        self.actionID = actionID
        self.councilID = councilID
        self.name = name
        self.link = link
        self.content = content
        self.addedBy = addedBy
    }
}

/// A request to revise an action's timescale (Domain.TimescaleRequest), and the board's decision on it.
public final class TimescaleRequestModel: Model, @unchecked Sendable {
    public static let schema = "timescale_requests"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "action_id") public var actionID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "body") public var body: String

    public init() {}
    public init(actionID: UUID, councilID: UUID, body: String) {
        self.actionID = actionID
        self.councilID = councilID
        self.body = body
    }
}

/// A board meeting: its number and date from the notice's cadence, and what was recorded (MeetingRecord).
public final class MeetingModel: Model, @unchecked Sendable {
    public static let schema = "meetings"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "number") public var number: Int
    /// YYYY-MM-DD.
    @Field(key: "held_on") public var heldOn: String
    @Field(key: "body") public var body: String

    public init() {}
    public init(councilID: UUID, number: Int, heldOn: String, body: String) {
        self.councilID = councilID
        self.number = number
        self.heldOn = heldOn
        self.body = body
    }
}

/// A case-file audit (Domain.CaseAuditRecord): recorded here, or read from an uploaded case_audits table.
public final class CaseAuditModel: Model, @unchecked Sendable {
    public static let schema = "case_audits"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    /// "recorded" (in the application) or "import" (from an uploaded return, replaced by the next).
    @Field(key: "source") public var source: String
    @Field(key: "body") public var body: String
    @Field(key: "created_by") public var createdBy: String

    public init() {}
    public init(councilID: UUID, source: String, body: String, createdBy: String) {
        self.councilID = councilID
        self.source = source
        self.body = body
        self.createdBy = createdBy
    }
}

/// The audit programme the board agreed: how often, how many cases.
public final class AuditProgrammeModel: Model, @unchecked Sendable {
    public static let schema = "audit_programmes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "frequency_weeks") public var frequencyWeeks: Int
    @Field(key: "cases_per_round") public var casesPerRound: Int
    @Field(key: "starts_on") public var startsOn: String
    @OptionalField(key: "agreed_at_meeting") public var agreedAtMeeting: Int?

    public init() {}
    public init(councilID: UUID, frequencyWeeks: Int, casesPerRound: Int, startsOn: String, agreedAtMeeting: Int?) {
        self.councilID = councilID
        self.frequencyWeeks = frequencyWeeks
        self.casesPerRound = casesPerRound
        self.startsOn = startsOn
        self.agreedAtMeeting = agreedAtMeeting
    }
}

/// A review or report: the notice's reviews, the chair's assessments, the report to the minister.
public final class ReviewReportModel: Model, @unchecked Sendable {
    public static let schema = "review_reports"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    /// progress_review, final_review, chair_assessment, report_to_minister, …
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @OptionalField(key: "due") public var due: String?
    @Field(key: "text") public var text: String
    /// draft or submitted.
    @Field(key: "status") public var status: String
    @Field(key: "written_by") public var writtenBy: String
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    /// DfE's decision at a review of progress (Domain.ReviewOutcome as JSON), once made.
    @OptionalField(key: "outcome") public var outcome: String?

    public init() {}
    public init(councilID: UUID, kind: String, title: String, due: String?, text: String, writtenBy: String) {
        self.councilID = councilID
        self.kind = kind
        self.title = title
        self.due = due
        self.text = text
        self.status = "draft"
        self.writtenBy = writtenBy
    }
}

/// A serious incident (Domain.Incident).
public final class IncidentModel: Model, @unchecked Sendable {
    public static let schema = "incidents"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "reported_at", on: .create) public var reportedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "body") public var body: String
    @Field(key: "reported_by") public var reportedBy: String

    public init() {}
    public init(councilID: UUID, body: String, reportedBy: String) {
        self.councilID = councilID
        self.body = body
        self.reportedBy = reportedBy
    }
}

/// A message for one user in the application (DfE officials hear of serious incidents at once).
public final class NotificationModel: Model, @unchecked Sendable {
    public static let schema = "notifications"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "text") public var text: String
    @Field(key: "link") public var link: String
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}
    public init(userID: UUID, councilID: UUID, text: String, link: String) {
        self.userID = userID
        self.councilID = councilID
        self.text = text
        self.link = link
    }
}

/// One entry of a target's commentary for a month (Domain.CommentaryEntry): a version of the council's commentary or
/// the chair's answer. Rows are only added, so the history is the rows in order. A target is named by its indicator's
/// id (the figure the commentary explains), which stays the same when the notice is corrected and its targets stored
/// again.
public final class CommentaryModel: Model, @unchecked Sendable {
    public static let schema = "commentaries"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "written_at", on: .create) public var writtenAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "target_key") public var targetKey: String
    @Field(key: "month") public var month: String
    @Field(key: "kind") public var kind: String
    @Field(key: "body") public var body: String
    @Field(key: "written_by") public var writtenBy: String

    public init() {}
    public init(councilID: UUID, targetKey: String, month: String, kind: String, body: String, writtenBy: String) {
        self.councilID = councilID
        self.targetKey = targetKey
        self.month = month
        self.kind = kind
        self.body = body
        self.writtenBy = writtenBy
    }
}

/// A target the board sets itself (Domain.BoardTarget), one row per version: proposals, the board's decisions on
/// them, and the versions they replaced or retired.
public final class BoardTargetModel: Model, @unchecked Sendable {
    public static let schema = "board_targets"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "proposed_at", on: .create) public var proposedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "body") public var body: String

    public init() {}
    public init(councilID: UUID, body: String) {
        self.councilID = councilID
        self.body = body
    }
}

/// An Ofsted monitoring or focused visit (Domain.OfstedVisit), with its letter as the PDF Ofsted published.
public final class OfstedVisitModel: Model, @unchecked Sendable {
    public static let schema = "ofsted_visits"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "recorded_at", on: .create) public var recordedAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "body") public var body: String
    @OptionalField(key: "letter_name") public var letterName: String?
    @OptionalField(key: "letter") public var letter: Data?
    @Field(key: "recorded_by") public var recordedBy: String

    public init() {}
    public init(councilID: UUID, body: String, letterName: String?, letter: Data?, recordedBy: String) {
        self.councilID = councilID
        self.body = body
        self.letterName = letterName
        self.letter = letter
        self.recordedBy = recordedBy
    }
}

/// An improvement adviser's appointment by DfE to a council; an adviser may hold several.
public final class AdviserAppointmentModel: Model, @unchecked Sendable {
    public static let schema = "adviser_appointments"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "appointed_at", on: .create) public var appointedAt: Date?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "council_id") public var councilID: UUID

    public init() {}
    public init(userID: UUID, councilID: UUID) {
        self.userID = userID
        self.councilID = councilID
    }
}

/// An improvement adviser's note to the council and DfE: advice, or the adviser's report on a review of progress.
public final class AdviceNoteModel: Model, @unchecked Sendable {
    public static let schema = "advice_notes"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "written_at", on: .create) public var writtenAt: Date?
    @Field(key: "council_id") public var councilID: UUID
    /// advice or review_report.
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    @Field(key: "written_by") public var writtenBy: String

    public init() {}
    public init(councilID: UUID, kind: String, title: String, text: String, writtenBy: String) {
        self.councilID = councilID
        self.kind = kind
        self.title = title
        self.text = text
        self.writtenBy = writtenBy
    }
}
