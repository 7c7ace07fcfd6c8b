import CaseRecords
import Domain
import Foundation
import Spreadsheet

/// The synthetic council's Ofsted Annex A workbook for the last twelve months of its span, consistent with its
/// census: list 3 (referrals), list 5 (section 47 enquiries, each with the strategy discussion that started it, up to
/// three working days before) and list 7 (child protection plans open at the end).
extension SyntheticCouncil {
    public func annexAWorkbook() throws -> Data {
        let t = history()
        var rng = SeededGenerator(seed: seed &* 0x9E6C_63D0_676A_9A99 &+ 41 &+ (UInt64(laCode) ?? 0))
        let lastDay = to.lastDay.column
        let firstDay = to.adding(months: -11).firstDay.column
        let teams = ["Assessment Team 1", "Assessment Team 2", "Safeguarding North", "Safeguarding South", "Children with Disabilities Team"]
        func serial(_ day: Int32) -> XLSXWorkbook.Cell { .number(XLSXWriter.serial(dayNumber: Int(day))) }
        func before(_ day: Int32, workingDays n: Int) -> Int32 {
            var d = day, left = n
            while left > 0 {
                d -= 1
                if calendar.isWorkingDay(CalendarDate(column: d)!) { left -= 1 }
            }
            return d
        }

        var list3: [[XLSXWorkbook.Cell?]] = [["Child Unique ID", "Date of Referral", "Referral Source", "Referral NFA?", "Allocated Team"].map { .text($0) }]
        for e in 0..<t.episodeCount where t.referralDate[e] >= firstDay && t.referralDate[e] <= lastDay {
            list3.append([.text(t.childID[t.childOfEpisode(e)]), serial(t.referralDate[e]), .text(t.referralSource[e]),
                          .text(t.referralNFA[e] == 1 ? "Yes" : "No"), .text(rng.pick(teams))])
        }
        var list5: [[XLSXWorkbook.Cell?]] = [[
            "Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference", "Allocated Team",
        ].map { .text($0) }]
        for s in 0..<t.s47Count where t.s47Start[s] >= firstDay && t.s47Start[s] <= lastDay {
            let strategy = before(t.s47Start[s], workingDays: rng.int(0...3))
            let icpc = t.s47ICPCDate[s]
            list5.append([.text(t.childID[t.childOfS47(s)]), serial(strategy), .text(t.s47ICPCNotRequired[s] == 1 ? "Yes" : "No"),
                          icpc == noDate ? nil : serial(icpc), .text(rng.pick(teams))])
        }
        var list7: [[XLSXWorkbook.Cell?]] = [["Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit", "Allocated Worker"].map { .text($0) }]
        for p in 0..<t.planCount where t.planStart[p] <= lastDay && (t.planEnd[p] == noDate || t.planEnd[p] > lastDay) {
            let visit = max(t.planStart[p], lastDay - Int32(rng.int(0...20)))
            list7.append([.text(t.childID[t.childOfPlan(p)]), serial(t.planStart[p]), serial(visit), .text("Worker \(rng.int(1...40))")])
        }
        return try XLSXWriter.workbook([("List 3", list3), ("List 5", list5), ("List 7", list7)])
    }
}
