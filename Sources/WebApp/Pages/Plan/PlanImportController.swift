import Domain
import PlanSheet
import Plot
import Storage
import Vapor

/// The Improvement Plan to and from a spreadsheet: a whole plan imported from XLSX or CSV (every action or none, each
/// problem named by row and column), and the plan exported as XLSX in the same columns.
enum PlanImportController {
    struct ImportForm: Content { var file: File? }

    @Sendable static func importPlan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let page = SiteURL.council(try council.pathID(), .plan)
        let form = try req.content.decode(ImportForm.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw FormProblem(page: page, form: "import", field: "plan-file", "Choose the plan's spreadsheet (XLSX or CSV)")
        }
        let name = (file.filename as NSString).lastPathComponent
        let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
        let rows: [PlanSheet.Row]
        do {
            let bytes = Array(file.data.readableBytesView)
            let measures = data.picture.notice?.measures.count
            rows = try await req.application.threadPool.runIfActive { try PlanSheet.read(bytes: bytes, fileName: name, measureCount: measures) }
        } catch let failure as PlanSheet.Failure {
            // Every problem, each by its row and column, in the summary at the top of the plan's page.
            var errors = failure.problems.map { FormProblem.FieldError(field: "plan-file", message: $0.description) }
            if failure.more > 0 { errors.append(.init(field: "plan-file", message: "and \(failure.more) more problems of the same kinds")) }
            errors.insert(.init(field: "plan-file", message: "Nothing was imported from \(name): put right the problems below and import it again"), at: 0)
            throw FormProblem(page: page, form: "import", errors: errors)
        }
        let actions = rows.map { row -> PlanAction in
            var action = row.action
            action.reference = row.reference
            return action
        }
        _ = try await req.store.scope(council.requireID()).createActions(actions, by: user.actor)
        return req.redirect(to: page.with(query: ["imported": String(actions.count)]))
    }

    /// The plan as XLSX, in the columns the import reads, so a plan can go out to partners and come back.
    @Sendable static func exportPlan(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        let data = try await BoardData.load(council, store: req.store, pictures: req.services.pictures, today: req.settings.today(for: council))
        // An action added on the page has no reference of its own: it is given one no other action has ("A3"), so
        // the sheet imports again as it is.
        var taken = Set(data.actions.compactMap { $0.action.reference?.lowercased() })
        let rows = data.actions.enumerated().map { i, item -> (reference: String, action: PlanAction) in
            if let reference = item.action.reference { return (reference, item.action) }
            var reference = "A\(i + 1)", n = 2
            while taken.contains(reference.lowercased()) { reference = "A\(i + 1)-\(n)"; n += 1 }
            taken.insert(reference.lowercased())
            return (reference, item.action)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"improvement-plan-\(council.laCode).xlsx\"")
        return Response(status: .ok, headers: headers, body: .init(data: try PlanSheet.xlsx(rows)))
    }
}

extension PlanView {
    /// Under the plan: the way in from a spreadsheet (for those who edit the plan) and the way out (for everyone).
    static func spreadsheet(_ council: CouncilRef, user: CurrentUser, mayEdit: Bool) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("govuk-body"), .a(.class("govuk-link"), .id("plan-xlsx"), .href(council.url(.planExport)), "Download the plan as a spreadsheet (XLSX)")),
            .if(mayEdit, .details(.class("govuk-details"), .if(FormState.isShowing("import"), .attribute(named: "open", value: "open")),
                .summary("Import a plan from a spreadsheet"),
                .div(.class("govuk-details__text"),
                     .p(.class("govuk-body"), "An XLSX or CSV file with a heading row. Required columns: Reference, Action, Owner, Due. Optional: Lead, Status, Measure (the notice's measure by its number), Recommendation (the inspection's words), Target, Completed. Every action is imported, or none: each problem is named by its row and column."),
                     .form(.action(council.url(.planImport)), .method(.post), .enctype(.multipartData), Layout.csrf(user),
                           .div(.class("govuk-form-group" + (FormState.error(form: "import", field: "plan-file") == nil ? "" : " govuk-form-group--error")),
                                .label(.class("govuk-label"), .for("plan-file"), "The plan's spreadsheet"),
                                .input(.class("govuk-file-upload"), .id("plan-file"), .name("file"), .type(.file),
                                       .attribute(named: "accept", value: ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"))),
                           .button(.type(.submit), .class("govuk-button govuk-button--secondary"), .id("import-plan"), "Import the plan")))))
        )
    }
}
