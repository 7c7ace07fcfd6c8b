import Domain
import Foundation
import Plot
import Published
import Storage
import Vapor

/// Every council in England on one published measure: where each stands against England and its own neighbours,
/// for DfE officials watching many councils. Chosen by a form of plain GET parameters (no JavaScript).
enum EnglandController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let asked = (try? req.query.get(String.self, at: "measure")).flatMap(IndicatorID.init(rawValue:))
        let measure = asked.flatMap(PublishedMeasure.forIndicator) ?? PublishedMeasure.all[0]
        let year = (try? req.query.get(String.self, at: "year")).flatMap { Int($0) }
        let region = (try? req.query.get(String.self, at: "region")).flatMap { $0.isEmpty ? nil : $0 }
        let england = try await req.services.published.england(measure, year: year, store: req.store)
        let snapshot = try await req.services.published.current(store: req.store)
        let available = PublishedMeasure.distinct.filter { snapshot.series($0) != nil }
        // Councils this service holds, so a row can lead to its pages.
        let held = try await req.services.published.heldCouncils(store: req.store)
        let links = held.mapValues { SiteURL.council(CouncilID($0), .compare) }
        let model = EnglandPage.Model(measure: measure, available: available, year: england, region: region, links: links,
                                      inspections: snapshot.inspections)
        let key = ["england", snapshot.fingerprint, measure.indicator.rawValue, england.map { String($0.year) } ?? "", region ?? "",
                   links.keys.sorted().map { "\($0)=\(links[$0]!.path)" }.joined(separator: ",")].joined(separator: "|")
        let body = await req.services.published.drawing(key) { EnglandPage.content(model).render() }
        return Layout.page(title: "Every council in England", user: user, breadcrumbs: [("Councils", .councils)], wide: true, content: .raw(body))
    }
}

enum EnglandPage {
    struct Model: Sendable {
        var measure: PublishedMeasure
        var available: [PublishedMeasure]
        var year: EnglandYear?
        /// A region code to show only its councils.
        var region: String?
        var links: [String: SiteURL]
        /// Ofsted's latest inspection by council number; empty when the workbook is not loaded.
        var inspections: [String: OfstedOutcomes.Inspection]
    }

    static func headline(_ year: EnglandYear, model: Model, regionName: String?, unit: TargetUnit) -> String {
        var text = "England: \(PublishedFormat.figure(year.england, unit: unit))"
        if let code = model.region, let regionName { text += "; \(regionName): \(PublishedFormat.figure(year.regions[code], unit: unit))" }
        let rule = PublishedFormat.rankingRule(model.measure.indicator)
        return text + ". " + rule.prefix(1).uppercased() + rule.dropFirst() + "."
    }

    /// The page's body, the same for every reader (drawn once per choice and kept).
    static func content(_ model: Model) -> Node<HTML.BodyContext> {
        let unit = model.measure.indicator.naturalUnit
        let title = model.measure.indicator.info.title
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        let regions = model.year.map { year in
            Dictionary(year.councils.map { ($0.regionCode, $0.regionName) }, uniquingKeysWith: { a, _ in a }).sorted { $0.value < $1.value }
        } ?? []
        let shown = (model.year?.councils ?? []).filter { model.region == nil || $0.regionCode == model.region }
        let regionName = regions.first { $0.key == model.region }?.value
        return .group(
            .h1(.class("govuk-heading-l"), "Every council in England"),
            .p(.class("govuk-body"), "DfE's published figures for every council, best first, with each council's place among its own ten statistical neighbours. Withheld figures are listed last, as what they are."),
            .form(
                .method(.get), .action(SiteURL.england.path), .class("govuk-!-margin-bottom-6"), .id("choose"),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("measure"), "Measure"),
                     Layout.select(id: "measure", name: "measure", options: model.available.map { ($0.indicator.rawValue, $0.indicator.info.title) },
                                   selected: model.measure.indicator.rawValue)),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("year"), "Year"),
                     Layout.select(id: "year", name: "year", options: [("", "The latest")] + (model.year?.years ?? []).map { (String($0), model.measure.yearLabel($0)) },
                                   selected: model.year.map { String($0.year) })),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("region"), "Region"),
                     Layout.select(id: "region", name: "region", options: [("", "All of England")] + regions.map { ($0.key, $0.value) }, selected: model.region ?? "")),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Show")
            ),
            .unwrap(model.year, { year in
                .group(
                    .h2(.class("govuk-heading-m"), .text("\(title), \(model.measure.yearLabel(year.year))")),
                    .p(.class("govuk-body"), .text(headline(year, model: model, regionName: regionName, unit: unit))),
                    .details(.class("govuk-details"),
                             .summary(.class("govuk-details__summary"), .span(.class("govuk-details__summary-text"), "What DfE's figure is, and how it differs from this service's")),
                             .div(.class("govuk-details__text"), .p(.class("govuk-body"), .text(model.measure.published)),
                                  .p(.class("govuk-body"), .text(model.measure.differs)))),
                    .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "\(shown.count) council\(shown.count == 1 ? "" : "s")\(regionName.map { " in \($0)" } ?? " in England")"), .attribute(named: "tabindex", value: "0"),
.table(
                        .class("govuk-table stack"), .id("england"),
                        .caption(.class("govuk-table__caption"), .text("\(shown.count) council\(shown.count == 1 ? "" : "s")\(regionName.map { " in \($0)" } ?? " in England")")),
                        .thead(.tr(th("Place in England"), th("Council"), th("Region"), th("Figure"), th("Neighbours' average"), th("Rank among neighbours"),
                                   .if(!model.inspections.isEmpty, th("Ofsted's latest judgement")))),
                        .tbody(.forEach(shown) { c in
                            .tr(PublishedFormat.td("Place in England", c.nationalRank.map(PublishedFormat.ordinal) ?? "not ranked"),
                                .th(.attribute(named: "scope", value: "row"),
                                    model.links[c.laCode].map { .a(.class("govuk-link"), .href($0), .text(c.name)) } ?? .text(c.name)),
                                PublishedFormat.td("Region", c.regionName),
                                PublishedFormat.td("Figure", PublishedFormat.cell(c.figure.cell, unit: unit), numeric: true),
                                PublishedFormat.td("Neighbours' average", PublishedFormat.mean(c.neighboursMean, unit: unit), numeric: true),
                                PublishedFormat.td("Rank among neighbours", PublishedFormat.rank(c.rank, of: c.ranked)),
                                .if(!model.inspections.isEmpty, PublishedFormat.td("Ofsted's latest judgement", PublishedFormat.inspection(model.inspections[c.laCode]))))
                        })
                    ))
                )
            }, else: .div(.class("govuk-inset-text"), "No published table holding this measure is loaded."))
        )
    }
}
