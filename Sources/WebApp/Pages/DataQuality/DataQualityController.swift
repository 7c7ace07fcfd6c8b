import CaseRecords
import Plot
import Storage
import Vapor

/// The checks of `improve check` over the council's files as they now stand.
enum DataQualityController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let model = try await req.pathCouncil()
        let council = try CouncilRef(model)
        let entry = try await req.services.cache.data(for: council.key, store: req.store, today: req.settings.today(for: model))
        return DataQualityView.page(.init(council: council, reports: entry?.loaded.reports, mergeFaults: entry?.loaded.mergeFaults.count ?? 0,
                                          pseudonymiser: req.services.pseudonymiser), user: user)
    }
}
