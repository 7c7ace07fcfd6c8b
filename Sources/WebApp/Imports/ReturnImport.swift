import CaseRecords
import Domain
import FluentKit
import Foundation
import Indicators
import Published
import Storage

/// Imports a council's returns all or nothing: the new files are read together with the council's stored ones; if any
/// file cannot be read, or a census belongs to another council, nothing is stored and the report says why. Otherwise
/// the files, the report and every indicator recomputed over the whole set are stored in one transaction.
public struct ReturnImport: Sendable {
    public struct Upload: Sendable {
        public var name: String
        public var content: Data
        public init(name: String, content: Data) {
            self.name = name
            self.content = content
        }
    }

    public enum Outcome: Sendable {
        case accepted(ImportModel, ImportReport)
        case rejected(ImportReport)
    }

    public var today: CalendarDate
    public var progress: (@Sendable (String) -> Void)?
    /// The council's children aged 0 to 17; nil to read it from the published statistics in the store.
    public var population: ChildPopulation?

    public init(today: CalendarDate = .today, progress: (@Sendable (String) -> Void)? = nil) {
        self.today = today
        self.progress = progress
    }

    public func run(_ uploads: [Upload], council: CouncilModel, store: Store, by actor: Actor) async throws -> Outcome {
        let councilID = try council.requireID()
        let scope = store.scope(councilID)
        var problems: [ImportReport.File] = []
        var incoming: [CouncilScope.IncomingFile] = []
        for upload in uploads {
            let head = [UInt8](upload.content.prefix(4096))
            let kind = ReturnLoader.kind(of: head)
            var key = "\(kind.rawValue):\(upload.name)"
            if kind == .cinCensus {
                let header = ReturnLoader.peekHeader(head)
                key = "\(kind.rawValue):\(header.la):\(header.reference)"
                if !header.la.isEmpty, header.la != council.laCode {
                    problems.append(.init(name: upload.name, accepted: false, counts: [:], faults: [
                        .init(severity: "error", line: 0, child: nil, field: "LEA", rule: "other-council",
                              message: "this census is for LA \(header.la), not \(council.name) (\(council.laCode))"),
                    ]))
                }
            }
            incoming.append(.init(name: upload.name, kind: Self.kindName(kind), replacesKey: key, content: upload.content))
        }
        // The council's data as it would stand: stored files not replaced by a new one, then the new ones.
        let replaced = Set(incoming.map(\.replacesKey))
        let kept = try await scope.currentFiles().filter { !replaced.contains($0.replacesKey) }
        var sources: [ReturnLoader.Source] = []
        var names = Set<String>()
        func unique(_ name: String) -> String {
            var candidate = name, n = 2
            while names.contains(candidate) { candidate = "\(name) (\(n))"; n += 1 }
            names.insert(candidate)
            return candidate
        }
        let newNames = incoming.map { unique($0.name) }
        for (file, name) in zip(incoming, newNames) { sources.append(.bytes(file.content, name: name)) }
        for file in kept { sources.append(.bytes(file.content, name: unique(file.name))) }

        let loaded = try ReturnLoader(progress: progress, today: today).load(sources: sources)
        let newSet = Set(newNames)
        var report = ImportReport(files: loaded.reports.filter { newSet.contains($0.file) }.map(ImportReport.File.init) + problems,
                                  mergeFaults: loaded.mergeFaults.count)
        let storedRejected = loaded.rejections.filter { !newSet.contains($0.file) }
        if !storedRejected.isEmpty {
            // A stored file that no longer reads (a newer importer is stricter): say so rather than hide it.
            report.notes.append("\(storedRejected.count) stored file(s) could not be read again: \(storedRejected.map(\.file).joined(separator: ", "))")
        }
        guard loaded.rejections.isEmpty, problems.isEmpty, !uploads.isEmpty else {
            if uploads.isEmpty { report.notes.append("no files were given") }
            try await store.audit(.init(council: councilID, action: "import.rejected", entity: "import",
                                        after: uploads.map(\.name).joined(separator: "; ")), by: actor)
            return .rejected(report)
        }
        progress?("computing the indicators")
        // The council's children aged 0 to 17, for the rates per 10,000: given by the caller from its cache of the
        // published statistics, else read from them here.
        var population = self.population
        if population == nil { population = try await PublishedStatistics.library(on: store.database).childPopulation(laCode: council.laCode) }
        let values = Self.compute(loaded, through: today, population: population)
        report.figures = values.count
        let audits = loaded.bundle.map(AuditFigures.records) ?? []
        let record = try await scope.recordImport(files: incoming, reportJSON: try report.json(), values: values,
                                                  audits: audits.isEmpty ? nil : audits, by: actor)
        return .accepted(record, report)
    }

