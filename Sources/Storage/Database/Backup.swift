import FluentKit
import FluentSQL
import Foundation

/// Backups of the SQLite database: taken online and consistent (`VACUUM INTO` writes a snapshot of one read
/// transaction while the server goes on serving), and restored only from a file that passes SQLite's integrity check
/// and holds this product's schema. PostgreSQL is backed up with its own tools (`pg_dump`, `pg_restore`; see the README).
public enum Backup {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What a backup holds, for the person taking or restoring it.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var councils: Int
        public var users: Int
        public var imports: Int
        public var auditEntries: Int
        public var description: String { "\(councils) councils, \(users) accounts, \(imports) imports, \(auditEntries) audit entries" }
    }

    public static func summary(_ database: any Database) async throws -> Summary {
        Summary(councils: try await CouncilModel.query(on: database).count(), users: try await UserModel.query(on: database).count(),
                imports: try await ImportModel.query(on: database).count(), auditEntries: try await AuditEventModel.query(on: database).count())
    }

    /// Writes a consistent copy of the live SQLite database to `destination` (which must not exist).
    public static func take(_ configuration: StorageConfiguration, to destination: String) async throws -> Summary {
        guard case .sqlite = configuration else {
            throw Failure(description: "backups of PostgreSQL are taken with pg_dump (see the README)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else { throw Failure(description: "\(destination) exists already; choose a new file") }
        let database = try StandaloneDatabase(configuration)
        do {
            guard let sql = database.database as? any SQLDatabase else { throw Failure(description: "not an SQL database") }
            try await sql.raw("VACUUM INTO \(bind: destination)").run()
            let summary = try await Self.summary(database.database)
            await database.shutdown()
            return summary
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Checks a backup file: SQLite's integrity check, and this product's tables.
    public static func check(_ path: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "\(path): no such file") }
        let database = try StandaloneDatabase(.sqlite(path: path))
        do {
            guard let sql = database.database as? any SQLDatabase else { throw Failure(description: "not an SQL database") }
            let rows = try await sql.raw("PRAGMA integrity_check").all()
            let verdict = try rows.first?.decode(column: "integrity_check", as: String.self)
            guard verdict == "ok" else { throw Failure(description: "\(path) fails SQLite's integrity check: \(verdict ?? "no answer")") }
            let summary = try await Self.summary(database.database)
            await database.shutdown()
            return summary
        } catch let failure as Failure {
            await database.shutdown()
            throw failure
        } catch {
            await database.shutdown()
            throw Failure(description: "\(path) is not a backup of this product's database: \(String(describing: error))")
        }
    }

    /// Replaces the SQLite database with a backup, after checking it. Stop the server first: it holds the file open.
    public static func restore(_ configuration: StorageConfiguration, from backup: String) async throws -> Summary {
        guard case .sqlite(let path) = configuration else {
            throw Failure(description: "PostgreSQL is restored with pg_restore (see the README)")
        }
        let summary = try await check(backup)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let staging = path + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: backup, toPath: staging)
        // The old file's write-ahead log must not be replayed onto the restored file.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(staging, path) == 0 else { throw Failure(description: "could not move the backup into place at \(path)") }
        return summary
    }
}
