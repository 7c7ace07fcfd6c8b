/// One fault found while reading a return: where it is (file, line, child, field), which rule, and what it means.
public struct ImportFault: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The record (or, for a structural fault, the file) was not loaded.
        case error
        /// Loaded, but a person should look: a value outside the code list, dates in the wrong order, a future date.
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    /// The child the fault belongs to, when there is one: the importer's report goes to the council's own staff.
    public var childID: String?
    /// What the record id names: a child in the children's returns, a worker in the workforce census.
    public var recordKind: String
    public var field: String
    /// A short stable name for the rule, for grouping faults in `improve check` ("bad-date", "unknown-code").
    public var rule: String
    public var message: String

    public init(severity: Severity, file: String, line: Int, childID: String?, recordKind: String = "child", field: String, rule: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.childID = childID
        self.recordKind = recordKind
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String {
        "\(file):\(line): \(severity.rawValue): \(childID.map { "\(recordKind) \($0), " } ?? "")\(field): \(message)"
    }
}

/// What became of one file.
public struct FileReport: Sendable {
    public var file: String
    /// False when the file could not be read at all: nothing from it was loaded.
    public var accepted: Bool
    /// The collection year the file was read as, by the year it ends (2025 for 2024-25).
    public var collectionYear: Int?
    /// Which year's layout the file was read as and why, in words: "the 2024-25 census (its reference date is
    /// 31 March 2025)". Nil for files with no yearly layout.
    public var readAs: String?
    public var referenceDate: String?
    public var laCode: String?
    public var counts: [String: Int]
    public var faults: [ImportFault]

    public var errors: [ImportFault] { faults.filter { $0.severity == .error } }
    public var warnings: [ImportFault] { faults.filter { $0.severity == .warning } }
}

/// A file that cannot be read at all. Nothing from it is loaded.
public struct ImportRejection: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason); nothing from this file was loaded" }
}
