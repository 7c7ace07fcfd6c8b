import Domain

/// Checks across the 903's tables, made once every table of a return is read: what no single table can say.
public enum SSDA903Checks {
    /// Placements a child under a Deprivation of Liberty order is expected in (2026-27): a secure or other
    /// children's home registered for it (`K2`), and the two 2025-26 codes DfE gives for such placements.
    static let expectedUnderDoL: Set<String> = ["K2", "Z12", "Z13"]
    /// Placements such a child must never be in, by what the code means.
    static let neverUnderDoL: [String: String] = [
        "K1": "a secure children's home", "P1": "placement with parents", "R5": "a young offender institution or prison",
        "H5": "supported accommodation",
    ]

    /// - A child looked after at the 31 March that ends the return's year (`SSDA903Tables.yearEnd`) has a social
    ///   worker episode open then (2023-24 on), when the return has a social worker table at all.
    /// - A child under a Deprivation of Liberty order is placed where such an order is expected.
    /// Faults name the child and the field; they are warnings, since the records themselves are kept.
    public static func crossTable(_ t: SSDA903Tables, file: String = "SSDA903 return") -> [ImportFault] {
        var faults: [ImportFault] = []
        if !t.swChild.isEmpty, let end = t.yearEnd {
            let yearEnd = end.column
            var withWorker = Set<String>()
            for i in t.swChild.indices where t.swStart[i] <= yearEnd && (t.swEnd[i] == noDate || t.swEnd[i] >= yearEnd) {
                withWorker.insert(t.swChild[i])
            }
            var missing: [String] = []
            var seen = Set<String>()
            for e in 0..<t.episodeCount where t.episodeStart[e] <= yearEnd && (t.episodeEnd[e] == noDate || t.episodeEnd[e] > yearEnd) {
                let child = t.episodeChild[e]
                if !withWorker.contains(child), seen.insert(child).inserted { missing.append(child) }
            }
            // One warning for the lot: a return without the table's rows for most children says so once.
            if let first = missing.first {
                let n = missing.count
                faults.append(ImportFault(severity: .warning, file: file, line: 0, childID: first, field: "SW_DECOM", rule: "sw-open-at-year-end",
                                          message: "\(n) child\(n == 1 ? " was" : "ren were") looked after on \(CalendarDate(column: yearEnd)!.iso) with no social worker episode open then (this child is the first)"))
            }
        }
        for d in t.dolChild.indices {
            for e in 0..<t.episodeCount where t.episodeChild[e] == t.dolChild[d] {
                let from = max(t.episodeStart[e], t.dolStart[d])
                let to = min(t.episodeEnd[e] == noDate ? .max : t.episodeEnd[e], t.dolEnd[d] == noDate ? .max : t.dolEnd[d])
                let place = t.episodePlacement[e]
                guard from <= to, !expectedUnderDoL.contains(place) else { continue }
                let what = neverUnderDoL[place].map { ", \($0), where such a child must never be placed" } ?? ", not one where such orders are expected (K2, Z12 or Z13)"
                faults.append(ImportFault(severity: .warning, file: file, line: 0, childID: t.dolChild[d], field: "PLACE", rule: "dol-placement",
                                          message: "under a Deprivation of Liberty order from \(CalendarDate(column: t.dolStart[d])!.iso) while placed in \(place)\(what)"))
            }
        }
        return faults
    }
}
