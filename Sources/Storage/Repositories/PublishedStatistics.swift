import FluentKit
import FluentSQL
import Foundation
import Published

/// DfE's and Ofsted's published statistics in the store: loaded file by file, each all or nothing, and read back as
/// one library. They belong to no council, so reading them needs no council scope; loading them is an
/// administrator's (the caller checks the role) and goes in the audit trail.
public enum PublishedStatistics {
    /// A file that was read and checked, ready to store.
    public struct Checked: Sendable {
        public var file: PublishedFile
        public var bytes: [UInt8]
        public var name: String { file.name }
        public var summary: String { file.summary }
    }

    /// Reads and checks a file without storing anything.
    public static func check(_ bytes: [UInt8], name: String) throws(PublishedFileError) -> Checked {
        Checked(file: try PublishedFile.read(bytes, name: name), bytes: bytes)
    }

    /// What storing a file did.
    public enum Outcome: String, Sendable { case added, replaced, unchanged }

    /// Stores one checked file in its own transaction with its audit entry, replacing a file of the same name.
    @discardableResult
    public static func store(_ checked: Checked, by actor: Actor, on database: any Database) async throws -> Outcome {
        let content = Data(checked.bytes)
        let sha = sha256Hex(content)
        return try await database.transaction { db in
            let existing = try await PublishedFileModel.query(on: db).filter(\.$name == checked.name).first()
            if let existing, existing.sha256 == sha { return .unchanged }
            if let existing { try await existing.delete(on: db) }
            let model = PublishedFileModel(name: checked.name, kind: checked.file.kind.rawValue, sha256: sha,
                                           summary: checked.summary, content: content, loadedBy: actor.name)
            try await model.create(on: db)
            try await AuditTrail.append(.init(council: nil, action: existing == nil ? "published.load" : "published.replace",
                                              entity: "published_file", entityID: checked.name,
                                              before: existing.map { "sha256 \($0.sha256)" },
                                              after: "sha256 \(sha); \(checked.summary)"), by: actor, on: db)
            return existing == nil ? .added : .replaced
        }
    }

    /// Removes a loaded file (an administrator's undo), with its audit entry.
    public static func remove(name: String, by actor: Actor, on database: any Database) async throws -> Bool {
        try await database.transaction { db in
            guard let existing = try await PublishedFileModel.query(on: db).filter(\.$name == name).first() else { return false }
            try await existing.delete(on: db)
            try await AuditTrail.append(.init(council: nil, action: "published.remove", entity: "published_file", entityID: name,
                                              before: "sha256 \(existing.sha256)"), by: actor, on: db)
            return true
        }
    }

    /// A loaded file, for the administrator's list.
    public struct Listed: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var summary: String
        public var size: Int
        public var loadedAt: Date?
        public var loadedBy: String
    }

    public static func list(on database: any Database) async throws -> [Listed] {
        try await PublishedFileModel.query(on: database)
            .field(\.$name).field(\.$kind).field(\.$summary).field(\.$size).field(\.$loadedAt).field(\.$loadedBy)
            .sort(\.$loadedAt).sort(\.$name).all()
            .map { Listed(name: $0.name, kind: $0.kind, summary: $0.summary, size: $0.size, loadedAt: $0.loadedAt, loadedBy: $0.loadedBy) }
    }

    /// What is loaded, in a line: each file's name and hash. Changes whenever a file is loaded, replaced or removed.
    /// Asked on every request that shows published figures, so it reads two short columns in plain SQL and never
    /// the files' contents.
    public static func fingerprint(on database: any Database) async throws -> String {
        guard let sql = database as? any SQLDatabase else {
            return try await PublishedFileModel.query(on: database).field(\.$name).field(\.$sha256).sort(\.$name).all()
                .map { "\($0.name) \($0.sha256)" }.joined(separator: ",")
        }
        struct Row: Decodable { var name: String; var sha256: String }
        let rows = try await sql.raw("SELECT name, sha256 FROM published_files ORDER BY name").all(decoding: Row.self)
        return rows.map { "\($0.name) \($0.sha256)" }.joined(separator: ",")
    }

    /// Every stored file read back, in the order loaded. A stored file that no longer reads (it was checked on the
    /// way in, so only a change of the reader can do this) is an error naming it, never a silent gap.
    public static func library(on database: any Database) async throws -> PublishedLibrary {
        let models = try await PublishedFileModel.query(on: database).sort(\.$loadedAt).sort(\.$name).all()
        var files: [PublishedFile] = []
        for model in models {
            files.append(try PublishedFile.read(Array(model.content), name: model.name))
        }
        return PublishedLibrary(files: files)
    }
}
