import CaseRecords
import Domain
import Plot
import Storage
import Vapor

enum UploadView {
    /// An earlier import as the list shows it.
    struct Import: Sendable {
        var id: ImportID
        var importedAt: Date?
        var fileCount: Int
        var importedBy: String

        init(_ model: ImportModel) throws {
            id = ImportID(try model.requireID())
            importedAt = model.importedAt
            fileCount = model.fileCount
            importedBy = model.importedBy
        }
    }

    static func page(council: CouncilRef, imports: [Import], user: CurrentUser, error: String?) -> HTML {
        Layout.page(title: "Upload returns", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
            .unwrap(error) { error in
                .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                     .h2(.class("govuk-error-summary__title"), "There is a problem"), .ul(.class("govuk-list"), .li(.a(.href("#files"), .text(error)))))
            },
            .h1(.class("govuk-heading-l"), .text("Upload returns for \(council.name)")),
            .p(.class("govuk-body"), "CIN census XML, SSDA903 tables (CSV or XML), the workforce census (CSWW XML), an Annex A workbook (xlsx), or tables of the CSV bundle. The kind of each file is told from its content."),
            .p(.class("govuk-body"), "Files are imported all or nothing: if any file cannot be read, nothing is stored and the report says which file, record and field. A file for a census year already loaded replaces it."),
            .form(
                .action(council.url(.uploads)), .method(.post), .enctype(.multipartData),
                Layout.csrf(user),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("files"), "Files"),
                     .input(.class("govuk-file-upload"), .id("files"), .name("files[]"), .type(.file), .multiple(true))),
                .button(.type(.submit), .class("govuk-button"), .id("upload"), "Upload and check")
            ),
            .h2(.class("govuk-heading-m"), "Earlier imports"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Imports, newest first"), .attribute(named: "tabindex", value: "0"),
.table(.class("govuk-table"), .id("imports"),
                   .caption(.class("govuk-table__caption"), "Imports, newest first"),
                   .thead(.tr(.th(.attribute(named: "scope", value: "col"), "When"), .th(.attribute(named: "scope", value: "col"), "Files"),
                              .th(.attribute(named: "scope", value: "col"), "By"))),
                   .tbody(.forEach(imports) { record in
                       .tr(.td(.a(.class("govuk-link"), .href(council.url(.importReport(record.id))),
                                  .text(record.importedAt.map(Format.dateTime) ?? "not known"))),
                           .td(.text(String(record.fileCount))), .td(.text(record.importedBy)))
                   })))
        ))
    }

    static func job(council: CouncilRef, job: ImportJob, user: CurrentUser, pseudonymise: ((String) -> String)?) -> HTML {
        switch job.outcome {
        case nil:
            return Layout.page(title: "Importing", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
                .h1(.class("govuk-heading-l"), "Importing your files"),
                .p(.class("govuk-body"), .attribute(named: "role", value: "status"), .id("progress"), .text(job.progress.capitalizingFirst)),
                .p(.class("govuk-body"), .text("Files: \(job.files.joined(separator: ", ")). This page refreshes itself until the import is done.")),
                .p(.class("govuk-body"), .a(.class("govuk-link"), .href(council.url(.upload(JobID(job.id)))), "Refresh now"))
            ))
        case .accepted(_, let report):
            return reportPage(council: council, title: "Import complete", report: report, accepted: true, user: user, pseudonymise: pseudonymise)
        case .rejected(let report):
            return reportPage(council: council, title: "Nothing was imported", report: report, accepted: false, user: user, pseudonymise: pseudonymise)
        case .failed(let message):
            return Layout.page(title: "Import failed", user: user, breadcrumbs: Layout.crumbs(user, council), content: .group(
                .h1(.class("govuk-heading-l"), "The import failed"), .p(.class("govuk-body"), .text(message))))
        }
    }

    /// The validation report. Child identifiers are the council's own, shown to the officer who uploaded them so the
    /// faults can be fixed at source; a stored report shown later pseudonymises them.
    static func reportPage(council: CouncilRef, title: String, report: ImportReport?, accepted: Bool, user: CurrentUser,
                       pseudonymise: ((String) -> String)?) -> HTML {
        Layout.page(title: title, user: user, breadcrumbs: Layout.crumbs(user, council) + [("Upload returns", council.url(.uploads))], wide: true, content: .group(
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
                    .if(accepted, changes(report, council: council)),
                    .forEach(report.notes) { .div(.class("govuk-inset-text"), .text($0)) },
                    .forEach(report.files) { file in
                        .div(.class("app-file-report"),
                             .h2(.class("govuk-heading-m"), .text(file.name), .text(" "), file.accepted ? Layout.tag("Read", colour: "green") : Layout.tag("Not read", colour: "red")),
                             .unwrap(file.readAs) { .p(.class("govuk-body"), .text("Read as \($0).")) },
                             .p(.class("govuk-body-s"), .text(file.counts.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")): \(file.counts[$0]!)" }.joined(separator: ", "))),
                             .if(!file.faultsByRule.isEmpty, .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Faults by rule"), .attribute(named: "tabindex", value: "0"),
.table(
                                .class("govuk-table"),
                                .caption(.class("govuk-table__caption"), "Faults by rule"),
                                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Rule"), .th(.attribute(named: "scope", value: "col"), .class("numeric"), "Count"))),
                                .tbody(.forEach(file.faultsByRule.keys.sorted()) { rule in
                                    .tr(.td(.text(rule)), .td(.class("numeric"), .text(String(file.faultsByRule[rule]!))))
                                })))),
                             .if(!file.faults.isEmpty, .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "The first \(min(file.faults.count, 100)) faults"), .attribute(named: "tabindex", value: "0"),
.table(
                                .class("govuk-table"),
                                .caption(.class("govuk-table__caption"), .text("The first \(min(file.faults.count, 100)) faults")),
                                .thead(.tr(.th(.attribute(named: "scope", value: "col"), "Line"), .th(.attribute(named: "scope", value: "col"), "Record"),
                                           .th(.attribute(named: "scope", value: "col"), "Field"), .th(.attribute(named: "scope", value: "col"), "Fault"))),
                                .tbody(.forEach(file.faults.prefix(100)) { fault in
                                    .tr(.td(.text(String(fault.line))), .td(.text(fault.child.map { pseudonymise?($0) ?? $0 } ?? "–")),
                                        .td(.text(fault.field)), .td(.text("\(fault.severity): \(Format.datesInWords(fault.message))")))
                                })))))
                    }
                )
            },
            .p(.class("govuk-body"), .a(.class("govuk-link"), .href(council.url), "Back to the dashboard"))
        ))
    }
}
