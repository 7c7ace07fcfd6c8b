import Foundation
import Domain
import Monitoring
import Plot

/// How figures, dates and statuses are written on pages.
enum Format {
    static func figure(_ value: Double?, unit: TargetUnit = .percent) -> String {
        guard let value else { return "–" }
        return ShownFigure.text(value, unit: unit)
    }

    static func amount(_ value: Double) -> String {
        ShownFigure.text(value)
    }

    static func date(_ date: CalendarDate?) -> String {
        guard let date else { return "not known" }
        return date.inWords
    }

    /// A message from a reader of the returns, with each day it quotes as the files write it ("2009-06-05") written
    /// as people read it ("5 June 2009"); anything that is not a real day is left as it is.
    static func datesInWords(_ text: String) -> String {
        text.replacing(#/\b(\d{4})-(\d{2})-(\d{2})\b/#) { match in
            CalendarDate(iso: String(match.output.0)).map(\.inWords) ?? String(match.output.0)
        }
    }

    /// A moment, in UK time as people read it: "6 December 2026 at 20:17".
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = CalendarDate(year: c.year!, month: c.month!, day: c.day!)
        return "\(Self.date(day)) at \(String(format: "%02d:%02d", c.hour!, c.minute!))"
    }

    static func ragColour(_ rag: RAG) -> String {
        switch rag {
        case .green: "green"
        case .amber: "amber"
        case .red: "red"
        case .none: "grey"
        }
    }

    static func ragLabel(_ rag: RAG) -> String {
        switch rag {
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        case .none: "No rating"
        }
    }

    static func rag(_ rag: RAG) -> Node<HTML.BodyContext> {
        Layout.tag(ragLabel(rag), colour: ragColour(rag))
    }

    static func state(_ state: MilestoneState) -> Node<HTML.BodyContext> {
        switch state {
        case .met: Layout.tag("Met", colour: "green")
        case .missed: Layout.tag("Missed", colour: "red")
        case .dueSoon: Layout.tag("Due soon", colour: "amber")
        case .notYetDue: Layout.tag("Not yet due", colour: "blue")
        case .noData: Layout.tag("No figure", colour: "grey")
        case .noLevel: Layout.tag("No level set", colour: "grey")
        case .notYetPublished: Layout.tag("Level not yet published", colour: "grey")
        }
    }

    /// A figure's period as a person says it: "September 2010", "the year to September 2010", "at 30 September 2010".
    static func period(_ period: ReportingPeriod) -> String {
        let month = YearMonth(period.end).label
        switch period.basis {
        case .inMonth, .unspecified: return month
        case .cumulativeYearToDate: return "the year to \(month)"
        case .rolling12Months: return "the twelve months to \(month)"
        case .snapshot: return "at \(date(period.end))"
        }
    }

    static func basis(_ basis: Basis) -> String {
        switch basis {
        case .inMonth: "in month"
        case .cumulativeYearToDate: "year to date"
        case .rolling12Months: "rolling 12 months"
        case .snapshot: "snapshot"
        case .unspecified: "basis not given"
        }
    }

}

extension String {
    var capitalizingFirst: String { prefix(1).uppercased() + dropFirst() }
}