    /// Every indicator the data supports, for every month from the first event to the month of `through`.
    static func compute(_ loaded: ReturnLoader.Loaded, through: CalendarDate, population: ChildPopulation? = nil) -> [CouncilScope.ComputedValue] {
        let data = CaseData(cin: loaded.cin, bundle: loaded.bundle, lac: loaded.lac, workforceCensus: loaded.workforceCensus, annexA: loaded.annexA,
                            population: population)
        let months = Self.months(data, through: through)
        guard !months.isEmpty else { return [] }
        return IndicatorEngine().evaluate(data, .init(months: months)).map {
            CouncilScope.ComputedValue(indicator: $0.indicator.rawValue, basis: $0.basis.rawValue, month: YearMonth($0.period.end).iso,
                                       periodStart: $0.period.start.iso, periodEnd: $0.period.end.iso,
                                       numerator: $0.numerator, denominator: $0.denominator, scale: $0.scale, value: $0.value)
        }
    }

    public static func months(_ data: CaseData, through: CalendarDate) -> [YearMonth] {
        let days = data.eventDays.filter { $0 != noDate && $0 <= through.column }
        guard let low = days.min(), let first = CalendarDate(column: low) else { return [] }
        var months: [YearMonth] = []
        var m = YearMonth(first)
        while m <= YearMonth(through) {
            months.append(m)
            m = m.adding(months: 1)
        }
        return months
    }

    static func kindName(_ kind: ReturnLoader.Kind) -> String {
        switch kind {
        case .cinCensus: "cin_census"
        case .bundle: "bundle"
        case .ssda903: "ssda903"
        case .workforceCensus: "workforce_census"
        case .annexA: "annex_a"
        case .unknown: "unknown"
        }
    }
}

/// What an import found, file by file: stored with the import and shown to the person who uploaded it.
public struct ImportReport: Codable, Sendable, Equatable {
    public struct Fault: Codable, Sendable, Equatable {
        public var severity: String
        public var line: Int
        /// The council's own child identifier; pages pseudonymise it for roles that may not see it.
        public var child: String?
        public var field: String
        public var rule: String
        public var message: String
    }

    public struct File: Codable, Sendable, Equatable {
        public var name: String
        public var accepted: Bool
        public var counts: [String: Int]
        /// The first faults, in file order (a file with a fault on every row keeps only the first thousand).
        public var faults: [Fault]
        /// Every fault counted by "severity rule".
        public var faultsByRule: [String: Int]
        /// Which year's layout a census was read as, in words ("the 2024-25 census (by its reference date)").
        public var readAs: String?

        init(name: String, accepted: Bool, counts: [String: Int], faults: [Fault]) {
            self.name = name
            self.accepted = accepted
            self.counts = counts
            self.faults = faults
            faultsByRule = Dictionary(faults.map { ("\($0.severity) \($0.rule)", 1) }, uniquingKeysWith: +)
        }

        init(_ report: FileReport) {
            name = report.file
            accepted = report.accepted
            counts = report.counts
            faults = report.faults.prefix(1_000).map {
                Fault(severity: $0.severity.rawValue, line: $0.line, child: $0.childID, field: $0.field, rule: $0.rule, message: $0.message)
            }
            faultsByRule = Dictionary(report.faults.map { ("\($0.severity.rawValue) \($0.rule)", 1) }, uniquingKeysWith: +)
            readAs = report.readAs
        }
    }

    public var files: [File]
    public var mergeFaults: Int
    public var figures: Int = 0
    public var notes: [String] = []
    /// What the import changed in the targets' figures, and the month they ran to before and run to now (YYYY-MM);
    /// nil in reports stored before these were kept.
    var changes: [FigureChange]?
    var ranTo: String?
    var runsTo: String?

    public var accepted: Bool { files.allSatisfy(\.accepted) && !files.isEmpty }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func decode(_ json: String) -> ImportReport? {
        try? JSONDecoder().decode(ImportReport.self, from: Data(json.utf8))
    }
}
