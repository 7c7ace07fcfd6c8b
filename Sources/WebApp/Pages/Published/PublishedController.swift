import Foundation
import Plot
import Published
import Storage
import Vapor

/// The published statistics loaded, and loading more: an administrator uploads DfE's tables (and statistical
/// neighbour models) as published. Each file is read whole and stored on its own, all or nothing; a refused file is
/// named with its reason and nothing of it is kept.
enum PublishedController {
    struct UploadForm: Content {
        var files: [File]?
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        return PublishedPage.page(files: try await PublishedStatistics.list(on: req.store.database), results: [], user: user)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(UploadForm.self)
        let files = (form.files ?? []).filter { $0.data.readableBytes > 0 }
        var results: [PublishedPage.Result] = []
        if files.isEmpty { results.append(.init(name: nil, outcome: "Choose one or more files to load", refused: true)) }
        for file in files {
            let name = (file.filename as NSString).lastPathComponent
            do {
                let checked = try PublishedStatistics.check(Array(file.data.readableBytesView), name: name)
                let outcome = try await PublishedStatistics.store(checked, by: user.actor, on: req.store.database)
                let said: String
                switch outcome {
                case .added: said = "loaded: \(checked.summary)"
                case .replaced: said = "replaced the file of the same name: \(checked.summary)"
                case .unchanged: said = "already loaded, unchanged"
                }
                results.append(.init(name: name, outcome: said, refused: false))
            } catch let error as PublishedFileError {
                results.append(.init(name: name, outcome: "not loaded: \(error.description.dropFirst(name.count + 2))", refused: true))
            }
        }
        await req.services.published.changed()
        let listed = try await PublishedStatistics.list(on: req.store.database)
        let response = try await PublishedPage.page(files: listed, results: results, user: user).encodeResponse(for: req)
        if results.contains(where: \.refused) { response.status = .unprocessableEntity }
        return response
    }
}

enum PublishedPage {
    struct Result: Sendable {
        var name: String?
        var outcome: String
        var refused: Bool
    }

    static func page(files: [PublishedStatistics.Listed], results: [Result], user: CurrentUser) -> HTML {
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        let refused = results.filter(\.refused)
        return Layout.page(title: "Published statistics", user: user, breadcrumbs: [("Councils", .councils)], wide: true, content: .group(
            .if(!refused.isEmpty, .div(.class("govuk-error-summary"), .attribute(named: "role", value: "alert"),
                                       .h2(.class("govuk-error-summary__title"), "There is a problem"),
                                       .ul(.class("govuk-list govuk-error-summary__list"), .forEach(refused) { r in
                                           .li(.a(.href("#files"), .text("\(r.name.map { "\($0): " } ?? "")\(r.outcome)")))
                                       }))),
            .if(results.contains { !$0.refused }, .div(.class("govuk-notification-banner govuk-notification-banner--success"), .attribute(named: "role", value: "alert"),
                .div(.class("govuk-notification-banner__header"), .h2(.class("govuk-notification-banner__title"), "Done")),
                .div(.class("govuk-notification-banner__content"), .ul(.class("govuk-list"), .forEach(results.filter { !$0.refused }) { r in
                    .li(.text("\(r.name ?? ""): \(r.outcome)"))
                })))),
            .h1(.class("govuk-heading-l"), "Published statistics"),
            .p(.class("govuk-body"), "DfE's local authority tables from explore-education-statistics (CSV, as downloaded) and DfE's statistical neighbour models. Each file is checked whole before it is kept; a file with the same name as one loaded replaces it. Every council's comparison pages and the view of every council in England are drawn from these."),
            .form(
                .action(SiteURL.published.path), .method(.post), .enctype(.multipartData),
                Layout.csrf(user),
                .div(.class("govuk-form-group"),
                     .label(.class("govuk-label"), .for("files"), "Files (CSV tables, or Ofsted's ODS workbook)"),
                     .input(.class("govuk-file-upload"), .id("files"), .name("files[]"), .type(.file), .multiple(true),
                            .attribute(named: "accept", value: ".csv,text/csv,.ods"))),
                .button(.type(.submit), .class("govuk-button"), .id("load"), "Check and load")
            ),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: "Published statistics loaded"), .attribute(named: "tabindex", value: "0"),
.table(
                .class("govuk-table stack"), .id("published"),
                .caption(.class("govuk-table__caption govuk-table__caption--m"), .text(files.isEmpty ? "Nothing is loaded yet" : "Loaded files")),
                .thead(.tr(th("File"), th("What it holds"), th("Loaded"), th("By"))),
                .tbody(.forEach(files) { f in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(f.name)), PublishedFormat.td("What it holds", f.summary),
                        PublishedFormat.td("Loaded", f.loadedAt.map { Format.dateTime($0) } ?? ""), PublishedFormat.td("By", f.loadedBy))
                })
            ))
        ))
    }
}
