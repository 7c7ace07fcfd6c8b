import Domain
import Foundation

/// Reads the files a council gives us, whatever returns they are: the kind of each file is told from its content,
/// not its name, and a folder means every file in it.
public struct ReturnLoader {
    public enum Kind: String, Sendable {
        case cinCensus = "CIN census XML"
        case bundle = "CSV bundle table"
        case ssda903 = "SSDA903 table"
        case workforceCensus = "CSWW census XML"
        case annexA = "Annex A workbook"
        case unknown = "unrecognised"
    }

    public struct Loaded: Sendable {
        public var cin: CINTables?
        /// The council's own records, from the project's CSV bundle.
        public var bundle: BundleTables?
        /// Children looked after, from the SSDA903 return's tables.
        public var lac: SSDA903Tables?
        /// Workforce censuses (CSWW), one per council and year.
        public var workforceCensus: [WorkforceCensus] = []
        /// Ofsted Annex A lists.
        public var annexA: AnnexATables?
        /// What became of each file, accepted or not.
        public var reports: [FileReport]
        /// Files that could not be read at all; nothing from them was loaded.
        public var rejections: [ImportRejection]
        /// Faults found when several files were put together (episodes that differ between censuses).
        public var mergeFaults: [ImportFault]
    }

    public var progress: (@Sendable (String) -> Void)?
    /// The day the files are read on: returns without a reference date (SSDA903 tables) judge future dates by it.
    public var today: CalendarDate

    public init(progress: (@Sendable (String) -> Void)? = nil, today: CalendarDate = .today) {
        self.progress = progress
        self.today = today
    }

