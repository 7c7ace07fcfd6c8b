import Vapor

/// One route: its method, path pattern, the need it is guarded by, and its handler. The table below is the only
/// place routes are made, so the access tests can walk every route there is.
public struct RouteSpec: Sendable {
    public var method: HTTPMethod
    /// The path pattern (`/councils/:council`), written by `SiteURL` as every link is.
    public var path: String
    public var need: Need
    /// Whether the route accepts a large upload (collected up to the configured limit).
    var upload: Bool
    var handler: @Sendable (Request) async throws -> Response

    init<T: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, _ need: Need, upload: Bool = false,
                                    _ handler: @escaping @Sendable (Request) async throws -> T) {
        self.method = method
        self.path = url.path
        self.need = need
        self.upload = upload
        self.handler = { req in try await handler(req).encodeResponse(for: req) }
    }
}

// Each id's place in a pattern.
private let c = CouncilID.pattern, t = TargetID.pattern, n = NoticeID.pattern, a = ActionID.pattern, m = MeetingNumber.pattern

public enum SiteRoutes {
    public static let all: [RouteSpec] = [
        // operations
        RouteSpec(.GET, .healthz, .anyone, OperationsController.health),
        RouteSpec(.GET, .metrics, .anyone, OperationsController.metrics),
        RouteSpec(.GET, .stylesheet, .anyone, OperationsController.stylesheet),
        RouteSpec(.GET, .printStylesheet, .anyone, OperationsController.printStylesheet),
        // signing in and out
        RouteSpec(.GET, .signIn, .anyone, SessionController.show),
        RouteSpec(.POST, .signIn, .anyone, SessionController.signIn),
        RouteSpec(.POST, .signOut, .signedIn, SessionController.signOut),
        RouteSpec(.GET, .account, .signedIn, AccountController.show),
        RouteSpec(.POST, .apiToken, .signedIn, AccountController.issueToken),
        // pages
        RouteSpec(.GET, .home, .signedIn, CouncilController.home),
        RouteSpec(.GET, .councils, .everyCouncil, CouncilController.overview),
        RouteSpec(.GET, .council(c, .dashboard), .readCouncil, CouncilController.dashboard),
        RouteSpec(.GET, .council(c, .target(t)), .readCouncil, TargetController.show),
        RouteSpec(.GET, .council(c, .notice), .readCouncil, NoticeController.current),
        RouteSpec(.GET, .council(c, .newNotice), .editCouncil, NoticeController.new),
        RouteSpec(.POST, .council(c, .newNotice), .editCouncil, upload: true, NoticeController.create),
        RouteSpec(.GET, .council(c, .noticeVersion(n)), .readCouncil, NoticeController.show),
        RouteSpec(.POST, .council(c, .noticeFields(n)), .editCouncil, NoticeController.review),
        RouteSpec(.POST, .council(c, .noticeState(n)), .editCouncil, NoticeController.setState),
        RouteSpec(.POST, .council(c, .noticeLifecycle(n)), .editCouncil, NoticeController.lifecycle),
        RouteSpec(.POST, .council(c, .targetFigures(t)), .editCouncil, TargetController.enterFigure),
        RouteSpec(.POST, .council(c, .commentary(t)), .editCouncil, TargetController.writeCommentary),
        RouteSpec(.POST, .council(c, .commentaryAnswer(t)), .assessCouncil, TargetController.answerCommentary),
        RouteSpec(.GET, .council(c, .targetRecords(t, .csv)), .readCouncil, TargetController.exportRecords),
        RouteSpec(.GET, .council(c, .targetRecords(t, .xlsx)), .readCouncil, TargetController.exportRecords),
        RouteSpec(.GET, .council(c, .uploads), .editCouncil, UploadController.show),
        RouteSpec(.POST, .council(c, .uploads), .editCouncil, upload: true, UploadController.upload),
        RouteSpec(.GET, .council(c, .upload(.pattern)), .editCouncil, UploadController.job),
        RouteSpec(.GET, .council(c, .importReport(.pattern)), .editCouncil, UploadController.importReport),
        RouteSpec(.GET, .council(c, .dataQuality), .readCouncil, DataQualityController.show),
        // the board's work
        RouteSpec(.GET, .notifications, .signedIn, NotificationController.list),
        RouteSpec(.GET, .council(c, .plan), .readCouncil, PlanController.list),
        RouteSpec(.POST, .council(c, .plan), .editCouncil, PlanController.create),
        RouteSpec(.POST, .council(c, .planImport), .editCouncil, upload: true, PlanImportController.importPlan),
        RouteSpec(.GET, .council(c, .planExport), .readCouncil, PlanImportController.exportPlan),
        RouteSpec(.GET, .council(c, .action(a)), .readCouncil, PlanController.show),
        RouteSpec(.POST, .council(c, .actionStatus(a)), .editCouncil, PlanController.setStatus),
        RouteSpec(.POST, .council(c, .actionEvidence(a)), .editCouncil, upload: true, PlanController.addEvidence),
        RouteSpec(.POST, .council(c, .actionTimescale(a)), .proposeChange, PlanController.requestTimescale),
        RouteSpec(.GET, .council(c, .evidence(.pattern)), .readCouncil, PlanController.downloadEvidence),
        RouteSpec(.GET, .council(c, .meetings), .readCouncil, MeetingController.list),
        RouteSpec(.GET, .council(c, .meeting(m)), .readCouncil, MeetingController.show),
        RouteSpec(.POST, .council(c, .attendees(m)), .runMeeting, MeetingController.addAttendee),
        RouteSpec(.POST, .council(c, .decisions(m)), .runMeeting, MeetingController.addDecision),
        RouteSpec(.POST, .council(c, .minutes(m)), .runMeeting, MeetingController.saveMinutes),
        RouteSpec(.POST, .council(c, .questions(m)), .assessCouncil, MeetingController.addQuestion),
        RouteSpec(.POST, .council(c, .request(m, .pattern)), .runMeeting, MeetingController.decideRequest),
        RouteSpec(.GET, .council(c, .pack(m)), .readCouncil, MeetingController.pack),
        RouteSpec(.GET, .council(c, .packFile(m, .pattern)), .readCouncil, MeetingController.export),
        RouteSpec(.GET, .council(c, .audits), .readCouncil, AuditController.show),
        RouteSpec(.POST, .council(c, .audits), .editCouncil, AuditController.record),
        RouteSpec(.POST, .council(c, .auditProgramme), .editCouncil, AuditController.setProgramme),
        RouteSpec(.GET, .council(c, .reviews), .readCouncil, ReviewController.list),
        RouteSpec(.POST, .council(c, .reviews), .editCouncil, ReviewController.create),
        RouteSpec(.POST, .council(c, .assessments), .assessCouncil, ReviewController.create),
        RouteSpec(.GET, .council(c, .review(.pattern)), .readCouncil, ReviewController.show),
        RouteSpec(.POST, .council(c, .review(.pattern)), .editCouncil, ReviewController.save),
        RouteSpec(.POST, .council(c, .reviewOutcome(.pattern)), .intervene, ReviewController.recordOutcome),
        RouteSpec(.POST, .council(c, .assessment(.pattern)), .assessCouncil, ReviewController.save),
        RouteSpec(.GET, .council(c, .incidents), .readCouncil, IncidentController.list),
        RouteSpec(.POST, .council(c, .incidents), .editCouncil, IncidentController.record),
        RouteSpec(.GET, .council(c, .advice), .readCouncil, AdviceController.list),
        RouteSpec(.POST, .council(c, .advice), .advise, AdviceController.write),
        RouteSpec(.GET, .council(c, .visits), .readCouncil, VisitController.list),
        RouteSpec(.POST, .council(c, .visits), .editCouncil, upload: true, VisitController.record),
        RouteSpec(.GET, .council(c, .visit(.pattern)), .readCouncil, VisitController.show),
        RouteSpec(.GET, .council(c, .visitLetter(.pattern)), .readCouncil, VisitController.letter),
        RouteSpec(.POST, .council(c, .visitPlan(.pattern)), .editCouncil, VisitController.addToPlan),
        RouteSpec(.GET, .council(c, .boardTargets), .readCouncil, BoardTargetController.list),
        RouteSpec(.POST, .council(c, .boardTargets), .editCouncil, BoardTargetController.propose),
        RouteSpec(.POST, .council(c, .boardTargetDecision(m, .pattern)), .runMeeting, BoardTargetController.decide),
        // published statistics
        RouteSpec(.GET, .council(c, .compare), .readCouncil, CompareController.show),
        RouteSpec(.GET, .england, .everyCouncil, EnglandController.show),
        RouteSpec(.GET, .published, .administer, PublishedController.show),
        RouteSpec(.POST, .published, .administer, upload: true, PublishedController.upload),
        // the API
        RouteSpec(.GET, .api(.openAPI), .anyone, OpenAPI.serve),
        RouteSpec(.GET, .api(.councils), .signedIn, APIController.councils),
        RouteSpec(.GET, .api(.council(c, .summary)), .readCouncil, APIController.council),
        RouteSpec(.GET, .api(.council(c, .notice)), .readCouncil, APIController.notice),
        RouteSpec(.GET, .api(.council(c, .targets)), .readCouncil, APIController.targets),
        RouteSpec(.GET, .api(.council(c, .target(t))), .readCouncil, APIController.target),
        RouteSpec(.GET, .api(.council(c, .status)), .readCouncil, APIController.status),
        RouteSpec(.GET, .api(.council(c, .indicator(.pattern))), .readCouncil, APIController.series),
        RouteSpec(.GET, .api(.council(c, .records(.pattern))), .readCouncil, APIController.records),
        RouteSpec(.GET, .api(.council(c, .plan)), .readCouncil, BoardAPI.plan),
        RouteSpec(.GET, .api(.council(c, .meetings)), .readCouncil, BoardAPI.meetings),
        RouteSpec(.GET, .api(.council(c, .audits)), .readCouncil, BoardAPI.audits),
        RouteSpec(.GET, .api(.council(c, .incidents)), .readCouncil, BoardAPI.incidents),
        RouteSpec(.GET, .api(.council(c, .boardTargets)), .readCouncil, InterventionAPI.boardTargets),
        RouteSpec(.GET, .api(.council(c, .commentary)), .readCouncil, InterventionAPI.commentary),
        RouteSpec(.GET, .api(.council(c, .visits)), .readCouncil, InterventionAPI.visits),
        RouteSpec(.GET, .api(.council(c, .reviews)), .readCouncil, InterventionAPI.reviews),
        RouteSpec(.GET, .api(.council(c, .benchmarks(.pattern))), .readCouncil, CompareController.api),
    ]
}

func routes(_ app: Application, maxUpload: Int) {
    for spec in SiteRoutes.all {
        let guarded = Guarded(need: spec.need, handler: spec.handler)
        let body: HTTPBodyStreamStrategy = spec.upload ? .collect(maxSize: ByteCount(value: maxUpload)) : .collect
        app.on(spec.method, spec.path.pathComponents, body: body) { req in try await guarded.respond(to: req) }
    }
}
