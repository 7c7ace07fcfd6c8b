import Domain
import Indicators
import Monitoring
import Plot
import Storage
import Vapor

/// One target: its chart, its milestones, its figures month by month, and for any month the records behind the
/// numerator and the denominator.
enum TargetController {
    struct Query: Decodable {
        var month: String?
        var basis: String?
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let targetID = try req.uuidParameter("target")
        let store = req.store
        guard let record = try await store.scope(council.requireID()).target(id: targetID) else { throw Abort(.notFound) }
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: store, today: today)
        guard let status = picture.status(of: record) else { throw Abort(.notFound) }
        let query = try req.query.decode(Query.self)
        var drill: FigureRecords?
        if let monthText = query.month {
            guard let month = YearMonth(iso: monthText), let basis = Basis(rawValue: query.basis ?? "in_month"), basis != .unspecified else {
                throw Abort(.badRequest, reason: "Choose a month (YYYY-MM) and a basis from the table.")
            }
            drill = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, council: council, picture: picture, req: req, today: today)
        }
        return TargetView.page(picture: picture, status: status, record: record, drill: drill, user: user)
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
        guard let record = try await scope.target(id: try req.uuidParameter("target")) else { throw Abort(.notFound) }
        let form = try req.content.decode(FigureForm.self)
        guard let month = YearMonth(iso: form.month.trimmingCharacters(in: .whitespaces)) else {
            throw Abort(.unprocessableEntity, reason: "Enter the month as 2011-06.")
        }
        guard let basis = Basis(rawValue: form.basis), basis != .unspecified else { throw Abort(.unprocessableEntity, reason: "Choose a basis.") }
        guard let value = Double(form.value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")), value.isFinite, value >= 0 else {
            throw Abort(.unprocessableEntity, reason: "Enter the figure as a number, like 72.5.")
        }
        let target = CouncilFigures.decodeTarget(record.targetJSON)
        if target?.unit == .percent, value > 100 { throw Abort(.unprocessableEntity, reason: "A percentage is at most 100.") }
        let note = form.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await scope.addHandFigure(indicator: record.indicator, basis: basis.rawValue, month: month.iso, value: value,
                                          note: note?.isEmpty == false ? note : nil, by: user.actor)
        return req.redirect(to: "/councils/\(try council.requireID())/targets/\(try record.requireID())#figures")
    }

    /// The basis a target is judged on, or the indicator's first when the notice gave none.
    static func usualBasis(_ status: TargetStatus) -> Basis {
        status.basis != .unspecified ? status.basis : status.target.indicatorID.info.bases.first ?? .inMonth
    }

    /// The records behind one figure as CSV or XLSX (`records.csv`, `records.xlsx` with `?month=&basis=`).
    @Sendable static func exportRecords(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        guard let record = try await req.store.scope(council.requireID()).target(id: try req.uuidParameter("target")) else { throw Abort(.notFound) }
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        guard let status = picture.status(of: record) else { throw Abort(.notFound) }
        let query = try req.query.decode(Query.self)
        // Without a month, the month the figures stand at.
        guard let month = query.month.map(YearMonth.init(iso:)) ?? YearMonth(picture.asOf), let basis = query.basis.map(Basis.init(rawValue:)) ?? Self.usualBasis(status),
              basis != .unspecified else {
            throw Abort(.badRequest, reason: "Choose a month (YYYY-MM) and a basis from the table.")
        }
        let list = try await FigureRecords.load(status.target.indicatorID, month: month, basis: basis, council: council, picture: picture, req: req, today: today)
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

enum TargetView {
    static func page(picture: CouncilPicture, status: TargetStatus, record: TargetModel, drill: FigureRecords?, user: CurrentUser) -> HTML {
        let councilPath = "/councils/\(picture.council.id?.uuidString ?? "")"
        let path = "\(councilPath)/targets/\(record.id?.uuidString ?? "")"
        let indicator = status.target.indicatorID
        let bases: [Basis] = [.inMonth, .cumulativeYearToDate, .rolling12Months, .snapshot]
        let series = bases.compactMap { basis in picture.library.series(indicator, basis).map { (basis, $0) } }
        let months = Array(Set(series.flatMap { $0.1.points.keys })).sorted().reversed()
        let unit = status.target.unit
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        // What does not depend on the user or the month asked for is drawn once per picture.
        let position = picture.statuses.firstIndex { $0.target == status.target } ?? -1
        let head = picture.drawings.value("target \(position) head") { Node<HTML.BodyContext>.group(
            .span(.class("govuk-caption-l"), .text("\(picture.council.name), figures as at \(Format.date(picture.asOf))")),
            .h1(.class("govuk-heading-l"), .text(status.target.indicator.capitalizingFirst)),
            .p(.class("govuk-body"), .text("Status: "), Format.rag(status.rag)),
            .ul(.class("govuk-list govuk-list--bullet"), .forEach(status.reasons) { .li(.text($0)) }),
            .div(.class("target-chart"), .raw(DashboardView.chart(status, picture: picture))),
            .h2(.class("govuk-heading-m"), "Milestones"),
            .table(
                .class("govuk-table"), .id("milestones"),
                .caption(.class("govuk-table__caption"), .text("Baseline \(Format.figure(status.target.baseline?.value, unit: unit))\(status.target.baseline?.period.map { " (\($0))" } ?? "")")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Level"), .th(.attribute(named: "scope", value: "col"), "Due"),
                           .th(.attribute(named: "scope", value: "col"), "Judged on"), .th(.attribute(named: "scope", value: "col"), "Figure"),
                           .th(.attribute(named: "scope", value: "col"), "Forecast"), .th(.attribute(named: "scope", value: "col"), "State"))),
                .tbody(.group(status.milestones.map { milestoneRow($0, unit: unit) }))
            )
        ).render() }
        let figures = picture.drawings.value("target \(position) figures") { Node<HTML.BodyContext>.group(
            .h2(.class("govuk-heading-m"), "Figures by month"),
            .p(.class("govuk-body"), "Choose a figure to see the records behind it."),
            .table(
                .class("govuk-table"), .id("figures"),
                .caption(.class("govuk-table__caption"), "Numerator / denominator and figure, by month and basis"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Month"), .forEach(series) { basis, _ in
                    .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text(Format.basis(basis).capitalizingFirst))
                })),
                .tbody(.forEach(months) { month in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(month.label)), .forEach(series) { basis, s in
                        .td(.class("numeric"), .unwrap(s.points[month]) { point in
                            point.enteredBy == nil
                                ? .a(.class("govuk-link"), .href("\(path)?month=\(month.iso)&basis=\(basis.rawValue)#records"),
                                     .attribute(named: "aria-label", value: "\(Format.basis(basis)) \(month.label): \(Format.figure(point.value, unit: unit)), see the records"),
                                     .text("\(Format.figure(point.value, unit: unit)) (\(Format.amount(point.numerator))/\(Format.amount(point.denominator)))"))
                                : .text("\(Format.figure(point.value, unit: unit)) entered by \(point.enteredBy!)")
                        })
                    })
                })
            )
        ).render() }
        return Layout.page(title: status.target.indicator.capitalizingFirst, user: user,
                           breadcrumbs: (user.role.seesEveryCouncil ? [("Councils", "/councils")] : []) + [(picture.council.name, councilPath)], wide: true, content: .group(
            .raw(head),
            .unwrap(drill) { drill in drill.section(unit: unit, targetPath: path) },
            .if(mayEdit, .details(
                .class("govuk-details"),
                .summary("Enter a figure by hand"),
                .div(.class("govuk-details__text"),
                     .p(.class("govuk-body-s"), "For a month no loaded return covers. A figure computed from the returns is always shown instead of one entered by hand."),
                     .form(
                        .action("\(path)/figures"), .method(.post),
                        Layout.csrf(user),
                        .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("figure-month"), "Month (2011-06)"),
                             .input(.class("govuk-input govuk-input--narrow"), .id("figure-month"), .name("month"), .type(.text))),
                        .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("figure-basis"), "Basis"),
                             Layout.select(id: "figure-basis", name: "basis", options: bases.map { ($0.rawValue, Format.basis($0).capitalizingFirst) })),
                        .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("figure-value"), "Figure"),
                             .input(.class("govuk-input govuk-input--narrow"), .id("figure-value"), .name("value"), .type(.text))),
                        .div(.class("govuk-form-group"), .label(.class("govuk-label"), .for("figure-note"), "Where it comes from"),
                             .input(.class("govuk-input"), .id("figure-note"), .name("note"), .type(.text))),
                        .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Enter the figure")
                     ))
            )),
            .raw(figures)
        ))
    }

    static func milestoneRow(_ m: MilestoneStatus, unit: TargetUnit) -> Node<HTML.TableContext> {
        var figure = "–"
        if let value = m.figure {
            figure = Format.figure(value, unit: unit)
            if let period = m.figurePeriod { figure += " (\(period.description))" }
            if let who = m.enteredBy { figure += ", entered by \(who)" }
        }
        var forecast = "–"
        if let f = m.forecast {
            let low = Format.figure(f.low, unit: unit), high = Format.figure(f.high, unit: unit)
            forecast = "\(Format.figure(f.value, unit: unit)) (90%: \(low)–\(high))"
        }
        return .tr(.td(.text(Format.figure(m.level, unit: unit))), .td(.text(Format.date(m.dueDate))), .td(.text(Format.basis(m.milestone.basis))),
                   .td(.text(figure)), .td(.text(forecast)), .td(Format.state(m.state)))
    }
}
