import CaseRecords
import Plot
import Storage
import Vapor

/// The data-quality page: each file the council's figures come from, what it holds, and its faults by rule with an
/// example (children by pseudonym).
enum DataQualityView {
    struct Page: Sendable {
        var council: CouncilRef
        /// Nil when no returns have been loaded.
        var reports: [FileReport]?
        var mergeFaults: Int
        var pseudonymiser: Pseudonymiser
    }

    static func faultSection(_ report: FileReport, council: CouncilRef, pseudonymiser p: Pseudonymiser) -> Node<HTML.BodyContext> {
        let byRule = Dictionary(grouping: report.faults, by: { "\($0.severity.rawValue) \($0.rule)" })
        let rows: [Node<HTML.TableContext>] = byRule.keys.sorted().map { rule in
            let example = byRule[rule]![0]
            let who = example.childID.map { ", \(example.recordKind) \(p.pseudonym(council: council.laCode, child: $0))" } ?? ""
            return .tr(.td(.text(rule)), .td(.class("numeric"), .text(String(byRule[rule]!.count))),
                       .td(.text("line \(example.line)\(who), \(example.field): \(Format.datesInWords(example.message))")))
        }
        return .group(
            .h2(.class("govuk-heading-m"), .text(report.file)),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Faults by rule, with an example"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"),
                   .caption(.class("govuk-table__caption"), "Faults by rule, with an example"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Rule"), .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Count"),
                              .th(.attribute(named: "scope", value: "col"), "Example"))),
                   .tbody(.group(rows))))
        )
    }

    static func page(_ page: Page, user: CurrentUser) -> HTML {
        let council = page.council, p = page.pseudonymiser
        let reports = page.reports ?? []
        let crumbs = Layout.crumbs(user, council)
        let faultSections: [Node<HTML.BodyContext>] = reports.filter { !$0.faults.isEmpty }.map { report in
            faultSection(report, council: council, pseudonymiser: p)
        }
        let fileRows: [Node<HTML.TableContext>] = reports.map { report in
            let counts = report.counts.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")) \(report.counts[$0]!)" }.joined(separator: ", ")
            let read = report.readAs.map { "Read as \($0). " } ?? ""
            return .tr(.th(.attribute(named: "scope", value: "row"), .text(report.file)), .td(.text(read + counts)),
                       .td(.class("numeric"), .text(String(report.errors.count))), .td(.class("numeric"), .text(String(report.warnings.count))))
        }
        return Layout.page(title: "Data quality", user: user, breadcrumbs: crumbs, wide: true, content: .group(
            .h1(.class("govuk-heading-l"), .text("Data quality: \(council.name)")),
            .if(page.reports == nil, .p(.class("govuk-body"), "No returns have been loaded.")),
            .p(.class("govuk-body"), .text("\(reports.count) file\(reports.count == 1 ? "" : "s") loaded. Faults are found by the same rules as the community validators; children are shown by pseudonym.")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Files and what they hold"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table"), .id("files"),
                .caption(.class("govuk-table__caption"), "Files and what they hold"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "File"), .th(.attribute(named: "scope", value: "col"), "Records"),
                           .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Errors"), .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Warnings"))),
                .tbody(.group(fileRows))
            )),
            .group(faultSections),
            .if(page.mergeFaults > 0, .p(.class("govuk-body"), .text("\(page.mergeFaults) referral\(page.mergeFaults == 1 ? "" : "s") differ between census years.")))
        ))
    }
}
