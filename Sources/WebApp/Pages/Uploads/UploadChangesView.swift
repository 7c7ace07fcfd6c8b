import Domain
import Plot

extension UploadView {
    /// What the import changed: the month the figures now run to, and for each target every month whose figure moved,
    /// before and after, as the dashboard will now show them.
    static func changes(_ report: ImportReport, council: CouncilRef) -> Node<HTML.BodyContext> {
        guard let changes = report.changes else { return .empty }
        let runsTo = report.runsTo.flatMap(YearMonth.init(iso:)), ranTo = report.ranTo.flatMap(YearMonth.init(iso:))
        let standing: String = {
            guard let runsTo else { return "No target has a figure yet." }
            guard let ranTo else { return "The targets' figures now run to \(runsTo.label); before this import there were none." }
            return ranTo == runsTo ? "The targets' figures still run to \(runsTo.label)."
                : "The targets' figures now run to \(runsTo.label) (before this import, \(ranTo.label))."
        }()
        return .group(
            .h2(.class("govuk-heading-m"), .id("what-changed"), "What changed"),
            .p(.class("govuk-body"), .id("runs-to"), .text(standing)),
            .if(changes.isEmpty, .p(.class("govuk-body"), .id("no-change"), "No target's figure changed.")),
            .forEach(changes) { change in
                let caption = "\(change.target.capitalizingFirst) (\(change.basis)): \(change.months.count) month\(change.months.count == 1 ? "" : "s") changed"
                return .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: caption),
                            .attribute(named: "tabindex", value: "0"),
                            .table(.class("govuk-table app-changes"),
                                   .caption(.class("govuk-table__caption"), .text(caption)),
                                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Month"),
                                              .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Before"),
                                              .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Now"))),
                                   .tbody(.forEach(change.months.reversed()) { m in
                                       .tr(.th(.attribute(named: "scope", value: "row"), .text(YearMonth(iso: m.month)?.label ?? m.month)),
                                           .td(.class("numeric"), .text(m.before.map { Format.figure($0, unit: change.targetUnit) } ?? "no figure")),
                                           .td(.class("numeric"), .text(m.after.map { Format.figure($0, unit: change.targetUnit) } ?? "no figure")))
                                   })))
            })
    }
}
