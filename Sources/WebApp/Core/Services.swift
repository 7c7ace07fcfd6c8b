import Fluent
import Storage
import Vapor

/// What the application keeps for its lifetime, reached from any request.
struct AppServices: Sendable {
    var settings: Settings
    var cache: CaseDataCache
    var pictures: PictureCache
    var published: PublishedCache
    var pseudonymiser: Pseudonymiser
    var metrics: RequestMetrics
    /// A bcrypt hash of a random word, verified against when an unknown address signs in, so that unknown and
    /// known addresses take as long to refuse.
    var decoyHash: String
}

struct AppServicesKey: StorageKey {
    typealias Value = AppServices
}

extension Application {
    var services: AppServices {
        get {
            guard let services = storage[AppServicesKey.self] else { fatalError("configure(_:settings:) sets the services before serving") }
            return services
        }
        set { storage[AppServicesKey.self] = newValue }
    }
}

extension Application {
    /// The database, with a logger that never goes below `info`: FluentKit logs every query with its values at
    /// `debug`, and those values are children's records.
    var storeDatabase: any Database {
        databases.database(logger: Self.storageLogger(logger), on: eventLoopGroup.any())!
    }

    static func storageLogger(_ base: Logger) -> Logger {
        var quiet = base
        if quiet.logLevel < .info { quiet.logLevel = .info }
        return quiet
    }
}

extension Request {
    var services: AppServices { application.services }
    var store: Store { Store(application.databases.database(logger: Application.storageLogger(logger), on: eventLoop)!) }
    var settings: Settings { services.settings }
}
