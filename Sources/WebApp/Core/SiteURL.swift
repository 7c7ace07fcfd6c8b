import Domain
import Foundation

/// What a path parameter names. Its `parameter` is the name the route table gives it (`:council`).
protocol PathKind: Sendable {
    static var parameter: String { get }
}

/// A typed id in a path: a council's id can only go where a council's id belongs, and a link can only be made from an
/// id that exists (the Fluent model's optional id is required where a page model is made, never in a view).
/// `pattern` is the route table's placeholder for it, so routes and links are built by the same code.
struct PathID<Kind: PathKind>: Hashable, Sendable, CustomStringConvertible {
    let text: String

    fileprivate init(text: String) { self.text = text }
    init(_ uuid: UUID) { text = uuid.uuidString }

    static var pattern: PathID { PathID(text: ":" + Kind.parameter) }
    var uuid: UUID? { UUID(uuidString: text) }
    var description: String { text }
}

enum CouncilKind: PathKind { static let parameter = "council" }
enum TargetKind: PathKind { static let parameter = "target" }
enum NoticeKind: PathKind { static let parameter = "notice" }
enum JobKind: PathKind { static let parameter = "job" }
enum ImportKind: PathKind { static let parameter = "import" }
enum ActionKind: PathKind { static let parameter = "action" }
enum EvidenceKind: PathKind { static let parameter = "evidence" }
enum MeetingKind: PathKind { static let parameter = "meeting" }
enum RequestKind: PathKind { static let parameter = "request" }
enum ReviewKind: PathKind { static let parameter = "review" }
enum PackFileKind: PathKind { static let parameter = "file" }
enum IndicatorKind: PathKind { static let parameter = "indicator" }
enum BoardTargetKind: PathKind { static let parameter = "boardTarget" }
enum VisitKind: PathKind { static let parameter = "visit" }

typealias CouncilID = PathID<CouncilKind>
typealias TargetID = PathID<TargetKind>
typealias NoticeID = PathID<NoticeKind>
typealias JobID = PathID<JobKind>
typealias ImportID = PathID<ImportKind>
typealias ActionID = PathID<ActionKind>
typealias EvidenceID = PathID<EvidenceKind>
typealias MeetingNumber = PathID<MeetingKind>
typealias RequestID = PathID<RequestKind>
typealias ReviewID = PathID<ReviewKind>
typealias PackFile = PathID<PackFileKind>
typealias IndicatorKey = PathID<IndicatorKind>
typealias BoardTargetID = PathID<BoardTargetKind>
typealias VisitID = PathID<VisitKind>

extension PathID where Kind == MeetingKind {
    init(_ number: Int) { self.init(text: String(number)) }
    var number: Int? { Int(text).flatMap { $0 > 0 ? $0 : nil } }
}

extension PathID where Kind == PackFileKind {
    /// A file of the board pack: its table's name and the format.
    init(table: String, format: String) { self.init(text: "\(table).\(format)") }
    init(name: String) { self.init(text: name) }
}

extension PathID where Kind == IndicatorKind {
    init(_ indicator: IndicatorID) { self.init(text: indicator.rawValue) }
    var indicator: IndicatorID? { IndicatorID(rawValue: text) }
}

/// The two formats a list of records downloads in.
enum DownloadFormat: String, Sendable, CaseIterable {
    case csv, xlsx
}

