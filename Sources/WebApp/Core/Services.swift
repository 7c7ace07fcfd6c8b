import Fluent
import Storage
import Vapor

/// What the application keeps for its lifetime, reached from any request.
struct AppServices: Sendable {
    var settings: Settings
    var cache: CaseDataCache
    var pictures: PictureCache
    var pseudonymiser: Pseudonymiser
    var metrics: RequestMetrics
    var importJobs: ImportJobs
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

extension Request {
    var services: AppServices { application.services }
    var store: Store { Store(db) }
    var settings: Settings { services.settings }
}
