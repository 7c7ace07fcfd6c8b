import Domain
import FluentKit
import Foundation

/// The board's records of one council, reached like everything else of a council's: through its scope.
extension CouncilScope {
    static func json<T: Encodable>(_ value: T) throws -> String { try StoredJSON.encode(value) }
    static func value<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// The plan, timescale requests, meetings and incidents (audits are read with the figures).
    public func boardRecords() async throws -> BoardRecords {
        var board = BoardRecords()
        board.actions = try await actions()
        board.requests = try await timescaleRequests()
        board.meetings = try await meetingRecords()
        board.incidents = try await incidents()
        board.commentaries = try await commentaries()
        board.boardTargets = try await boardTargets()
        board.visits = try await visits()
        return board
    }

    /// The meetings with their dates and what was recorded (a meeting whose record does not read is left out).
    public func meetingRecords() async throws -> [(number: Int, date: CalendarDate, record: MeetingRecord)] {
        try await meetings().compactMap { model in
            guard let date = CalendarDate(iso: model.heldOn), let record = try? Self.value(MeetingRecord.self, model.body) else { return nil }
            return (model.number, date, record)
        }
    }

    // MARK: the plan

    public func action(id: UUID) async throws -> PlanAction? {
        guard let model = try await PlanActionModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first() else { return nil }
        return try Self.value(PlanAction.self, model.body)
    }

