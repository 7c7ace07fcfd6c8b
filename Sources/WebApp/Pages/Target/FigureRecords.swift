import Domain
import Foundation
import Indicators
import Plot
import Reports
import Storage
import Vapor

/// The records behind one figure, as a list a team manager can act on: the page model the target page, its CSV and
/// XLSX downloads and the API all draw from. Children appear only by keyed pseudonym.
struct FigureRecords: Sendable {
    struct Row: Sendable {
        var child: String
        var kind: String
        var dates: [RecordDetail.DateField]
        var elapsed: Int?
        var elapsedUnit: String?
        var worker: String?
        var inNumerator: Bool
    }

    var indicator: IndicatorID
    var month: YearMonth
    var basis: Basis
    var result: IndicatorResult?
    /// Those that did not meet the standard first.
    var rows: [Row]
    /// Why there is no list, when there is none.
    var note: String?

    /// What "in the numerator" means to a reader of this indicator.
    var countedHeading: String { indicator.betterWhen == .increase ? "Met the standard" : "Counted in the figure" }

    /// Reads the council's records and evaluates the one figure with its records. The audit indicators are computed
    /// from the audits the application holds (recorded here or brought by uploads), as the figure on the page is.
    static func load(_ indicator: IndicatorID, month: YearMonth, basis: Basis, picture: CouncilPicture,
                     req: Request, today: CalendarDate) async throws -> FigureRecords {
        let council = picture.council
        var list = FigureRecords(indicator: indicator, month: month, basis: basis, result: nil, rows: [], note: nil)
        guard let definition = IndicatorCatalogue.all.first(where: { $0.id == indicator }) else {
            list.note = "This target is not computed from records; its figures are entered by hand."
            return list
        }
        guard definition.bases.contains(basis) else {
            list.note = "This indicator is not reported on that basis."
            return list
        }
        let data: CaseData
        if AuditFigures.indicators.contains(indicator), !picture.board.audits.isEmpty {
            data = CaseData(bundle: AuditFigures.tables(picture.board.audits.map(\.audit)))
        } else if let entry = try await req.services.cache.data(for: council.key, store: req.store, today: today) {
            data = entry.data
        } else {
            list.note = "No returns have been loaded."
            return list
        }
        guard let result = IndicatorEngine(definitions: [definition]).evaluate(data, .init(months: [month], bases: [basis], keepRecords: true)).first else {
            list.note = "This indicator is not reported on that basis."
            return list
        }
        list.result = result
        if indicator.info.records == .amounts {
            list.note = "This figure is made of full-time equivalents and days, not records."
            return list
        }
        let p = req.services.pseudonymiser
        var rows = data.details(of: result).map { d in
            Row(child: d.child.isEmpty ? "–" : p.pseudonym(council: council.laCode, child: d.child), kind: d.kind, dates: d.dates,
                elapsed: d.elapsed, elapsedUnit: d.elapsedUnit, worker: d.worker, inNumerator: d.inNumerator)
        }
        // Failed first: for a lower-is-better or unrated figure, what it counts is what a team manager looks at first.
        if indicator.betterWhen != .increase { rows = rows.filter(\.inNumerator) + rows.filter { !$0.inNumerator } }
        list.rows = rows
        return list
    }

    static func datesText(_ dates: [RecordDetail.DateField]) -> String {
        dates.map { "\($0.label) \(Format.date($0.date))" }.joined(separator: "; ")
    }

    static func elapsedText(_ row: Row) -> String {
        row.elapsed.map { "\($0) \(row.elapsedUnit ?? "days")" } ?? "–"
    }

    /// The list as a table for CSV and XLSX.
    var table: ReportTable {
        ReportTable(name: "records", caption: "Records behind \(month.label), \(Format.basis(basis))",
                    header: ["Child (pseudonym)", "Record", "Dates", "Time taken", "Worker", countedHeading],
                    rows: rows.map { row in
                        [.text(row.child), .text(row.kind), .text(Self.datesText(row.dates)), .text(Self.elapsedText(row)),
                         .text(row.worker ?? ""), .text(row.inNumerator ? "Yes" : "No")]
                    })
    }

    static let shown = 500

