import Domain
import Indicators
import Monitoring
import Plot
import Storage
import Vapor

/// One target: its chart, its milestones, its figures month by month, and for any month the records behind the
/// numerator and the denominator.
enum TargetController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let target = TargetID(try req.uuidParameter(TargetKind.self))
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        guard let status = picture.status(of: target) else { throw Abort(.notFound) }
        var drill: FigureRecords?
        if let (month, basis) = try FigureRecords.choice(req, month: nil, basis: .inMonth) {
            drill = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, picture: picture, req: req, today: today)
        }
        return TargetView.page(picture: picture, status: status, target: target, drill: drill, user: user)
    }

    struct FigureForm: Content {
        var month: String
        var basis: String
        var value: String
        var note: String?
    }

    /// A figure entered by hand, for a month the returns do not cover (it never replaces a computed one).
    @Sendable static func enterFigure(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.target(id: try req.uuidParameter(TargetKind.self)) else { throw Abort(.notFound) }
        let form = try req.content.decode(FigureForm.self)
        let page = SiteURL.council(try council.pathID(), .target(TargetID(record.id)))
        var errors: [FormProblem.FieldError] = []
        let month = DateEntry.month(form.month)
        if month == nil { errors.append(.init(field: "figure-month", message: "Enter the month, like June 2011")) }
        let basis = Basis(rawValue: form.basis).flatMap { $0 == .unspecified ? nil : $0 }
        if basis == nil { errors.append(.init(field: "figure-basis", message: "Choose how the figure is counted")) }
        let value = Double(form.value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        if value == nil {
            errors.append(.init(field: "figure-value", message: "Enter the figure as a number, like 72.5"))
        } else if record.target.unit == .percent, value! > 100 {
            errors.append(.init(field: "figure-value", message: "Enter a percentage of 100 or less"))
        }
        guard errors.isEmpty, let month, let basis, let value else { throw FormProblem(page: page, form: "figure", errors: errors) }
        let note = form.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await scope.addHandFigure(indicator: record.target.indicatorID.rawValue, basis: basis.rawValue, month: month.iso, value: value,
                                          note: note?.isEmpty == false ? note : nil, by: user.actor)
        return req.redirect(to: SiteURL.council(try council.pathID(), .target(TargetID(record.id))).with(fragment: "figures"))
    }

    /// The basis a target is judged on, or the indicator's first when the notice gave none.
    static func usualBasis(_ status: TargetStatus) -> Basis {
        status.basis != .unspecified ? status.basis : status.target.indicatorID.info.bases.first ?? .inMonth
    }

    /// The records behind one figure as CSV or XLSX (`records.csv`, `records.xlsx` with `?month=&basis=`).
    @Sendable static func exportRecords(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        let target = TargetID(try req.uuidParameter(TargetKind.self))
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        guard let status = picture.status(of: target) else { throw Abort(.notFound) }
        // Without a month, the month the figures stand at.
        guard let (month, basis) = try FigureRecords.choice(req, month: YearMonth(picture.asOf), basis: Self.usualBasis(status)) else { throw Abort(.notFound) }
        let list = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, picture: picture, req: req, today: today)
        var headers = HTTPHeaders()
        let format = req.url.path.hasSuffix(".xlsx") ? "xlsx" : "csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(council.laCode)-records-\(month.iso)-\(basis.rawValue).\(format)\"")
        if format == "xlsx" {
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            return Response(status: .ok, headers: headers, body: .init(data: try list.table.xlsx()))
        }
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: list.table.csv()))
    }
}
