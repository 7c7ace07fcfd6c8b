import Domain
import Foundation
import Monitoring
import Plot
import Storage

/// The board's own targets: those in force (tracked like the notice's), those waiting for the board, the form to
/// propose one, and every earlier version.
enum BoardTargetView {
    typealias Row = (id: UUID, proposedAt: Date?, target: BoardTarget)

    static func page(_ data: BoardData, revising: UUID?, user: CurrentUser) -> HTML {
        let council = data.council
        let all = data.picture.board.boardTargets
        let inForce = all.filter(\.target.isInForce)
        let waiting = all.filter { $0.target.state == .proposed }
        let history = all.filter { !$0.target.isInForce && $0.target.state != .proposed }.reversed()
        let mayPropose = Access.roles(for: .editCouncil).contains(user.role)
        let revised = revising.flatMap { id in inForce.first { $0.id == id } }
        let names = Dictionary(all.map { ($0.id, $0.target.target.indicator) }, uniquingKeysWith: { a, _ in a })
        let historyRows: [(Row, String)] = history.map { row in (row, describe(row.target, names: names) + " " + outcome(row.target)) }
        let historyTable: Node<HTML.DetailsContext> = table(id: "history", caption: "Refused, replaced and retired", rows: historyRows, council: council, link: false, actions: nil)
        return Layout.page(title: "The board's targets", user: user, breadcrumbs: BoardViews.crumbs(data, user), wide: true, content: .group(
            .h1(.class("govuk-heading-l"), .text("The board's targets: \(council.name)")),
            .p(.class("govuk-body"), "Targets the Improvement Board sets itself, beside the notice's. The council proposes one; it is tracked, rated and forecast like the notice's targets once the board agrees it at a meeting. Changing or retiring one goes to the board the same way."),
            .h2(.class("govuk-heading-m"), "In force"),
            .if(inForce.isEmpty, .p(.class("govuk-body"), .id("none-in-force"), "The board has agreed no targets of its own yet.")),
            .if(!inForce.isEmpty, table(id: "in-force", caption: "Agreed by the board", rows: inForce.map { ($0, "Agreed at meeting \($0.target.meeting ?? 0)") },
                                        council: council, link: true, actions: mayPropose ? { changeForms($0, council: council, user: user) } : nil)),
            .h2(.class("govuk-heading-m"), .id("waiting"), "Waiting for the board"),
            .if(waiting.isEmpty, .p(.class("govuk-body"), "Nothing is waiting.")),
            .if(!waiting.isEmpty, table(id: "waiting-table", caption: "Proposed, to be decided at the next meeting", rows: waiting.map { row in
                (row, describe(row.target, names: names) + " Proposed by \(row.target.proposedBy): \(row.target.reason)")
            }, council: council, link: false, actions: nil)),
            .if(mayPropose, form(data, revised: revised, user: user)),
            .if(!history.isEmpty, .details(.class("govuk-details"), .summary(.text("Earlier versions and decisions (\(history.count))")),
                .div(.class("govuk-details__text"), historyTable)))
        ))
    }

    /// Beside a target in force: a link to propose a change, and a form to propose retiring it.
    static func changeForms(_ row: Row, council: CouncilRef, user: CurrentUser) -> Node<HTML.BodyContext> {
        let name = row.target.target.indicator
        let link = council.url(.boardTargets).with(query: ["revise": row.id.uuidString], fragment: "propose")
        return .group(
            .a(.class("govuk-link"), .href(link), .text("Propose a change"), .span(.class("govuk-visually-hidden"), .text(" to \(name)"))),
            .form(.action(council.url(.boardTargets)), .method(.post), Layout.csrf(user),
                  .input(.type(.hidden), .name("change"), .value("retire")), .input(.type(.hidden), .name("replaces"), .value(row.id.uuidString)),
                  Field.text(form: "retire-\(row.id)", id: "retire-reason-\(row.id)", name: "reason", label: "Why retire it"),
                  .button(.type(.submit), .class("govuk-button govuk-button--secondary govuk-button--small"), "Propose retiring it")))
    }

    /// A proposal in a sentence, for the meeting that decides it.
    static func proposalSentence(_ row: Row, all: [Row]) -> String {
        let names = Dictionary(all.map { ($0.id, $0.target.target.indicator) }, uniquingKeysWith: { a, _ in a })
        let t = row.target.target
        var text = describe(row.target, names: names)
        if row.target.change != .retire {
            text += " \(milestones(t))."
            if let baseline = t.baseline?.value { text += " Baseline \(Format.figure(baseline, unit: t.unit))." }
        }
        return text + " " + row.target.reason
    }

    static func describe(_ b: BoardTarget, names: [UUID: String]) -> String {
        switch b.change {
        case .new: return "A new target."
        case .revise: return "A change to \"\(b.replaces.flatMap { names[$0] } ?? "a target")\"."
        case .retire: return "Retire \"\(b.replaces.flatMap { names[$0] } ?? "a target")\"."
        }
    }

    static func outcome(_ b: BoardTarget) -> String {
        let at = b.meeting.map { " at meeting \($0)" } ?? ""
        switch b.state {
        case .refused: return "Not agreed\(at)."
        case .replaced: return "Replaced by a later version\(at)."
        case .retired: return "Retired\(at)."
        case .agreed: return "Agreed\(at)."
        case .proposed: return "Waiting for the board."
        }
    }

    static func milestones(_ t: Target) -> String {
        t.milestones.map { m in
            "\(m.value.map { Format.figure($0, unit: t.unit) } ?? "–") by \(Format.date(m.due?.resolved(noticeDate: nil)))"
        }.joined(separator: "; ")
    }

    static func table<Context: HTML.BodyContext>(id: String, caption: String, rows: [(Row, String)], council: CouncilRef, link: Bool,
                                                 actions: ((Row) -> Node<HTML.BodyContext>)?) -> Node<Context> {
        .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: caption), .attribute(named: "tabindex", value: "0"),
             .table(.class("govuk-table"), .id(id), .caption(.class("govuk-table__caption"), .text(caption)),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Target"), .th(.attribute(named: "scope", value: "col"), "Baseline"),
                               .th(.attribute(named: "scope", value: "col"), "Milestones"), .th(.attribute(named: "scope", value: "col"), "State"),
                               .if(actions != nil, .th(.attribute(named: "scope", value: "col"), "Change it")))),
                    .tbody(.forEach(rows) { row, state in
                        let t = row.target.target
                        return .tr(.th(.attribute(named: "scope", value: "row"), link ? .a(.class("govuk-link"), .href(council.url(.target(TargetID(row.id)))), .text(t.indicator.capitalizingFirst)) : .text(t.indicator.capitalizingFirst)),
                                   .td(.text(t.baseline?.value.map { Format.figure($0, unit: t.unit) + (t.baseline?.period.flatMap(YearMonth.init(iso:)).map { " (\($0.label))" } ?? "") } ?? "none")),
                                   .td(.text(milestones(t))), .td(.text(state)),
                                   .unwrap(actions) { .td($0(row)) })
                    })))
    }
}
