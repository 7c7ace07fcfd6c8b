import Domain
import Foundation
import Plot
import Published
import Storage
import Vapor

/// How a council compares with England, its region and its statistical neighbours on DfE's published figures.
enum CompareController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try CouncilRef(try await req.pathCouncil())
        let snapshot = try await req.services.published.current(store: req.store)
        let key = ["compare", snapshot.fingerprint, council.laCode, council.name, council.id.description].joined(separator: "|")
        let body = await req.services.published.drawing(key) { ComparePage.content(ComparePage.model(council: council, snapshot: snapshot)).render() }
        return Layout.page(title: "How \(council.name) compares", user: user, breadcrumbs: Layout.crumbs(user, council), wide: true, content: .raw(body))
    }

    /// `GET /api/v1/councils/{council}/benchmarks/{indicator}`: what `improve benchmarks --format json` prints.
    @Sendable static func api(req: Request) async throws -> Response {
        let council = try CouncilRef(try await req.pathCouncil())
        guard let indicator = req.parameters.get(IndicatorKind.parameter).flatMap(IndicatorID.init(rawValue:)),
              let measure = PublishedMeasure.forIndicator(indicator) else { throw Abort(.notFound, reason: "DfE publishes no figure for that indicator") }
        let snapshot = try await req.services.published.current(store: req.store)
        let model = (try? req.query.get(String.self, at: "neighbours")) ?? PublishedLibrary.defaultModel
        guard let series = snapshot.series(measure) else { throw Abort(.notFound, reason: "no loaded table holds \(measure.column)") }
        guard let neighbours = snapshot.library.neighbourModels[model] else { throw Abort(.notFound, reason: "the \(model) neighbour model is not loaded") }
        let years: [BenchmarkYear]
        do { years = try Benchmarks.compare(council: council.laCode, series: series, neighbours: neighbours) } catch { throw Abort(.notFound, reason: error.description) }
        let body = BenchmarkOutput.json(years, council: council.laCode, measure: measure, library: snapshot.library, model: model)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

/// The page's model and view.
enum ComparePage {
    struct Measure: Sendable {
        var measure: PublishedMeasure
        var title: String
        var unit: TargetUnit
        /// Newest first.
        var years: [BenchmarkYear]
    }

    struct Model: Sendable {
        var council: CouncilRef
        var region: String
        var measures: [Measure]
        var neighbours: [(name: String, closeness: String)]
        var inspection: OfstedOutcomes.Inspection?
        var nothingLoaded: Bool
    }

    static func model(council: CouncilRef, snapshot: PublishedCache.Snapshot) -> Model {
        let library = snapshot.library
        let neighbourModel = library.neighbourModels[PublishedLibrary.defaultModel]
        var measures: [Measure] = []
        for measure in PublishedMeasure.distinct {
            guard let series = snapshot.series(measure), let neighbourModel,
                  let years = try? Benchmarks.compare(council: council.laCode, series: series, neighbours: neighbourModel), !years.isEmpty else { continue }
            measures.append(Measure(measure: measure, title: measure.indicator.info.title, unit: measure.indicator.naturalUnit, years: years.reversed()))
        }
        let names = neighbourModel?.councils ?? [:]
        let neighbours = (neighbourModel?.neighbours(of: council.laCode) ?? []).map { (names[$0.laCode]?.name ?? library.place(ofCouncil: $0.laCode)?.laName ?? "another council", $0.closeness) }
        return Model(council: council, region: library.place(ofCouncil: council.laCode)?.regionName ?? "",
                     measures: measures, neighbours: neighbours, inspection: snapshot.inspections[council.laCode], nothingLoaded: library.tables.isEmpty)
    }

    /// The page's body, the same for every reader of the council (drawn once per set of published files and kept).
    static func content(_ model: Model) -> Node<HTML.BodyContext> {
        let council = model.council
        let regionLabel = model.region.isEmpty ? "Region" : model.region
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .group(
            .h1(.class("govuk-heading-l"), .text("How \(council.name) compares")),
            .p(.class("govuk-body"), .text("DfE's published figures for each year, beside England, the \(model.region.isEmpty ? "council's region" : model.region) and the council's ten statistical neighbours (the councils most like it, in DfE's 2025 model). Where the publisher withheld a small number, the page says so; it is never counted as nought.")),
            .if(model.nothingLoaded, .div(.class("govuk-inset-text"), "No published statistics are loaded yet. An administrator loads them on the published statistics page.")),
            .unwrap(model.inspection) { inspection in
                .group(
                    .h2(.class("govuk-heading-m"), "Ofsted's latest inspection of children's services"),
                    .dl(.class("govuk-summary-list"), .id("ofsted"),
                        .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), "Overall effectiveness"),
                             .dd(.class("govuk-summary-list__value"), .text("\(inspection.overall), inspected \(PublishedFormat.ofstedDate(inspection.inspected)), published \(PublishedFormat.ofstedDate(inspection.published))"))),
                        .forEach(inspection.judgements, { j in
                            .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), .text(j.heading)),
                                 .dd(.class("govuk-summary-list__value"), .text(j.judgement)))
                        }))
                )
            },
            .if(!model.measures.isEmpty, .group(
                .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Latest published figures"), .attribute(named: "tabindex", value: "0"),
.table(
                    .class("govuk-table stack"), .id("latest"),
                    .caption(.class("govuk-table__caption govuk-table__caption--m"), "The latest published year"),
                    .thead(.tr(th("Measure"), th("Year"), th(council.name), th("England"), th(model.region.isEmpty ? "Region" : model.region),
                               th("Neighbours' average (lowest to highest)"), th("Rank among neighbours"))),
                    .tbody(.forEach(model.measures) { m in
                        let y = m.years[0]
                        return .tr(
                            .th(.attribute(named: "scope", value: "row"), .a(.class("govuk-link"), .href("#\(m.measure.indicator.rawValue)"), .text(m.title))),
                            PublishedFormat.td("Year", m.measure.yearLabel(y.year)),
                            PublishedFormat.td(council.name, PublishedFormat.figure(y.council, unit: m.unit), numeric: true),
                            PublishedFormat.td("England", PublishedFormat.figure(y.england, unit: m.unit), numeric: true),
                            PublishedFormat.td(regionLabel, PublishedFormat.figure(y.region, unit: m.unit), numeric: true),
                            PublishedFormat.td("Neighbours' average", range(y, unit: m.unit)),
                            PublishedFormat.td("Rank among neighbours", PublishedFormat.rank(y.rank, of: y.ranked))
                        )
                    })
                )),
                .details(.class("govuk-details"),
                         .summary(.class("govuk-details__summary"), .span(.class("govuk-details__summary-text"), "The statistical neighbours")),
                         .div(.class("govuk-details__text"),
                              .ul(.class("govuk-list govuk-list--bullet"), .forEach(model.neighbours) { .li(.text("\($0.name) (\($0.closeness.lowercased()))")) }))),
                .forEach(model.measures) { m in section(m, council: council, region: model.region) }
            ))
        )
    }

    static func range(_ y: BenchmarkYear, unit: TargetUnit) -> String {
        guard let mean = y.neighboursMean else { return "none published" }
        return "\(PublishedFormat.mean(mean, unit: unit)) (\(PublishedFormat.figure(y.neighboursMin, unit: unit)) to \(PublishedFormat.figure(y.neighboursMax, unit: unit)))"
    }

    static func section(_ m: Measure, council: CouncilRef, region: String) -> Node<HTML.BodyContext> {
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .section(
            .id(m.measure.indicator.rawValue),
            .h2(.class("govuk-heading-m"), .text(m.title)),
            .p(.class("govuk-body"), .text("DfE publishes: \(m.measure.published)")),
            .div(.class("govuk-inset-text"), .text("How it differs from this service's own figure: \(m.measure.differs)")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Every published year"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table stack"),
                .caption(.class("govuk-table__caption govuk-table__caption--s"), .text("\(m.title), year by year (\(PublishedFormat.rankingRule(m.measure.indicator)))")),
                .thead(.tr(th("Year"), th(council.name), th("England"), th(region.isEmpty ? "Region" : region), th("Neighbours' average (lowest to highest)"), th("Rank among neighbours"))),
                .tbody(.forEach(m.years) { y in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(m.measure.yearLabel(y.year))),
                        PublishedFormat.td(council.name, PublishedFormat.figure(y.council, unit: m.unit), numeric: true),
                        PublishedFormat.td("England", PublishedFormat.figure(y.england, unit: m.unit), numeric: true),
                        PublishedFormat.td(region.isEmpty ? "Region" : region, PublishedFormat.figure(y.region, unit: m.unit), numeric: true),
                        PublishedFormat.td("Neighbours' average", range(y, unit: m.unit)),
                        PublishedFormat.td("Rank among neighbours", PublishedFormat.rank(y.rank, of: y.ranked)))
                })
            ))
        )
    }
}
