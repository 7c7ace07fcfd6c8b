import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix

/// Fluent without a web server: for commands and tests that need the store but not the application.
public final class StandaloneDatabase: Sendable {
    public let databases: Databases
    public let configuration: StorageConfiguration
    private let logger: Logger

    public init(_ configuration: StorageConfiguration, logger: Logger = Logger(label: "storage")) throws {
        self.configuration = configuration
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try configuration.factory(), as: configuration.id)
    }

    /// For a command: the configured database, saying only warnings and errors (a user reads the command's own output).
    public static func forCommand() throws -> StandaloneDatabase {
        var logger = Logger(label: "storage")
        logger.logLevel = .warning
        return try StandaloneDatabase(StorageConfiguration.fromEnvironment(), logger: logger)
    }

    public var database: any Database {
        databases.database(configuration.id, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public var store: Store { Store(database) }

    /// Brings the schema up to date, or (for the tests of a migration's moving of rows) up to the first `count`.
    public func migrate(through count: Int? = nil) async throws {
        let migrations = Migrations()
        migrations.add(count.map { Array(StorageMigrations.all.prefix($0)) } ?? StorageMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await StorageConfiguration.prepare(database)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Removes every table (tests start from nothing).
    public func revertAll() async throws {
        let migrations = Migrations()
        migrations.add(StorageMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    /// Reverts the last batch of migrations run.
    public func revertLastBatch() async throws {
        let migrations = Migrations()
        migrations.add(StorageMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.revertLastBatch().get()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
