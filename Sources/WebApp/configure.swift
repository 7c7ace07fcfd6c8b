import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Storage
import Vapor

/// The one composition root: database, migrations, services, middleware and routes. Tests call it too.
public func configure(_ app: Application, settings: Settings) async throws {
    app.databases.use(try settings.storage.factory(), as: settings.storage.id)
    app.migrations.add(StorageMigrations.all)
    try await StorageConfiguration.prepare(app.storeDatabase)
    // Several servers may start at once against one PostgreSQL: the one that loses the race to create a table waits
    // and tries again, and by then finds the migration done.
    for attempt in 1...6 {
        do {
            try await app.autoMigrate()
            break
        } catch where attempt < 6 {
            app.logger.warning("migrating failed, trying again", metadata: ["attempt": "\(attempt)", "error": "\(String(reflecting: error))"])
            try await Task.sleep(for: .milliseconds(500 * attempt))
        }
    }

    // The pictures read the same case records the drill-downs do, so one cache serves both.
    let published = PublishedCache()
    let records = CaseDataCache(published: published)
    app.services = AppServices(settings: settings, cache: records, pictures: PictureCache(records: records, published: published), published: published, pseudonymiser: Pseudonymiser(secret: settings.secret),
                               metrics: RequestMetrics(),
                               decoyHash: try Bcrypt.hash(Token.random(), cost: settings.bcryptCost))

    // Our own middleware only: the framework's request logger would write paths and query strings to the log.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: app.services.metrics))
    app.middleware.use(SecurityHeadersMiddleware(secure: settings.secureCookies))
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.routes.defaultMaxBodySize = "1mb"
    routes(app, maxUpload: settings.maxUploadMegabytes * 1_048_576)
    app.logger.info("configured", metadata: ["database": "\(settings.storage.description)"])
}