    /// The section of the target page.
    func section(unit: TargetUnit, council: CouncilRef, target: TargetID) -> Node<HTML.BodyContext> {
        func download(_ format: DownloadFormat) -> String {
            council.url(.targetRecords(target, format)).with(query: ["month": month.iso, "basis": basis.rawValue])
        }
        return .div(
            .id("records"),
            .h2(.class("govuk-heading-m"), .text("Records behind \(month.label), \(Format.basis(basis))")),
            .unwrap(note) { .p(.class("govuk-body"), .text($0)) },
            .unwrap(result) { result in
                .p(.class("govuk-body"), .text("\(Format.amount(result.numerator)) of \(Format.amount(result.denominator)): \(Format.figure(result.value, unit: unit))."))
            },
            .if(!rows.isEmpty, .group(
                .p(.class("govuk-body"), .text("Children are shown by pseudonym. "
                    + (indicator.betterWhen == .increase ? "Records that did not meet the standard come first." : "Records counted in the figure come first."))),
                .p(.class("govuk-body"), .a(.class("govuk-link"), .href(download(.csv)), "Download these records (CSV)"), .text(" or "),
                   .a(.class("govuk-link"), .href(download(.xlsx)), "as a spreadsheet (XLSX)")),
                .div(.class("app-table-scroll"), .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "The records behind the figure"), .attribute(named: "tabindex", value: "0"),
.table(
                    .class("govuk-table"), .id("record-table"),
                    .caption(.class("govuk-table__caption govuk-table__caption--s"), .text("\(rows.count) record\(rows.count == 1 ? "" : "s")")),
                    .thead(.tr(.forEach(["Child", "Record", "Dates", "Time taken", "Worker", countedHeading]) {
                        .th(.class("govuk-table__header"), .attribute(named: "scope", value: "col"), .text($0))
                    })),
                    .tbody(.forEach(rows.prefix(Self.shown)) { row in
                        .tr(.class("govuk-table__row"),
                            .td(.class("govuk-table__cell"), .text(row.child)), .td(.class("govuk-table__cell"), .text(row.kind)),
                            .td(.class("govuk-table__cell"), .text(Self.datesText(row.dates))), .td(.class("govuk-table__cell"), .text(Self.elapsedText(row))),
                            .td(.class("govuk-table__cell"), .text(row.worker ?? "–")),
                            .td(.class("govuk-table__cell"), .strong(.class(row.inNumerator == (indicator.betterWhen == .increase) ? "govuk-tag govuk-tag--green" : "govuk-tag govuk-tag--red"),
                                                                    .text(row.inNumerator ? "Yes" : "No"))))
                    })
                ))),
                .if(rows.count > Self.shown, .p(.class("govuk-body-s"), .text("The first \(Self.shown) are shown; the download has them all.")))
            ))
        )
    }
}

extension FigureRecords {
    /// The figure a request asks for: `?month=YYYY-MM&basis=B`. Without a month, `month` (nil: no figure is asked for);
    /// without a basis, `basis`. The target page, its downloads and the API read the query the same way.
    static func choice(_ req: Request, month fallbackMonth: YearMonth?, basis fallbackBasis: Basis) throws -> (month: YearMonth, basis: Basis)? {
        struct Query: Decodable {
            var month: String?
            var basis: String?
        }
        let query = try req.query.decode(Query.self)
        guard let month = query.month.map(YearMonth.init(iso:)) ?? fallbackMonth else {
            if query.month == nil { return nil }
            throw Abort(.badRequest, reason: "Give the month as YYYY-MM, like 2011-06.")
        }
        guard let basis = query.basis.map(Basis.init(rawValue:)) ?? fallbackBasis, basis != .unspecified else {
            throw Abort(.badRequest, reason: "The basis is one of in_month, cumulative_ytd, rolling_12_months or snapshot.")
        }
        return (month, basis)
    }

    /// The records as the API gives them.
    struct DTO: Content {
        struct Record: Content {
            var child: String
            var record: String
            var dates: [String: String]
            var time_taken: Int?
            var time_unit: String?
            var worker: String?
            var in_numerator: Bool
        }

        var indicator: String
        var basis: String
        var month: String
        var numerator: [Record]
        var denominator: [Record]
        var value: Double?
        var note: String?
    }

    var dto: DTO {
        func record(_ row: Row) -> DTO.Record {
            DTO.Record(child: row.child, record: row.kind, dates: Dictionary(row.dates.map { ($0.label, $0.date.iso) }, uniquingKeysWith: { a, _ in a }),
                       time_taken: row.elapsed, time_unit: row.elapsedUnit, worker: row.worker, in_numerator: row.inNumerator)
        }
        // A count (divided by one) lists its records as the numerator and has no denominator records.
        let counted = indicator.info.records == .counted
        return DTO(indicator: indicator.rawValue, basis: basis.rawValue, month: month.iso, numerator: rows.filter(\.inNumerator).map(record),
                   denominator: counted ? [] : rows.map(record), value: result?.value, note: note)
    }
}
