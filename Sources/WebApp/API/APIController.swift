import Domain
import Indicators
import Monitoring
import Storage
import Vapor

/// The JSON API: the same reads as the pages, as explicit DTOs (never Fluent models). Described by OpenAPI.swift.
enum APIController {
    struct CouncilDTO: Content {
        var id: UUID
        var la_code: String
        var name: String
        var as_of: String
        var notice_id: UUID?
        var notice_state: String?
        var overall_rag: String?
        var targets_by_rag: [String: Int]
    }

    struct NoticeDTO: Content {
        var id: UUID
        var council_id: UUID
        var state: String
        var notice_date: String?
        var warnings: [String]
        var notice: Notice
    }

    struct MilestoneDTO: Content {
        var level: Double?
        var due: String?
        var basis: String
        var state: String
        var figure: Double?
        var forecast: ForecastDTO?
    }

    struct ForecastDTO: Content {
        var month: String
        var value: Double
        var low: Double
        var high: Double
    }

    struct TargetDTO: Content {
        var id: UUID
        var indicator: String
        var description: String
        var unit: String
        var direction: String
        var baseline: Double?
        var rag: String
        var reasons: [String]
        var latest_month: String?
        var latest_value: Double?
        var milestones: [MilestoneDTO]
    }

    struct PointDTO: Content {
        var month: String
        var period_start: String
        var period_end: String
        var numerator: Double
        var denominator: Double
        var value: Double?
        var entered_by: String?
    }

    struct SeriesDTO: Content {
        var indicator: String
        var basis: String
        var points: [PointDTO]
    }

    static func dto(_ picture: CouncilPicture) throws -> CouncilDTO {
        CouncilDTO(id: picture.council.key, la_code: picture.council.laCode, name: picture.council.name, as_of: picture.asOf.iso,
                   notice_id: picture.noticeRecord?.key, notice_state: picture.noticeRecord?.state, overall_rag: picture.overall?.rawValue,
                   targets_by_rag: Dictionary(picture.statuses.map { ($0.rag.rawValue, 1) }, uniquingKeysWith: +))
    }

    static func dto(_ status: TargetStatus, id: UUID) -> TargetDTO {
        TargetDTO(id: id, indicator: status.target.indicatorID.rawValue, description: status.target.indicator, unit: status.target.unit.rawValue,
                  direction: status.target.direction.rawValue, baseline: status.target.baseline?.value, rag: status.rag.rawValue, reasons: status.reasons,
                  latest_month: status.latest?.month.iso, latest_value: status.latest?.value,
                  milestones: status.milestones.map { m in
                      MilestoneDTO(level: m.level, due: m.dueDate?.iso, basis: m.milestone.basis.rawValue, state: m.state.rawValue, figure: m.figure,
                                   forecast: m.forecast.map { ForecastDTO(month: $0.month.iso, value: $0.value, low: $0.low, high: $0.high) })
                  })
    }

    @Sendable static func councils(req: Request) async throws -> [CouncilDTO] {
        let user = try req.requireUser()
        var councils = try await req.store.councils()
        if !user.role.seesEveryCouncil { councils = councils.filter { $0.id.map(user.councils.contains) ?? false } }
        var result: [CouncilDTO] = []
        for council in councils {
            result.append(try dto(try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))))
        }
        return result
    }

    @Sendable static func council(req: Request) async throws -> CouncilDTO {
        let council = try await req.pathCouncil()
        return try dto(try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council)))
    }

    @Sendable static func notice(req: Request) async throws -> NoticeDTO {
        let council = try await req.pathCouncil()
        let scope = req.store.scope(try council.requireID())
        guard let record = try await scope.currentNotice(), let notice = try await scope.storedNotice(record) else {
            throw Abort(.notFound, reason: "No notice has been loaded for this council.")
        }
        return NoticeDTO(id: try record.requireID(), council_id: try council.requireID(), state: record.state, notice_date: notice.noticeDate?.iso ?? record.noticeDate,
                         warnings: try await scope.warnings(of: record), notice: notice)
    }

    @Sendable static func targets(req: Request) async throws -> [TargetDTO] {
        let council = try await req.pathCouncil()
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        return picture.rows.compactMap { id, status in id.uuid.map { dto(status, id: $0) } }
    }

    @Sendable static func target(req: Request) async throws -> TargetDTO {
        let council = try await req.pathCouncil()
        let id = try req.uuidParameter(TargetKind.self)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        guard let status = picture.status(of: TargetID(id)) else { throw Abort(.notFound) }
        return dto(status, id: id)
    }

    /// What `improve status --format json` prints, from the council's picture: the same pipeline, the same writer.
    @Sendable static func status(req: Request) async throws -> Response {
        let council = try await req.pathCouncil()
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        guard let notice = picture.notice, let calendar = picture.calendar else { throw Abort(.notFound, reason: "No notice has been loaded for this council.") }
        let object = StatusJSON.object(notice, date: picture.noticeDate, asOf: picture.asOf, statuses: picture.statuses, calendar: calendar,
                                       exceptions: picture.exceptions, notes: picture.notes)
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: body))
    }

    /// The records behind one figure: `?basis=B&month=YYYY-MM`, children by pseudonym.
    @Sendable static func records(req: Request) async throws -> FigureRecords.DTO {
        let council = try await req.pathCouncil()
        guard let indicator = req.parameters.get(IndicatorKind.parameter).flatMap(IndicatorID.init(rawValue:)) else { throw Abort(.notFound) }
        let today = req.settings.today(for: council)
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: today)
        // Without a month, the month the figures stand at.
        guard let (month, basis) = try FigureRecords.choice(req, month: YearMonth(picture.asOf), basis: .inMonth) else { throw Abort(.notFound) }
        return try await FigureRecords.load(indicator, month: month, basis: basis, picture: picture, req: req, today: today).dto
    }

    @Sendable static func series(req: Request) async throws -> SeriesDTO {
        let council = try await req.pathCouncil()
        guard let indicator = req.parameters.get(IndicatorKind.parameter).flatMap(IndicatorID.init(rawValue:)) else { throw Abort(.notFound) }
        let basisText = (try? req.query.get(String.self, at: "basis")) ?? "in_month"
        guard let basis = Basis(rawValue: basisText), basis != .unspecified else {
            throw Abort(.badRequest, reason: "basis must be one of in_month, cumulative_ytd, rolling_12_months, snapshot")
        }
        let picture = try await req.services.pictures.picture(of: council, store: req.store, today: req.settings.today(for: council))
        let series = picture.library.series(indicator, basis)
        let points = (series?.points ?? [:]).keys.sorted().map { month in
            let p = series!.points[month]!
            return PointDTO(month: month.iso, period_start: p.period.start.iso, period_end: p.period.end.iso, numerator: p.numerator,
                            denominator: p.denominator, value: p.value, entered_by: p.enteredBy)
        }
        return SeriesDTO(indicator: indicator.rawValue, basis: basis.rawValue, points: points)
    }
}
