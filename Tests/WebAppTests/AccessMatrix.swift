import Storage
/// Who gets what, route by route, written out by hand from the table in docs/web-application.md ("Who sees what"),
/// never read from `Access`: if the code's table and the documented one part, `AccessTests` fails.
///
/// Each row is a route and two strings of six characters, one per role in the order administrator, council officer,
/// board member or partner, independent chair, DfE official, improvement adviser: `y` allowed, `3` refused (403), `4` not found (404). The
/// first string is the role's own council (or the route, when it names no council), the second another council.
/// The route table must be exactly these rows: a new route fails the test until someone writes its row here.
enum AccessMatrix {
    struct Row {
        var method: String
        var path: String
        var own: String
        var other: String?
    }

    // The documented columns, as the rows below spell them:
    //   read own council  yyyyyy / y444y4   (another council: only the administrator and DfE see it)
    //   council's data    yy3333 / y44434   (notice, returns, figures, plan, audits, reviews, incidents, uploads)
    //   meetings          yy3y33 / y44434   (attendees, decisions, minutes, deciding requests)
    //   chair's own       y33y33 / y44434   (questions, assessments)
    //   revised timescale yyyy33 / y44434
    //   every council     y333y3            (overview, England)
    //   DfE's decisions   y333y3 / y444y4   (a review's outcome)
    //   adviser's notes   y3333y / y44434
    //   published tables  y33333
    static let rows: [Row] = [
        Row(method: "GET", path: "/healthz", own: "yyyyyy"),
        Row(method: "GET", path: "/metrics", own: "yyyyyy"),
        Row(method: "GET", path: "/assets/site.css", own: "yyyyyy"),
        Row(method: "GET", path: "/assets/print.css", own: "yyyyyy"),
        Row(method: "GET", path: "/sign-in", own: "yyyyyy"),
        Row(method: "POST", path: "/sign-in", own: "yyyyyy"),
        Row(method: "POST", path: "/sign-out", own: "yyyyyy"),
        Row(method: "GET", path: "/account", own: "yyyyyy"),
        Row(method: "POST", path: "/account/api-token", own: "yyyyyy"),
        Row(method: "GET", path: "/", own: "yyyyyy"),
        Row(method: "GET", path: "/notifications", own: "yyyyyy"),
        Row(method: "GET", path: "/councils", own: "y333y3"),
        Row(method: "GET", path: "/england", own: "y333y3"),
        Row(method: "GET", path: "/published", own: "y33333"),
        Row(method: "POST", path: "/published", own: "y33333"),
        // The council's pages.
        Row(method: "GET", path: "/councils/:council", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/targets/:target", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/targets/:target/records.csv", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/targets/:target/records.xlsx", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/targets/:target/figures", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/targets/:target/commentary", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/targets/:target/commentary/answer", own: "y33y33", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/notice", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/notices/new", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/notices/new", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/notices/:notice", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/fields", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/state", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/lifecycle", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/uploads", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/uploads", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/uploads/:job", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/imports/:import", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/data-quality", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/compare", own: "yyyyyy", other: "y444y4"),
        // The board's work.
        Row(method: "GET", path: "/councils/:council/plan", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/plan", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/plan/:action", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/plan/:action/status", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/plan/:action/evidence", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/plan/:action/timescale", own: "yyyy33", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/evidence/:evidence", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/meetings", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/attendees", own: "yy3y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/decisions", own: "yy3y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/minutes", own: "yy3y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/questions", own: "y33y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/requests/:request", own: "yy3y33", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting/pack", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting/pack/:file", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/audits", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/audits", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/audits/programme", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/reviews", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/reviews", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/reviews/:review", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/reviews/:review", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/assessments", own: "y33y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/assessments/:review", own: "y33y33", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/plan/import", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/plan.xlsx", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/reviews/:review/outcome", own: "y333y3", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/advice", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/advice", own: "y3333y", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/visits", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/visits", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/visits/:visit", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/councils/:council/visits/:visit/letter.pdf", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/visits/:visit/plan", own: "yy3333", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/board-targets", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/board-targets", own: "yy3333", other: "y44434"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/board-targets/:boardTarget", own: "yy3y33", other: "y44434"),
        Row(method: "GET", path: "/councils/:council/incidents", own: "yyyyyy", other: "y444y4"),
        Row(method: "POST", path: "/councils/:council/incidents", own: "yy3333", other: "y44434"),
        // The API: read only.
        Row(method: "GET", path: "/api/v1/openapi.json", own: "yyyyyy"),
        Row(method: "GET", path: "/api/v1/councils", own: "yyyyyy"),
        Row(method: "GET", path: "/api/v1/councils/:council", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/notice", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/targets", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/targets/:target", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/status", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/indicators/:indicator", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/indicators/:indicator/records", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/plan", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/meetings", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/audits", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/incidents", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/board-targets", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/commentary", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/visits", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/reviews", own: "yyyyyy", other: "y444y4"),
        Row(method: "GET", path: "/api/v1/councils/:council/benchmarks/:indicator", own: "yyyyyy", other: "y444y4"),
    ]

    /// Open to anyone signed out: the rest send a page to sign in and the API to 401.
    static let open: Set<String> = ["GET /healthz", "GET /metrics", "GET /assets/site.css", "GET /assets/print.css", "GET /sign-in",
                                    "POST /sign-in", "GET /api/v1/openapi.json"]

    enum Expect: Equatable { case allowed, forbidden, notFound }

    static let roleOrder: [Role] = [.administrator, .councilOfficer, .boardMember, .independentChair, .dfeOfficial, .improvementAdviser]

    static func expect(_ row: Row, _ role: Role, own: Bool) -> Expect {
        let text = own ? row.own : row.other!
        let mark = Array(text)[roleOrder.firstIndex(of: role)!]
        switch mark {
        case "y": return .allowed
        case "3": return .forbidden
        default: return .notFound
        }
    }
}
