import Storage
/// Who gets what, route by route, written out by hand from the table in docs/web-application.md ("Who sees what"),
/// never read from `Access`: if the code's table and the documented one part, `AccessTests` fails.
///
/// Each row is a route and two strings of five characters, one per role in the order administrator, council officer,
/// board member or partner, independent chair, DfE official: `y` allowed, `3` refused (403), `4` not found (404). The
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
    //   read own council  yyyyy / y444y   (another council: only the administrator and DfE see it)
    //   council's data    yy333 / y4443   (notice, returns, figures, plan, audits, reviews, incidents, uploads)
    //   meetings          yy3y3 / y4443   (attendees, decisions, minutes, deciding requests)
    //   chair's own       y33y3 / y4443   (questions, assessments)
    //   revised timescale yyyy3 / y4443
    //   every council     y333y           (overview, England)
    //   DfE's decisions   y333y / y444y   (a review's outcome)
    //   published tables  y3333
    static let rows: [Row] = [
        Row(method: "GET", path: "/healthz", own: "yyyyy"),
        Row(method: "GET", path: "/metrics", own: "yyyyy"),
        Row(method: "GET", path: "/assets/site.css", own: "yyyyy"),
        Row(method: "GET", path: "/assets/print.css", own: "yyyyy"),
        Row(method: "GET", path: "/sign-in", own: "yyyyy"),
        Row(method: "POST", path: "/sign-in", own: "yyyyy"),
        Row(method: "POST", path: "/sign-out", own: "yyyyy"),
        Row(method: "GET", path: "/account", own: "yyyyy"),
        Row(method: "POST", path: "/account/api-token", own: "yyyyy"),
        Row(method: "GET", path: "/", own: "yyyyy"),
        Row(method: "GET", path: "/notifications", own: "yyyyy"),
        Row(method: "GET", path: "/councils", own: "y333y"),
        Row(method: "GET", path: "/england", own: "y333y"),
        Row(method: "GET", path: "/published", own: "y3333"),
        Row(method: "POST", path: "/published", own: "y3333"),
        // The council's pages.
        Row(method: "GET", path: "/councils/:council", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/targets/:target", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/targets/:target/records.csv", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/targets/:target/records.xlsx", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/targets/:target/figures", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/targets/:target/commentary", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/targets/:target/commentary/answer", own: "y33y3", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/notice", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/notices/new", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/notices/new", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/notices/:notice", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/fields", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/state", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/notices/:notice/lifecycle", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/uploads", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/uploads", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/uploads/:job", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/imports/:import", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/data-quality", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/compare", own: "yyyyy", other: "y444y"),
        // The board's work.
        Row(method: "GET", path: "/councils/:council/plan", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/plan", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/plan/:action", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/plan/:action/status", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/plan/:action/evidence", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/plan/:action/timescale", own: "yyyy3", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/evidence/:evidence", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/meetings", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/attendees", own: "yy3y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/decisions", own: "yy3y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/minutes", own: "yy3y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/questions", own: "y33y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/requests/:request", own: "yy3y3", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting/pack", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/meetings/:meeting/pack/:file", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/audits", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/audits", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/audits/programme", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/reviews", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/reviews", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/reviews/:review", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/reviews/:review", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/assessments", own: "y33y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/assessments/:review", own: "y33y3", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/plan/import", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/plan.xlsx", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/reviews/:review/outcome", own: "y333y", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/visits", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/visits", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/visits/:visit", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/councils/:council/visits/:visit/letter.pdf", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/visits/:visit/plan", own: "yy333", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/board-targets", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/board-targets", own: "yy333", other: "y4443"),
        Row(method: "POST", path: "/councils/:council/meetings/:meeting/board-targets/:boardTarget", own: "yy3y3", other: "y4443"),
        Row(method: "GET", path: "/councils/:council/incidents", own: "yyyyy", other: "y444y"),
        Row(method: "POST", path: "/councils/:council/incidents", own: "yy333", other: "y4443"),
        // The API: read only.
        Row(method: "GET", path: "/api/v1/openapi.json", own: "yyyyy"),
        Row(method: "GET", path: "/api/v1/councils", own: "yyyyy"),
        Row(method: "GET", path: "/api/v1/councils/:council", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/notice", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/targets", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/targets/:target", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/status", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/indicators/:indicator", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/indicators/:indicator/records", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/plan", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/meetings", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/audits", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/incidents", own: "yyyyy", other: "y444y"),
        Row(method: "GET", path: "/api/v1/councils/:council/benchmarks/:indicator", own: "yyyyy", other: "y444y"),
    ]

    /// Open to anyone signed out: the rest send a page to sign in and the API to 401.
    static let open: Set<String> = ["GET /healthz", "GET /metrics", "GET /assets/site.css", "GET /assets/print.css", "GET /sign-in",
                                    "POST /sign-in", "GET /api/v1/openapi.json"]

    enum Expect: Equatable { case allowed, forbidden, notFound }

    static let roleOrder: [Role] = [.administrator, .councilOfficer, .boardMember, .independentChair, .dfeOfficial]

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
