import Vapor

/// One route: its method, path pattern, the need it is guarded by, and its handler. The table below is the only
/// place routes are made, so the access tests can walk every route there is.
public struct RouteSpec: Sendable {
    public var method: HTTPMethod
    public var path: String
    public var need: Need
    /// Whether the route accepts a large upload (collected up to the configured limit).
    var upload: Bool
    var handler: @Sendable (Request) async throws -> Response

    init<T: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: String, _ need: Need, upload: Bool = false,
                                    _ handler: @escaping @Sendable (Request) async throws -> T) {
        self.method = method
        self.path = path
        self.need = need
        self.upload = upload
        self.handler = { req in try await handler(req).encodeResponse(for: req) }
    }
}

public enum SiteRoutes {
    public static let all: [RouteSpec] = [
        // operations
        RouteSpec(.GET, "/healthz", .anyone, OperationsController.health),
        RouteSpec(.GET, "/metrics", .anyone, OperationsController.metrics),
        RouteSpec(.GET, "/assets/site.css", .anyone, OperationsController.stylesheet),
        RouteSpec(.GET, "/assets/print.css", .anyone, OperationsController.printStylesheet),
        // signing in and out
        RouteSpec(.GET, "/sign-in", .anyone, SessionController.show),
        RouteSpec(.POST, "/sign-in", .anyone, SessionController.signIn),
        RouteSpec(.POST, "/sign-out", .signedIn, SessionController.signOut),
        RouteSpec(.GET, "/account", .signedIn, AccountController.show),
        RouteSpec(.POST, "/account/api-token", .signedIn, AccountController.issueToken),
        // pages
        RouteSpec(.GET, "/", .signedIn, CouncilController.home),
        RouteSpec(.GET, "/councils", .everyCouncil, CouncilController.overview),
        RouteSpec(.GET, "/councils/:council", .readCouncil, CouncilController.dashboard),
        RouteSpec(.GET, "/councils/:council/targets/:target", .readCouncil, TargetController.show),
        RouteSpec(.GET, "/councils/:council/notice", .readCouncil, NoticeController.current),
        RouteSpec(.GET, "/councils/:council/notices/new", .editCouncil, NoticeController.new),
        RouteSpec(.POST, "/councils/:council/notices/new", .editCouncil, upload: true, NoticeController.create),
        RouteSpec(.GET, "/councils/:council/notices/:notice", .readCouncil, NoticeController.show),
        RouteSpec(.POST, "/councils/:council/notices/:notice/fields", .editCouncil, NoticeController.review),
        RouteSpec(.POST, "/councils/:council/notices/:notice/state", .editCouncil, NoticeController.setState),
        RouteSpec(.POST, "/councils/:council/notices/:notice/lifecycle", .editCouncil, NoticeController.lifecycle),
        RouteSpec(.POST, "/councils/:council/targets/:target/figures", .editCouncil, TargetController.enterFigure),
        RouteSpec(.GET, "/councils/:council/targets/:target/records.csv", .readCouncil, TargetController.exportRecords),
        RouteSpec(.GET, "/councils/:council/targets/:target/records.xlsx", .readCouncil, TargetController.exportRecords),
        RouteSpec(.GET, "/councils/:council/uploads", .editCouncil, UploadController.show),
        RouteSpec(.POST, "/councils/:council/uploads", .editCouncil, upload: true, UploadController.upload),
        RouteSpec(.GET, "/councils/:council/uploads/:job", .editCouncil, UploadController.job),
        RouteSpec(.GET, "/councils/:council/imports/:import", .editCouncil, UploadController.importReport),
        RouteSpec(.GET, "/councils/:council/data-quality", .readCouncil, DataQualityController.show),
        // the board's work
        RouteSpec(.GET, "/notifications", .signedIn, NotificationController.list),
        RouteSpec(.GET, "/councils/:council/plan", .readCouncil, PlanController.list),
        RouteSpec(.POST, "/councils/:council/plan", .editCouncil, PlanController.create),
        RouteSpec(.GET, "/councils/:council/plan/:action", .readCouncil, PlanController.show),
        RouteSpec(.POST, "/councils/:council/plan/:action/status", .editCouncil, PlanController.setStatus),
        RouteSpec(.POST, "/councils/:council/plan/:action/evidence", .editCouncil, upload: true, PlanController.addEvidence),
        RouteSpec(.POST, "/councils/:council/plan/:action/timescale", .proposeChange, PlanController.requestTimescale),
        RouteSpec(.GET, "/councils/:council/evidence/:evidence", .readCouncil, PlanController.downloadEvidence),
        RouteSpec(.GET, "/councils/:council/meetings", .readCouncil, MeetingController.list),
        RouteSpec(.GET, "/councils/:council/meetings/:meeting", .readCouncil, MeetingController.show),
        RouteSpec(.POST, "/councils/:council/meetings/:meeting/attendees", .runMeeting, MeetingController.addAttendee),
        RouteSpec(.POST, "/councils/:council/meetings/:meeting/decisions", .runMeeting, MeetingController.addDecision),
        RouteSpec(.POST, "/councils/:council/meetings/:meeting/minutes", .runMeeting, MeetingController.saveMinutes),
        RouteSpec(.POST, "/councils/:council/meetings/:meeting/questions", .assessCouncil, MeetingController.addQuestion),
        RouteSpec(.POST, "/councils/:council/meetings/:meeting/requests/:request", .runMeeting, MeetingController.decideRequest),
        RouteSpec(.GET, "/councils/:council/meetings/:meeting/pack", .readCouncil, MeetingController.pack),
        RouteSpec(.GET, "/councils/:council/meetings/:meeting/pack/:file", .readCouncil, MeetingController.export),
        RouteSpec(.GET, "/councils/:council/audits", .readCouncil, AuditController.show),
        RouteSpec(.POST, "/councils/:council/audits", .editCouncil, AuditController.record),
        RouteSpec(.POST, "/councils/:council/audits/programme", .editCouncil, AuditController.setProgramme),
        RouteSpec(.GET, "/councils/:council/reviews", .readCouncil, ReviewController.list),
        RouteSpec(.POST, "/councils/:council/reviews", .editCouncil, ReviewController.create),
        RouteSpec(.POST, "/councils/:council/assessments", .assessCouncil, ReviewController.create),
        RouteSpec(.GET, "/councils/:council/reviews/:review", .readCouncil, ReviewController.show),
        RouteSpec(.POST, "/councils/:council/reviews/:review", .editCouncil, ReviewController.save),
        RouteSpec(.POST, "/councils/:council/assessments/:review", .assessCouncil, ReviewController.save),
        RouteSpec(.GET, "/councils/:council/incidents", .readCouncil, IncidentController.list),
        RouteSpec(.POST, "/councils/:council/incidents", .editCouncil, IncidentController.record),
        // the API
        RouteSpec(.GET, "/api/v1/openapi.json", .anyone, OpenAPI.serve),
        RouteSpec(.GET, "/api/v1/councils", .signedIn, APIController.councils),
        RouteSpec(.GET, "/api/v1/councils/:council", .readCouncil, APIController.council),
        RouteSpec(.GET, "/api/v1/councils/:council/notice", .readCouncil, APIController.notice),
        RouteSpec(.GET, "/api/v1/councils/:council/targets", .readCouncil, APIController.targets),
        RouteSpec(.GET, "/api/v1/councils/:council/targets/:target", .readCouncil, APIController.target),
        RouteSpec(.GET, "/api/v1/councils/:council/status", .readCouncil, APIController.status),
        RouteSpec(.GET, "/api/v1/councils/:council/indicators/:indicator", .readCouncil, APIController.series),
        RouteSpec(.GET, "/api/v1/councils/:council/indicators/:indicator/records", .readCouncil, APIController.records),
        RouteSpec(.GET, "/api/v1/councils/:council/plan", .readCouncil, BoardAPI.plan),
        RouteSpec(.GET, "/api/v1/councils/:council/meetings", .readCouncil, BoardAPI.meetings),
        RouteSpec(.GET, "/api/v1/councils/:council/audits", .readCouncil, BoardAPI.audits),
        RouteSpec(.GET, "/api/v1/councils/:council/incidents", .readCouncil, BoardAPI.incidents),
    ]
}

func routes(_ app: Application, maxUpload: Int) {
    for spec in SiteRoutes.all {
        let guarded = Guarded(need: spec.need, handler: spec.handler)
        let body: HTTPBodyStreamStrategy = spec.upload ? .collect(maxSize: ByteCount(value: maxUpload)) : .collect
        app.on(spec.method, spec.path.pathComponents, body: body) { req in try await guarded.respond(to: req) }
    }
}
