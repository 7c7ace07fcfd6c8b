import Domain
import Monitoring
import Plot
import Storage

/// The council's commentary on a target's figures: the latest month's in full with the chair's answers, the form to
/// write a new version (the last one's words to start from), and every earlier version.
enum CommentaryView {
    static func section(picture: CouncilPicture, status: TargetStatus, target: TargetID, user: CurrentUser) -> Node<HTML.BodyContext> {
        let council = picture.council
        let key = status.target.commentaryKey
        let entries = picture.board.commentaries.filter { $0.target == key }
        let month = status.latest?.month ?? YearMonth(picture.asOf)
        let current = entries.filter { $0.month == month }
        let latest = current.last { $0.kind == .commentary }
        let mayWrite = Access.roles(for: .editCouncil).contains(user.role)
        let mayAnswer = Access.roles(for: .assessCouncil).contains(user.role)
        let earlier = entries.filter { !($0.month == month && $0.writtenAt >= (latest?.writtenAt ?? .distantFuture)) }.reversed()
        return .group(
            .h2(.class("govuk-heading-m"), .id("commentary"), .text("The council's commentary on \(month.label)")),
            .if(latest == nil, .p(.class("govuk-body"), .id("no-commentary"),
                                  .text(status.rag == .red ? "None written yet. The target is red, so the board expects the council's commentary before its next meeting."
                                        : "None written yet."))),
            .unwrap(latest?.commentary) { c in
                .group(
                    .dl(.class("govuk-summary-list"), .id("commentary-latest"),
                        row("What the figure shows", c.shows), row("Why", c.why), row("What is being done", c.actions),
                        row("By whom", c.owner), row("By when", c.due.map(Format.date) ?? "not given"),
                        row("Written by", "\(latest!.writtenBy), \(Format.dateTime(latest!.writtenAt))")),
                    .forEach(current.filter { $0.kind == .response && $0.writtenAt >= latest!.writtenAt }) { answer in
                        .div(.class("govuk-inset-text"), .strong(.text("The chair's answer, \(answer.writtenBy), \(Format.dateTime(answer.writtenAt)): ")),
                             .text(answer.response ?? ""))
                    })
            },
            .if(mayAnswer && latest != nil, .form(.action(council.url(.commentaryAnswer(target))), .method(.post), Layout.csrf(user),
                .input(.type(.hidden), .name("month"), .value(month.iso)),
                Field.textarea(form: "answer", id: "answer", name: "answer", label: "Answer the commentary", rows: 3),
                .button(.type(.submit), .class("govuk-button govuk-button--secondary"), "Send the answer"))),
            .if(mayWrite, .details(.class("govuk-details"), .if(FormState.isShowing("commentary") || (latest == nil && status.rag == .red), .attribute(named: "open", value: "open")),
                .summary(.text(latest == nil ? "Write the commentary on \(month.label)" : "Write a new version")),
                .div(.class("govuk-details__text"), .form(.action(council.url(.commentary(target))), .method(.post), Layout.csrf(user),
                    .input(.type(.hidden), .name("month"), .value(month.iso)),
                    Field.textarea(form: "commentary", id: "shows", name: "shows", label: "What the figure shows", value: latest?.commentary?.shows, rows: 3),
                    Field.textarea(form: "commentary", id: "why", name: "why", label: "Why", value: latest?.commentary?.why, rows: 3),
                    Field.textarea(form: "commentary", id: "actions", name: "actions", label: "What is being done", value: latest?.commentary?.actions, rows: 3),
                    Field.text(form: "commentary", id: "owner", name: "owner", label: "By whom", value: latest?.commentary?.owner),
                    Field.text(form: "commentary", id: "due", name: "due", label: "By when (optional)", hint: "For example, 31 12 2011",
                               value: latest?.commentary?.due.map(Format.date), width: "narrow"),
                    .button(.type(.submit), .class("govuk-button"), "Save the commentary"))))),
            .if(!earlier.isEmpty, .details(.class("govuk-details"), .summary(.text("Earlier commentary and answers (\(earlier.count))")),
                .div(.class("govuk-details__text"), .ul(.class("govuk-list"), .id("commentary-history"), .forEach(Array(earlier)) { entry in
                    .li(.strong(.text("\(entry.month.label), \(entry.kind == .commentary ? "commentary" : "the chair's answer") by \(entry.writtenBy), \(Format.dateTime(entry.writtenAt)): ")),
                        .text(entry.commentary.map { "\($0.shows) \($0.why) \($0.actions) (\($0.owner)\($0.due.map { ", by \(Format.date($0))" } ?? ""))" } ?? entry.response ?? ""))
                })))))
    }

    static func row(_ key: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .div(.class("govuk-summary-list__row"), .dt(.class("govuk-summary-list__key"), .text(key)), .dd(.class("govuk-summary-list__value"), .text(value)))
    }
}
