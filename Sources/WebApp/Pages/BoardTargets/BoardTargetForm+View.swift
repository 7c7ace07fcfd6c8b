import Domain
import Foundation
import Plot
import Storage

extension BoardTargetView {
    /// The form to propose a target, or a change to one in force (its values filled in to start from).
    static func form(_ data: BoardData, revised: Row?, user: CurrentUser) -> Node<HTML.BodyContext> {
        let council = data.council
        let old = revised?.target.target
        let indicators = IndicatorID.computed.map { ($0.rawValue, $0.info.title.capitalizingFirst) }.sorted { $0.1 < $1.1 }
        let bases: [(String, String)] = [Basis.inMonth, .cumulativeYearToDate, .rolling12Months, .snapshot].map { ($0.rawValue, Format.basis($0).capitalizingFirst) }
        func milestone(_ n: Int) -> Node<HTML.FormContext> {
            let m: Milestone? = old.flatMap { n - 1 < $0.milestones.count ? $0.milestones[n - 1] : nil }
            return .fieldset(.class("govuk-fieldset"),
                             .element(named: "legend", nodes: [.class("govuk-fieldset__legend govuk-fieldset__legend--s"), .text(n == 1 ? "Milestone 1" : "Milestone \(n) (optional)")]),
                             Field.text(form: "proposal", id: "level\(n)", name: "level\(n)", label: "Level", hint: "A number, like 80", value: m?.value.map(ShownFigure.text), width: "narrow"),
                             Field.text(form: "proposal", id: "due\(n)", name: "due\(n)", label: "To reach by", hint: "For example, 31 3 2012",
                                        value: m?.due?.resolved(noticeDate: nil).map(Format.date), width: "narrow"),
                             Field.select(form: "proposal", id: "basis\(n)", name: "basis\(n)", label: "Counted", options: bases, selected: m?.basis.rawValue))
        }
        return .group(
            .h2(.class("govuk-heading-m"), .id("propose"), .text(old == nil ? "Propose a target" : "Propose a change to \"\(old!.indicator)\"")),
            .form(.action(council.url(.boardTargets)), .method(.post), Layout.csrf(user),
                  .input(.type(.hidden), .name("change"), .value(revised == nil ? "new" : "revise")),
                  .unwrap(revised) { .input(.type(.hidden), .name("replaces"), .value($0.id.uuidString)) },
                  Field.select(form: "proposal", id: "indicator", name: "indicator", label: "The figure it is set on",
                               options: [("", "Choose a figure")] + indicators + [(IndicatorID.other.rawValue, "A measure the council counts by hand")],
                               selected: old?.indicatorID.rawValue),
                  Field.text(form: "proposal", id: "name", name: "name", label: "What the board calls it (optional)",
                             hint: "Needed for a measure counted by hand: its figures are entered under this name", value: old?.indicator),
                  Field.select(form: "proposal", id: "unit", name: "unit", label: "For a measure counted by hand: its figure is",
                               options: BoardTargetForm.handUnits.map { ($0.rawValue, unitWords($0)) }, selected: old?.unit.rawValue),
                  Field.select(form: "proposal", id: "direction", name: "direction", label: "For a measure counted by hand: the better figure is",
                               options: [(TargetDirection.increase.rawValue, "Higher"), (TargetDirection.decrease.rawValue, "Lower")], selected: old?.direction.rawValue),
                  Field.text(form: "proposal", id: "baseline", name: "baseline", label: "Baseline (optional)", hint: "Where the figure starts from, like 64",
                             value: old?.baseline?.value.map(ShownFigure.text), width: "narrow"),
                  Field.text(form: "proposal", id: "baselinePeriod", name: "baselinePeriod", label: "The baseline's month (optional)", hint: "For example, March 2011",
                             value: old?.baseline?.period.flatMap(YearMonth.init(iso:))?.label, width: "narrow"),
                  milestone(1), milestone(2), milestone(3),
                  Field.textarea(form: "proposal", id: "reason", name: "reason", label: "Why the board should agree it", rows: 3),
                  .button(.type(.submit), .class("govuk-button"), .id("propose-target"), "Send to the board")))
    }

    static func unitWords(_ unit: TargetUnit) -> String {
        switch unit {
        case .percent: "A percentage"
        case .count: "A number of things counted"
        case .workingDays: "An average number of working days"
        default: "Another figure"
        }
    }
}
