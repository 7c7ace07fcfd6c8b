import Foundation
import Domain

/// `improve notice parse --format text`: what a person at a terminal needs to check the reading against the notice.
extension NoticeDraft {
    public var textSummary: String {
        let n = notice
        var lines: [String] = []
        lines.append("\(n.council.name.isEmpty ? "(council not found)" : n.council.name)\(n.council.laCode.map { " (LA \($0))" } ?? "")")
        if let address = n.council.address { lines.append("  \(address)") }
        if let service = n.service { lines.append("Service: \(service)") }
        var inspection = "Inspection: " + (n.inspection.inspectorates.isEmpty ? "?" : n.inspection.inspectorates.joined(separator: " and "))
        if let published = n.inspection.published { inspection += ", published \(published.iso)" }
        if let j = n.inspection.judgement { inspection += ", judged \(j.rawValue.replacingOccurrences(of: "_", with: " "))" }
        lines.append(inspection)
        lines.append("Notice date: \(n.noticeDate?.iso ?? "not given")" + (n.durationMonths.map { "; lasts \($0) months" } ?? ""))

        lines.append("")
        lines.append("Targets (\(n.targets.count)):")
        for t in n.targets {
            var head = "- \(t.indicatorID.rawValue) [\(t.unit.rawValue), \(t.direction.rawValue)]: \(t.indicator)"
            if let m = t.match, m.needsChecking { head += "\n    check the indicator (confidence \(JSONValue.format(m.confidence))): \(m.doubt ?? "")" }
            if let b = t.baseline { head += "\n    baseline \(b.value.map(JSONValue.format) ?? "?")\(b.period.map { " (\($0))" } ?? "")" }
            lines.append(head)
            for m in t.milestones {
                let value = m.value.map { JSONValue.format($0) + (t.unit == .percent ? "%" : " " + t.unit.rawValue.replacingOccurrences(of: "_", with: " ")) } ?? "no figure"
                var line = "    \(value) due \(m.due?.description ?? "no date"), \(m.basis.rawValue.replacingOccurrences(of: "_", with: " "))"
                if m.judged == .everyMonth { line += ", held every month" }
                if let ref = m.referencePeriod { line += ", at \(ref) level" }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("Deadlines (\(n.deadlines.count)):")
        for d in n.deadlines { lines.append("- \(d.due?.description ?? "no date"): \(d.what)") }
        lines.append("")
        lines.append("Reviews (\(n.reviews.count)):")
        for r in n.reviews { lines.append("- \(r.due?.description ?? "no date"): \(r.what) [\(r.kind.rawValue.replacingOccurrences(of: "_", with: " "))]") }
        lines.append("")
        let b = n.board
        var board = "Board: \(b.name ?? "Improvement Board")"
        board += b.cadenceWeeks.map { ", every \($0) weeks" } ?? ", cadence not given"
        if let alt = b.alternativeCadenceWeeks { board += " (\(alt) weeks\(b.alternativeNeedsDfEAgreement ? " if DfE agrees" : ""))" }
        board += b.independentChair ? ", independent chair" : (b.peerSupport ? ", independent peer support" : "")
        if let role = b.dfeRole { board += ", DfE \(role.rawValue.replacingOccurrences(of: "_", with: " "))" }
        lines.append(board)
        if !b.partners.isEmpty { lines.append("  partners: \(b.partners.joined(separator: "; "))") }
        lines.append("Measures: \(n.measures.count)")
        if let c = n.consequence { lines.append("Consequence: \(c.power ?? c.text)") }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("To confirm (\(warnings.count)):")
            for w in warnings { lines.append("- \(w)") }
        }
        return lines.joined(separator: "\n")
    }
}
