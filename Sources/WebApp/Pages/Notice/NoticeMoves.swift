import Domain
import Monitoring
import NoticeReader
import Plot

/// What a new notice date moves: board meetings, deadlines and reviews on the calendar, and milestones counted in
/// months from the notice. Each is paired with itself before and after by what it is and its place among its kind.
enum NoticeMoves {
    struct Move: Sendable, Equatable {
        var what: String
        var from: CalendarDate?
        var to: CalendarDate?
    }

    static func moves(notice: Notice, from before: CalendarDate?, to after: CalendarDate?, asOf: CalendarDate) -> [Move] {
        guard before != after else { return [] }
        var moves: [Move] = []
        let old = NoticeCalendar(notice: notice, noticeDate: before, asOf: asOf).entries
        let new = NoticeCalendar(notice: notice, noticeDate: after, asOf: asOf).entries
        func keyed(_ entries: [NoticeCalendar.Entry]) -> [String: [CalendarDate?]] {
            Dictionary(grouping: entries, by: { "\($0.kind.rawValue)|\($0.what)" }).mapValues { $0.map(\.date) }
        }
        let oldByKey = keyed(old), newByKey = keyed(new)
        var seen: Set<String> = []
        for entry in old + new {
            let key = "\(entry.kind.rawValue)|\(entry.what)"
            guard seen.insert(key).inserted else { continue }
            let a = oldByKey[key] ?? [], b = newByKey[key] ?? []
            for k in 0..<max(a.count, b.count) {
                let from = k < a.count ? a[k] : nil, to = k < b.count ? b[k] : nil
                if from != to { moves.append(Move(what: entry.what.capitalizingFirst, from: from, to: to)) }
            }
        }
        for (i, target) in notice.targets.enumerated() {
            for (j, milestone) in target.milestones.enumerated() {
                guard case .afterNotice = milestone.due else { continue }
                let from = milestone.due?.resolved(noticeDate: before), to = milestone.due?.resolved(noticeDate: after)
                if from != to {
                    moves.append(Move(what: "Target \(i + 1) (\(NoticeFields.indicatorName(target.indicatorID).lowercasedInitial)), milestone \(j + 1)",
                                      from: from, to: to))
                }
            }
        }
        return moves
    }
}

extension NoticeView {
    /// "Check your answers" before a new notice date moves the calendar: what moves, from when to when, and the
    /// choice to go ahead or leave the date as it was.
    static func confirmMoves(council: CouncilRef, id: NoticeID, field: NoticeFields.Field, typed: String, before: CalendarDate?, after: CalendarDate?,
                             moves: [NoticeMoves.Move], user: CurrentUser) -> HTML {
        Layout.page(title: "Check the dates that will move", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
            .h1(.class("govuk-heading-l"), "Check the dates that will move"),
            .p(.class("govuk-body"), .text("Changing the notice's date from \(Format.date(before)) to \(Format.date(after)) moves \(moves.count) "
                + (moves.count == 1 ? "date" : "dates") + " counted from it.")),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "What moves with the new date"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("moves"),
                   .caption(.class("govuk-table__caption govuk-table__caption--m"), "What moves"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "What"), .th(.attribute(named: "scope", value: "col"), "Now"),
                              .th(.attribute(named: "scope", value: "col"), "After the change"))),
                   .tbody(.forEach(moves) { move in
                       .tr(.td(.text(move.what)), .td(.text(Format.date(move.from))), .td(.text(Format.date(move.to))))
                   }))),
            .form(.action(council.url(.noticeFields(id))), .method(.post), Layout.csrf(user),
                  .input(.type(.hidden), .name("field"), .value(field.path)),
                  .input(.type(.hidden), .name("verdict"), .value("corrected")),
                  .input(.type(.hidden), .name("value"), .value(typed)),
                  .input(.type(.hidden), .name("move"), .value("yes")),
                  .div(.class("govuk-button-group"),
                       .button(.type(.submit), .class("govuk-button"), .id("move-dates"), "Change the date and move these"),
                       .a(.class("govuk-link"), .href(council.url(.noticeVersion(id)).with(query: [:], fragment: "field-\(NoticeController.anchor(field.path))")),
                          "Leave the date as it is")))
        ))
    }
}

extension String {
    /// "Re-referrals within 12 months" → "re-referrals within 12 months"; acronyms ("ICPC") are left alone.
    var lowercasedInitial: String {
        guard let first, first.isUppercase, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
