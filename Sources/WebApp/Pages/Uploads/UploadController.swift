import CaseRecords
import Domain
import Plot
import Storage
import Vapor

/// Uploading a council's returns (CIN census, SSDA903, CSWW, Annex A, CSV bundle tables), imported all or nothing,
/// with progress while it runs and the validation report after.
enum UploadController {
    struct UploadForm: Content {
        var files: [File]?
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let council = try await req.pathCouncil()
        let imports = try await req.store.scope(council.requireID()).imports()
        return UploadView.page(council: try CouncilRef(council), imports: try imports.map(UploadView.Import.init), user: try req.requireUser(), error: nil)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(UploadForm.self)
        let files = (form.files ?? []).filter { $0.data.readableBytes > 0 }
        guard !files.isEmpty else {
            let imports = try await req.store.scope(council.requireID()).imports()
            let response = try await UploadView.page(council: CouncilRef(council), imports: imports.map(UploadView.Import.init), user: user, error: "Choose one or more files to upload").encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        let uploads = files.map { ReturnImport.Upload(name: ($0.filename as NSString).lastPathComponent, content: Data($0.data.readableBytesView)) }
        let councilID = try council.requireID()
        let scope = req.store.scope(councilID)
        let job = try await scope.startImportJob(user: user.id, files: uploads.map(\.name))
        let store = req.store
        let today = req.settings.today(for: council)
        let logger = req.logger
        let population = try await req.services.published.current(store: req.store).populations[council.laCode]
        let pictures = req.services.pictures
        // The figures as they stand before the import, to say afterwards what it changed.
        let before = try? await pictures.picture(of: council, store: store, today: today)
        // The import outlives the request: it runs on, and the page polls it (through whichever server).
        Task.detached {
            // Progress is written by one task, in order, the newest message only when the database is slower than the
            // import; the outcome is written after the last of them.
            let (messages, feed) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
            let writer = Task { for await message in messages { try? await scope.setImportJobProgress(job, message) } }
            var importer = ReturnImport(today: today, progress: { feed.yield($0) })
            importer.population = population
            let outcome: Result<ReturnImport.Outcome, any Error>
            do {
                outcome = .success(try await importer.run(uploads, council: council, store: store, by: user.actor))
            } catch {
                outcome = .failure(error)
            }
            feed.finish()
            await writer.value
            do {
                switch try outcome.get() {
                case .accepted(let record, var report):
                    if let newest = try await store.council(id: councilID) {
                        let after = try await pictures.picture(of: newest, store: store, today: today)
                        report.changes = FigureChange.between(before, after)
                        report.ranTo = FigureChange.runsTo(before)?.iso
                        report.runsTo = FigureChange.runsTo(after)?.iso
                        try await scope.setImportReport(try record.requireID(), reportJSON: try report.json())
                    }
                    try await scope.finishImportJob(job, .accepted, importID: try record.requireID(), reportJSON: try report.json())
                case .rejected(let report):
                    try await scope.finishImportJob(job, .rejected, reportJSON: try report.json())
                }
                logger.info("import finished", metadata: ["files": "\(uploads.count)"])
            } catch {
                logger.error("import failed", metadata: ["error": "\(String(reflecting: error))"])
                try? await scope.finishImportJob(job, .failed, message: "The import could not be stored; nothing was changed. The problem has been logged.")
            }
        }
        return req.redirect(to: .council(CouncilID(councilID), .upload(JobID(job))))
    }

    @Sendable static func job(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        guard let model = try await req.store.scope(council.requireID()).importJob(id: try req.uuidParameter(JobKind.self)) else { throw Abort(.notFound) }
        let job = ImportJob(model)
        // The report names children by the council's own ids for the officer who uploaded the files; anyone else sees pseudonyms.
        let pseudonymise: ((String) -> String)? = job.user == user.id ? nil : { req.services.pseudonymiser.pseudonym(council: council.laCode, child: $0) }
        let page = UploadView.job(council: try CouncilRef(council), job: job, user: user, pseudonymise: pseudonymise)
        let response = try await page.encodeResponse(for: req)
        if job.outcome == nil { response.headers.replaceOrAdd(name: "Refresh", value: "1") }
        if case .rejected = job.outcome { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func importReport(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        guard let record = try await req.store.scope(council.requireID()).importRecord(id: try req.uuidParameter(ImportKind.self)) else { throw Abort(.notFound) }
        return UploadView.reportPage(council: try CouncilRef(council), title: "Import of \(record.fileCount) file\(record.fileCount == 1 ? "" : "s") by \(record.importedBy)",
                                 report: ImportReport.decode(record.reportJSON), accepted: true, user: user,
                                 pseudonymise: { req.services.pseudonymiser.pseudonym(council: council.laCode, child: $0) })
    }
}
