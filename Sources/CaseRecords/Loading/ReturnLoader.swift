import Foundation

/// Reads the files a council gives us, whatever returns they are: the kind of each file is told from its content,
/// not its name, and a folder means every file in it.
public struct ReturnLoader {
    public enum Kind: String, Sendable {
        case cinCensus = "CIN census XML"
        case unknown = "unrecognised"
    }

    public struct Loaded: Sendable {
        public var cin: CINTables?
        /// What became of each file, accepted or not.
        public var reports: [FileReport]
        /// Files that could not be read at all; nothing from them was loaded.
        public var rejections: [ImportRejection]
        /// Faults found when several files were put together (episodes that differ between censuses).
        public var mergeFaults: [ImportFault]
    }

    public var progress: (@Sendable (String) -> Void)?

    public init(progress: (@Sendable (String) -> Void)? = nil) {
        self.progress = progress
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
        return .unknown
    }

    public func load(_ paths: [String]) throws -> Loaded {
        let files = try Self.files(in: paths)
        var cinFiles: [CINCensusImporter.FileResult] = []
        var reports: [FileReport] = []
        var rejections: [ImportRejection] = []
        for (n, file) in files.enumerated() {
            progress?("reading \((file as NSString).lastPathComponent) (\(n + 1) of \(files.count))")
            guard let data = FileManager.default.contents(atPath: file) else {
                rejections.append(ImportRejection(file: file, line: 0, reason: "cannot be read"))
                continue
            }
            let bytes = [UInt8](data)
            switch Self.kind(of: bytes) {
            case .cinCensus:
                do {
                    let result = try CINCensusImporter().read(bytes: bytes, file: file)
                    cinFiles.append(result)
                    reports.append(result.report)
                } catch {
                    rejections.append(error)
                    reports.append(FileReport(file: file, accepted: false, counts: [:], faults: [
                        ImportFault(severity: .error, file: file, line: error.line, childID: nil, field: "file", rule: "unreadable", message: error.reason),
                    ]))
                }
            case .unknown:
                let rejection = ImportRejection(file: file, line: 0, reason: "not a return this product reads (CIN census XML)")
                rejections.append(rejection)
                reports.append(FileReport(file: file, accepted: false, counts: [:], faults: [
                    ImportFault(severity: .error, file: file, line: 0, childID: nil, field: "file", rule: "unknown-format", message: rejection.reason),
                ]))
            }
        }
        var cin: CINTables?
        var mergeFaults: [ImportFault] = []
        if !cinFiles.isEmpty {
            let merged = CINMerge.merge(cinFiles)
            cin = merged.tables
            mergeFaults = merged.faults
        }
        return Loaded(cin: cin, reports: reports, rejections: rejections, mergeFaults: mergeFaults)
    }
}
