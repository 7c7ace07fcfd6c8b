import Foundation
import Vapor

/// The OpenAPI 3.1 description of /api/v1, written beside the DTOs it describes; a test checks every documented
/// path answers with the documented fields.
enum OpenAPI {
    static func document() -> [String: Any] {
        func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
        func array(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }
        let string: [String: Any] = ["type": "string"]
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let number: [String: Any] = ["type": "number"]
        func nullable(_ type: String, format: String? = nil) -> [String: Any] {
            var s: [String: Any] = ["type": [type, "null"]]
            if let format { s["format"] = format }
            return s
        }
        func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
            ["type": "object", "properties": properties, "required": required]
        }
        let councilParameter: [String: Any] = ["name": "council", "in": "path", "required": true, "schema": uuid]
        func get(_ summary: String, _ schema: [String: Any], parameters: [[String: Any]] = [], notFound: Bool = true,
                 badRequest: String? = nil) -> [String: Any] {
            var responses: [String: Any] = [
                "200": ["description": "OK", "content": ["application/json": ["schema": schema]]],
                "401": ["description": "No valid token", "content": ["application/json": ["schema": ref("Error")]]],
            ]
            if notFound { responses["404"] = ["description": "No such record, or not one this user may see", "content": ["application/json": ["schema": ref("Error")]]] }
            if let badRequest { responses["400"] = ["description": badRequest, "content": ["application/json": ["schema": ref("Error")]]] }
            return ["get": ["summary": summary, "parameters": parameters, "responses": responses, "security": [["bearer": [String]()]]]]
        }
        let basisValues = ["in_month", "cumulative_ytd", "rolling_12_months", "snapshot"]
        let seriesGet = get("An indicator's figures by month on one basis", ref("Series"), parameters: [
            councilParameter, ["name": "indicator", "in": "path", "required": true, "schema": string],
            ["name": "basis", "in": "query", "required": false, "schema": ["type": "string", "enum": basisValues]],
        ], badRequest: "Unknown basis")
        let recordsGet = get("The records behind one figure, children by pseudonym, those that did not meet the standard first", ref("Records"), parameters: [
            councilParameter, ["name": "indicator", "in": "path", "required": true, "schema": string],
            ["name": "basis", "in": "query", "required": false, "schema": ["type": "string", "enum": basisValues]],
            ["name": "month", "in": "query", "required": false, "description": "YYYY-MM; the month the figures stand at when not given",
             "schema": ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"]],
        ], badRequest: "Unknown basis")
        return [
            "openapi": "3.1.0",
            "info": ["title": "Improvement notice monitor API", "version": "1.0.0",
                     "description": "Read-only access to councils under an Improvement Notice, their notices, targets and indicator series. A user sees what their role allows: a council's users their own council, DfE officials and administrators every council."],
            "servers": [["url": "/"]],
            "paths": [
                "/api/v1/councils": get("Councils this user may see", array(ref("Council")), notFound: false),
                "/api/v1/councils/{council}": get("One council", ref("Council"), parameters: [councilParameter]),
                "/api/v1/councils/{council}/notice": get("The council's current notice, as structured data", ref("Notice"), parameters: [councilParameter]),
                "/api/v1/councils/{council}/targets": get("Each target with its status", array(ref("Target")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/status": get("The whole monitoring picture, exactly as `improve status --format json` gives it for the same data: every target's milestones, trajectory and forecast, the exceptions with what lies behind them, and the notice's calendar",
                                                         ref("Status"), parameters: [councilParameter]),
                "/api/v1/councils/{council}/targets/{target}": get("One target with its status", ref("Target"), parameters: [
                    councilParameter, ["name": "target", "in": "path", "required": true, "schema": uuid],
                ]),
                "/api/v1/councils/{council}/indicators/{indicator}": seriesGet,
                "/api/v1/councils/{council}/indicators/{indicator}/records": recordsGet,
                "/api/v1/councils/{council}/plan": get("The Improvement Plan's actions", array(ref("Action")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/meetings": get("Board meetings with their agendas", array(ref("Meeting")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/audits": get("Case-file audits (case references pseudonymised)", array(ref("Audit")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/incidents": get("Serious incidents", array(ref("Incident")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/board-targets": get("The board's own targets, every version, with the board's decisions", array(ref("BoardTarget")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/commentary": get("The council's commentary on its targets and the chair's answers, oldest first", array(ref("Commentary")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/visits": get("Ofsted's monitoring and focused visits", array(ref("Visit")), parameters: [councilParameter]),
                "/api/v1/councils/{council}/reviews": get("Reviews and reports, with DfE's decision at each review of progress", array(ref("Review")), parameters: [councilParameter]),
            ],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "A token from the Account page."]],
                "schemas": [
                    "Error": object(["error": string, "message": string], required: ["error", "message"]),
                    "Council": object([
                        "id": uuid, "la_code": string, "name": string, "as_of": ["type": "string", "format": "date"],
                        "notice_id": nullable("string", format: "uuid"), "notice_state": nullable("string"), "overall_rag": nullable("string"),
                        "targets_by_rag": ["type": "object", "additionalProperties": ["type": "integer"]],
                    ], required: ["id", "la_code", "name", "as_of", "targets_by_rag"]),
                    "Notice": object([
                        "id": uuid, "council_id": uuid, "state": ["type": "string", "enum": ["draft", "confirmed"]], "notice_date": nullable("string"),
                        "warnings": array(string), "notice": ["type": "object", "description": "The structured notice: council, inspection, measures, targets, deadlines, reviews, board, each with the span of text it was read from."],
                    ], required: ["id", "council_id", "state", "warnings", "notice"]),
                    "Forecast": object(["month": string, "value": number, "low": number, "high": number], required: ["month", "value", "low", "high"]),
                    "Milestone": object([
                        "level": nullable("number"), "due": nullable("string"), "basis": string,
                        "state": ["type": "string", "enum": ["met", "missed", "due_soon", "not_yet_due", "no_data", "no_level"]],
                        "figure": nullable("number"), "forecast": ["oneOf": [ref("Forecast"), ["type": "null"]]],
                    ], required: ["basis", "state"]),
                    "Target": object([
                        "id": uuid, "indicator": string, "description": string, "unit": string, "direction": string, "baseline": nullable("number"),
                        "rag": ["type": "string", "enum": ["green", "amber", "red", "grey"]], "reasons": array(string),
                        "latest_month": nullable("string"), "latest_value": nullable("number"), "milestones": array(ref("Milestone")),
                    ], required: ["id", "indicator", "description", "unit", "direction", "rag", "reasons", "milestones"]),
                    "Record": object([
                        "child": string, "record": string, "dates": ["type": "object", "additionalProperties": string],
                        "time_taken": nullable("integer"), "time_unit": nullable("string"), "worker": nullable("string"), "in_numerator": ["type": "boolean"],
                    ], required: ["child", "record", "dates", "in_numerator"]),
                    "Records": object([
                        "indicator": string, "basis": string, "month": string, "numerator": array(ref("Record")), "denominator": array(ref("Record")),
                        "value": nullable("number"), "note": nullable("string"),
                    ], required: ["indicator", "basis", "month", "numerator", "denominator"]),
                    "Status": object([
                        "council": string, "as_of": string, "notice_date": nullable("string"), "notes": array(string),
                        "targets": array(object([
                            "indicator": string, "indicator_id": string, "basis": string, "rag": ["type": "string", "enum": ["green", "amber", "red", "grey"]],
                            "reasons": array(string), "latest": ["type": ["object", "null"]], "off_trajectory_since": nullable("string"),
                            "milestones": array(["type": "object"]), "trajectory": array(["type": "object"]),
                        ], required: ["indicator", "indicator_id", "basis", "rag", "reasons", "milestones", "trajectory"])),
                        "exceptions": array(object([
                            "indicator_id": string, "rag": string, "since": nullable("string"), "summary": string, "drivers": array(string),
                        ], required: ["indicator_id", "rag", "summary", "drivers"])),
                        "calendar": array(object([
                            "kind": string, "what": string, "date": nullable("string"), "overdue": ["type": "boolean"], "done": ["type": "boolean"],
                        ], required: ["kind", "what", "overdue", "done"])),
                    ], required: ["council", "as_of", "notes", "targets", "exceptions", "calendar"]),
                    "Point": object([
                        "month": string, "period_start": string, "period_end": string, "numerator": number, "denominator": number,
                        "value": nullable("number"), "entered_by": nullable("string"),
                    ], required: ["month", "period_start", "period_end", "numerator", "denominator"]),
                    "Series": object(["indicator": string, "basis": string, "points": array(ref("Point"))], required: ["indicator", "basis", "points"]),
                    "Action": object([
                        "id": uuid, "title": string, "owner": ["type": "string", "enum": ["council", "police", "health", "safeguarding_partnership", "education", "other"]],
                        "lead": string, "due": string, "first_due": string,
                        "status": ["type": "string", "enum": ["not_started", "in_progress", "complete", "blocked"]], "overdue": ["type": "boolean"],
                        "measure": nullable("integer"), "indicator": nullable("string"), "recommendation": nullable("string"),
                    ], required: ["id", "title", "owner", "lead", "due", "first_due", "status", "overdue"]),
                    "AgendaItem": object(["kind": string, "title": string, "detail": string], required: ["kind", "title", "detail"]),
                    "Meeting": object([
                        "number": ["type": "integer"], "date": string, "held": ["type": "boolean"], "agenda": array(ref("AgendaItem")),
                        "decisions": array(string), "attendees": ["type": "integer"],
                    ], required: ["number", "date", "held", "agenda", "decisions", "attendees"]),
                    "Audit": object([
                        "case_pseudonym": string, "counted_on": string, "grade": string, "oversight_grade": nullable("string"),
                        "child_views_recorded": nullable("boolean"), "themes": array(string), "moderated": ["type": "boolean"], "source": string,
                    ], required: ["case_pseudonym", "counted_on", "grade", "themes", "moderated", "source"]),
                    "Incident": object(["id": uuid, "kind": string, "occurred_on": string, "summary": string], required: ["id", "kind", "occurred_on", "summary"]),
                    "BoardTarget": object([
                        "id": uuid, "indicator": string, "name": string,
                        "state": ["type": "string", "enum": ["proposed", "agreed", "refused", "replaced", "retired"]],
                        "change": ["type": "string", "enum": ["new", "revise", "retire"]], "replaces": nullable("string", format: "uuid"),
                        "meeting": nullable("integer"), "baseline": nullable("number"),
                        "milestones": array(object(["level": nullable("number"), "due": nullable("string"), "basis": string], required: ["basis"])), "reason": string,
                    ], required: ["id", "indicator", "name", "state", "change", "milestones", "reason"]),
                    "Commentary": object([
                        "indicator": ["type": "string", "description": "The indicator id of the figure explained, or for a measure counted by hand \"other:\" and its name"],
                        "month": string, "kind": ["type": "string", "enum": ["commentary", "response"]],
                        "shows": nullable("string"), "why": nullable("string"), "actions": nullable("string"), "owner": nullable("string"),
                        "due": nullable("string"), "answer": nullable("string"), "written_by": string, "written_at": string,
                    ], required: ["indicator", "month", "kind", "written_by", "written_at"]),
                    "Visit": object([
                        "id": uuid, "kind": ["type": "string", "enum": ["monitoring", "focused"]], "visited_on": string, "published_on": nullable("string"),
                        "theme": string, "findings": string, "priority_actions": array(string), "letter": ["type": "boolean"],
                    ], required: ["id", "kind", "visited_on", "theme", "findings", "priority_actions", "letter"]),
                    "Review": object([
                        "id": uuid, "kind": string, "title": string, "due": nullable("string"), "submitted": ["type": "boolean"],
                        "outcome": ["type": ["string", "null"], "enum": ["continue", "lift", "escalate", NSNull()]], "decided_on": nullable("string"), "reason": nullable("string"),
                    ], required: ["id", "kind", "title", "submitted"]),
                ],
            ],
        ]
    }

    @Sendable static func serve(req: Request) async throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: document(), options: [.prettyPrinted, .sortedKeys])
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
