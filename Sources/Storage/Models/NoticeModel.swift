import FluentKit
import Foundation

/// A notice as stored: the text it was read from, the structured notice, and whether a person has confirmed it. Its
/// targets (with their milestones) and the reader's warnings are rows of their own (`TargetModel`, `MilestoneModel`,
/// `NoticeWarningModel`); the rest of the notice (header, measures, board, schedule, lifecycle, spans) is JSON.
public final class NoticeModel: Model, @unchecked Sendable {
    public static let schema = "notices"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // reference fields
    @Field(key: "council_id") public var councilID: UUID

    // data fields
    /// The text as read, in which every span of the notice is an offset in Unicode scalars.
    @Field(key: "source_text") public var sourceText: String
    @Field(key: "encoding") public var encoding: String
    /// Domain.Notice as JSON, without its targets (they are `targets` rows; `CouncilScope.storedNotice` puts them back).
    @Field(key: "notice_json") public var noticeJSON: String
    /// draft (read, not yet confirmed) or confirmed (every field looked at by a person).
    @Field(key: "state") public var state: String
    /// The notice date used for relative dates, when the text does not give one (ISO).
    @OptionalField(key: "notice_date") public var noticeDate: String?
    @Field(key: "created_by") public var createdBy: String

    public init() {}

    public init(id: UUID? = nil, councilID: UUID, sourceText: String, encoding: String, noticeJSON: String,
                state: String = "draft", noticeDate: String? = nil, createdBy: String) {
        self.id = id
        self.councilID = councilID
        self.sourceText = sourceText
        self.encoding = encoding
        self.noticeJSON = noticeJSON
        self.state = state
        self.noticeDate = noticeDate
        self.createdBy = createdBy
    }
}

/// A person's word on one field of a notice: confirmed as read, or corrected (with the value before and after).
public final class FieldReviewModel: Model, @unchecked Sendable {
    public static let schema = "notice_field_reviews"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "reviewed_at", on: .create) public var reviewedAt: Date?

    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "council_id") public var councilID: UUID

    /// Which field: "council.name", "targets[0].milestones[1].level", …
    @Field(key: "field") public var field: String
    /// confirmed or corrected.
    @Field(key: "verdict") public var verdict: String
    @OptionalField(key: "value_before") public var valueBefore: String?
    @OptionalField(key: "value_after") public var valueAfter: String?
    @Field(key: "reviewer") public var reviewer: String

    public init() {}

    public init(noticeID: UUID, councilID: UUID, field: String, verdict: String, valueBefore: String?, valueAfter: String?, reviewer: String) {
        self.noticeID = noticeID
        self.councilID = councilID
        self.field = field
        self.verdict = verdict
        self.valueBefore = valueBefore
        self.valueAfter = valueAfter
        self.reviewer = reviewer
    }
}

/// One of the reader's warnings about a notice, for a person to look at.
public final class NoticeWarningModel: Model, @unchecked Sendable {
    public static let schema = "notice_warnings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "council_id") public var councilID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(noticeID: UUID, councilID: UUID, position: Int, text: String) {
        self.noticeID = noticeID
        self.councilID = councilID
        self.position = position
        self.text = text
    }
}
