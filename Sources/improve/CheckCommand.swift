import ArgumentParser
import CaseRecords
import Foundation

/// `improve check`: a data-quality report on returns, like the community validators': counts, and faults by rule.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report the faults in returns, file by file and rule by rule."
    )

    @Option(name: .customLong("input"), parsing: .upToNextOption, help: "Files or folders of returns.")
    var inputs: [String]

    @Flag(help: "List every fault, not only the counts by rule.")
    var all = false

    func run() throws {
        let loaded = try Inputs.load(inputs)
        var failed = false
        for report in loaded.reports {
            print("\(report.file): \(report.accepted ? "read" : "NOT READ")" + (report.readAs.map { ", read as \($0)" } ?? report.collectionYear.map { ", census year \($0)" } ?? "") + (report.laCode.map { ", LA \($0)" } ?? ""))
            if report.accepted {
                // The census's tables in their usual order, then whatever else the file counted (a bundle's table).
                let order = ["children", "referrals", "assessments", "cin_plans", "section_47", "cp_plans", "cp_reviews"]
                let keys = order.filter { report.counts[$0] != nil } + report.counts.keys.filter { !order.contains($0) && $0 != "records_left_out" }.sorted()
                    + ["records_left_out"]
                print("  " + keys.map { "\($0.replacingOccurrences(of: "_", with: " ")) \(report.counts[$0] ?? 0)" }.joined(separator: ", "))
            } else {
                failed = true
            }
            let byRule = Dictionary(grouping: report.faults, by: { "\($0.severity.rawValue) \($0.rule)" })
            for key in byRule.keys.sorted() {
                print("  \(key): \(byRule[key]!.count)")
            }
            for fault in report.faults.prefix(all ? .max : 20) {
                print("    line \(fault.line): \(fault.childID.map { "\(fault.recordKind) \($0), " } ?? "")\(fault.field): \(fault.message)")
            }
            if !all && report.faults.count > 20 { print("    … \(report.faults.count - 20) more (use --all)") }
        }
        if !loaded.mergeFaults.isEmpty {
            print("merging the files: \(loaded.mergeFaults.count) referral\(loaded.mergeFaults.count == 1 ? "" : "s") differ between censuses")
            for fault in loaded.mergeFaults.prefix(all ? .max : 20) { print("    \(fault.file): child \(fault.childID ?? "?"): \(fault.message)") }
        }
        if failed { throw ExitCode(1) }
    }
}
