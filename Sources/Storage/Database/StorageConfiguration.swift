import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import FluentSQL
import Foundation
import Logging

/// Where the data lives: a SQLite file by default, PostgreSQL when `DATABASE_URL` is set.
public enum StorageConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default SQLite file, under `./data/`.
    public static let defaultSQLitePath = "data/improvement-monitor.sqlite"

    /// From the environment: `DATABASE_URL` (postgres://…) or `SQLITE_PATH`, else the default file.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StorageConfiguration {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: environment["SQLITE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath)
    }

    public var id: DatabaseID {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .psql
        }
    }

    /// A description fit for logs: never the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
            if parts.password != nil { parts.password = "***" }
            return "PostgreSQL at \(parts.string ?? "?")"
        }
    }

    /// The Fluent configuration; creates the SQLite file's folder if needed.
    public func factory() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            // Several connections per event loop, so that readers never wait for a writer's connection (WAL lets them
            // read while it writes); writes are serialised by WriteGate. No query is logged at any level: queries carry
            // children's records in their values.
            return .sqlite(.file(path), maxConnectionsPerEventLoop: 4, sqlLogLevel: nil)
        case .postgres(let url):
            // Enough connections that readers are not starved while writers queue for the audit chain (three servers
            // with two event loops each stay under PostgreSQL's default 100).
            return try .postgres(url: url, maxConnectionsPerEventLoop: 12, sqlLogLevel: .trace)
        }
    }

    /// Settings made once per database: SQLite in WAL mode, so that readers and the one writer do not block each other.
    public static func prepare(_ database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
    }
}
