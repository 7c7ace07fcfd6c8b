import Domain
import Plot
import Storage
import Vapor

enum AuditView {
    /// The programme the board agreed: how often audits are done, how many cases each time, from when.
    struct Programme: Sendable {
        var frequencyWeeks: Int
        var casesPerRound: Int
        var startsOn: String
        var agreedAtMeeting: Int?

        init(_ model: AuditProgrammeModel) {
            frequencyWeeks = model.frequencyWeeks
            casesPerRound = model.casesPerRound
            startsOn = model.startsOn
            agreedAtMeeting = model.agreedAtMeeting
        }
    }

    static func page(_ data: BoardData, programme: Programme?, user: CurrentUser, pseudonymise: (String) -> String) -> HTML {
        let council = data.council
        let mayEdit = Access.roles(for: .editCouncil).contains(user.role)
        let audits = data.audits.map(\.audit).sorted { $0.countedOn > $1.countedOn }
        let byMonth = Dictionary(grouping: audits) { YearMonth($0.countedOn) }
        var rounds: [CalendarDate] = []
        if let programme, let start = CalendarDate(iso: programme.startsOn) {
            var d = start
            while d <= data.asOf.adding(months: 3) && rounds.count < 200 { rounds.append(d); d = d.adding(days: programme.frequencyWeeks * 7) }
        }
        let scale = AuditGrade.scale(on: data.asOf)
        return Layout.page(title: "Case-file audits", user: user, breadcrumbs: BoardViews.crumbs(data, user), wide: true, content: .group(
            .h1(.class("govuk-heading-l"), .text("Case-file audits: \(data.council.name)")),
            .h2(.class("govuk-heading-m"), "The programme"),
            .p(.class("govuk-body"), .id("programme"), .text(programme.map { p in
                "Every \(p.frequencyWeeks) weeks, \(p.casesPerRound) cases, from \(CalendarDate(iso: p.startsOn).map(Format.date) ?? p.startsOn)\(p.agreedAtMeeting.map { ", as agreed at meeting \($0)" } ?? ""). Next round: \(rounds.first { $0 >= data.asOf }.map(Format.date) ?? "none scheduled")."
            } ?? "The board has not yet agreed the programme's frequency.")),
            .if(mayEdit, .details(.class("govuk-details"), .if(FormState.isShowing("programme"), .attribute(named: "open", value: "open")), .summary("Set the programme the board agreed"),
                .div(.class("govuk-details__text"), .form(.action(council.url(.auditProgramme)), .method(.post), Layout.csrf(user),
                    Field.text(form: "programme", id: "frequencyWeeks", name: "frequencyWeeks", label: "Every how many weeks", value: String(programme?.frequencyWeeks ?? 4), width: "narrow"),
                    Field.text(form: "programme", id: "casesPerRound", name: "casesPerRound", label: "Cases each round", value: String(programme?.casesPerRound ?? 20), width: "narrow"),
                    Field.text(form: "programme", id: "startsOn", name: "startsOn", label: "First round", hint: "For example, 31 1 2011", value: programme.flatMap { CalendarDate(iso: $0.startsOn) }.map(Format.date) ?? "", width: "narrow"),
                    Field.text(form: "programme", id: "meeting", name: "meeting", label: "Agreed at meeting number", width: "narrow"),
                    .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Save the programme"))))),
            .h2(.class("govuk-heading-m"), "Results by month"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Audits by the month they count in (the moderation date where moderated)"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("audit-results"),
                   .caption(.class("govuk-table__caption"), "Audits by the month they count in (the moderation date where moderated)"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Month"), .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Audited"),
                              .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Adequate or better"),
                              .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Good or better"),
                              .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Oversight adequate or better"))),
                   .tbody(.forEach(byMonth.keys.sorted().reversed().prefix(12)) { month in
                       let a = byMonth[month]!
                       let oversight = a.compactMap(\.oversightGrade)
                       return .tr(.th(.attribute(named: "scope", value: "row"), .text(month.label)), .td(.class("numeric"), .text(String(a.count))),
                                  .td(.class("numeric"), .text(share(a.filter { $0.countedGrade.rank <= 3 }.count, a.count))),
                                  .td(.class("numeric"), .text(share(a.filter { $0.countedGrade.rank <= 2 }.count, a.count))),
                                  .td(.class("numeric"), .text(share(oversight.filter { $0.rank <= 3 }.count, oversight.count))))
                   }))),
            .if(mayEdit, .group(
                .h2(.class("govuk-heading-m"), "Record an audit"),
                .form(.action(council.url(.audits)), .method(.post), Layout.csrf(user),
                      Field.text(form: "audit", id: "caseReference", name: "caseReference", label: "Case reference (shown to others only as a pseudonym)", width: "narrow"),
                      Field.text(form: "audit", id: "auditedOn", name: "auditedOn", label: "Audited on", hint: "For example, 30 6 2011", width: "narrow"),
                      Field.text(form: "audit", id: "auditor", name: "auditor", label: "Auditor"),
                      Field.select(form: "audit", id: "grade", name: "grade", label: "Grade", options: AuditGrade.allCases.map { ($0.rawValue, $0.label + (scale.contains($0) ? "" : " (earlier scale)")) }),
                      Field.select(form: "audit", id: "oversightGrade", name: "oversightGrade", label: "Management oversight and supervision", options: [("", "Not graded")] + AuditGrade.allCases.map { ($0.rawValue, $0.label) }),
                      Field.select(form: "audit", id: "childViews", name: "childViews", label: "The child's views recorded on the file", options: [("", "Not checked"), ("yes", "Yes"), ("no", "No")]),
                      Field.text(form: "audit", id: "themes", name: "themes", label: "Themes, separated by commas"),
                      Field.select(form: "audit", id: "moderatedGrade", name: "moderatedGrade", label: "Grade after moderation", options: [("", "Not moderated")] + AuditGrade.allCases.map { ($0.rawValue, $0.label) }),
                      Field.text(form: "audit", id: "moderator", name: "moderator", label: "Moderator"),
                      Field.text(form: "audit", id: "action", name: "action", label: "An action the finding calls for (goes into the plan)"),
                      .button(.type(.submit), .class("govuk-button"), .id("record-audit"), "Record the audit")))),
            .h2(.class("govuk-heading-m"), .id("audits"), "Audits, newest first"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "\(audits.count) audits (the latest 100 shown)"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("audit-list"),
                   .caption(.class("govuk-table__caption"), .text("\(audits.count) audits (the latest 100 shown)")),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Date"), .th(.attribute(named: "scope", value: "col"), "Case"),
                              .th(.attribute(named: "scope", value: "col"), "Grade"), .th(.attribute(named: "scope", value: "col"), "Oversight"),
                              .th(.attribute(named: "scope", value: "col"), "Auditor"), .th(.attribute(named: "scope", value: "col"), "Themes"))),
                   .tbody(.forEach(audits.prefix(100)) { a in
                       .tr(.td(.text(Format.date(a.countedOn))), .td(.text(pseudonymise(a.caseReference))),
                           .td(.text(a.countedGrade.label + (a.moderatedGrade != nil ? " (moderated)" : ""))), .td(.text(a.oversightGrade?.label ?? "–")),
                           .td(.text(a.auditor)), .td(.text(a.themes.joined(separator: ", "))))
                   })))
        ))
    }

    static func share(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(part) (\(Int((100 * Double(part) / Double(whole)).rounded()))%)"
    }
}