    /// Every file under the paths given, in a stable order.
    public static func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportRejection(file: path, line: 0, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else { continue }
                var found: [String] = []
                for case let name as String in walker {
                    let full = (path as NSString).appendingPathComponent(name)
                    var dir: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue, !name.hasPrefix("."), !(name as NSString).lastPathComponent.hasPrefix(".") {
                        found.append(full)
                    }
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Tells a file's kind from its first bytes.
    public static func kind(of bytes: [UInt8]) -> Kind {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("<Message"), head.contains("<Collection>CIN</Collection>") || head.contains("<CINdetails") || head.contains("<Children") {
            return .cinCensus
        }
        if CSWWImporter.recognises(bytes) { return .workforceCensus }
        if AnnexAImporter.recognises(bytes) { return .annexA }
        if BundleImporter.recognises(bytes) { return .bundle }
        if SSDA903Importer.recognises(bytes) || SSDA903Importer.recognisesXML(bytes) { return .ssda903 }
        return .unknown
    }

    /// The council and reference date of a CIN file, from its header, without reading the rest.
    public static func peekHeader(_ bytes: [UInt8]) -> (la: String, reference: String) {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        func value(_ tag: String) -> String {
            guard let open = head.range(of: "<\(tag)>"), let close = head.range(of: "</\(tag)>", range: open.upperBound..<head.endIndex) else { return "" }
            return String(head[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (value("LEA"), value("ReferenceDate"))
    }

    /// A file to read: its name (for reports) and how to get its bytes, from disk or from memory.
    public struct Source: Sendable {
        public var name: String
        let head: @Sendable () -> [UInt8]?
        let contents: @Sendable () -> Data?

        /// A file on disk, read only when needed (its first bytes to tell its kind, then the whole when read).
        public static func file(_ path: String) -> Source {
            Source(name: path, head: {
                guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
                defer { try? handle.close() }
                return [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
            }, contents: { FileManager.default.contents(atPath: path) })
        }

        /// Bytes already in memory: an upload, or a file kept in the database.
        public static func bytes(_ data: Data, name: String) -> Source {
            Source(name: name, head: { [UInt8](data.prefix(4096)) }, contents: { data })
        }
    }

    public func load(_ paths: [String]) throws -> Loaded {
        try load(sources: Self.files(in: paths).map(Source.file))
    }

    /// Reads the sources; names must be unique (they key the reports).
    public func load(sources: [Source]) throws -> Loaded {
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let files = sources.map(\.name)
        var reports: [FileReport] = []
        var rejections: [ImportRejection] = []
        // First pass: what each file is, and for a census its council and reference date, so that files can be
        // merged newest first, one at a time.
        var census: [(file: String, la: String, reference: String)] = []
        var bundleFiles: [String] = []
        var lacFiles: [String] = []
        var workforceFiles: [String] = []
        var annexFiles: [String] = []
        for file in files {
            guard let head = byName[file]?.head() else {
                rejections.append(ImportRejection(file: file, line: 0, reason: "cannot be read"))
                continue
            }
            switch Self.kind(of: head) {
            case .cinCensus:
                let header = Self.peekHeader(head)
                census.append((file, header.la, header.reference))
            case .bundle:
                bundleFiles.append(file)
            case .ssda903:
                lacFiles.append(file)
            case .workforceCensus:
                workforceFiles.append(file)
            case .annexA:
                annexFiles.append(file)
            case .unknown:
                let rejection = ImportRejection(file: file, line: 0, reason: "not a return this product reads (CIN census XML, SSDA903 XML or CSV tables, CSWW census XML, an Annex A workbook, or a table of the CSV bundle)")
                rejections.append(rejection)
                reports.append(FileReport(file: file, accepted: false, counts: [:], faults: [
                    ImportFault(severity: .error, file: file, line: 0, childID: nil, field: "file", rule: "unknown-format", message: rejection.reason),
                ]))
            }
        }
        census.sort { ($0.la, $1.reference, $0.file) < ($1.la, $0.reference, $1.file) }

        /// Reads each file of one kind with `read`, which keeps what it needs and returns the file's report. A file that
        /// cannot be opened, or that its importer rejects, is recorded as such and nothing from it is kept.
        func readEach(_ kindFiles: [String], _ read: (Data, String) throws(ImportRejection) -> FileReport) {
            for (n, file) in kindFiles.enumerated() {
                progress?("reading \((file as NSString).lastPathComponent) (\(n + 1) of \(kindFiles.count))")
                guard let data = byName[file]?.contents() else {
                    rejections.append(ImportRejection(file: file, line: 0, reason: "cannot be read"))
                    continue
                }
                do {
                    reports.append(try read(data, file))
                } catch {
                    rejections.append(error)
                    reports.append(FileReport(file: file, accepted: false, counts: [:], faults: [
                        ImportFault(severity: .error, file: file, line: error.line, childID: nil, field: "file", rule: "unreadable", message: error.reason),
                    ]))
                }
            }
        }

        var accumulator = CINAccumulator()
        readEach(census.map(\.file)) { data, file throws(ImportRejection) in
            let result = try CINCensusImporter().read(bytes: [UInt8](data), file: file)
            accumulator.add(result)
            return result.report
        }
        var bundle: BundleTables?
        readEach(bundleFiles) { data, file throws(ImportRejection) in
            let result = try BundleImporter().read(bytes: [UInt8](data), file: file)
            bundle = (bundle ?? BundleTables())
            bundle!.append(result.tables)
            return result.report
        }
        var lac: SSDA903Tables?
        let lacImporter = SSDA903Importer(today: today)
        readEach(lacFiles) { data, file throws(ImportRejection) in
            let bytes = [UInt8](data)
            let result = SSDA903Importer.recognisesXML(bytes)
                ? try lacImporter.readXML(bytes: bytes, file: file) : FileReport.WithTables(try lacImporter.read(bytes: bytes, file: file))
            lac = (lac ?? SSDA903Tables())
            lac!.append(result.tables)
            return result.report
        }
        var lacFaults: [ImportFault] = []
        if let lac { lacFaults = SSDA903Checks.crossTable(lac) }
        var workforceCensus: [WorkforceCensus] = []
        readEach(workforceFiles) { data, file throws(ImportRejection) in
            let result = try CSWWImporter().read(bytes: [UInt8](data), file: file)
            workforceCensus.append(result.census)
            return result.report
        }
        var annexA: AnnexATables?
        readEach(annexFiles) { data, file throws(ImportRejection) in
            let result = try AnnexAImporter().read(data: data, file: file)
            annexA = (annexA ?? AnnexATables())
            annexA!.append(result.tables)
            return result.report
        }
        // Reports in the order the files were given.
        let position = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        reports.sort { (position[$0.file] ?? 0) < (position[$1.file] ?? 0) }
        return Loaded(cin: census.isEmpty ? nil : accumulator.tables, bundle: bundle, lac: lac, workforceCensus: workforceCensus, annexA: annexA, reports: reports, rejections: rejections, mergeFaults: accumulator.faults + lacFaults)
    }
}

extension CalendarDate {
    /// Today in UTC, from the system clock (kept out of Domain, which does no I/O).
    public static var today: CalendarDate {
        CalendarDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
