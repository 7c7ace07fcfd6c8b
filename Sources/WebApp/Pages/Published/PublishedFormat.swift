import Domain
import Plot
import Published

/// How a published figure reads on a page: the publisher's number with its unit ("17.8%", "16.1"), a symbol as
/// what it means ("withheld"), nothing as "not published".
enum PublishedFormat {
    static func figure(_ figure: PublishedLibrary.Figure?, unit: TargetUnit) -> String {
        guard let figure else { return "not published" }
        return cell(figure.cell, unit: unit)
    }

    static func cell(_ cell: PublishedCell, unit: TargetUnit) -> String {
        switch cell {
        case .number(_, let text): return unit == .percent ? "\(text)%" : text
        case .code(let code): return code.shortMeaning
        case .blank: return "not published"
        }
    }

    static func mean(_ text: String?, unit: TargetUnit) -> String {
        guard let text else { return "none published" }
        return unit == .percent ? "\(text)%" : text
    }

    /// "5th of 11".
    static func rank(_ rank: Int?, of ranked: Int) -> String {
        guard let rank else { return "not ranked" }
        return "\(ordinal(rank)) of \(ranked)"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// A cell that names its column, so a narrow screen can stack the table's rows (`table.stack` in the stylesheet).
    static func td(_ label: String, _ text: String, numeric: Bool = false) -> Node<HTML.TableRowContext> {
        .td(.attribute(named: "data-label", value: label), .if(numeric, .class("numeric")), .text(text))
    }

    /// Ofsted's "15/05/2023" as "15 May 2023" (as written, when it is not a date).
    static func ofstedDate(_ text: String) -> String {
        OfstedOutcomes.day(text).map { Format.date($0) } ?? text
    }

    /// An inspection in a line: "Good (inspected 15 May 2023)".
    static func inspection(_ inspection: OfstedOutcomes.Inspection?) -> String {
        guard let inspection, !inspection.overall.isEmpty else { return "not in Ofsted's list" }
        return "\(inspection.overall) (inspected \(ofstedDate(inspection.inspected)))"
    }

    /// Which way the ranking runs, in words.
    static func rankingRule(_ indicator: IndicatorID) -> String {
        indicator.betterWhen == .decrease ? "1st is the lowest, which is better" : "1st is the highest, which is better"
    }
}
