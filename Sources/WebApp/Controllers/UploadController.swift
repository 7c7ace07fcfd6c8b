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
        return UploadView.page(council: council, imports: imports, user: try req.requireUser(), error: nil)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(UploadForm.self)
        let files = (form.files ?? []).filter { $0.data.readableBytes > 0 }
        guard !files.isEmpty else {
            let imports = try await req.store.scope(council.requireID()).imports()
            let response = try await UploadView.page(council: council, imports: imports, user: user, error: "Choose one or more files to upload").encodeResponse(for: req)
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
        // The import outlives the request: it runs on, and the page polls it (through whichever server).
        Task.detached {
            // Progress is written by one task, in order, the newest message only when the database is slower than the
            // import; the outcome is written after the last of them.
            let (messages, feed) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
            let writer = Task { for await message in messages { try? await scope.setImportJobProgress(job, message) } }
            let importer = ReturnImport(today: today, progress: { feed.yield($0) })
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
                case .accepted(let record, let report):
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
        return req.redirect(to: "/councils/\(councilID)/uploads/\(job)")
    }

    @Sendable static func job(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        guard let model = try await req.store.scope(council.requireID()).importJob(id: try req.uuidParameter("job")) else { throw Abort(.notFound) }
        let job = ImportJob(model)
        // The report names children by the council's own ids for the officer who uploaded the files; anyone else sees pseudonyms.
        let pseudonymise: ((String) -> String)? = job.user == user.id ? nil : { req.services.pseudonymiser.pseudonym(council: council.laCode, child: $0) }
        let page = UploadView.job(council: council, job: job, user: user, pseudonymise: pseudonymise)
        let response = try await page.encodeResponse(for: req)
        if job.outcome == nil { response.headers.replaceOrAdd(name: "Refresh", value: "1") }
        if case .rejected = job.outcome { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func importReport(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        guard let record = try await req.store.scope(council.requireID()).importRecord(id: try req.uuidParameter("import")) else { throw Abort(.notFound) }
        return UploadView.reportPage(council: council, title: "Import of \(record.fileCount) file\(record.fileCount == 1 ? "" : "s") by \(record.importedBy)",
                                 report: ImportReport.decode(record.reportJSON), accepted: true, user: user,
                                 pseudonymise: { req.services.pseudonymiser.pseudonym(council: council.laCode, child: $0) })
    }
}

enum UploadView {
    static func page(council: CouncilModel, imports: [ImportModel], user: CurrentUser, error: String?) -> HTML {
        let base = "/councils/\(council.id?.uuidString ?? "")"
        return Layout.page(title: "Upload returns", user: user, breadcrumbs: [(council.name, base)], content: .group(
            .unwrap(error) { error in
                .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                     .h2(.class("govuk-error-summary__title"), "There is a problem"), .ul(.class("govuk-list"), .li(.a(.href("#files"), .text(error)))))
            },
            .h1(.class("govuk-heading-l"), .text("Upload returns for \(council.name)")),
            .p(.class("govuk-body"), "CIN census XML, SSDA903 tables (CSV or XML), the workforce census (CSWW XML), an Annex A workbook (xlsx), or tables of the CSV bundle. The kind of each file is told from its content."),
            .p(.class("govuk-body"), "Files are imported all or nothing: if any file cannot be read, nothing is stored and the report says which file, record and field. A file for a census year already loaded replaces it."),
            .form(
                .action("\(base)/uploads"), .method(.post), .enctype(.multipartData),
                Layout.csrf(user),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("files"), "Files"),
                     .input(.class("govuk-file-upload"), .id("files"), .name("files[]"), .type(.file), .multiple(true))),
                .button(.type(.submit), .class("govuk-button"), .id("upload"), "Upload and check")
            ),
            .h2(.class("govuk-heading-m"), "Earlier imports"),
            .table(.class("govuk-table"), .id("imports"),
                   .caption(.class("govuk-table__caption"), "Imports, newest first"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "When"), .th(.attribute(named: "scope", value: "col"), "Files"),
                              .th(.attribute(named: "scope", value: "col"), "By"))),
                   .tbody(.forEach(imports) { record in
                       .tr(.td(.a(.class("govuk-link"), .href("\(base)/imports/\(record.id?.uuidString ?? "")"),
                                  .text(record.importedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "?"))),
                           .td(.text(String(record.fileCount))), .td(.text(record.importedBy)))
                   }))
        ))
    }

    static func job(council: CouncilModel, job: ImportJob, user: CurrentUser, pseudonymise: ((String) -> String)?) -> HTML {
        let base = "/councils/\(council.id?.uuidString ?? "")"
        switch job.outcome {
        case nil:
            return Layout.page(title: "Importing", user: user, breadcrumbs: [(council.name, base)], content: .group(
                .h1(.class("govuk-heading-l"), "Importing your files"),
                .p(.class("govuk-body"), .attribute(named: "role", value: "status"), .id("progress"), .text(job.progress.capitalizingFirst)),
                .p(.class("govuk-body"), .text("Files: \(job.files.joined(separator: ", ")). This page refreshes itself until the import is done.")),
                .p(.class("govuk-body"), .a(.class("govuk-link"), .href("\(base)/uploads/\(job.id)"), "Refresh now"))
            ))
        case .accepted(_, let report):
            return reportPage(council: council, title: "Import complete", report: report, accepted: true, user: user, pseudonymise: pseudonymise)
        case .rejected(let report):
            return reportPage(council: council, title: "Nothing was imported", report: report, accepted: false, user: user, pseudonymise: pseudonymise)
        case .failed(let message):
            return Layout.page(title: "Import failed", user: user, breadcrumbs: [(council.name, base)], content: .group(
                .h1(.class("govuk-heading-l"), "The import failed"), .p(.class("govuk-body"), .text(message))))
        }
    }

    /// The validation report. Child identifiers are the council's own, shown to the officer who uploaded them so the
    /// faults can be fixed at source; a stored report shown later pseudonymises them.
    static func reportPage(council: CouncilModel, title: String, report: ImportReport?, accepted: Bool, user: CurrentUser,
                       pseudonymise: ((String) -> String)?) -> HTML {
        let base = "/councils/\(council.id?.uuidString ?? "")"
        return Layout.page(title: title, user: user, breadcrumbs: [(council.name, base), ("Upload returns", "\(base)/uploads")], wide: true, content: .group(
            .if(accepted,
                .div(.class("govuk-notification-banner govuk-notification-banner--success"), .attribute(named: "role", value: "alert"),
                     .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-heading-s"), "Imported")),
                     .div(.class("govuk-notification-banner__content"),
                          .p(.class("govuk-body"), .text("Every file was read and stored; \(report?.figures ?? 0) figures were computed."))))),
            .if(!accepted,
                .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"), .id("rejected"),
                     .h2(.class("govuk-error-summary__title"), "Nothing was imported"),
                     .p(.class("govuk-body"), "At least one file could not be read, so none of them were stored. Fix the file named below and upload them again."))),
            .h1(.class("govuk-heading-l"), .text(title)),
            .unwrap(report) { report in
                .group(
                    .forEach(report.notes) { .div(.class("govuk-inset-text"), .text($0)) },
                    .forEach(report.files) { file in
                        .div(.class("app-file-report"),
                             .h2(.class("govuk-heading-m"), .text(file.name), .text(" "), file.accepted ? Layout.tag("Read", colour: "green") : Layout.tag("Not read", colour: "red")),
                             .p(.class("govuk-body-s"), .text(file.counts.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")): \(file.counts[$0]!)" }.joined(separator: ", "))),
                             .if(!file.faultsByRule.isEmpty, .table(
                                .class("govuk-table"),
                                .caption(.class("govuk-table__caption"), "Faults by rule"),
                                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Rule"), .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Count"))),
                                .tbody(.forEach(file.faultsByRule.keys.sorted()) { rule in
                                    .tr(.td(.text(rule)), .td(.class("numeric"), .text(String(file.faultsByRule[rule]!))))
                                }))),
                             .if(!file.faults.isEmpty, .table(
                                .class("govuk-table"),
                                .caption(.class("govuk-table__caption"), .text("The first \(min(file.faults.count, 100)) faults")),
                                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Line"), .th(.attribute(named: "scope", value: "col"), "Record"),
                                           .th(.attribute(named: "scope", value: "col"), "Field"), .th(.attribute(named: "scope", value: "col"), "Fault"))),
                                .tbody(.forEach(file.faults.prefix(100)) { fault in
                                    .tr(.td(.text(String(fault.line))), .td(.text(fault.child.map { pseudonymise?($0) ?? $0 } ?? "–")),
                                        .td(.text(fault.field)), .td(.text("\(fault.severity): \(fault.message)")))
                                }))))
                    }
                )
            },
            .p(.class("govuk-body"), .a(.class("govuk-link"), .href(base), "Back to the dashboard"))
        ))
    }
}
