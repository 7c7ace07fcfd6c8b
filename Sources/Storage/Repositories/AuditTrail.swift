import Crypto
import FluentKit
import FluentSQL
import Foundation

/// Who did something, as the audit trail names them.
public struct Actor: Sendable, Equatable {
    public var name: String
    public init(_ name: String) { self.name = name }
    /// Changes made by the product itself (migrations, the demonstration's seed).
    public static let system = Actor("system")
}

/// The append-only audit trail. Each entry is numbered one after the last and carries the SHA-256 of its own content
/// and of the entry before, so that any edit, deletion or reordering is found by `verify`.
public enum AuditTrail {
    public struct Entry: Sendable, Equatable {
        public var council: UUID?
        public var action: String
        public var entity: String
        public var entityID: String?
        public var before: String?
        public var after: String?

        public init(council: UUID?, action: String, entity: String, entityID: String? = nil, before: String? = nil, after: String? = nil) {
            self.council = council
            self.action = action
            self.entity = entity
            self.entityID = entityID
            self.before = before
            self.after = after
        }
    }

    /// Appends an entry. Call it inside the transaction that makes the change, so the change and its record stand or
    /// fall together.
    public static func append(_ entry: Entry, by actor: Actor, on database: any Database, now: Date = Date()) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // Several servers may share one PostgreSQL: one writer at a time extends the chain (released at commit).
            try await sql.raw("SELECT pg_advisory_xact_lock(7345001)").run()
        }
        let last = try await AuditEventModel.query(on: database).sort(\.$id, .descending).first()
        let event = AuditEventModel()
        event.id = (last?.id ?? 0) + 1
        event.at = timestamp(now)
        event.actor = actor.name
        event.councilID = entry.council
        event.action = entry.action
        event.entity = entry.entity
        event.entityID = entry.entityID
        event.before = entry.before
        event.after = entry.after
        event.previousHash = last?.hash ?? genesis
        event.hash = hash(of: event)
        try await event.create(on: database)
    }

    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public struct Verification: Sendable, Equatable {
        public var entries: Int
        /// The first entry whose hash or link does not hold, and why.
        public var firstBreak: (id: Int, reason: String)?
        public var intact: Bool { firstBreak == nil }

        public static func == (a: Verification, b: Verification) -> Bool {
            a.entries == b.entries && a.firstBreak?.id == b.firstBreak?.id && a.firstBreak?.reason == b.firstBreak?.reason
        }
    }

    /// Walks the whole chain in order, a page at a time.
    public static func verify(on database: any Database) async throws -> Verification {
        var previous = genesis
        var expectedID = 1
        var count = 0
        var after = 0
        while true {
            let page = try await AuditEventModel.query(on: database).filter(\.$id > after).sort(\.$id, .ascending).limit(1_000).all()
            if page.isEmpty { break }
            for event in page {
                let id = event.id ?? 0
                if id != expectedID { return Verification(entries: count, firstBreak: (expectedID, "entry \(expectedID) is missing")) }
                if event.previousHash != previous { return Verification(entries: count, firstBreak: (id, "does not follow the entry before")) }
                if hash(of: event) != event.hash { return Verification(entries: count, firstBreak: (id, "its content does not match its hash")) }
                previous = event.hash
                expectedID += 1
                count += 1
                after = id
            }
        }
        return Verification(entries: count, firstBreak: nil)
    }

    static func hash(of event: AuditEventModel) -> String {
        // Fields joined with a separator that cannot occur unescaped; nil and "" are told apart.
        func field(_ value: String?) -> String {
            guard let value else { return "\u{0}" }
            return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        }
        let text = [String(event.id ?? 0), event.at, field(event.actor), field(event.councilID?.uuidString.lowercased()), field(event.action),
                    field(event.entity), field(event.entityID), field(event.before), field(event.after), event.previousHash].joined(separator: "|")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// SHA-256 as lower-case hex.
public func sha256Hex(_ data: some DataProtocol) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