    public func createAction(_ action: PlanAction, by actor: Actor) async throws -> UUID {
        let model = PlanActionModel(councilID: council, body: try Self.json(action), createdBy: actor.name)
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "plan.action_created", entity: "plan_action", entityID: model.id?.uuidString,
                                              after: model.body), by: actor, on: tx)
        }
        return try model.requireID()
    }

    /// A whole plan brought from a spreadsheet: every action stored, or none.
    public func createActions(_ actions: [PlanAction], by actor: Actor) async throws -> [UUID] {
        let council = self.council
        let models = try actions.map { PlanActionModel(councilID: council, body: try Self.json($0), createdBy: actor.name) }
        try await database.write { tx in
            try await bumpVersion(on: tx)
            for model in models {
                try await model.create(on: tx)
                try await AuditTrail.append(.init(council: council, action: "plan.action_imported", entity: "plan_action", entityID: model.id?.uuidString,
                                                  after: model.body), by: actor, on: tx)
            }
        }
        return try models.map { try $0.requireID() }
    }

    /// Changes an action's status, owner or text. Its due date is not changed here: only an agreed timescale request
    /// moves it (`decide`).
    public func updateAction(id: UUID, _ change: @escaping @Sendable (inout PlanAction) -> Void, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await PlanActionModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).first() else {
                throw StorageError.notFound("action")
            }
            try await bumpVersion(on: tx)
            let before = try Self.value(PlanAction.self, model.body)
            var after = before
            change(&after)
            after.due = before.due
            after.agreedDue = before.agreedDue
            model.body = try Self.json(after)
            try await model.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: "plan.action_updated", entity: "plan_action", entityID: id.uuidString,
                                              before: try Self.json(before), after: model.body), by: actor, on: tx)
        }
    }

    public func evidence(for action: UUID) async throws -> [ActionEvidenceModel] {
        try await ActionEvidenceModel.query(on: database).filter(\.$actionID == action).filter(\.$councilID == council).sort(\.$addedAt).all()
    }

    public func evidence(id: UUID) async throws -> ActionEvidenceModel? {
        try await ActionEvidenceModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first()
    }

    public func addEvidence(to action: UUID, name: String, link: String?, content: Data?, by actor: Actor) async throws {
        guard try await self.action(id: action) != nil else { throw StorageError.notFound("action") }
        let model = ActionEvidenceModel(actionID: action, councilID: council, name: name, link: link, content: content, addedBy: actor.name)
        try await database.write { tx in
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "plan.evidence_added", entity: "plan_action", entityID: action.uuidString,
                                              after: "\(name)\(link.map { " (\($0))" } ?? "")\(content.map { ", \($0.count) bytes" } ?? "")"), by: actor, on: tx)
        }
    }

    public func timescaleRequests() async throws -> [(id: UUID, action: UUID, request: TimescaleRequest)] {
        try await TimescaleRequestModel.query(on: database).filter(\.$councilID == council).sort(\.$createdAt).all().map {
            (try $0.requireID(), $0.actionID, try Self.value(TimescaleRequest.self, $0.body))
        }
    }

    public func requestTimescale(for action: UUID, _ request: TimescaleRequest, by actor: Actor) async throws -> UUID {
        guard try await self.action(id: action) != nil else { throw StorageError.notFound("action") }
        let model = TimescaleRequestModel(actionID: action, councilID: council, body: try Self.json(request))
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "plan.timescale_requested", entity: "plan_action", entityID: action.uuidString,
                                              after: model.body), by: actor, on: tx)
        }
        return try model.requireID()
    }

    /// The board's decision on a request, at a meeting; an agreed one moves the action's due date in the same
    /// transaction, a refused one leaves it.
    public func decide(request id: UUID, _ decision: TimescaleRequest.Decision, atMeeting meeting: Int?, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await TimescaleRequestModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).first(),
                  let actionModel = try await PlanActionModel.query(on: tx).filter(\.$id == model.actionID).filter(\.$councilID == council).first()
            else { throw StorageError.notFound("request") }
            if let meeting, try await MeetingModel.query(on: tx).filter(\.$councilID == council).filter(\.$number == meeting).first() == nil {
                throw StorageError.invalid("there is no meeting \(meeting)")
            }
            try await bumpVersion(on: tx)
            let request = try Self.value(TimescaleRequest.self, model.body)
            let decided = try request.decided(decision, by: actor.name, atMeeting: meeting)
            model.body = try Self.json(decided)
            try await model.save(on: tx)
            if decided.decision == .agreed {
                let action = try decided.apply(to: try Self.value(PlanAction.self, actionModel.body))
                actionModel.body = try Self.json(action)
                try await actionModel.save(on: tx)
            }
            try await AuditTrail.append(.init(council: council, action: "plan.timescale_\(decision.rawValue)", entity: "plan_action",
                                              entityID: model.actionID.uuidString, before: try Self.json(request), after: model.body), by: actor, on: tx)
        }
    }

    // MARK: meetings

    public func meetings() async throws -> [MeetingModel] {
        try await MeetingModel.query(on: database).filter(\.$councilID == council).sort(\.$number).all()
    }

    public func meeting(number: Int) async throws -> MeetingModel? {
        try await MeetingModel.query(on: database).filter(\.$councilID == council).filter(\.$number == number).first()
    }

    /// Makes sure a row exists for every scheduled meeting (numbered from 1), keeping what was recorded of each.
    public func scheduleMeetings(_ dates: [CalendarDate], by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            // Read inside the transaction: requests arriving together each find what the others made.
            let existing = Set(try await MeetingModel.query(on: tx).filter(\.$councilID == council).all().map(\.number))
            let missing = dates.enumerated().filter { !existing.contains($0.offset + 1) }
            guard !missing.isEmpty else { return }
            try await bumpVersion(on: tx)
            for (offset, date) in missing {
                try await MeetingModel(councilID: council, number: offset + 1, heldOn: date.iso, body: try Self.json(MeetingRecord())).create(on: tx)
            }
            try await AuditTrail.append(.init(council: council, action: "meetings.scheduled", entity: "meeting", after: "\(missing.count) meetings"),
                                        by: actor, on: tx)
        }
    }

    public func saveMeeting(number: Int, _ change: @escaping @Sendable (inout MeetingRecord) -> Void, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await MeetingModel.query(on: tx).filter(\.$councilID == council).filter(\.$number == number).first() else {
                throw StorageError.notFound("meeting")
            }
            try await bumpVersion(on: tx)
            let before = model.body
            var record = try Self.value(MeetingRecord.self, model.body)
            change(&record)
            model.body = try Self.json(record)
            try await model.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: "meeting.recorded", entity: "meeting", entityID: String(number),
                                              before: before, after: model.body), by: actor, on: tx)
        }
    }

    // MARK: audits

    public func auditCount() async throws -> Int {
        try await CaseAuditModel.query(on: database).filter(\.$councilID == council).count()
    }

    public func recordAudit(_ audit: CaseAuditRecord, by actor: Actor) async throws {
        let model = CaseAuditModel(councilID: council, source: "recorded", body: try Self.json(audit), createdBy: actor.name)
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "audit.recorded", entity: "case_audit", entityID: model.id?.uuidString,
                                              after: "\(audit.auditedOn.iso) \(audit.grade.rawValue)"), by: actor, on: tx)
        }
    }

    public func auditProgramme() async throws -> AuditProgrammeModel? {
        try await AuditProgrammeModel.query(on: database).filter(\.$councilID == council).first()
    }

    public func setAuditProgramme(frequencyWeeks: Int, casesPerRound: Int, startsOn: CalendarDate, agreedAtMeeting: Int?, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            try await AuditProgrammeModel.query(on: tx).filter(\.$councilID == council).delete()
            try await AuditProgrammeModel(councilID: council, frequencyWeeks: frequencyWeeks, casesPerRound: casesPerRound, startsOn: startsOn.iso,
                                          agreedAtMeeting: agreedAtMeeting).create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "audit.programme_set", entity: "audit_programme",
                                              after: "every \(frequencyWeeks) weeks, \(casesPerRound) cases, from \(startsOn.iso)"), by: actor, on: tx)
        }
    }

    // MARK: reviews and reports

    public func reviews() async throws -> [ReviewReportModel] {
        try await ReviewReportModel.query(on: database).filter(\.$councilID == council).sort(\.$due).all()
    }

    public func review(id: UUID) async throws -> ReviewReportModel? {
        try await ReviewReportModel.query(on: database).filter(\.$id == id).filter(\.$councilID == council).first()
    }

    public func createReview(kind: String, title: String, due: CalendarDate?, text: String, by actor: Actor) async throws -> UUID {
        let model = ReviewReportModel(councilID: council, kind: kind, title: title, due: due?.iso, text: text, writtenBy: actor.name)
        try await database.write { tx in
            try await model.create(on: tx)
            try await AuditTrail.append(.init(council: council, action: "review.drafted", entity: "review_report", entityID: model.id?.uuidString,
                                              after: "\(kind): \(title)"), by: actor, on: tx)
        }
        return try model.requireID()
    }

    /// Saves the text of a draft; `submit` marks it submitted, after which it is not changed.
    public func saveReview(id: UUID, text: String, submit: Bool, by actor: Actor) async throws {
        let council = self.council
        try await database.write { tx in
            guard let model = try await ReviewReportModel.query(on: tx).filter(\.$id == id).filter(\.$councilID == council).first() else {
                throw StorageError.notFound("review")
            }
            guard model.status == "draft" else { throw StorageError.invalid("a submitted report is not changed") }
            let before = model.text
            model.text = text
            if submit {
                model.status = "submitted"
                model.submittedAt = Date()
            }
            try await model.save(on: tx)
            try await AuditTrail.append(.init(council: council, action: submit ? "review.submitted" : "review.saved", entity: "review_report",
                                              entityID: id.uuidString, before: before, after: text), by: actor, on: tx)
        }
    }

    // MARK: incidents

    public func incidents() async throws -> [(id: UUID, reportedBy: String, reportedAt: Date?, incident: Incident)] {
        try await IncidentModel.query(on: database).filter(\.$councilID == council).sort(\.$reportedAt, .descending).all().map {
            (try $0.requireID(), $0.reportedBy, $0.reportedAt, try Self.value(Incident.self, $0.body))
        }
    }

    /// Records an incident and, in the same transaction, a notification for every DfE official.
    public func recordIncident(_ incident: Incident, councilName: String, link: String, by actor: Actor) async throws -> UUID {
        let model = IncidentModel(councilID: council, body: try Self.json(incident), reportedBy: actor.name)
        let council = self.council
        try await database.write { tx in
            try await bumpVersion(on: tx)
            try await model.create(on: tx)
            for official in try await UserModel.query(on: tx).filter(\.$role == .dfeOfficial).all() {
                try await NotificationModel(userID: try official.requireID(), councilID: council,
                                            text: "\(councilName): \(incident.kind.label.lowercased()) on \(incident.occurredOn.inWords)", link: link).create(on: tx)
            }
            try await AuditTrail.append(.init(council: council, action: "incident.recorded", entity: "incident", entityID: model.id?.uuidString,
                                              after: "\(incident.kind.rawValue) \(incident.occurredOn.iso)"), by: actor, on: tx)
        }
        return try model.requireID()
    }
}

extension Store {
    /// A user's notifications, newest first.
    public func notifications(for user: UUID, unreadOnly: Bool = false) async throws -> [NotificationModel] {
        var query = NotificationModel.query(on: database).filter(\.$userID == user)
        if unreadOnly { query = query.filter(\.$readAt == nil) }
        return try await query.sort(\.$createdAt, .descending).limit(100).all()
    }

    public func markNotificationsRead(for user: UUID) async throws {
        try await database.write { tx in
            try await NotificationModel.query(on: tx).filter(\.$userID == user).filter(\.$readAt == nil).set(\.$readAt, to: Date()).update()
        }
    }
}
