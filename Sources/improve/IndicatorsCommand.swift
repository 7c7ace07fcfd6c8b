import ArgumentParser
import CaseRecords
import Domain
import Foundation
import Indicators
import Published
import WebApp

/// `improve indicators`: every indicator the inputs support, for every month and basis (spec/CLI.md).
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Compute every indicator the inputs support, month by month, on each basis."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(name: .customLong("input"), parsing: .upToNextOption, help: "Files or folders of returns (CIN census XML).")
    var inputs: [String]

    @Option(help: "First month, YYYY-MM (default: the first month with a referral).")
    var from: String?

    @Option(help: "Last month, YYYY-MM (default: the last month with a referral).")
    var to: String?

    @Option(help: "in_month, cumulative_ytd, rolling_12_months, snapshot, or all.")
    var basis: String = "all"

    @Option(name: .customLong("as-of"), help: "Count only what was known by this date (YYYY-MM-DD); later months are left out.")
    var asOf: String?

    @Option(help: "csv (the documented columns) or json.")
    var format: Format = .csv

    @Flag(help: "With --format json, list the records behind each numerator and denominator.")
    var records = false

    @Option(help: "ONS mid-year population estimates (DfE's CSV layout) for the rates per 10,000 children (default: the file shipped in Resources/published, found as improve demo finds it).")
    var population: String?

    @Option(help: "The council's three-digit code, for its population (default: the LEA of the CIN census files, when they are one council's).")
    var council: String?

    func run() throws {
        var asOfDate: CalendarDate?
        if let asOf {
            guard let limit = CalendarDate(iso: asOf) else { throw CommandFailure("--as-of '\(asOf)' is not a YYYY-MM-DD date") }
            asOfDate = limit
        }
        // What was known by --as-of: a return's rows dated after it are future dates, and due dates after it are
        // not judged; without it, each return's own latest date sets that limit.
        let loaded = try Inputs.load(inputs, today: asOfDate ?? .today)
        // Figures from part of the data would mislead: a file that could not be read stops the command.
        if let first = loaded.rejections.first {
            let more = loaded.rejections.count > 1 ? " (and \(loaded.rejections.count - 1) more file\(loaded.rejections.count > 2 ? "s" : "") not read)" : ""
            throw CommandFailure("\(first)\(more)")
        }
        guard loaded.cin != nil || loaded.bundle != nil || loaded.lac != nil || !loaded.workforceCensus.isEmpty || loaded.annexA != nil else {
            throw CommandFailure("no returns this product reads among the inputs; nothing to compute")
        }
        let data = CaseData(cin: loaded.cin, bundle: loaded.bundle, lac: loaded.lac, workforceCensus: loaded.workforceCensus,
                            annexA: loaded.annexA, asOf: asOfDate, population: try childPopulation(loaded))
        var months = try Inputs.months(from: from, to: to, referrals: data.eventDays)
        if let limit = asOfDate { months = months.filter { $0.firstDay <= limit } }
        var bases: [Basis]?
        if basis != "all" {
            guard let b = Basis(rawValue: basis), b != .unspecified else {
                throw CommandFailure("--basis '\(basis)' is not one of in_month, cumulative_ytd, rolling_12_months, snapshot, all")
            }
            bases = [b]
        }
        let results = IndicatorEngine().evaluate(data, .init(months: months, bases: bases, keepRecords: records && format == .json))
        switch format {
        case .csv:
            print("indicator,basis,period_start,period_end,numerator,denominator,value")
            for r in results {
                print("\(r.indicator),\(r.basis.rawValue),\(r.period.start.iso),\(r.period.end.iso),\(formatAmount(r.numerator)),\(formatAmount(r.denominator)),\(r.valueText ?? "")")
            }
        case .json:
            var rows: [[String: Any]] = []
            for r in results {
                var row: [String: Any] = [
                    "indicator": r.indicator.rawValue, "basis": r.basis.rawValue, "period_start": r.period.start.iso, "period_end": r.period.end.iso,
                    "numerator": jsonAmount(r.numerator), "denominator": jsonAmount(r.denominator), "value": r.valueText.flatMap { Decimal(string: $0) }.map { $0 as Any } ?? NSNull(),
                ]
                if records {
                    row["records"] = ["numerator": r.numeratorRecords.map(data.describe), "denominator": r.denominatorRecords.map(data.describe)]
                }
                rows.append(row)
            }
            let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

/// Loading inputs for the commands that read returns, with progress on a terminal and errors that name the file.
enum Inputs {
    /// Reads the inputs; rejected files are reported by the caller (`check` lists them, `indicators` stops on them).
    static func load(_ paths: [String], today: CalendarDate = .today) throws -> ReturnLoader.Loaded {
        let onTerminal = isatty(STDERR_FILENO) == 1
        var progress: (@Sendable (String) -> Void)?
        if onTerminal {
            progress = { message in FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8)) }
        }
        let loader = ReturnLoader(progress: progress, today: today)
        let loaded: ReturnLoader.Loaded
        do {
            loaded = try loader.load(paths)
        } catch let rejection as ImportRejection {
            throw CommandFailure(rejection.description)
        }
        if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return loaded
    }

    static func months(from: String?, to: String?, referrals: [Int32]) throws -> [YearMonth] {
        func parse(_ text: String, _ flag: String) throws -> YearMonth {
            guard let m = YearMonth(iso: text) else { throw CommandFailure("--\(flag) '\(text)' is not a YYYY-MM month") }
            return m
        }
        let known = referrals.filter { $0 != noDate }
        let first = try from.map { try parse($0, "from") } ?? known.min().flatMap { CalendarDate(column: $0) }.map(YearMonth.init)
        let last = try to.map { try parse($0, "to") } ?? known.max().flatMap { CalendarDate(column: $0) }.map(YearMonth.init)
        guard let first, let last else { return [] }
        guard first <= last else { throw CommandFailure("--from \(first) is after --to \(last)") }
        var months: [YearMonth] = []
        var m = first
        while m <= last {
            months.append(m)
            m = m.adding(months: 1)
        }
        return months
    }
}

/// An amount for JSON: counts as integers, FTE and days as the decimal they are (to the millionth), never as
/// 52.99999999999999.
func jsonAmount(_ x: Double) -> Any {
    if x == x.rounded(), abs(x) < 1e15 { return Int64(x) }
    return ExactDecimal(x).map { Decimal(string: $0.description) ?? Decimal(x) } ?? Decimal(x)
}

extension IndicatorsCommand {
    /// The council's children aged 0 to 17, for the rates per 10,000: from --population (or the shipped ONS file)
    /// for --council (or the census files' LEA, when they name one council). Nil when either is unknown; the rates
    /// are then not computed.
    func childPopulation(_ loaded: ReturnLoader.Loaded) throws -> ChildPopulation? {
        // Files of several councils make one set of figures: no one council's population divides them.
        let codes = Set(loaded.reports.compactMap(\.laCode))
        guard let code = council ?? (codes.count == 1 ? codes.first : nil) else { return nil }
        let shipped = DemoSeed.publishedFolder()?.appendingPathComponent("ons_mid-year_population_estimates_2012_to_2024.csv").path
        guard let path = population ?? shipped.flatMap({ FileManager.default.fileExists(atPath: $0) ? $0 : nil }) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
        do {
            let file = try PublishedFile.read(Array(data), name: (path as NSString).lastPathComponent)
            return PublishedLibrary(files: [file]).childPopulation(laCode: code)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