/// Every path the site serves, and the only way one is written: the route table is built from the same cases (with
/// `PathID.pattern` in place of each id), so a link cannot point where no route is.
enum SiteURL: Hashable, Sendable {
    case home
    case healthz, metrics, stylesheet, printStylesheet
    case signIn, signOut, account, apiToken
    case councils, notifications
    /// Every council in England on a published measure (DfE officials, administrators).
    case england
    /// The published statistics loaded, and loading more (administrators).
    case published
    case council(CouncilID, CouncilPage)
    case api(APIPath)

    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .stylesheet: "/assets/site.css"
        case .printStylesheet: "/assets/print.css"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .account: "/account"
        case .apiToken: "/account/api-token"
        case .councils: "/councils"
        case .notifications: "/notifications"
        case .england: "/england"
        case .published: "/published"
        case let .council(id, page): "/councils/\(id)" + page.suffix
        case let .api(path): "/api/v1" + path.suffix
        }
    }

    /// The path with a query (values percent-encoded) and a fragment.
    func with(query: KeyValuePairs<String, String> = [:], fragment: String? = nil) -> String {
        var text = path
        let pairs = query.map { "\($0.key)=\(Self.encode($0.value))" }
        if !pairs.isEmpty { text += "?" + pairs.joined(separator: "&") }
        if let fragment { text += "#" + fragment }
        return text
    }

    private static func encode(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// The pages and forms of one council.
enum CouncilPage: Hashable, Sendable {
    case dashboard
    case target(TargetID), targetFigures(TargetID), targetRecords(TargetID, DownloadFormat), commentary(TargetID), commentaryAnswer(TargetID)
    case notice, newNotice, noticeVersion(NoticeID), noticeFields(NoticeID), noticeState(NoticeID), noticeLifecycle(NoticeID)
    case uploads, upload(JobID), importReport(ImportID), dataQuality
    case plan, planImport, planExport, action(ActionID), actionStatus(ActionID), actionEvidence(ActionID), actionTimescale(ActionID), evidence(EvidenceID)
    case meetings, meeting(MeetingNumber), attendees(MeetingNumber), decisions(MeetingNumber), minutes(MeetingNumber)
    case questions(MeetingNumber), request(MeetingNumber, RequestID), pack(MeetingNumber), packFile(MeetingNumber, PackFile)
    case audits, auditProgramme
    case reviews, assessments, review(ReviewID), assessment(ReviewID), reviewOutcome(ReviewID)
    case incidents
    case boardTargets, boardTargetDecision(MeetingNumber, BoardTargetID)
    case visits, visit(VisitID), visitLetter(VisitID), visitPlan(VisitID)
    case advice
    /// How the council compares with England, its region and its statistical neighbours on DfE's published figures.
    case compare

    var suffix: String {
        switch self {
        case .dashboard: ""
        case let .target(t): "/targets/\(t)"
        case let .targetFigures(t): "/targets/\(t)/figures"
        case let .commentary(t): "/targets/\(t)/commentary"
        case let .commentaryAnswer(t): "/targets/\(t)/commentary/answer"
        case let .targetRecords(t, format): "/targets/\(t)/records.\(format.rawValue)"
        case .notice: "/notice"
        case .newNotice: "/notices/new"
        case let .noticeVersion(n): "/notices/\(n)"
        case let .noticeFields(n): "/notices/\(n)/fields"
        case let .noticeState(n): "/notices/\(n)/state"
        case let .noticeLifecycle(n): "/notices/\(n)/lifecycle"
        case .uploads: "/uploads"
        case let .upload(job): "/uploads/\(job)"
        case let .importReport(i): "/imports/\(i)"
        case .dataQuality: "/data-quality"
        case .plan: "/plan"
        case .planImport: "/plan/import"
        case .planExport: "/plan.xlsx"
        case let .action(a): "/plan/\(a)"
        case let .actionStatus(a): "/plan/\(a)/status"
        case let .actionEvidence(a): "/plan/\(a)/evidence"
        case let .actionTimescale(a): "/plan/\(a)/timescale"
        case let .evidence(e): "/evidence/\(e)"
        case .meetings: "/meetings"
        case let .meeting(m): "/meetings/\(m)"
        case let .attendees(m): "/meetings/\(m)/attendees"
        case let .decisions(m): "/meetings/\(m)/decisions"
        case let .minutes(m): "/meetings/\(m)/minutes"
        case let .questions(m): "/meetings/\(m)/questions"
        case let .request(m, r): "/meetings/\(m)/requests/\(r)"
        case let .pack(m): "/meetings/\(m)/pack"
        case let .packFile(m, f): "/meetings/\(m)/pack/\(f)"
        case .audits: "/audits"
        case .auditProgramme: "/audits/programme"
        case .reviews: "/reviews"
        case .assessments: "/assessments"
        case let .review(r): "/reviews/\(r)"
        case let .assessment(r): "/assessments/\(r)"
        case let .reviewOutcome(r): "/reviews/\(r)/outcome"
        case .incidents: "/incidents"
        case .boardTargets: "/board-targets"
        case .visits: "/visits"
        case .advice: "/advice"
        case let .visit(v): "/visits/\(v)"
        case let .visitLetter(v): "/visits/\(v)/letter.pdf"
        case let .visitPlan(v): "/visits/\(v)/plan"
        case let .boardTargetDecision(m, b): "/meetings/\(m)/board-targets/\(b)"
        case .compare: "/compare"
        }
    }
}

/// The JSON API's paths.
enum APIPath: Hashable, Sendable {
    case openAPI
    case councils
    case council(CouncilID, CouncilAPI)

    var suffix: String {
        switch self {
        case .openAPI: "/openapi.json"
        case .councils: "/councils"
        case let .council(id, part): "/councils/\(id)" + part.suffix
        }
    }
}

enum CouncilAPI: Hashable, Sendable {
    case summary, notice, targets, target(TargetID), status, indicator(IndicatorKey), records(IndicatorKey)
    case plan, meetings, audits, incidents, benchmarks(IndicatorKey)
    case boardTargets, commentary, visits, reviews

    var suffix: String {
        switch self {
        case .summary: ""
        case .notice: "/notice"
        case .targets: "/targets"
        case let .target(t): "/targets/\(t)"
        case .status: "/status"
        case let .indicator(i): "/indicators/\(i)"
        case let .records(i): "/indicators/\(i)/records"
        case .plan: "/plan"
        case .meetings: "/meetings"
        case .audits: "/audits"
        case .incidents: "/incidents"
        case let .benchmarks(i): "/benchmarks/\(i)"
        case .boardTargets: "/board-targets"
        case .commentary: "/commentary"
        case .visits: "/visits"
        case .reviews: "/reviews"
        }
    }
}
